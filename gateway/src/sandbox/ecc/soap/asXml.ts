/**
 * ABAP values in SOAP-RFC messages. SAP serialises RFC parameters the way asXML does: DATS as
 * "YYYY-MM-DD" ("0000-00-00" when initial), TIMS as "HH:MM:SS", NUMC with its leading zeros,
 * packed numbers with all their decimals and a leading minus, integers as digits. Incoming
 * text is turned into what the RFC interface check (ddic/types.ts toInternal) accepts, so a
 * malformed value fails there exactly as it would over RFC.
 */

import { isInteger, type FieldDef } from '../ddic/types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})$/;

/** An element's text as a value for the field: dates and times to DATS/TIMS, numbers parsed. */
export function fromXmlText(field: FieldDef, text: string): string | number {
  switch (field.type) {
    case 'DATS': {
      const value = text.trim();
      if (value === '' || value === '0000-00-00') return '';
      const match = ISO_DATE.exec(value);
      return match ? `${match[1]}${match[2]}${match[3]}` : value;
    }
    case 'TIMS': {
      const value = text.trim();
      const match = ISO_TIME.exec(value);
      return match ? `${match[1]}${match[2]}${match[3]}` : value;
    }
    case 'FLTP':
      return text.trim() === '' ? 0 : text.trim();
    default:
      if (isInteger(field.type)) return text.trim() === '' ? 0 : text.trim();
      return text;
  }
}

/** A value as RFC hands it out (ddic toExternal) written as asXML text. */
export function toXmlText(field: FieldDef, value: unknown): string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (field.type === 'DATS') {
    const digits = text.padStart(8, '0');
    return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  }
  if (field.type === 'TIMS') {
    const digits = text.padStart(6, '0');
    return `${digits.slice(0, 2)}:${digits.slice(2, 4)}:${digits.slice(4, 6)}`;
  }
  return text;
}
