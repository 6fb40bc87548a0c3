/**
 * Column values of the simulated Dataverse: how a JSON value from a request becomes a stored
 * value (checked as Dataverse checks it: type, length, range, option value), how a stored value
 * is written back in results, and its formatted value (the
 * OData.Community.Display.V1.FormattedValue annotation, formatted for an en-US user in UTC).
 */

import { randomUUID } from 'node:crypto';
import { faults } from './faults.js';
import type { AttributeMetadata } from './metadata.js';

/** A lookup's stored value: the referenced row. */
export interface EntityReference {
  id: string;
  logicalName: string;
}

export type StoredValue = string | number | boolean | EntityReference | null;

/** A stored row: attribute logical name → value; absent and null both mean "no value". */
export type Row = Record<string, StoredValue>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);
/** GUIDs are compared and stored in lower case, without braces. */
export const normalizeGuid = (value: string): string => value.replace(/^\{|\}$/g, '').toLowerCase();

export const newId = (): string => randomUUID();

export const isEntityReference = (value: StoredValue | undefined): value is EntityReference =>
  typeof value === 'object' && value !== null && 'id' in value;

const INT32 = { min: -2147483648, max: 2147483647 };

/** The OData (Edm) type of an attribute, as the Web API's CSDL declares it. */
export function edmType(attribute: AttributeMetadata): string {
  switch (attribute.type) {
    case 'String': case 'Memo': case 'EntityName': case 'MultiSelectPicklist': return 'Edm.String';
    case 'Integer': case 'Picklist': case 'State': case 'Status': return 'Edm.Int32';
    case 'BigInt': return 'Edm.Int64';
    case 'Decimal': case 'Money': return 'Edm.Decimal';
    case 'Double': return 'Edm.Double';
    case 'Boolean': return 'Edm.Boolean';
    case 'DateTime': return attribute.format === 'DateOnly' ? 'Edm.Date' : 'Edm.DateTimeOffset';
    case 'Uniqueidentifier': case 'Lookup': case 'Customer': case 'Owner': return 'Edm.Guid';
  }
}

export const isDateOnly = (attribute: AttributeMetadata): boolean => attribute.type === 'DateTime' && attribute.format === 'DateOnly';

/** Normalises a date-and-time to Dataverse's UTC form, seconds precision: 2024-05-01T08:30:00Z. */
export function utcDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function dateOnly(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return undefined;
  return match[1];
}

/**
 * A JSON value from a request body as the stored value of a non-lookup attribute. `table` and
 * `entitySetName` only name the table in errors.
 */
