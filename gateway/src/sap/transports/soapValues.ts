/**
 * Values between the RFC client interface (SAP's internal format: DATS "YYYYMMDD", TIMS
 * "HHMMSS", INT as numbers, everything else strings) and SOAP-RFC's XML form (asXML: dates
 * "YYYY-MM-DD", times "HH:MM:SS"). A value that cannot be sent is refused the way node-rfc
 * refuses it (an RFC_CONVERSION_FAILURE), so callers see the same error whatever the transport.
 * Results are normalised to what the RFC library returns: CHAR right-trimmed, NUMC with leading
 * zeros, packed numbers with all their decimals, initial values for empty elements.
 */

import type { ValueType } from './soapWsdl.js';

/** A failure shaped like node-rfc's, for mapRfcLibraryError. */
export class RfcValueFailure extends Error {
  constructor(readonly code: number, readonly key: string, message: string) {
    super(message);
  }
}

export const conversionFailure = (message: string): RfcValueFailure => new RfcValueFailure(22, 'RFC_CONVERSION_FAILURE', message);
export const unknownField = (name: string): RfcValueFailure => new RfcValueFailure(20, 'RFC_INVALID_PARAMETER', `field '${name}' not found`);

/** A caller's value as the text of its XML element. */
export function toXmlValue(type: ValueType, value: unknown, path: string): string {
  const fail = (why: string): never => {
    throw conversionFailure(`Cannot convert ${JSON.stringify(value)} for ${path}: ${why}`);
  };
  switch (type.kind) {
    case 'char': {
      if (typeof value !== 'string') return fail('a string is expected');
      const text = value.replace(/\s+$/, '');
      if (type.maxLength !== undefined && text.length > type.maxLength) fail(`longer than ${type.maxLength} characters`);
      return text;
    }
    case 'numc': {
      if (typeof value !== 'string') return fail('a string of digits is expected');
      const text = value.trim();
      if (!/^\d*$/.test(text)) fail('only digits are allowed');
      if (type.maxLength !== undefined && text.length > type.maxLength) fail(`more than ${type.maxLength} digits`);
      return text;
    }
    case 'date': {
      if (typeof value !== 'string') return fail('a date "YYYYMMDD" is expected');
      const text = value.trim();
      if (text === '' || /^0{8}$/.test(text)) return '0000-00-00';
      if (!/^\d{8}$/.test(text)) fail('a date "YYYYMMDD" is expected');
      return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
    }
    case 'time': {
      if (typeof value !== 'string') return fail('a time "HHMMSS" is expected');
      const text = value.trim();
      if (text === '') return '00:00:00';
      if (!/^\d{6}$/.test(text)) fail('a time "HHMMSS" is expected');
      return `${text.slice(0, 2)}:${text.slice(2, 4)}:${text.slice(4, 6)}`;
    }
    case 'int': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number)) fail('an integer is expected');
      return String(number);
    }
    default: {
      // DEC, CURR, QUAN, FLTP: a number or a numeric string.
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : fail('a finite number is expected');
      if (typeof value !== 'string') return fail('a number is expected');
      const text = value.trim();
      if (text === '') return '0';
      if (!Number.isFinite(Number(text))) fail('a number is expected');
      return text;
    }
  }
}

/** The text of a result element as the RFC library would return the value. */
export function fromXmlValue(type: ValueType, text: string): string | number {
  switch (type.kind) {
    case 'char':
      return text.replace(/\s+$/, '');
    case 'numc': {
      const digits = text.trim();
      return type.maxLength !== undefined && /^\d*$/.test(digits) ? digits.padStart(type.maxLength, '0') : digits;
    }
    case 'date': {
      const value = text.trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll('-', '') : value === '' ? '00000000' : value;
    }
    case 'time': {
      const value = text.trim();
      return /^\d{2}:\d{2}:\d{2}$/.test(value) ? value.replaceAll(':', '') : value === '' ? '000000' : value;
    }
    case 'int':
    case 'float':
      return text.trim() === '' ? 0 : Number(text);
    case 'decimal':
      return normalizeDecimal(text.trim(), type.fractionDigits ?? 0);
  }
}

/** A value with all decimals ("12.5" → "12.50"), leading minus; done on the text, so large packed numbers keep every digit. */
function normalizeDecimal(text: string, decimals: number): string {
  if (text === '') return (0).toFixed(decimals);
  const trailingMinus = /^(\d+(?:\.\d*)?)-$/.exec(text);
  const signed = trailingMinus ? `-${trailingMinus[1]}` : text;
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(signed);
  if (!match || decimals < (match[3]?.length ?? 0)) return signed;
  const integer = match[2] === '' ? '0' : match[2]!;
  return decimals === 0 ? `${match[1]}${integer}` : `${match[1]}${integer}.${(match[3] ?? '').padEnd(decimals, '0')}`;
}

/** The initial value of a type, for a result SAP left out. */
export function initialValue(type: ValueType): string | number {
  return fromXmlValue(type, '');
}
