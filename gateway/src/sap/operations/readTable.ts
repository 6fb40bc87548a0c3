/**
 * Reads rows of an SAP table with RFC_READ_TABLE, for data no released BAPI returns (partner
 * functions, contact persons, deliveries, change documents). The WHERE clause is split into
 * OPTIONS lines of at most 72 characters between tokens, columns are cut out of the
 * fixed-width DATA lines at the offsets SAP reports (no delimiter, so values may contain any
 * character), and values are returned trimmed, in SAP's internal format.
 */

import { SapInterfaceError } from '../errors.js';
import type { RfcSession } from '../rfc.js';
import { tableOf } from '../rfc.js';

const OPTIONS_LINE = 72;

export interface ReadTableRequest {
  table: string;
  fields: string[];
  /** Conditions joined with AND; build literals with sqlLiteral(). */
  where?: string[];
  /** Upper bound of rows returned; always set one for tables that grow. */
  rowCount?: number;
  rowSkips?: number;
}

export type TableRow = Record<string, string>;

/** An Open SQL literal: quoted, with quotes doubled. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `FIELD IN ('a','b')` for a list of values. */
export function sqlIn(field: string, values: string[]): string {
  return `${field} IN (${values.map(sqlLiteral).join(',')})`;
}

/** Splits a WHERE clause into OPTIONS lines at token boundaries; a literal is never cut. */
export function toOptionLines(where: string): { TEXT: string }[] {
  const tokens = where.match(/'(?:[^']|'')*'|[^\s'(),]+|[(),]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (token.length > OPTIONS_LINE) throw new SapInterfaceError(`A value in the selection is too long for RFC_READ_TABLE (${token.length} characters, at most ${OPTIONS_LINE})`);
    const candidate = line === '' ? token : `${line} ${token}`;
    if (candidate.length > OPTIONS_LINE) {
      lines.push(line);
      line = token;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => ({ TEXT: text }));
}

export async function readTable(session: RfcSession, request: ReadTableRequest): Promise<TableRow[]> {
  const where = (request.where ?? []).map((condition) => `( ${condition} )`).join(' AND ');
  const result = await session.call('RFC_READ_TABLE', {
    QUERY_TABLE: request.table,
    ROWCOUNT: request.rowCount ?? 0,
    ROWSKIPS: request.rowSkips ?? 0,
    OPTIONS: toOptionLines(where),
    FIELDS: request.fields.map((name) => ({ FIELDNAME: name })),
    DATA: [],
  });
  const layout = tableOf(result, 'FIELDS').map((field) => ({
    name: String(field.FIELDNAME).trim(),
    offset: Number(field.OFFSET),
    length: Number(field.LENGTH),
  }));
  return tableOf(result, 'DATA').map((line) => {
    const text = String(line.WA ?? '');
    const row: TableRow = {};
    for (const column of layout) row[column.name] = text.slice(column.offset, column.offset + column.length).trim();
    return row;
  });
}
