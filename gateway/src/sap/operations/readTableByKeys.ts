/**
 * Reads the rows of a table whose key field takes one of many values (the items of a list of
 * documents, say) with RFC_READ_TABLE, in batches: SAP builds one dynamic WHERE from OPTIONS, and
 * an IN list of hundreds of values makes a statement the database may refuse, so the values go
 * 100 at a time. The key set bounds the result.
 */

import type { RfcSession } from '../rfc.js';
import { readTable, sqlIn, type ReadTableRequest, type TableRow } from './readTable.js';

const KEYS_PER_CALL = 100;

export interface ReadByKeysRequest extends Omit<ReadTableRequest, 'rowCount' | 'rowSkips'> {
  keyField: string;
  /** Values in SAP's internal format; duplicates are read once. */
  keys: string[];
}

export async function readTableByKeys(session: RfcSession, request: ReadByKeysRequest): Promise<TableRow[]> {
  const keys = [...new Set(request.keys)];
  const rows: TableRow[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_CALL) {
    const batch = keys.slice(start, start + KEYS_PER_CALL);
    rows.push(...(await readTable(session, { table: request.table, fields: request.fields, where: [sqlIn(request.keyField, batch), ...(request.where ?? [])] })));
  }
  return rows;
}
