/**
 * Retrieve records: GET <entity set>?$select&$filter&$orderby&$top&$expand, page after page.
 * Pages are asked for with Prefer: odata.maxpagesize (the same size on every request, as
 * Dataverse requires) and followed through @odata.nextLink unchanged, until the caller's maxRows
 * is reached or Dataverse has no more. With $top (Dataverse ignores $top when a page size is
 * sent) one answer of at most $top rows is read instead. Records the user may not read are left
 * out by Dataverse, silently.
 */

import { DataverseRequestError } from '../errors.js';
import { includeAnnotationsPreference, readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString, type QueryOptions } from '../query.js';
import { assertIdentifier } from '../odataValues.js';

/** Dataverse's largest page. */
export const MAX_PAGE_SIZE = 5000;

export interface RetrieveMultipleOptions extends RequestOptions {
  /** Read no more than this many rows: every read is bounded. */
  maxRows: number;
  /** Rows per page (Prefer: odata.maxpagesize). Default min(maxRows, 5000). */
  pageSize?: number;
  includeAnnotations?: string;
}

export interface RecordPage<T> {
  rows: T[];
  /** @odata.count of the first page when $count was asked for (Dataverse caps it at 5000). */
  count: number | undefined;
}

export interface CollectedRecords<T> {
  rows: T[];
  /** False when Dataverse had more rows than maxRows. */
  complete: boolean;
  count: number | undefined;
}

interface PageBody<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

export class RecordPages<T> implements AsyncIterable<RecordPage<T>> {
  private complete = true;

  constructor(
    private readonly pipeline: DataversePipeline,
    private readonly entitySet: string,
    private readonly query: QueryOptions,
    private readonly options: RetrieveMultipleOptions,
  ) {
    if (!Number.isInteger(options.maxRows) || options.maxRows < 1) throw new DataverseRequestError(`maxRows must be a whole number ≥ 1, not ${options.maxRows}.`);
    const pageSize = options.pageSize ?? Math.min(options.maxRows, MAX_PAGE_SIZE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new DataverseRequestError(`The page size must be 1 to ${MAX_PAGE_SIZE}, not ${pageSize}.`);
    assertIdentifier(entitySet, 'entity set');
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordPage<T>> {
    const operation = `retrieve ${this.entitySet}`;
    const prefer: string[] = [];
    if (this.query.top === undefined) prefer.push(`odata.maxpagesize=${this.options.pageSize ?? Math.min(this.options.maxRows, MAX_PAGE_SIZE)}`);
    if (this.options.includeAnnotations) prefer.push(includeAnnotationsPreference(this.options.includeAnnotations));
    let path: string | undefined = `${this.entitySet}${queryString(this.query)}`;
    let remaining = this.options.maxRows;
    let count: number | undefined;
    let first = true;
    this.complete = true;
    while (path !== undefined) {
      const response = await this.pipeline.send({ ...requestOptionsOf(this.options), method: 'GET', path, operation, idempotent: true, prefer });
      const body = readJson<PageBody<T>>(response, operation);
      const rows = Array.isArray(body.value) ? body.value : [];
      count ??= typeof body['@odata.count'] === 'number' ? body['@odata.count'] : undefined;
      const next = body['@odata.nextLink'];
      const kept = rows.slice(0, remaining);
      remaining -= kept.length;
      if (kept.length < rows.length || (remaining === 0 && next !== undefined)) this.complete = false;
      if (kept.length > 0 || first) yield { rows: kept, count };
      first = false;
      path = remaining > 0 && next !== undefined ? this.pipeline.pathOfLink(next) : undefined;
    }
  }

  /** The rows one by one, across pages. */
  async *rows(): AsyncGenerator<T> {
    for await (const page of this) yield* page.rows;
  }

  /** All rows up to maxRows, and whether that was all there was. */
  async collect(): Promise<CollectedRecords<T>> {
    const rows: T[] = [];
    let count: number | undefined;
    for await (const page of this) {
      rows.push(...page.rows);
      count ??= page.count;
    }
    return { rows, complete: this.complete, count };
  }
}

export function retrieveMultiple<T extends object = Record<string, unknown>>(
  pipeline: DataversePipeline,
  entitySet: string,
  query: QueryOptions,
  options: RetrieveMultipleOptions,
): RecordPages<T> {
  return new RecordPages<T>(pipeline, entitySet, query, options);
}
