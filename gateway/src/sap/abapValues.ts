/**
 * Conversions between SAP's internal formats and the canonical model's values.
 * DATS is "YYYYMMDD" ("00000000" or "" when initial), TIMS "HHMMSS"; packed numbers come as
 * strings, from RFC_READ_TABLE with a trailing minus ("12.50-"); some older BAPI fields are
 * NUMC with implied decimals ("00000901" with 2 decimals is 9.01).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATS = /^(\d{4})(\d{2})(\d{2})$/;

/** ISO date ("2026-11-27") to DATS ("20261127"); empty stays empty. */
export function toDats(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`"${isoDate}" is not a date of the form YYYY-MM-DD`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** DATS to ISO date; the initial date ("00000000", "") becomes "". */
export function fromDats(dats: string | number | undefined): string {
  const value = String(dats ?? '').trim();
  if (value === '' || /^0+$/.test(value)) return '';
  if (ISO_DATE.test(value)) return value;
  const match = DATS.exec(value);
  if (!match) throw new RangeError(`"${value}" is not an SAP date (YYYYMMDD)`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** TIMS ("HHMMSS") to "HH:MM:SS"; initial stays "". */
export function fromTims(tims: string | number | undefined): string {
  const value = String(tims ?? '').trim();
  if (value === '' || /^0+$/.test(value)) return '';
  if (/^\d{2}:\d{2}:\d{2}$/.test(value)) return value;
  if (!/^\d{6}$/.test(value)) throw new RangeError(`"${value}" is not an SAP time (HHMMSS)`);
  return `${value.slice(0, 2)}:${value.slice(2, 4)}:${value.slice(4, 6)}`;
}

/** Parses a packed number or INT as SAP sends it: "1234.50", "12.50-", " -3", 42, "". */
export function parseDecimal(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  if (text === '') return 0;
  const negative = text.endsWith('-') || text.startsWith('-');
  const digits = text.replace(/-/g, '').replace(/\s/g, '');
  const parsed = Number(digits);
  if (!Number.isFinite(parsed)) throw new RangeError(`"${text}" is not an SAP number`);
  return negative ? -parsed : parsed;
}

/** Formats a number for a packed field with the given decimals ("12.500"). */
export function formatDecimal(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Reads a NUMC field with implied decimals: ("00000901", 2) → 9.01. */
export function fromImpliedDecimals(value: string | number | undefined, decimals: number): number {
  const text = String(value ?? '').trim();
  if (text === '') return 0;
  if (!/^\d+$/.test(text)) throw new RangeError(`"${text}" is not a NUMC amount`);
  return Number(text) / 10 ** decimals;
}

/** Writes a non-negative number into a NUMC field with implied decimals: (9.001, 3, 13) → "0000000009001". */
export function toImpliedDecimals(value: number, decimals: number, length: number): string {
  if (value < 0) throw new RangeError(`${value} cannot be written to an unsigned NUMC field`);
  const scaled = Math.round(value * 10 ** decimals).toString();
  if (scaled.length > length) throw new RangeError(`${value} does not fit ${length} digits with ${decimals} decimals`);
  return scaled.padStart(length, '0');
}

/** ABAP's boolean: "X" is true, anything else false. */
export const isFlagSet = (value: string | number | undefined): boolean => String(value ?? '').trim() === 'X';
export const flag = (value: boolean): 'X' | '' => (value ? 'X' : '');

/** Rounds an amount to a currency's minor unit (2 decimals unless told otherwise). */
export function roundAmount(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
