/**
 * Retrieve one record: GET <entity set>(<id or alternate key>) with $select and $expand. A record
 * the user cannot read answers 403 (DataverseAccessDeniedError), a missing one 404
 * (DataverseNotFoundError).
 */

import { includeAnnotationsPreference, readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString, type Expand } from '../query.js';
import { recordPath, type RecordRef } from '../recordAddress.js';

export interface RetrieveOptions extends RequestOptions {
  select?: readonly string[];
  expand?: readonly Expand[];
  /** Prefer odata.include-annotations, e.g. "OData.Community.Display.V1.FormattedValue" or "*". */
  includeAnnotations?: string;
}

export async function retrieve<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  ref: RecordRef,
  options: RetrieveOptions = {},
): Promise<T> {
  const path = `${recordPath(entitySet, ref)}${queryString({ ...(options.select ? { select: options.select } : {}), ...(options.expand ? { expand: options.expand } : {}) })}`;
  const operation = `retrieve ${entitySet}`;
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'GET',
    path,
    operation,
    idempotent: true,
    ...(options.includeAnnotations ? { prefer: [includeAnnotationsPreference(options.includeAnnotations)] } : {}),
  });
  return readJson<T>(response, operation);
}
