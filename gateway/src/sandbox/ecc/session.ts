/**
 * An ABAP user session of the simulated ECC and its logical unit of work. Write BAPIs do not
 * touch the database: they validate, draw numbers and register an update (as SAP's update
 * task does); BAPI_TRANSACTION_COMMIT runs the registered updates, ROLLBACK or the end of the
 * session discards them. Locks (enqueues) taken in the session are released with it.
 */

import { randomUUID } from 'node:crypto';
import type { ObjectChange, TableChange } from './changeDocuments.js';
import type { Database, Row } from './database.js';
import type { TableName } from './ddic/tables.js';

/** Writes to the database inside an update, remembered for the change document. */
export class UpdateWriter {
  readonly changes: TableChange[] = [];
  constructor(private readonly db: Database) {}

  insert(table: TableName, row: Row): Row {
    const stored = this.db.table(table).insert(row);
    this.changes.push({ table, kind: 'I', after: { ...stored } });
    return stored;
  }

  update(table: TableName, key: Row, changes: Row): void {
    const before = this.db.table(table).update(key, changes);
    this.changes.push({ table, kind: 'U', before, after: { ...before, ...changes } });
  }

  delete(table: TableName, key: Row): void {
    const before = this.db.table(table).delete(key);
    if (before) this.changes.push({ table, kind: 'D', before, after: before });
  }

  /** Reverts this writer's changes, newest first (a failed update leaves no trace). */
  undo(): void {
    for (const change of [...this.changes].reverse()) {
      const table = this.db.table(change.table);
      if (change.kind === 'I') table.delete(change.after);
      else if (change.kind === 'D') table.insert(change.before!);
      else table.update(change.after, change.before!);
    }
    this.changes.length = 0;
  }
}

export interface PendingUpdate {
  /** The business object the change document is written for; none for objects SAP does not log. */
  changeDocument?: Omit<ObjectChange, 'user'>;
  apply(writer: UpdateWriter): void;
}

export class EccSession {
  readonly id = randomUUID();
  private pending: PendingUpdate[] = [];
  readonly locks = new Set<string>();

  constructor(readonly user: string) {}

  /** Registers an update to run at commit (CALL FUNCTION … IN UPDATE TASK). */
  registerUpdate(update: PendingUpdate): void {
    this.pending.push(update);
  }

  get hasPendingUpdates(): boolean {
    return this.pending.length > 0;
  }

  /** Hands over the registered updates and starts a new LUW. */
  takeUpdates(): PendingUpdate[] {
    const updates = this.pending;
    this.pending = [];
    return updates;
  }
}
