/**
 * The simulated ECC's database: one in-memory store per table of ddic/tables.ts, rows keyed
 * by their primary key, with the secondary indexes the table declares. Rows hold values in
 * SAP's internal format; a field a row does not hold has its initial value. Writes from BAPIs
 * go through the LUW (session.ts) and reach this store only at commit.
 */

import { TABLES, type TableDef, type TableName } from './ddic/tables.js';
import { initialValue, toExternal } from './ddic/types.js';

export type Row = Record<string, string | number>;

const KEY_SEPARATOR = '\u0001';

export const SYSTEM_CLIENT = '100';

export class Table {
  readonly def: TableDef;
  private readonly rows = new Map<string, Row>();
  private readonly indexes: { fields: string[]; entries: Map<string, Set<string>> }[];

  constructor(def: TableDef) {
    this.def = def;
    this.indexes = def.indexes.map((fields) => ({ fields, entries: new Map() }));
  }

  get size(): number {
    return this.rows.size;
  }

  private keyOf(row: Row, fields: string[] = this.def.key): string {
    return fields.map((f) => String(row[f] ?? '')).join(KEY_SEPARATOR);
  }

  /** A row by its full primary key, or undefined. */
  get(key: Row): Row | undefined {
    return this.rows.get(this.keyOf(key));
  }

  insert(row: Row): Row {
    const stored: Row = this.def.clientField ? { [this.def.clientField]: SYSTEM_CLIENT, ...row } : { ...row };
    const key = this.keyOf(stored);
    if (this.rows.has(key)) throw new Error(`duplicate key ${key.replaceAll(KEY_SEPARATOR, '/')} in ${this.def.name}`);
    this.rows.set(key, stored);
    for (const index of this.indexes) {
      const indexKey = this.keyOf(stored, index.fields);
      let keys = index.entries.get(indexKey);
      if (!keys) index.entries.set(indexKey, (keys = new Set()));
      keys.add(key);
    }
    return stored;
  }

  /** Changes non-key fields of an existing row and returns the row as it was before. */
  update(key: Row, changes: Row): Row {
    const existing = this.get(key);
    if (!existing) throw new Error(`no row ${this.keyOf(key).replaceAll(KEY_SEPARATOR, '/')} in ${this.def.name}`);
    for (const field of Object.keys(changes)) {
      if (this.def.key.includes(field) || this.def.indexes.some((fields) => fields.includes(field))) {
        if (changes[field] !== existing[field]) throw new Error(`${this.def.name}-${field} is a key or index field and cannot change`);
      }
    }
    const before = { ...existing };
    Object.assign(existing, changes);
    return before;
  }

  delete(key: Row): Row | undefined {
    const primaryKey = this.keyOf(key);
    const existing = this.rows.get(primaryKey);
    if (!existing) return undefined;
    this.rows.delete(primaryKey);
    for (const index of this.indexes) index.entries.get(this.keyOf(existing, index.fields))?.delete(primaryKey);
    return existing;
  }

  /**
   * Rows whose fields equal the given values, found through the primary key or an index when
   * one is covered by the condition, by a full scan otherwise; `filter` narrows further.
   */
  select(where: Row = {}, filter?: (row: Row) => boolean): Row[] {
    const fields = Object.keys(where);
    const matches = (row: Row): boolean =>
      fields.every((f) => String(row[f] ?? this.initialOf(f)) === String(where[f])) && (!filter || filter(row));
    if (fields.length > 0 && this.def.key.every((f) => f in where)) {
      const row = this.get(where);
      return row && matches(row) ? [row] : [];
    }
    const index = this.indexes.find((candidate) => candidate.fields.every((f) => f in where));
    if (index) {
      const keys = index.entries.get(this.keyOf(where, index.fields)) ?? new Set<string>();
      return [...keys].map((k) => this.rows.get(k)!).filter(matches);
    }
    const result: Row[] = [];
    for (const row of this.rows.values()) if (matches(row)) result.push(row);
    return result;
  }

  all(): IterableIterator<Row> {
    return this.rows.values();
  }

  /** A field's value as RFC would return it (initial value when the row does not hold it). */
  valueOf(row: Row, field: string): string | number {
    const def = this.def.field(field);
    if (!def) throw new Error(`${this.def.name} has no field ${field}`);
    return toExternal(def, row[field]);
  }

  private initialOf(field: string): string | number {
    const def = this.def.field(field);
    return def ? initialValue(def) : '';
  }

  clear(): void {
    this.rows.clear();
    for (const index of this.indexes) index.entries.clear();
  }
}

export class Database {
  private readonly tables = new Map<TableName, Table>();

  constructor() {
    for (const name of Object.keys(TABLES) as TableName[]) this.tables.set(name, new Table(TABLES[name]));
  }

  table(name: TableName): Table {
    return this.tables.get(name)!;
  }

  has(name: string): name is TableName {
    return this.tables.has(name as TableName);
  }

  /** Every row of every table, for the state file. */
  dump(): Record<string, Row[]> {
    const dump: Record<string, Row[]> = {};
    for (const [name, table] of this.tables) dump[name] = [...table.all()];
    return dump;
  }

  load(dump: Record<string, Row[]>): void {
    for (const table of this.tables.values()) table.clear();
    for (const [name, rows] of Object.entries(dump)) {
      if (!this.has(name)) continue;
      const table = this.table(name);
      for (const row of rows) table.insert(row);
    }
  }
}
