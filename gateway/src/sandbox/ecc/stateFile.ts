/**
 * Keeps the simulated ECC's data in a JSON file, so documents created through the sandbox
 * survive a restart. The file is written after committed work (at most once a second) and at
 * shutdown, through a temporary file and a rename so a crash never leaves half a file.
 */

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Database, Row } from './database.js';

const FORMAT_VERSION = 1;

interface StateFile {
  version: number;
  savedAt: string;
  tables: Record<string, Row[]>;
}

/** Loads the file into the database; false when there is no file yet. */
export function loadState(db: Database, path: string): boolean {
  if (!existsSync(path)) return false;
  const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateFile>;
  if (content.version !== FORMAT_VERSION || typeof content.tables !== 'object' || content.tables === null) {
    throw new Error(`${path} is not a sandbox state file of version ${FORMAT_VERSION}; delete it to start from the seed data`);
  }
  db.load(content.tables);
  return true;
}

export function saveState(db: Database, path: string): void {
  const content: StateFile = { version: FORMAT_VERSION, savedAt: new Date().toISOString(), tables: db.dump() };
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(content));
  renameSync(temporary, path);
}

/** Saves at most once per interval after changes; flush() writes what is pending now. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database, private readonly path: string, private readonly intervalMs = 1_000) {}

  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      saveState(this.db, this.path);
    }, this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    saveState(this.db, this.path);
  }
}
