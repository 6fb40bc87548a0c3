/**
 * Upsert a record addressed by its alternate key (or id): PATCH <entity set>(<key>) creates the
 * record when no record has that key, and updates it otherwise. `mode` narrows it: 'createOnly'
 * sends If-None-Match: * (an existing record fails with DataverseDuplicateKeyError), 'updateOnly'
 * sends If-Match: * (a missing one fails with DataverseNotFoundError). Upsert and update-only are
 * safe to repeat; create-only is not (a repeat after a lost answer would find its own record).
 */

import { DataverseResponseError } from '../errors.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString } from '../query.js';
import { idFromEntityUrl, recordPath, type RecordRef } from '../recordAddress.js';

export type UpsertMode = 'upsert' | 'createOnly' | 'updateOnly';

export interface UpsertOptions extends RequestOptions {
  mode?: UpsertMode;
  /** Return the record with these columns; `created` is then known from the status (201 or 200). */
  returnRepresentation?: { select?: readonly string[] };
}

export interface Upserted<T> {
  id: string;
  /** Whether the record was created; undefined when Dataverse did not say (no representation asked for). */
  created: boolean | undefined;
  record: T | undefined;
}

const CONDITION: Record<UpsertMode, Record<string, string>> = {
  upsert: {},
  createOnly: { 'If-None-Match': '*' },
  updateOnly: { 'If-Match': '*' },
};

export async function upsert<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  ref: RecordRef,
  data: Record<string, unknown>,
  options: UpsertOptions = {},
): Promise<Upserted<T>> {
  const mode = options.mode ?? 'upsert';
  const operation = `${mode === 'upsert' ? 'upsert' : mode === 'createOnly' ? 'create (by key)' : 'update (by key)'} ${entitySet}`;
  const select = options.returnRepresentation?.select;
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'PATCH',
    path: `${recordPath(entitySet, ref)}${select && select.length > 0 ? queryString({ select }) : ''}`,
    operation,
    idempotent: mode !== 'createOnly',
    body: data,
    headers: CONDITION[mode],
    ...(options.returnRepresentation ? { prefer: ['return=representation'] } : {}),
  });
  const id = idFromEntityUrl(response.headers['odata-entityid'] ?? response.headers.location);
  if (id === undefined) throw new DataverseResponseError(`Dataverse answered ${operation} without the record's id (no OData-EntityId header).`, { status: response.status });
  if (!options.returnRepresentation) return { id, created: undefined, record: undefined };
  return { id, created: response.status === 201, record: readJson<T>(response, operation) };
}
