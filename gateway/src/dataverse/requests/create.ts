/**
 * Create a record: POST <entity set>. Dataverse answers 204 with the new record's URL in
 * OData-EntityId, or with Prefer: return=representation 201 and the record ($select applies).
 * Lookups are set with "<navigation property>@odata.bind": odataBind(…). A create is not safe to
 * repeat: if its answer is lost it fails with DataverseOutcomeUnknownError (see retryPolicy.ts).
 */

import { DataverseResponseError } from '../errors.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString } from '../query.js';
import { assertIdentifier } from '../odataValues.js';
import { idFromEntityUrl } from '../recordAddress.js';

export interface CreateOptions extends RequestOptions {
  /** Return the created record, with these columns (all when empty). */
  returnRepresentation?: { select?: readonly string[] };
}

export interface Created<T> {
  id: string;
  /** The record as Dataverse stored it, when returnRepresentation was asked for. */
  record: T | undefined;
}

export async function create<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  data: Record<string, unknown>,
  options: CreateOptions = {},
): Promise<Created<T>> {
  const operation = `create ${entitySet}`;
  const select = options.returnRepresentation?.select;
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'POST',
    path: `${assertIdentifier(entitySet, 'entity set')}${select && select.length > 0 ? queryString({ select }) : ''}`,
    operation,
    idempotent: false,
    body: data,
    ...(options.returnRepresentation ? { prefer: ['return=representation'] } : {}),
  });
  const id = idFromEntityUrl(response.headers['odata-entityid'] ?? response.headers.location);
  if (id === undefined) throw new DataverseResponseError(`Dataverse created a record for ${operation} but did not say its id (no OData-EntityId header).`, { status: response.status });
  return { id, record: options.returnRepresentation ? readJson<T>(response, operation) : undefined };
}
