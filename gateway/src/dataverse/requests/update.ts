/**
 * Update a record: PATCH <entity set>(<id or alternate key>) with only the columns to change.
 * Sends If-Match: * so that a missing record is reported (DataverseNotFoundError) instead of
 * being created, or If-Match: <ETag> to apply the change only if nobody changed the record since
 * it was read (DataverseConcurrencyError otherwise). Safe to repeat: the same values set twice.
 */

import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString } from '../query.js';
import { recordPath, type RecordRef } from '../recordAddress.js';

export interface UpdateOptions extends RequestOptions {
  /** The @odata.etag the record had when read (optimistic concurrency); default * (any version). */
  ifMatchEtag?: string;
  /** Return the updated record with these columns. */
  returnRepresentation?: { select?: readonly string[] };
}

export async function update<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  ref: RecordRef,
  data: Record<string, unknown>,
  options: UpdateOptions = {},
): Promise<T | undefined> {
  const operation = `update ${entitySet}`;
  const select = options.returnRepresentation?.select;
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'PATCH',
    path: `${recordPath(entitySet, ref)}${select && select.length > 0 ? queryString({ select }) : ''}`,
    operation,
    idempotent: true,
    body: data,
    headers: { 'If-Match': options.ifMatchEtag ?? '*' },
    ...(options.returnRepresentation ? { prefer: ['return=representation'] } : {}),
  });
  return options.returnRepresentation ? readJson<T>(response, operation) : undefined;
}
