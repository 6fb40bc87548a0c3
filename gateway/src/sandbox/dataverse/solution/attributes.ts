/**
 * A column as customizations.xml defines it (<attribute PhysicalName="…"> with <Type>, <RequiredLevel>,
 * <MaxLength>, <optionset> …, schema 9.0) turned into the simulator's AttributeMetadata. Lookup
 * targets come from the relationships and are filled in by the importer.
 */

import { childNamed, childrenNamed, type XmlElement } from '../../../xml/parse.js';
import type { AttributeMetadata, AttributeType, OptionMetadata, RequiredLevel } from '../metadata.js';
import { importErrors } from './importErrors.js';
import { childText, labelOf, requiredChildText, startTag } from './xmlDocument.js';

/** The types of the schema's CrmDataType the simulator holds; the rest (virtual, image, partylist …) are derived or internal columns it does not keep. */
const TYPES: Record<string, AttributeType> = {
  nvarchar: 'String', varchar: 'String', nchar: 'String', char: 'String', phoneticguide: 'String',
  ntext: 'Memo', text: 'Memo',
  int: 'Integer', smallint: 'Integer', tinyint: 'Integer', timezone: 'Integer',
  bigint: 'BigInt',
  decimal: 'Decimal', numeric: 'Decimal',
  float: 'Double', real: 'Double',
  money: 'Money', smallmoney: 'Money',
  bit: 'Boolean',
  datetime: 'DateTime', smalldatetime: 'DateTime',
  picklist: 'Picklist', multiselectpicklist: 'MultiSelectPicklist', state: 'State', status: 'Status',
  lookup: 'Lookup', customer: 'Customer', owner: 'Owner',
  primarykey: 'Uniqueidentifier', uniqueidentifier: 'Uniqueidentifier',
};
const NOT_HELD = new Set(['virtual', 'binary', 'varbinary', 'image', 'timestamp', 'partylist', 'sql_variant', 'HierarchyId', 'managedproperty']);

const REQUIRED_LEVELS: Record<string, RequiredLevel> = {
  none: 'None', recommended: 'Recommended', required: 'ApplicationRequired', applicationrequired: 'ApplicationRequired', systemrequired: 'SystemRequired',
};

const STRING_FORMATS: Record<string, string> = {
  text: 'Text', email: 'Email', phone: 'Phone', url: 'Url', textarea: 'TextArea', tickersymbol: 'TickerSymbol',
  phoneticguide: 'PhoneticGuide', versionnumber: 'VersionNumber', json: 'Json', richtext: 'RichText',
};
const INTEGER_FORMATS: Record<string, string> = { '': 'None', none: 'None', duration: 'Duration', timezone: 'TimeZone', language: 'Language', locale: 'Locale' };
// AttributeMetadata.DateTimeBehavior in a solution: 1 UserLocal, 2 DateOnly, 3 TimeZoneIndependent.
const DATE_TIME_BEHAVIORS: Record<string, string> = { '1': 'UserLocal', '2': 'DateOnly', '3': 'TimeZoneIndependent' };

export interface ImportedAttribute {
  attribute: AttributeMetadata;
  /** <Type>primarykey</Type>: the table's id. */
  isPrimaryKey: boolean;
  /** DisplayMask PrimaryName: the table's primary name column. */
  isPrimaryName: boolean;
  /** OptionSetName: the global option set whose options the column takes. */
  globalOptionSet: string | undefined;
}

const flag = (element: XmlElement, name: string, fallback: boolean): boolean => {
  const text = childText(element, name);
  return text === undefined ? fallback : text === '1' || text.toLowerCase() === 'true';
};

