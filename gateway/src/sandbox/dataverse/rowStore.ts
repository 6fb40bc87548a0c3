/**
 * The simulated Dataverse's rows: one table of rows per logical name, indexed by primary key and
 * by each alternate key, a row version counter (versionnumber, the ETag), a change log for change
 * tracking, and transactions. A transaction is synchronous: the store applies writes at once and
 * keeps an undo log, so a change set or a bulk message that fails part-way is rolled back to
 * where it began, nested transactions included (savepoints).
 */

import type { AlternateKeyMetadata } from './metadata.js';
import { isEntityReference, type Row, type StoredValue } from './values.js';

/** One entry of the change log: a row of a table was written (created or updated) or deleted. */
export interface ChangeLogEntry {
  version: number;
  table: string;
  id: string;
  deleted: boolean;
}

/** The index key of a key value: strings compare case-insensitively, as SQL Server's collation does. */
export function keyPart(value: StoredValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (isEntityReference(value)) return `r:${value.id}`;
  if (typeof value === 'string') return `s:${value.toLowerCase()}`;
  return `${typeof value}:${String(value)}`;
}

/** The index key of a row's values for an alternate key, or undefined when a part has no value (not indexed). */
export function alternateKeyOf(key: AlternateKeyMetadata, values: Row): string | undefined {
  const parts: string[] = [];
  for (const attribute of key.keyAttributes) {
    const part = keyPart(values[attribute]);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return JSON.stringify(parts);
}

export class TableRows {
  readonly rows = new Map<string, Row>();
  private readonly keyIndexes = new Map<string, { key: AlternateKeyMetadata; index: Map<string, string> }>();

  constructor(readonly logicalName: string) {}

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }

  /** The id of the row holding these values of an alternate key. */
  findByKey(key: AlternateKeyMetadata, values: Row): string | undefined {
    const value = alternateKeyOf(key, values);
    return value === undefined ? undefined : this.indexFor(key).get(value);
  }

  /** The alternate key (of those given) whose values another row already holds, if any. */
  conflictingKey(keys: AlternateKeyMetadata[], row: Row, id: string): AlternateKeyMetadata | undefined {
    return keys.find((key) => {
      const holder = this.findByKey(key, row);
      return holder !== undefined && holder !== id;
    });
  }

  put(id: string, row: Row, keys: AlternateKeyMetadata[]): void {
    const previous = this.rows.get(id);
    for (const key of keys) {
      const index = this.indexFor(key);
      const before = previous && alternateKeyOf(key, previous);
      if (before !== undefined && index.get(before) === id) index.delete(before);
      const after = alternateKeyOf(key, row);
      if (after !== undefined) index.set(after, id);
    }
    this.rows.set(id, row);
  }

  remove(id: string): void {
    const previous = this.rows.get(id);
    if (!previous) return;
    for (const { key, index } of this.keyIndexes.values()) {
      const value = alternateKeyOf(key, previous);
      if (value !== undefined && index.get(value) === id) index.delete(value);
    }
    this.rows.delete(id);
  }

  /** The index of a key, built over the existing rows when the key is new (a solution import added it). */
  private indexFor(key: AlternateKeyMetadata): Map<string, string> {
    const signature = `${key.logicalName}:${key.keyAttributes.join(',')}`;
    let entry = this.keyIndexes.get(signature);
    if (!entry) {
      entry = { key, index: new Map() };
      for (const [id, row] of this.rows) {
        const value = alternateKeyOf(key, row);
        if (value !== undefined) entry.index.set(value, id);
      }
      this.keyIndexes.set(signature, entry);
    }
    return entry.index;
  }
}

/** A RowStore's content as plain data, for a state file: rows by table as [id, row], the row version and the change log. */
export interface RowStoreDump {
  version: number;
  tables: Record<string, [string, Row][]>;
  changes: ChangeLogEntry[];
}

export class RowStore {
  private readonly tables = new Map<string, TableRows>();
  private version = 1_000_000;
  private readonly changes: ChangeLogEntry[] = [];
  private undoLog: (() => void)[] = [];
  private depth = 0;

  table(logicalName: string): TableRows {
    let table = this.tables.get(logicalName);
    if (!table) {
      table = new TableRows(logicalName);
      this.tables.set(logicalName, table);
    }
    return table;
  }

  /** The latest row version handed out: the position in the change log a delta token records. */
  currentVersion(): number {
    return this.version;
  }

  /** Writes a row (insert or replace), giving it the next row version; returns the version. */
  write(table: string, id: string, row: Row, keys: AlternateKeyMetadata[]): number {
    const rows = this.table(table);
    const previous = rows.get(id);
    const version = ++this.version;
    rows.put(id, { ...row, versionnumber: version }, keys);
    this.changes.push({ version, table, id, deleted: false });
    this.onUndo(() => {
      this.changes.pop();
      if (previous) rows.put(id, previous, keys);
      else rows.remove(id);
    });
    return version;
  }

  delete(table: string, id: string, keys: AlternateKeyMetadata[]): void {
    const rows = this.table(table);
    const previous = rows.get(id);
    if (!previous) return;
    rows.remove(id);
    this.changes.push({ version: ++this.version, table, id, deleted: true });
    this.onUndo(() => {
      this.changes.pop();
      rows.put(id, previous, keys);
    });
  }

  /** Changes of a table after a version, oldest first. */
  *changesSince(table: string, version: number): Generator<ChangeLogEntry> {
    // The log is ordered by version: find the first entry after `version` by binary search.
    let low = 0;
    let high = this.changes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.changes[middle]!.version <= version) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.changes.length; i++) {
      const entry = this.changes[i]!;
      if (entry.table === table) yield entry;
    }
  }

  /** Registers how to reverse a change made outside write/delete (a share) should the transaction roll back. */
  onUndo(undo: () => void): void {
    if (this.depth > 0) this.undoLog.push(undo);
  }

  /**
   * Runs `work` as one transaction: everything it wrote is undone if it throws. Transactions nest;
   * an inner one that throws is undone back to where it began.
   */
  transaction<T>(work: () => T): T {
    const mark = this.undoLog.length;
    this.depth++;
    try {
      const result = work();
      return result;
    } catch (error) {
      while (this.undoLog.length > mark) this.undoLog.pop()!();
      throw error;
    } finally {
      this.depth--;
      if (this.depth === 0) this.undoLog = [];
    }
  }

  inTransaction(): boolean {
    return this.depth > 0;
  }

  dump(): RowStoreDump {
    const tables: RowStoreDump['tables'] = {};
    for (const [name, table] of this.tables) tables[name] = [...table.rows];
    return { version: this.version, tables, changes: [...this.changes] };
  }

  /** Replaces everything with a dump; alternate key indexes are rebuilt when first used. */
  load(dump: RowStoreDump): void {
    if (this.depth > 0) throw new Error('The row store cannot be loaded inside a transaction.');
    this.tables.clear();
    for (const [name, rows] of Object.entries(dump.tables)) {
      const table = this.table(name);
      for (const [id, row] of rows) table.rows.set(id, row);
    }
    this.version = dump.version;
    this.changes.length = 0;
    for (const entry of dump.changes) this.changes.push(entry);
  }
}