export function readInputValue(attribute: AttributeMetadata, json: unknown, table: string, entitySetName: string): StoredValue {
  if (json === null) return null;
  const wrongType = (): never => {
    throw faults.payload(entitySetName, `Cannot convert the literal '${typeof json === 'string' ? json : JSON.stringify(json)}' to the expected type '${edmType(attribute)}'.`);
  };
  const checkRange = (value: number, min: number, max: number): number => {
    if (value < min || value > max) throw faults.numberOutOfRange(table, attribute.logicalName, value, min, max);
    return value;
  };
  switch (attribute.type) {
    case 'String':
    case 'Memo': {
      if (typeof json !== 'string') return wrongType();
      if (attribute.maxLength !== undefined && json.length > attribute.maxLength) throw faults.tooLong(table, attribute.logicalName, attribute.maxLength);
      return json;
    }
    case 'EntityName':
      return typeof json === 'string' ? json : wrongType();
    case 'Integer':
    case 'BigInt': {
      const value = typeof json === 'number' ? json : typeof json === 'string' && /^-?\d+$/.test(json) ? Number(json) : wrongType();
      if (!Number.isInteger(value)) return wrongType();
      const limits = attribute.type === 'Integer' ? INT32 : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
      return checkRange(value, attribute.minValue ?? limits.min, attribute.maxValue ?? limits.max);
    }
    case 'Decimal':
    case 'Double':
    case 'Money': {
      // OData JSON may carry decimals as strings (IEEE754Compatible); both are accepted.
      const value = typeof json === 'number' ? json : typeof json === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(json) ? Number(json) : wrongType();
      checkRange(value, attribute.minValue ?? -Number.MAX_VALUE, attribute.maxValue ?? Number.MAX_VALUE);
      const precision = attribute.precision ?? (attribute.type === 'Money' ? 4 : undefined);
      return precision === undefined ? value : Number(value.toFixed(precision));
    }
    case 'Boolean':
      return typeof json === 'boolean' ? json : wrongType();
    case 'DateTime': {
      if (typeof json !== 'string') return wrongType();
      const value = isDateOnly(attribute) ? dateOnly(json) : utcDateTime(json);
      return value ?? wrongType();
    }
    case 'Picklist':
    case 'State':
    case 'Status': {
      if (typeof json !== 'number' || !Number.isInteger(json)) return wrongType();
      const accepted = (attribute.options ?? []).map((o) => o.value);
      if (!accepted.includes(json)) throw faults.optionOutOfRange(table, attribute.logicalName, json, accepted);
      return json;
    }
    case 'MultiSelectPicklist': {
      if (typeof json !== 'string') return wrongType();
      const accepted = (attribute.options ?? []).map((o) => o.value);
      const values = json === '' ? [] : json.split(',').map((v) => (/^\s*-?\d+\s*$/.test(v) ? Number(v) : wrongType()));
      for (const value of values) if (!accepted.includes(value)) throw faults.optionOutOfRange(table, attribute.logicalName, value, accepted);
      return values.length === 0 ? null : values.join(',');
    }
    case 'Uniqueidentifier':
      return typeof json === 'string' && isGuid(normalizeGuid(json)) ? normalizeGuid(json) : wrongType();
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      // Lookups are set through their navigation property (@odata.bind), never by value.
      throw faults.payload(entitySetName, `The property '${attribute.logicalName}' is a lookup; set it with '<navigation property>@odata.bind'.`);
  }
}

/** A stored value as the Web API writes it in a result. */
export function writeOutputValue(value: StoredValue | undefined): unknown {
  if (value === undefined) return null;
  if (isEntityReference(value)) return value.id;
  return value;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/**
 * The formatted value of a stored value, or undefined when Dataverse sends none (strings, GUIDs).
 * `lookupName` gives the primary name of a referenced row; `currencySymbol` that of the row's currency.
 */
export function formatValue(
  attribute: AttributeMetadata,
  value: StoredValue | undefined,
  lookupName: (reference: EntityReference) => string | undefined,
  currencySymbol: string | undefined,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (attribute.type) {
    case 'Picklist': case 'State': case 'Status':
      return attribute.options?.find((o) => o.value === value)?.label;
    case 'MultiSelectPicklist':
      return (value as string).split(',').map((v) => attribute.options?.find((o) => o.value === Number(v))?.label ?? v).join('; ');
    case 'Boolean': {
      const options = attribute.options ?? [];
      const label = options.find((o) => o.value === (value ? 1 : 0))?.label;
      return label ?? (value ? 'Yes' : 'No');
    }
    case 'Money': {
      const amount = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value as number);
      return `${currencySymbol ?? ''}${amount}`;
    }
    case 'Integer': case 'BigInt': case 'Decimal': case 'Double':
      return NUMBER_FORMAT.format(value as number);
    case 'DateTime':
      return formatDate(value as string, isDateOnly(attribute));
    case 'Lookup': case 'Customer': case 'Owner':
      return isEntityReference(value) ? lookupName(value) : undefined;
    default:
      return undefined;
  }
}

function formatDate(value: string, dateOnlyValue: boolean): string {
  const date = new Date(dateOnlyValue ? `${value}T00:00:00Z` : value);
  const day = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
  if (dateOnlyValue) return day;
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${day} ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}
