/**
 * Keeps the simulated ECC's data in a JSON file, so documents created through the sandbox
 * survive a restart. The file is written after committed work (at most once a second) and at
 * shutdown, through a temporary file and a rename so a crash never leaves half a file.
 */

import { existsSync, readFileSync } from 'node:fs';
import { DebouncedSaver, writeFileAtomically } from '../stateFiles.js';
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
  writeFileAtomically(path, JSON.stringify(content));
}

/** Saves at most once per interval after changes; flush() writes what is pending now. */
export class StateSaver extends DebouncedSaver {
  constructor(db: Database, path: string, intervalMs = 1_000) {
    super(() => saveState(db, path), intervalMs);
  }
}
