/**
 * The body of a $batch request (OData multipart/mixed, as Dataverse's "Execute batch operations"
 * documents it): one application/http part per request, change sets as nested multipart parts
 * whose requests commit or roll back together, each change set request with a Content-ID that
 * later requests of the same change set may reference as $<id> in their URL or @odata.bind.
 * Lines end in CRLF; request URLs are absolute (references stay $<id>), as Dataverse's examples
 * and DynamicsWebApi write them.
 */

import { randomUUID } from 'node:crypto';
import { DataverseRequestError } from './errors.js';
import type { HttpMethod } from './pipeline.js';

export interface BatchOperation {
  method: HttpMethod;
  /** Below the service root and encoded (recordPath, queryString), or `$<Content-ID>` of an earlier change set request. */
  path: string;
  /** JSON body of a POST, PATCH or PUT. */
  body?: unknown;
  headers?: Record<string, string>;
  /** In a change set: the id other requests reference as $<id>; given automatically when absent. */
  contentId?: string;
  /** Whether repeating it is harmless (GET, DELETE, PATCH without If-None-Match: *). */
  idempotent: boolean;
  /** What it does, for results and errors: "update accounts(…)". */
  operation: string;
}

/** A request on its own, or a change set: requests that all commit or none. */
export type BatchItem = BatchOperation | { changeSet: readonly BatchOperation[] };

/** Dataverse accepts at most this many requests in one $batch. */
export const MAX_BATCH_OPERATIONS = 1000;

export interface WrittenBatch {
  contentType: string;
  body: string;
  /** The items with every change set request's Content-ID filled in. */
  items: BatchItem[];
}

export const isChangeSet = (item: BatchItem): item is { changeSet: readonly BatchOperation[] } => 'changeSet' in item;

const CRLF = '\r\n';

function requestLines(operation: BatchOperation, serviceRoot: string): string[] {
  const url = operation.path.startsWith('$') ? operation.path : `${serviceRoot}${operation.path}`;
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (operation.contentId !== undefined) lines.push(`Content-ID: ${operation.contentId}`);
  lines.push('', `${operation.method} ${url} HTTP/1.1`);
  const headers: Record<string, string> = operation.body !== undefined ? { 'Content-Type': 'application/json; type=entry' } : { Accept: 'application/json' };
  for (const [name, value] of Object.entries({ ...headers, ...operation.headers })) lines.push(`${name}: ${value}`);
  lines.push('', operation.body !== undefined ? JSON.stringify(operation.body) : '');
  return lines;
}

/** Fills in Content-IDs and checks what Dataverse would refuse: no GET in a change set, unique ids, at most 1000 requests. */
function prepare(items: readonly BatchItem[]): BatchItem[] {
  const used = new Set<string>();
  for (const item of items) if (isChangeSet(item)) for (const operation of item.changeSet) if (operation.contentId !== undefined) used.add(operation.contentId);
  let next = 1;
  const freshId = (): string => {
    while (used.has(String(next))) next += 1;
    used.add(String(next));
    return String(next);
  };
  const seen = new Set<string>();
  let count = 0;
  const prepared = items.map((item): BatchItem => {
    if (!isChangeSet(item)) {
      count += 1;
      return item;
    }
    if (item.changeSet.length === 0) throw new DataverseRequestError('A change set needs at least one request.');
    return {
      changeSet: item.changeSet.map((operation) => {
        count += 1;
        if (operation.method === 'GET') throw new DataverseRequestError(`A change set cannot contain a GET (${operation.operation}); put it outside the change set.`);
        const contentId = operation.contentId ?? freshId();
        if (seen.has(contentId)) throw new DataverseRequestError(`Content-ID ${contentId} is used twice in one batch.`);
        seen.add(contentId);
        return { ...operation, contentId };
      }),
    };
  });
  if (count === 0) throw new DataverseRequestError('A batch needs at least one request.');
  if (count > MAX_BATCH_OPERATIONS) throw new DataverseRequestError(`A batch may hold at most ${MAX_BATCH_OPERATIONS} requests, not ${count}; split it.`);
  return prepared;
}

export function writeBatch(items: readonly BatchItem[], serviceRoot: string, newId: () => string = randomUUID): WrittenBatch {
  const prepared = prepare(items);
  const boundary = `batch_${newId()}`;
  const lines: string[] = [];
  for (const item of prepared) {
    lines.push(`--${boundary}`);
    if (!isChangeSet(item)) {
      lines.push(...requestLines(item, serviceRoot));
      continue;
    }
    const changeSet = `changeset_${newId()}`;
    lines.push(`Content-Type: multipart/mixed; boundary=${changeSet}`, '');
    for (const operation of item.changeSet) lines.push(`--${changeSet}`, ...requestLines(operation, serviceRoot));
    lines.push(`--${changeSet}--`, '');
  }
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: lines.join(CRLF), items: prepared };
}
