/**
 * Delta reads from SAP change documents: the documents of one object class (DEBI customers,
 * MATERIAL, VERKBELEG …) from an instant on, oldest first, at most maxRows per page, with their
 * changed fields and old and new values, grouped per object. Headers come from CDHDR, items from
 * CDPOS, both through RFC_READ_TABLE.
 *
 * RFC_READ_TABLE neither sorts by time nor says how many rows there are beyond ROWCOUNT. So the
 * headers of a time window are read with a scan limit; when the limit is reached, the window is
 * halved until it holds fewer, and the page ends at the window's end (hasMore tells the caller to
 * go on). CDPOS values are read in two passes because VALUE_NEW and VALUE_OLD together exceed the
 * 512 characters of an RFC_READ_TABLE line.
 */

import { z } from 'zod';
import type { ChangeDocumentPage, ChangeInstant } from '../../model/changeDocument.js';
import { AppError } from '../../model/errors.js';
import type { RfcClient } from '../rfc.js';
import {
  compareInstants, fromSapInstant, instantOfHeader, itemKey, midpoint, objectChangesOf, plusOneSecond, sortHeaders, toSapInstant, type SapInstant,
} from './changeDocumentMapping.js';
import { rowLimit, validInput } from './inputValidation.js';
import { readTable, sqlIn, sqlLiteral, type TableRow } from './readTable.js';

export const MAX_CHANGE_DOCUMENTS_PER_PAGE = 1000;
/** Headers read per window before it is halved. */
const HEADER_SCAN_LIMIT = 5000;
/** Change numbers per CDPOS read, so that the IN list stays a few OPTIONS lines. */
const CHANGES_PER_ITEM_READ = 25;
/** Items per CDPOS read; a document rarely has more than a few dozen. */
const ITEM_LIMIT = 20_000;

const querySchema = z.strictObject({
  objectClass: z.string().regex(/^[A-Z0-9_]{1,15}$/, 'must be an SAP change document object class (e.g. DEBI)'),
  since: z.strictObject({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    time: z.string().regex(/^\d{2}:\d{2}:\d{2}$/, 'must be a time HH:MM:SS'),
  }),
  /** Change numbers already read at `since` (the cursor of the previous page). */
  skipChangeNumbers: z.array(z.string()).optional(),
  maxRows: rowLimit(MAX_CHANGE_DOCUMENTS_PER_PAGE),
});

export type ChangeDocumentQuery = z.input<typeof querySchema>;

const HEADER_FIELDS = ['OBJECTID', 'CHANGENR', 'USERNAME', 'UDATE', 'UTIME', 'TCODE', 'CHANGE_IND'];
const ITEM_KEY_FIELDS = ['CHANGENR', 'TABNAME', 'TABKEY', 'FNAME', 'CHNGIND'];

const atOrAfter = ({ date, time }: SapInstant): string =>
  `UDATE > ${sqlLiteral(date)} OR ( UDATE = ${sqlLiteral(date)} AND UTIME >= ${sqlLiteral(time)} )`;
const atOrBefore = ({ date, time }: SapInstant): string =>
  `UDATE < ${sqlLiteral(date)} OR ( UDATE = ${sqlLiteral(date)} AND UTIME <= ${sqlLiteral(time)} )`;

/** The headers from `from` on, in a window small enough to be read whole; `until` is set when the window was narrowed. */
async function readHeaderWindow(client: RfcClient, objectClass: string, from: SapInstant): Promise<{ headers: TableRow[]; until?: SapInstant }> {
  let until: SapInstant | undefined;
  for (;;) {
    const where = [`OBJECTCLAS = ${sqlLiteral(objectClass)}`, atOrAfter(from), ...(until ? [atOrBefore(until)] : [])];
    const headers = await readTable(client, { table: 'CDHDR', fields: HEADER_FIELDS, where, rowCount: HEADER_SCAN_LIMIT });
    if (headers.length < HEADER_SCAN_LIMIT) return until ? { headers, until } : { headers };
    if (until && compareInstants(until, from) <= 0) {
      throw new AppError('SAP_CHANGE_DOCUMENTS_TOO_DENSE', `More than ${HEADER_SCAN_LIMIT} change documents of ${objectClass} were written within one second; they cannot be paged`, {
        category: 'system',
      });
    }
    const latest = until ?? sortHeaders(headers).map(instantOfHeader).at(-1)!;
    until = midpoint(from, latest);
  }
}

