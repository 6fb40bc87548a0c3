/**
 * A column's value in a Web API row, and how the form shows it: numbers, amounts and dates
 * through context.formatting (the user's formats), choices and lookups by the label or name
 * Dataverse annotates them with. The form's fields and the controls' parameters both use this,
 * so a control's `formatted` value reads exactly as the field next to it.
 */

import type { ColumnModel } from '../shared/pageModel.js';

export const FORMATTED_VALUE = '@OData.Community.Display.V1.FormattedValue';
export const LOOKUP_LOGICAL_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** Web API rows are plain JSON objects. */
export type Row = Record<string, unknown>;

export interface ColumnValue {
  /** The Web API's value: string, number, boolean or null; a lookup's referenced id. */
  value: string | number | boolean | null;
  /** Dataverse's formatted value: option labels, lookup names. */
  formatted: string | undefined;
  /** A lookup's referenced table. */
  lookupTable: string | undefined;
}

export const isLookupColumn = (column: Pick<ColumnModel, 'type'>): boolean => column.type === 'Lookup' || column.type === 'Customer' || column.type === 'Owner';

/** The property a column has in Web API rows: lookups appear as _<column>_value. */
export const propertyNameOf = (column: Pick<ColumnModel, 'type' | 'logicalName'>): string =>
  isLookupColumn(column) ? `_${column.logicalName}_value` : column.logicalName;

export function readColumnValue(row: Row | undefined, column: ColumnModel): ColumnValue {
  const property = propertyNameOf(column);
  const raw = row?.[property];
  const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;
  const formatted = row?.[`${property}${FORMATTED_VALUE}`];
  const lookupTable = row?.[`${property}${LOOKUP_LOGICAL_NAME}`];
  return {
    value,
    formatted: typeof formatted === 'string' ? formatted : undefined,
    lookupTable: typeof lookupTable === 'string' ? lookupTable : column.targets?.length === 1 ? column.targets[0] : undefined,
  };
}

export const isDateOnlyColumn = (column: Pick<ColumnModel, 'format' | 'dateTimeBehavior'>): boolean =>
  column.format === 'DateOnly' || column.dateTimeBehavior === 'DateOnly';

/** A DateTime column's value as a Date: a date-only value is that calendar day at local midnight, as the form shows it. */
export function dateOf(column: ColumnModel, value: ColumnValue['value']): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day && isDateOnlyColumn(column)) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function optionLabel(column: ColumnModel, value: number | boolean): string | undefined {
  const wanted = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return column.options?.find((option) => option.value === wanted)?.label;
}

/** The text the form shows for a value; '' for no value. `currencySymbol` is the record's currency. */
export function displayValue(column: ColumnModel, value: ColumnValue, formatting: ComponentFramework.Formatting, currencySymbol: string | undefined): string {
  const raw = value.value;
  if (raw === null || raw === '') return '';
  switch (column.type) {
    case 'Integer':
    case 'BigInt':
      return typeof raw === 'number' ? formatting.formatInteger(raw) : String(raw);
    case 'Decimal':
    case 'Double':
      return typeof raw === 'number' ? formatting.formatDecimal(raw, column.precision) : String(raw);
    case 'Money':
      return typeof raw === 'number' ? formatting.formatCurrency(raw, column.precision, currencySymbol) : String(raw);
    case 'DateTime': {
      const date = dateOf(column, raw);
      if (!date) return String(raw);
      return isDateOnlyColumn(column) ? formatting.formatDateShort(date) : formatting.formatDateShort(date, true);
    }
    case 'Picklist':
    case 'State':
    case 'Status':
    case 'Boolean':
      return value.formatted ?? (typeof raw === 'number' || typeof raw === 'boolean' ? optionLabel(column, raw) : undefined) ?? String(raw);
    case 'MultiSelectPicklist':
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return value.formatted ?? String(raw);
    default:
      return String(raw);
  }
}
