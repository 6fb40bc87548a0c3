/**
 * context.parameters: each manifest property as the runtime hands it to a control. A bound
 * property carries its column's value from the form (raw in the manifest type's shape: text,
 * number, Date, option value, boolean, lookup references), the value as the form shows it, and
 * the column's metadata; an input property carries the static value the form layout gives it.
 * getOutputs goes the other way: a control's output for a bound property becomes the column's
 * new (unsaved) value.
 */

import type { ColumnModel, ControlPropertyModel } from '../shared/pageModel.js';
import { dateOf, displayValue, isDateOnlyColumn, readColumnValue, type ColumnValue, type Row } from './values.js';

type Property = ComponentFramework.PropertyTypes.Property;
type Metadata = ComponentFramework.PropertyHelper.FieldPropertyMetadata.Metadata;

const REQUIRED_LEVELS: Record<ColumnModel['requiredLevel'], ComponentFramework.PropertyHelper.Types.RequiredLevel> = {
  None: 0,
  SystemRequired: 1,
  ApplicationRequired: 2,
  Recommended: 3,
};

const DATE_TIME_BEHAVIORS: Record<string, ComponentFramework.FormattingApi.Types.DateTimeFieldBehavior> = {
  UserLocal: 1,
  DateOnly: 2,
  TimeZoneIndependent: 3,
};

const isText = (ofType: string): boolean => ofType.startsWith('SingleLine.') || ofType === 'Multiple';
const isNumber = (ofType: string): boolean => ofType === 'Whole.None' || ofType === 'Currency' || ofType === 'Decimal' || ofType === 'FP';
const isDate = (ofType: string): boolean => ofType.startsWith('DateAndTime.');
const isLookup = (ofType: string): boolean => ofType.startsWith('Lookup.');

/** The column's metadata as PCF describes a field (FieldPropertyMetadata). */
export function fieldMetadata(column: ColumnModel): Metadata & Record<string, unknown> {
  const metadata: Metadata & Record<string, unknown> = {
    DisplayName: column.label,
    LogicalName: column.logicalName,
    RequiredLevel: REQUIRED_LEVELS[column.requiredLevel],
    IsSecured: false,
    SourceType: 0,
    Description: '',
    ImeMode: 0,
  };
  if (column.maxLength !== undefined) metadata.MaxLength = column.maxLength;
  if (column.format !== undefined) metadata.Format = column.format;
  if (column.precision !== undefined) metadata.Precision = column.precision;
  if (column.minValue !== undefined) metadata.MinValue = column.minValue;
  if (column.maxValue !== undefined) metadata.MaxValue = column.maxValue;
  if (column.targets !== undefined) metadata.Targets = column.targets;
  if (column.dateTimeBehavior !== undefined) metadata.Behavior = DATE_TIME_BEHAVIORS[column.dateTimeBehavior] ?? 0;
  if (column.options !== undefined) metadata.Options = column.options.map((option) => ({ Label: option.label, Value: option.value, Color: '' }));
  if (column.defaultValue !== undefined) metadata.DefaultValue = column.defaultValue;
  return metadata;
}

/** A bound column's value in the shape the manifest type asks for. */
export function rawValue(ofType: string, column: ColumnModel, value: ColumnValue): unknown {
  const raw = value.value;
  if (isLookup(ofType)) {
    if (typeof raw !== 'string' || raw === '') return [];
    const reference: ComponentFramework.LookupValue = { id: raw, entityType: value.lookupTable ?? '' };
    if (value.formatted !== undefined) reference.name = value.formatted;
    return [reference];
  }
  if (ofType === 'TwoOptions') return raw === true || raw === 1;
  if (raw === null || raw === '') return null;
  if (isNumber(ofType) || ofType === 'OptionSet') return typeof raw === 'number' ? raw : Number(raw);
  if (ofType === 'MultiSelectOptionSet') return String(raw).split(',').map(Number);
  if (isDate(ofType)) return dateOf(column, raw);
  if (isText(ofType) && (column.type === 'Lookup' || column.type === 'Customer' || column.type === 'Owner')) return value.formatted ?? null;
  return String(raw);
}

/** An input property's static value from the form layout, in the manifest type's shape. */
export function staticRawValue(ofType: string, text: string | undefined): unknown {
  if (text === undefined) return ofType === 'TwoOptions' ? false : null;
  if (ofType === 'TwoOptions') return text === 'true' || text === '1';
  if (isNumber(ofType) || ofType === 'OptionSet') return text.trim() === '' ? null : Number(text);
  if (isDate(ofType)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return text;
}

export interface ParameterSource {
  properties: readonly ControlPropertyModel[];
  columns: Readonly<Record<string, ColumnModel>>;
  /** The form's record as read from the Web API, with the user's unsaved changes applied; undefined when it could not be read. */
  row: Row | undefined;
  formatting: ComponentFramework.Formatting;
  currencySymbol: string | undefined;
  /** The form is read-only: no property is editable. */
  readOnly: boolean;
}

export function buildParameters(source: ParameterSource): Record<string, Property> {
  const parameters: Record<string, Property> = {};
  for (const property of source.properties) {
    if (property.usage === 'output') continue;
    const column = property.column === undefined ? undefined : source.columns[property.column];
    if (property.usage === 'bound' && column) {
      const value = readColumnValue(source.row, column);
      const parameter: Property & Record<string, unknown> = {
        raw: rawValue(property.ofType, column, value),
        formatted: displayValue(column, value, source.formatting, source.currencySymbol),
        type: property.ofType,
        error: false,
        errorMessage: '',
        attributes: fieldMetadata(column),
        security: { editable: column.editable && !source.readOnly, readable: source.row !== undefined, secured: false },
      };
      if (isLookup(property.ofType)) {
        parameter.getTargetEntityType = () => column.targets?.[0] ?? '';
        parameter.getViewId = () => '';
      }
      parameters[property.name] = parameter;
      continue;
    }
    const raw = staticRawValue(property.ofType, property.staticValue);
    parameters[property.name] = { raw, formatted: property.staticValue ?? '', type: property.ofType, error: false, errorMessage: '' };
  }
  return parameters;
}

/**
 * A control's output for a bound property as the Web API value of its column (what an update
 * would send), or undefined when the value does not fit the column.
 */
export function columnValueOfOutput(column: ColumnModel, output: unknown): string | number | boolean | null | undefined {
  if (output === null || output === undefined) return null;
  switch (column.type) {
    case 'String':
    case 'Memo':
      return typeof output === 'string' ? output : undefined;
    case 'Integer':
    case 'BigInt':
    case 'Decimal':
    case 'Double':
    case 'Money':
    case 'Picklist':
    case 'State':
    case 'Status':
      return typeof output === 'number' && Number.isFinite(output) ? output : undefined;
    case 'Boolean':
      return typeof output === 'boolean' ? output : undefined;
    case 'DateTime': {
      if (!(output instanceof Date) || Number.isNaN(output.getTime())) return undefined;
      if (!isDateOnlyColumn(column)) return output.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${output.getFullYear()}-${pad(output.getMonth() + 1)}-${pad(output.getDate())}`;
    }
    default:
      return undefined;
  }
}
