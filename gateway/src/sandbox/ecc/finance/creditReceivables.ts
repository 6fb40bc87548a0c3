/**
 * The accounts receivable side of a credit account's exposure in a credit control area, from
 * live open items (BSID) in the company codes whose sales organisations belong to the area
 * (TVTA, TVKO): receivables, special liabilities (special G/L items) and the receivables by days
 * in arrears. Amounts are translated from company code currency into the area's currency.
 */

import { daysBetween } from '../../../model/invoice.js';
import type { Database, Row } from '../database.js';
import { convertAmount } from './currency.js';
import { dueDateOf, isoDate, signedAmount } from './customerItems.js';

export interface CreditReceivables {
  receivables: number;
  specialLiabilities: number;
  /** Open receivables summed by days in arrears on the given day (negative: days until due). */
  byArrears: Map<number, number>;
}

const text = (row: Row | undefined, field: string): string => String(row?.[field] ?? '').trim();
const cents = (value: number): number => Math.round(value * 100) / 100;

/** Company codes whose sales organisations are assigned to the credit control area. */
export function companyCodesOf(db: Database, creditControlArea: string): Set<string> {
  const salesOrgs = new Set(db.table('TVTA').select({ KKBER: creditControlArea }).map((row) => text(row, 'VKORG')));
  return new Set([...salesOrgs].map((salesOrg) => text(db.table('TVKO').get({ VKORG: salesOrg }), 'BUKRS')));
}

/** Receivables of `customer` in `creditControlArea`, in `currency`, on `today` (DATS). */
export function creditReceivables(db: Database, customer: string, creditControlArea: string, currency: string, today: string): CreditReceivables {
  const companyCodes = companyCodesOf(db, creditControlArea);
  let receivables = 0;
  let specialLiabilities = 0;
  const byArrears = new Map<number, number>();
  for (const item of db.table('BSID').select({ KUNNR: customer })) {
    const companyCode = text(item, 'BUKRS');
    if (!companyCodes.has(companyCode)) continue;
    const localCurrency = text(db.table('T001').get({ BUKRS: companyCode }), 'WAERS');
    const amount = convertAmount(db, signedAmount(item, 'DMBTR'), localCurrency, currency, today);
    if (text(item, 'UMSKZ') !== '') {
      specialLiabilities += amount;
      continue;
    }
    receivables += amount;
    const arrears = daysBetween(dueDateOf(item), isoDate(today));
    byArrears.set(arrears, cents((byArrears.get(arrears) ?? 0) + amount));
  }
  return { receivables: cents(receivables), specialLiabilities: cents(specialLiabilities), byArrears };
}
