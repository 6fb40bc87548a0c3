/**
 * Reads the newest documents of a window with RFC_READ_TABLE, bounded. RFC_READ_TABLE cannot
 * sort, and with ROWCOUNT it returns the first rows in key order, which for documents numbered
 * upwards are the oldest. So when a read fills the scan limit, the start of the window is moved
 * later by halving until a read holds at least the rows wanted and fewer than the limit; only
 * when a single day has more documents than the limit is that day's first scan what is listed.
 */

import { addDays, daysBetween } from '../../model/invoice.js';
import type { RfcSession } from '../rfc.js';
import { readTable, sqlLiteral, type ReadTableRequest, type TableRow } from './readTable.js';

/** Most rows one read brings back; a few dozen kilobytes of text. */
export const DOCUMENTS_SCANNED_PER_READ = 1000;

export interface NewestDocumentsRequest extends Pick<ReadTableRequest, 'table' | 'fields' | 'where'> {
  /** The document date field (DATS) the window applies to, e.g. LFDAT or FKDAT. */
  dateField: string;
  from: string;
  /** Last day of the window; `horizon` stands in for it when halving an open-ended window. */
  to: string | undefined;
  horizon: string;
  maxRows: number;
}

const dats = (iso: string): string => iso.replaceAll('-', '');

/** The window's documents, newest (by date, then number) first, at most `maxRows`. */
export async function readNewestDocuments(session: RfcSession, request: NewestDocumentsRequest, numberField = 'VBELN'): Promise<TableRow[]> {
  const read = (from: string): Promise<TableRow[]> => {
    const where = [...(request.where ?? []), `${request.dateField} >= ${sqlLiteral(dats(from))}`];
    if (request.to) where.push(`${request.dateField} <= ${sqlLiteral(dats(request.to))}`);
    return readTable(session, { table: request.table, fields: request.fields, where, rowCount: DOCUMENTS_SCANNED_PER_READ });
  };
  let earliest = request.from;
  let latest = request.to ?? request.horizon;
  let rows = await read(earliest);
  while (rows.length >= DOCUMENTS_SCANNED_PER_READ && daysBetween(earliest, latest) > 0) {
    const middle = addDays(earliest, Math.ceil(daysBetween(earliest, latest) / 2));
    const later = await read(middle);
    if (later.length >= request.maxRows) {
      earliest = middle;
      rows = later;
    } else {
      latest = addDays(middle, -1);
    }
  }
  const key = (row: TableRow): string => `${row[request.dateField] ?? ''}${row[numberField] ?? ''}`;
  return rows.sort((a, b) => key(b).localeCompare(key(a))).slice(0, request.maxRows);
}
