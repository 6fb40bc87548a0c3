/** What every seed step gets: the database, a seeded random generator and the sandbox's today. */

import type { Database, Row } from '../database.js';
import type { TableName } from '../ddic/tables.js';
import type { Random } from '../../random.js';

export interface SeedOptions {
  /** Seed of the generator: the same seed and date give the same data. */
  seed: number;
  /** Number of sold-to customers. */
  customers: number;
}

export interface SeedContext {
  db: Database;
  random: Random;
  options: SeedOptions;
  /** Today as a Date at 00:00 UTC. */
  today: Date;
}

export const insertAll = (db: Database, table: TableName, rows: Row[]): void => {
  const target = db.table(table);
  for (const row of rows) target.insert(row);
};

/** DATS of a day relative to today. */
export function dats(today: Date, offsetDays: number): string {
  const date = new Date(today.getTime() + offsetDays * 86_400_000);
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

export const pad = (value: number | string, length: number): string => String(value).padStart(length, '0');
