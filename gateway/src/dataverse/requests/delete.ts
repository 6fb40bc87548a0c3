/**
 * Delete a record: DELETE <entity set>(<id or alternate key>), optionally only if its ETag still
 * matches. Safe to repeat: when an earlier attempt's answer was lost and the repeat finds no
 * record, the first attempt deleted it, so that counts as done.
 */

import { DataverseNotFoundError } from '../errors.js';
import { requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { recordPath, type RecordRef } from '../recordAddress.js';

export interface DeleteOptions extends RequestOptions {
  /** Delete only if the record still has this @odata.etag. */
  ifMatchEtag?: string;
}

export async function deleteRecord(pipeline: DataversePipeline, entitySet: string, ref: RecordRef, options: DeleteOptions = {}): Promise<void> {
  try {
    await pipeline.send({
      ...requestOptionsOf(options),
      method: 'DELETE',
      path: recordPath(entitySet, ref),
      operation: `delete ${entitySet}`,
      idempotent: true,
      ...(options.ifMatchEtag ? { headers: { 'If-Match': options.ifMatchEtag } } : {}),
    });
  } catch (error) {
    if (error instanceof DataverseNotFoundError && error.afterUnknownOutcome) return;
    throw error;
  }
}
