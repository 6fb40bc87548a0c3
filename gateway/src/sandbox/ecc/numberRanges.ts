/**
 * Number range intervals (NRIV). SAP draws numbers outside the LUW: a number drawn by a call
 * that is later rolled back leaves a gap, as in a real system.
 */

import type { Database } from './database.js';
import { abapRuntimeFailure } from './rfcErrors.js';

export function nextNumber(db: Database, object: string, interval = '01', subobject = '', year = '0000'): string {
  const nriv = db.table('NRIV');
  const key = { OBJECT: object, SUBOBJECT: subobject, NRRANGENR: interval, TOYEAR: year };
  const range = nriv.get(key);
  if (!range) {
    throw abapRuntimeFailure('NUMBER_RANGE_INTERVAL_MISSING', `Number range interval ${object} ${subobject} ${interval} ${year} does not exist`);
  }
  const from = BigInt(String(range.FROMNUMBER));
  const level = String(range.NRLEVEL ?? '').trim();
  const next = level === '' ? from : BigInt(level) + 1n;
  if (next > BigInt(String(range.TONUMBER))) {
    throw abapRuntimeFailure('NUMBER_RANGE_EXHAUSTED', `Number range interval ${object} ${subobject} ${interval} is exhausted`);
  }
  const number = next.toString().padStart(String(range.FROMNUMBER).length, '0');
  nriv.update(key, { NRLEVEL: number });
  return number;
}
