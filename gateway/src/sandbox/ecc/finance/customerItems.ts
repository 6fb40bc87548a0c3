/**
 * Customer line items of the simulated ECC's accounts receivable. BSID holds the items open
 * today and BSAD the cleared ones with their clearing date (AUGDT), so an item is open at a key
 * date when it was posted on or before it and either is still in BSID or was cleared after it.
 * Amounts are stored unsigned; SHKZG says debit (S) or credit (H).
 */

import { netDueDate } from '../../../model/invoice.js';
import type { Database, Row } from '../database.js';

/** DATS ("20261127") as an ISO date ("2026-11-27"). */
export const isoDate = (dats: string): string => `${dats.slice(0, 4)}-${dats.slice(4, 6)}-${dats.slice(6, 8)}`;

/** An ISO date as DATS. */
export const datsOf = (iso: string): string => iso.replaceAll('-', '');

const text = (row: Row, field: string): string => String(row[field] ?? '').trim();
const number = (row: Row, field: string): number => Number(row[field] ?? 0);

const byDocument = (a: Row, b: Row): number =>
  `${text(a, 'GJAHR')}${text(a, 'BELNR')}${text(a, 'BUZEI')}`.localeCompare(`${text(b, 'GJAHR')}${text(b, 'BELNR')}${text(b, 'BUZEI')}`);

/** The customer's items in a company code that are open at the key date (DATS), in document order. */
export function openItemsAtKeyDate(db: Database, companyCode: string, customer: string, keyDate: string): Row[] {
  const postedByKeyDate = (row: Row): boolean => text(row, 'BUDAT') <= keyDate;
  const stillOpen = db.table('BSID').select({ KUNNR: customer, BUKRS: companyCode }, postedByKeyDate);
  const clearedLater = db.table('BSAD').select({ KUNNR: customer, BUKRS: companyCode }, (row) => postedByKeyDate(row) && text(row, 'AUGDT') > keyDate);
  return [...stillOpen, ...clearedLater].sort(byDocument);
}

/** A line item's amount with its sign: positive for debits, negative for credits. */
export function signedAmount(row: Row, field: 'DMBTR' | 'WRBTR'): number {
  const amount = number(row, field);
  return text(row, 'SHKZG') === 'H' ? -amount : amount;
}

/** The item's net due date (ISO) from its baseline date and payment terms days. */
export function dueDateOf(row: Row): string {
  return netDueDate(
    isoDate(text(row, 'ZFBDT')),
    { discountDays1: number(row, 'ZBD1T'), discountDays2: number(row, 'ZBD2T'), netDays: number(row, 'ZBD3T') },
    { credit: text(row, 'SHKZG') === 'H', invoiceReference: text(row, 'REBZG') },
  );
}
