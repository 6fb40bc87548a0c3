/**
 * OData literal values as the Dataverse Web API reads them in $filter expressions and key
 * predicates, built from values, never from text a caller assembled: a string is quoted with its
 * single quotes doubled ('O''Brien'), a GUID is written bare, a date-time in UTC ISO 8601, a
 * date-only value as YYYY-MM-DD, numbers and booleans as themselves, null as null. Names of
 * entity sets and columns are checked to be plain identifiers, so nothing a caller passes can
 * close a literal or open another clause. URL encoding is done later, once, where a literal is
 * placed into a URL (query.ts, recordAddress.ts).
 */

import { DataverseRequestError } from './errors.js';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A GUID literal (primary keys, lookup values `_x_value`): written without quotes. */
export interface Guid {
  readonly kind: 'guid';
  readonly value: string;
}

/** A date without time (Edm.Date, "Date only" columns). */
export interface DateOnly {
  readonly kind: 'date';
  readonly value: string;
}

/** What a literal may be built from. A JavaScript string is always an OData string; wrap GUIDs in guid(). */
export type ODataValue = string | number | bigint | boolean | null | Date | Guid | DateOnly;

/** A GUID in Dataverse's form (lower case, no braces); throws DataverseRequestError if it is not one. */
export function normalizeGuid(text: string, what = 'id'): string {
  const match = GUID.exec(text.trim());
  if (!match) throw new DataverseRequestError(`The ${what} "${text}" is not a GUID.`);
  return match[1]!.toLowerCase();
}

export function guid(text: string): Guid {
  return { kind: 'guid', value: normalizeGuid(text) };
}

export function dateOnly(value: string | Date): DateOnly {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const match = DATE_ONLY.exec(text);
  const valid = match !== null && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!valid) throw new DataverseRequestError(`"${text}" is not a date (YYYY-MM-DD).`);
  return { kind: 'date', value: text };
}

/** The literal's text, e.g. 'O''Brien', 42, true, null, 2024-05-01T08:00:00Z, 1c2d…. */
export function formatLiteral(value: ODataValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `'${value.replaceAll("'", "''")}'`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw new DataverseRequestError(`${value} cannot be written as an OData number.`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new DataverseRequestError('An invalid Date cannot be written as an OData date-time.');
        return value.toISOString().replace('.000Z', 'Z');
      }
      // Re-checked here: a Guid or DateOnly may have been built by hand instead of with guid()/dateOnly().
      if (value.kind === 'guid') return normalizeGuid(value.value);
      return dateOnly(value.value).value;
    default:
      throw new DataverseRequestError(`A ${typeof value} cannot be written as an OData literal.`);
  }
}

/** Checks an entity set, column or navigation property name. */
export function assertIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new DataverseRequestError(`"${name}" is not a valid ${what} name.`);
  return name;
}

/** Checks a property path such as `primarycontactid/fullname`. */
export function assertPropertyPath(path: string): string {
  for (const segment of path.split('/')) assertIdentifier(segment, 'column');
  return path;
}
