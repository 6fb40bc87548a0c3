/**
 * Change tracking: GET <entity set>?$select with Prefer: odata.track-changes returns every row
 * and, on its last page, an @odata.deltaLink; calling that link later returns the rows created or
 * changed since (Dataverse does not say which of the two) and the rows deleted since, as
 * {"@odata.context": "…/$deletedEntity", "id": …, "reason": "deleted"}, with a new delta link.
 * The table must have change tracking enabled; $filter, $orderby, $expand and $top are not
 * allowed. A delta link that expired (after organization.expirechangetrackingindays, 7 by
 * default) fails with DataverseDeltaTokenError: read everything again.
 */

import { DataverseDeltaTokenError, DataverseError, DataverseRequestError } from '../errors.js';
import { assertIdentifier } from '../odataValues.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString } from '../query.js';
import { MAX_PAGE_SIZE } from './retrieveMultiple.js';

export type RowChange<T> = { kind: 'changed'; record: T } | { kind: 'deleted'; id: string };

export interface ChangePage<T> {
  changes: RowChange<T>[];
  /** On the last page: the link that returns the changes after this read. */
  deltaLink: string | undefined;
}

export interface ChangeTrackingOptions extends RequestOptions {
  /** Columns of the changed rows (the primary key comes always). */
  select?: readonly string[];
  /** The delta link of the previous read; without it every row is returned, as the starting point. */
  deltaLink?: string;
  /** Rows per page. Default 5000. */
  pageSize?: number;
}

interface DeltaBody<T> {
  value?: (T & { '@odata.context'?: string; id?: string; reason?: string })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function isDeletion(row: { '@odata.context'?: string; reason?: string }): boolean {
  return row.reason === 'deleted' || (row['@odata.context'] ?? '').endsWith('/$deletedEntity');
}

export async function* readChanges<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  options: ChangeTrackingOptions = {},
): AsyncGenerator<ChangePage<T>> {
  assertIdentifier(entitySet, 'entity set');
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new DataverseRequestError(`The page size must be 1 to ${MAX_PAGE_SIZE}, not ${pageSize}.`);
  const operation = `read changes of ${entitySet}`;
  let path: string | undefined = options.deltaLink !== undefined ? pipeline.pathOfLink(options.deltaLink) : `${entitySet}${queryString(options.select ? { select: options.select } : {})}`;
  while (path !== undefined) {
    let body: DeltaBody<T>;
    try {
      const response = await pipeline.send({
        ...requestOptionsOf(options),
        method: 'GET',
        path,
        operation,
        idempotent: true,
        prefer: ['odata.track-changes', `odata.maxpagesize=${pageSize}`],
      });
      body = readJson<DeltaBody<T>>(response, operation);
    } catch (error) {
      if (options.deltaLink !== undefined && error instanceof DataverseError && error.status === 400 && /delta ?token/i.test(error.dataverseMessage ?? '')) {
        throw new DataverseDeltaTokenError(
          `Dataverse no longer accepts the delta link of ${entitySet} (${error.dataverseMessage}); read all rows again to start over.`,
          { status: error.status, ...(error.dataverseCode ? { dataverseCode: error.dataverseCode } : {}), cause: error },
        );
      }
      throw error;
    }
    const changes = (body.value ?? []).map((row): RowChange<T> =>
      isDeletion(row) ? { kind: 'deleted', id: String(row.id).toLowerCase() } : { kind: 'changed', record: row },
    );
    const next = body['@odata.nextLink'];
    yield { changes, deltaLink: next === undefined ? body['@odata.deltaLink'] : undefined };
    path = next !== undefined ? pipeline.pathOfLink(next) : undefined;
  }
}
