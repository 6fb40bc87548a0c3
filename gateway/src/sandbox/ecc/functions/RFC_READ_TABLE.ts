/**
 * RFC_READ_TABLE (function group SDTX): reads any table's rows as fixed-width text lines.
 * Columns are laid out at the offsets and lengths it reports in FIELDS (characters for C, N, D
 * and T fields; packed numbers right-aligned with a trailing minus for negatives, as ABAP's
 * WRITE does); a DELIMITER, if given, is put between columns. The selected columns must fit
 * the 512 characters of TAB512, or it raises DATA_BUFFER_EXCEEDED.
 */

import type { Row, Table } from '../database.js';
import { TABLES, type TableDef } from '../ddic/tables.js';
import { RFC_DB_FLD, RFC_DB_OPT, TAB512 } from '../ddic/structures/readTable.js';
import { toExternal, type FieldDef } from '../ddic/types.js';
import { defineFunction, importing, raise, tables, type FunctionModuleDef } from '../functionModule.js';
import { parseWhere, WhereClauseError, type ParsedWhere } from '../whereClause.js';

const LINE_WIDTH = 512;

const TYPE_LETTER: Record<FieldDef['type'], string> = {
  CHAR: 'C', CUKY: 'C', UNIT: 'C', LANG: 'C', CLNT: 'C', NUMC: 'N', DATS: 'D', TIMS: 'T',
  DEC: 'P', CURR: 'P', QUAN: 'P', INT1: 'b', INT2: 's', INT4: 'I', FLTP: 'F',
};

/** Width of a column in DATA: internal length for characters, room for point and sign for numbers. */
function columnWidth(field: FieldDef): number {
  switch (TYPE_LETTER[field.type]) {
    case 'P':
      return field.length + (field.decimals > 0 ? 1 : 0) + 1;
    case 'I':
    case 'b':
    case 's':
      return 11;
    case 'F':
      return 24;
    default:
      return field.length;
  }
}

function formatColumn(field: FieldDef, value: unknown, width: number): string {
  const external = toExternal(field, value);
  const letter = TYPE_LETTER[field.type];
  if (letter === 'P' || letter === 'I' || letter === 'b' || letter === 's' || letter === 'F') {
    const number = Number(external);
    const text = number < 0 ? `${Math.abs(number).toFixed(field.decimals)}-` : `${number.toFixed(field.decimals)} `;
    return text.padStart(width);
  }
  return String(external).padEnd(width).slice(0, width);
}

/**
 * The rows a WHERE selects, looked up through the primary key or an index where its equalities or
 * an IN list on a key or index field allow (one lookup per listed value), scanned otherwise.
 */
function selectRows(store: Table, parsed: ParsedWhere): Row[] {
  const lookupFields = new Set([store.def.key, ...store.def.indexes].filter((fields) => fields.length === 1).map((fields) => fields[0]!));
  const [field, values] = Object.entries(parsed.inLists).find(([name]) => lookupFields.has(name) && !(name in parsed.equalities)) ?? [];
  if (field === undefined || values === undefined) return store.select(parsed.equalities, parsed.predicate);
  return values.flatMap((value) => store.select({ ...parsed.equalities, [field]: value }, parsed.predicate));
}

const definition: FunctionModuleDef = defineFunction({
  name: 'RFC_READ_TABLE',
  functionGroup: 'SDTX',
  parameters: [
    importing('QUERY_TABLE', 'CHAR30', { reference: 'DD02L-TABNAME' }),
    importing('DELIMITER', 'CHAR1', { default: ' ', reference: 'SONV-FLAG' }),
    importing('NO_DATA', 'CHAR1', { default: ' ', reference: 'SONV-FLAG' }),
    importing('ROWSKIPS', 'INT4', { default: '0', reference: 'SOID-ACCNT' }),
    importing('ROWCOUNT', 'INT4', { default: '0', reference: 'SOID-ACCNT' }),
    tables('OPTIONS', RFC_DB_OPT, { optional: true }),
    tables('FIELDS', RFC_DB_FLD, { optional: true }),
    tables('DATA', TAB512, { optional: true }),
  ],
  exceptions: ['TABLE_NOT_AVAILABLE', 'TABLE_WITHOUT_DATA', 'OPTION_NOT_VALID', 'FIELD_NOT_VALID', 'NOT_AUTHORIZED', 'DATA_BUFFER_EXCEEDED'],
  handler: ({ db, scalar, input, table }) => {
    const tableName = scalar('QUERY_TABLE').trim().toUpperCase();
    if (!db.has(tableName)) raise(definition, 'TABLE_NOT_AVAILABLE');
    const def: TableDef = TABLES[tableName];
    const requested = table('FIELDS').map((row) => String(row.FIELDNAME ?? '').trim().toUpperCase()).filter((name) => name !== '');
    const fields = requested.length > 0 ? requested.map((name) => def.field(name) ?? raise(definition, 'FIELD_NOT_VALID')) : def.fields;
    const delimiter = scalar('DELIMITER') === '' ? '' : scalar('DELIMITER');

    let offset = 0;
    const layout = fields.map((field, index) => {
      const width = columnWidth(field);
      const column = { field, offset, width };
      offset += width + (index < fields.length - 1 ? delimiter.length : 0);
      return column;
    });
    if (offset > LINE_WIDTH) raise(definition, 'DATA_BUFFER_EXCEEDED');
    const fieldRows = layout.map(({ field, offset: columnOffset, width }) => ({
      FIELDNAME: field.name,
      OFFSET: String(columnOffset).padStart(6, '0'),
      LENGTH: String(width).padStart(6, '0'),
      TYPE: TYPE_LETTER[field.type],
      FIELDTEXT: '',
    }));
    if (scalar('NO_DATA') === 'X') return { FIELDS: fieldRows, DATA: [] };

    const whereSource = table('OPTIONS').map((row) => String(row.TEXT ?? '')).join(' ');
    let parsed;
    try {
      parsed = parseWhere(whereSource, def);
    } catch (error) {
      if (error instanceof WhereClauseError) raise(definition, 'OPTION_NOT_VALID', error.message);
      throw error;
    }
    const store = db.table(tableName);
    const keyOf = (row: Row): string => def.key.map((k) => String(row[k] ?? '')).join('\u0001');
    const rows = selectRows(store, parsed).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    const skip = Number(input.ROWSKIPS ?? 0);
    const count = Number(input.ROWCOUNT ?? 0);
    const page = rows.slice(skip, count > 0 ? skip + count : undefined);
    const data = page.map((row) => ({ WA: layout.map(({ field, width }) => formatColumn(field, row[field.name], width)).join(delimiter) }));
    return { FIELDS: fieldRows, DATA: data };
  },
});

export const RFC_READ_TABLE = definition;
