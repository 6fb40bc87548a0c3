/**
 * The simulated ECC's data dictionary: ABAP types, structures and tables, and how RFC moves
 * values of each type. Definitions are written compactly as "NAME:TYPE<length>[.<decimals>]"
 * (the notation of SAP's own metadata, e.g. "NET_VAL_HD:DEC28.9"), so that they read like
 * SE11 and can be checked field by field against SAP's metadata in tests.
 */

import { conversionFailure } from '../rfcErrors.js';

export type AbapType =
  | 'CHAR' | 'NUMC' | 'DATS' | 'TIMS' | 'CUKY' | 'UNIT' | 'LANG' | 'CLNT'
  | 'DEC' | 'CURR' | 'QUAN' | 'INT1' | 'INT2' | 'INT4' | 'FLTP';

export interface FieldDef {
  name: string;
  type: AbapType;
  length: number;
  decimals: number;
}

export interface StructureDef {
  name: string;
  fields: FieldDef[];
  field(name: string): FieldDef | undefined;
}

const FIXED_LENGTH: Partial<Record<AbapType, number>> = { DATS: 8, TIMS: 6, LANG: 1, CLNT: 3, CUKY: 5, UNIT: 3, INT1: 3, INT2: 5, INT4: 10, FLTP: 16 };
const FIELD_SPEC = /^([A-Z0-9_/]+):(CHAR|NUMC|DATS|TIMS|CUKY|UNIT|LANG|CLNT|DEC|CURR|QUAN|INT1|INT2|INT4|FLTP)(\d+)?(?:\.(\d+))?$/;

export function parseField(spec: string): FieldDef {
  const match = FIELD_SPEC.exec(spec);
  if (!match) throw new Error(`bad field definition "${spec}"`);
  const type = match[2] as AbapType;
  const length = match[3] !== undefined ? Number(match[3]) : FIXED_LENGTH[type];
  if (length === undefined) throw new Error(`field definition "${spec}" needs a length`);
  return { name: match[1]!, type, length, decimals: match[4] !== undefined ? Number(match[4]) : 0 };
}

/** Defines a structure from whitespace-separated field specs. */
export function structure(name: string, specs: string): StructureDef {
  const fields = specs.trim().split(/\s+/).map(parseField);
  const byName = new Map(fields.map((f) => [f.name, f]));
  if (byName.size !== fields.length) throw new Error(`structure ${name} defines a field twice`);
  return { name, fields, field: (fieldName) => byName.get(fieldName) };
}

export const isCharLike = (type: AbapType): boolean =>
  type === 'CHAR' || type === 'CUKY' || type === 'UNIT' || type === 'LANG' || type === 'CLNT';
export const isPacked = (type: AbapType): boolean => type === 'DEC' || type === 'CURR' || type === 'QUAN';
export const isInteger = (type: AbapType): boolean => type === 'INT1' || type === 'INT2' || type === 'INT4';

/** The initial value of a field as RFC returns it. */
export function initialValue(field: FieldDef): string | number {
  if (isInteger(field.type) || field.type === 'FLTP') return 0;
  if (isPacked(field.type)) return (0).toFixed(field.decimals);
  if (field.type === 'NUMC' || field.type === 'DATS' || field.type === 'TIMS') return '0'.repeat(field.length);
  return '';
}

/**
 * Converts a caller's value into the field's internal value, rejecting what RFC rejects:
 * a wrong JavaScript type, a CHAR longer than the field, non-digits in NUMC, DATS or TIMS,
 * a number that does not fit.
 */
export function toInternal(field: FieldDef, value: unknown, path: string): string | number {
  const fail = (why: string): never => {
    throw conversionFailure(`Cannot convert ${JSON.stringify(value)} for ${path} (${field.type} ${field.length}${field.decimals ? `.${field.decimals}` : ''}): ${why}`);
  };
  if (isCharLike(field.type)) {
    if (typeof value !== 'string') fail('a string is expected');
    const text = (value as string).replace(/\s+$/, '');
    if (text.length > field.length) fail(`longer than ${field.length} characters`);
    return text;
  }
  if (field.type === 'NUMC' || field.type === 'DATS' || field.type === 'TIMS') {
    if (typeof value !== 'string') fail('a string of digits is expected');
    const text = (value as string).trim();
    if (text === '') return '0'.repeat(field.length);
    if (!/^\d+$/.test(text)) fail('only digits are allowed');
    if (text.length > field.length) fail(`more than ${field.length} digits`);
    if (field.type !== 'NUMC' && text.length !== field.length) fail(`exactly ${field.length} digits are expected`);
    return text.padStart(field.length, '0');
  }
  if (isInteger(field.type)) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) fail('an integer is expected');
    return number as number;
  }
  if (field.type === 'FLTP') {
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) fail('a number is expected');
    return number as number;
  }
  // DEC, CURR, QUAN: a number or a numeric string, within the packed field's digits.
  const number = typeof value === 'string' ? (value.trim() === '' ? 0 : Number(value)) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) fail('a number is expected');
  const integerDigits = field.length - field.decimals;
  if (Math.abs(number as number) >= 10 ** integerDigits) fail(`more than ${integerDigits} integer digits`);
  return (number as number).toFixed(field.decimals);
}

/** A stored value as RFC hands it out: CHAR right-trimmed, NUMC zero-padded, packed with all decimals. */
export function toExternal(field: FieldDef, stored: unknown): string | number {
  if (stored === undefined || stored === null || stored === '') return initialValue(field);
  if (typeof stored !== 'string' && typeof stored !== 'number') throw new TypeError(`${field.name}: ${typeof stored} is not an elementary value`);
  const value: string | number = stored;
  if (isCharLike(field.type)) return String(value).replace(/\s+$/, '').slice(0, field.length);
  if (field.type === 'NUMC' || field.type === 'DATS' || field.type === 'TIMS') return String(value).padStart(field.length, '0');
  if (isInteger(field.type) || field.type === 'FLTP') return Number(value);
  return Number(value).toFixed(field.decimals);
}
