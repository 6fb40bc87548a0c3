/**
 * Currency translation with the exchange rates of table TCURR (rate type M), as SAP's
 * CONVERT_TO_LOCAL_CURRENCY does: the rate valid on a date is the one with the latest
 * valid-from date on or before it; GDATU stores that date inverted (99999999 − YYYYMMDD), so
 * the valid rate is the one with the smallest GDATU not below the date's inverted value. A
 * negative UKURS is an indirect quotation.
 */

import type { Database, Row } from '../database.js';

export class MissingExchangeRateError extends Error {}

function rateOn(db: Database, from: string, to: string, dats: string): Row | undefined {
  const inverted = String(99999999 - Number(dats));
  return db
    .table('TCURR')
    .select({ KURST: 'M', FCURR: from, TCURR: to }, (row) => String(row.GDATU) >= inverted)
    .sort((a, b) => String(a.GDATU).localeCompare(String(b.GDATU)))[0];
}

function apply(rate: Row, amount: number): number {
  const quoted = Number(rate.UKURS);
  const factor = Number(rate.TFACT || 1) / Number(rate.FFACT || 1);
  return quoted >= 0 ? amount * quoted * factor : (amount / -quoted) * factor;
}

/** `amount` in currency `from` translated into `to` at the rate valid on `dats`, rounded to cents. */
export function convertAmount(db: Database, amount: number, from: string, to: string, dats: string): number {
  if (amount === 0 || from === to) return amount;
  const direct = rateOn(db, from, to, dats);
  if (direct) return Math.round(apply(direct, amount) * 100) / 100;
  const inverse = rateOn(db, to, from, dats);
  if (inverse) return Math.round((amount / apply(inverse, 1)) * 100) / 100;
  throw new MissingExchangeRateError(`No exchange rate of type M from ${from} to ${to} on ${dats}`);
}
