/**
 * SAP's conversion exits for document and master-data numbers, applied at the edge so the
 * canonical model carries numbers as users see them ("1000", not "0000001000").
 *
 * ALPHA (KUNNR, VBELN, …): a purely numeric value is right-aligned with leading zeros to the
 * field length; anything else is left as is. MATN1 (MATNR) behaves the same for the classic
 * 18-character material number. RFC does not run these exits: the caller must.
 */

const DIGITS = /^\d+$/;

export function alphaIn(value: string, length: number): string {
  const trimmed = value.trim();
  if (trimmed.length > length) {
    throw new RangeError(`"${trimmed}" is longer than ${length} characters`);
  }
  return DIGITS.test(trimmed) ? trimmed.padStart(length, '0') : trimmed;
}

export function alphaOut(value: string): string {
  const trimmed = value.trim();
  if (!DIGITS.test(trimmed)) return trimmed;
  const stripped = trimmed.replace(/^0+/, '');
  return stripped === '' ? (trimmed === '' ? '' : '0') : stripped;
}

/** Customer (KUNNR), vendor (LIFNR) and contact person numbers are CHAR10/NUMC10. */
export const customerNumberIn = (value: string): string => alphaIn(value, 10);
/** Sales, delivery and billing document numbers (VBELN) are CHAR10. */
export const documentNumberIn = (value: string): string => alphaIn(value, 10);
/** Material numbers (MATNR) are CHAR18 with the MATN1 exit. */
export const materialNumberIn = (value: string): string => alphaIn(value, 18);
