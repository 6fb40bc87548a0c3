/**
 * A user's right to read a CRM record, remembered briefly. The check itself is a read of the
 * record as the user (the use case's `read`, which answers NOT_AUTHORIZED when Dataverse refuses);
 * what it read (for an account, its SAP link) is kept per user and record for `cacheSeconds`, so
 * a form's four panels and their refreshes cost Dataverse one read. Only granted access is kept:
 * a rep given access sees the panels at once; one whose access is taken away keeps seeing them
 * for at most `cacheSeconds`, or until Dataverse says the record changed (`forget`, from the
 * webhook on the record's owner, SAP link or deletion).
 */

import type { AuthenticatedUser } from '../../auth/tokenValidator.js';
import { ReadThroughCache } from '../../panels/readThroughCache.js';

export interface RecordAccessOptions {
  cacheSeconds: number;
  maxEntries?: number;
  now?: () => number;
}

export class RecordAccess<T> {
  private readonly cache: ReadThroughCache<T>;

  constructor(options: RecordAccessOptions) {
    this.cache = new ReadThroughCache<T>({ ttlMs: options.cacheSeconds * 1000, maxEntries: options.maxEntries ?? 50_000, ...(options.now ? { now: options.now } : {}) });
  }

  /** What `read` read as the user, from the cache when the same user read the same record recently. */
  async check(user: AuthenticatedUser, table: string, id: string, read: () => Promise<T>): Promise<T> {
    return (await this.cache.get(`${user.objectId}|${recordKey(table, id)}`, read)).value;
  }

  /** Forgets what was read of the record, for every user; returns how many users' entries went. */
  forget(table: string, id: string): number {
    const suffix = `|${recordKey(table, id)}`;
    return this.cache.deleteWhere((key) => key.endsWith(suffix));
  }
}

const recordKey = (table: string, id: string): string => `${table}|${id.toLowerCase()}`;