const number = (element: XmlElement, name: string): number | undefined => {
  const text = childText(element, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (Number.isNaN(value)) throw importErrors.schemaViolation(`The '${name}' element is invalid - The value '${text}' is invalid according to its datatype.`, startTag(element));
  return value;
};

/** Options of an <optionset> (local to a column, or global under <optionsets>). */
export function optionsOf(optionSet: XmlElement): OptionMetadata[] {
  const states = childNamed(optionSet, 'states');
  if (states) {
    return childrenNamed(states, 'state').map((state) => ({
      value: Number(state.attributes.value),
      label: labelOf(state, 'labels', 'label'),
      defaultStatus: Number(state.attributes.defaultstatus),
      invariantName: state.attributes.invariantname ?? '',
    }));
  }
  const statuses = childNamed(optionSet, 'statuses');
  if (statuses) {
    return childrenNamed(statuses, 'status').map((status) => ({
      value: Number(status.attributes.value), label: labelOf(status, 'labels', 'label'), state: Number(status.attributes.state),
    }));
  }
  return childrenNamed(childNamed(optionSet, 'options') ?? optionSet, 'option').map((option) => ({
    value: Number(option.attributes.value), label: labelOf(option, 'labels', 'label'),
  }));
}

/** The column, or undefined for a type the simulator does not hold. */
export function readAttribute(element: XmlElement): ImportedAttribute | undefined {
  const crmType = requiredChildText(element, 'Type');
  if (NOT_HELD.has(crmType)) return undefined;
  const type = TYPES[crmType];
  if (!type) throw importErrors.schemaViolation(`The 'Type' element is invalid - The value '${crmType}' is invalid according to its datatype 'CrmDataType' - The Enumeration constraint failed.`, startTag(element));
  const physicalName = element.attributes.PhysicalName;
  if (!physicalName) throw importErrors.schemaViolation("The required attribute 'PhysicalName' is missing.", startTag(element));
  const logicalName = (childText(element, 'LogicalName') ?? physicalName).toLowerCase();
  const requiredText = (childText(element, 'RequiredLevel') ?? 'none').toLowerCase();
  const requiredLevel = REQUIRED_LEVELS[requiredText];
  if (!requiredLevel) throw importErrors.schemaViolation(`The 'RequiredLevel' element has the value '${requiredText}', which is not a required level.`, startTag(element));

  const attribute: AttributeMetadata = {
    logicalName,
    schemaName: physicalName,
    type,
    requiredLevel,
    validForCreate: flag(element, 'ValidForCreateApi', true),
    validForUpdate: flag(element, 'ValidForUpdateApi', true),
    validForRead: flag(element, 'ValidForReadApi', true),
    isCustomAttribute: flag(element, 'IsCustomField', false),
  };
  const format = (childText(element, 'Format') ?? '').toLowerCase();
  switch (type) {
    case 'String':
      attribute.maxLength = number(element, 'MaxLength') ?? 100;
      attribute.format = STRING_FORMATS[format || (crmType === 'phoneticguide' ? 'phoneticguide' : 'text')] ?? format;
      break;
    case 'Memo':
      attribute.maxLength = number(element, 'MaxLength') ?? 2000;
      attribute.format = format === 'text' ? 'Text' : 'TextArea';
      break;
    case 'Integer':
      attribute.format = crmType === 'timezone' ? 'TimeZone' : (INTEGER_FORMATS[format] ?? format);
      attribute.minValue = number(element, 'MinValue') ?? -2147483648;
      attribute.maxValue = number(element, 'MaxValue') ?? 2147483647;
      break;
    case 'Decimal':
    case 'Double':
    case 'Money':
      attribute.minValue = number(element, 'MinValue');
      attribute.maxValue = number(element, 'MaxValue');
      attribute.precision = number(element, 'Accuracy') ?? 2;
      break;
    case 'DateTime':
      attribute.format = format === 'date' ? 'DateOnly' : 'DateAndTime';
      attribute.dateTimeBehavior = DATE_TIME_BEHAVIORS[childText(element, 'Behavior') ?? '1'] ?? 'UserLocal';
      break;
    case 'Owner':
      attribute.targets = ['systemuser', 'team'];
      break;
    default:
      break;
  }
  const localOptionSet = childNamed(element, 'optionset');
  if (localOptionSet) attribute.options = optionsOf(localOptionSet);
  // A yes/no column without its own labels reads No/Yes.
  if (type === 'Boolean' && !attribute.options?.length) attribute.options = [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }];
  // AppDefaultValue: the value a new row gets; -1 means none.
  const defaultValue = number(element, 'AppDefaultValue');
  if (defaultValue !== undefined && defaultValue !== -1) {
    if (type === 'Boolean') attribute.defaultValue = defaultValue === 1;
    else if (type === 'Picklist') attribute.defaultValue = defaultValue;
  }
  return {
    attribute,
    isPrimaryKey: crmType === 'primarykey',
    isPrimaryName: (childText(element, 'DisplayMask') ?? '').split('|').includes('PrimaryName'),
    globalOptionSet: localOptionSet ? undefined : childText(element, 'OptionSetName'),
  };
}