/** CDPOS rows of the given change numbers, with VALUE_NEW, and VALUE_OLD keyed by item. */
async function readItems(client: RfcClient, objectClass: string, changeNumbers: string[]): Promise<{ newValues: TableRow[]; oldValues: Map<string, string> }> {
  const newValues: TableRow[] = [];
  const oldValues = new Map<string, string>();
  for (let i = 0; i < changeNumbers.length; i += CHANGES_PER_ITEM_READ) {
    const where = [`OBJECTCLAS = ${sqlLiteral(objectClass)}`, sqlIn('CHANGENR', changeNumbers.slice(i, i + CHANGES_PER_ITEM_READ))];
    const [withNew, withOld] = await Promise.all([
      readTable(client, { table: 'CDPOS', fields: [...ITEM_KEY_FIELDS, 'VALUE_NEW'], where, rowCount: ITEM_LIMIT }),
      readTable(client, { table: 'CDPOS', fields: [...ITEM_KEY_FIELDS, 'VALUE_OLD'], where, rowCount: ITEM_LIMIT }),
    ]);
    if (withNew.length >= ITEM_LIMIT) {
      throw new AppError('SAP_CHANGE_DOCUMENTS_TOO_LARGE', `Change documents of ${objectClass} hold more than ${ITEM_LIMIT} changed fields per ${CHANGES_PER_ITEM_READ} documents`, {
        category: 'system',
      });
    }
    newValues.push(...withNew);
    for (const item of withOld) oldValues.set(itemKey(item), item.VALUE_OLD ?? '');
  }
  return { newValues, oldValues };
}

export async function readChangeDocuments(client: RfcClient, query: ChangeDocumentQuery): Promise<ChangeDocumentPage> {
  const valid = validInput(querySchema, query, 'readChangeDocuments');
  const from = toSapInstant(valid.since);
  const skip = new Set(valid.skipChangeNumbers ?? []);
  const { headers, until } = await readHeaderWindow(client, valid.objectClass, from);
  const candidates = sortHeaders(headers.filter((header) => !skip.has(header.CHANGENR!)));
  const page = candidates.slice(0, valid.maxRows);
  const { newValues, oldValues } = await readItems(client, valid.objectClass, page.map((header) => header.CHANGENR!));

  const cutByMaxRows = candidates.length > page.length;
  let next: { since: ChangeInstant; skipChangeNumbers: string[] };
  if (page.length > 0 && (cutByMaxRows || !until)) {
    // Continue at the last instant read, skipping what was read at it.
    const last = instantOfHeader(page.at(-1)!);
    const atLast = page.filter((header) => compareInstants(instantOfHeader(header), last) === 0).map((header) => header.CHANGENR!);
    const carried = compareInstants(last, from) === 0 ? [...skip] : [];
    next = { since: fromSapInstant(last), skipChangeNumbers: [...new Set([...carried, ...atLast])] };
  } else if (until) {
    // The narrowed window is exhausted: continue after it.
    next = { since: fromSapInstant(plusOneSecond(until)), skipChangeNumbers: [] };
  } else {
    next = { since: valid.since, skipChangeNumbers: [...skip] };
  }
  return {
    objects: objectChangesOf(valid.objectClass, page, newValues, oldValues),
    next,
    hasMore: cutByMaxRows || until !== undefined,
  };
}
