/**
 * The gateway's Dataverse client: one pipeline (pipeline.ts) and the request kinds (requests/)
 * as methods. `asUser(objectId)` gives the same client with every request made as that CRM user
 * (CallerObjectId), which is how the gateway asks Dataverse what a rep may see.
 */

import { DataversePipeline, type PipelineOptions, type RequestOptions } from './pipeline.js';
import type { ConcurrencySnapshot } from './concurrencyLimiter.js';
import type { QueryOptions } from './query.js';
import type { RecordRef } from './recordAddress.js';
import { executeBatch, type BatchItem, type BatchOptions, type BatchResult } from './requests/batch.js';
import type { BulkTable } from './requests/bulkTable.js';
import { readChanges, type ChangePage, type ChangeTrackingOptions } from './requests/changes.js';
import { create, type CreateOptions, type Created } from './requests/create.js';
import { createMultiple } from './requests/createMultiple.js';
import { deleteRecord, type DeleteOptions } from './requests/delete.js';
import { importSolution, type ImportSolutionOptions } from './requests/importSolution.js';
import { importSolutionAsync, type ImportSolutionAsyncOptions, type SolutionImportJob } from './requests/importSolutionAsync.js';
import { retrieve, type RetrieveOptions } from './requests/retrieve.js';
import { retrieveMultiple, type RecordPages, type RetrieveMultipleOptions } from './requests/retrieveMultiple.js';
import { retrieveSystemJob, waitForSystemJob, type SystemJob, type WaitForSystemJobOptions } from './requests/systemJob.js';
import { update, type UpdateOptions } from './requests/update.js';
import { upsert, type Upserted, type UpsertOptions } from './requests/upsert.js';
import { upsertMultiple, type UpsertItem } from './requests/upsertMultiple.js';
import { whoAmI, type WhoAmI } from './requests/whoAmI.js';

type Row = Record<string, unknown>;

export interface DataverseClient {
  /** https://<environment>/api/data/v9.2/ */
  readonly serviceRoot: string;
  /** The same client, every request made as this CRM user (Entra object id, sent as CallerObjectId). */
  asUser(callerObjectId: string): DataverseClient;
  retrieve<T extends object = Row>(entitySet: string, ref: RecordRef, options?: RetrieveOptions): Promise<T>;
  retrieveMultiple<T extends object = Row>(entitySet: string, query: QueryOptions, options: RetrieveMultipleOptions): RecordPages<T>;
  create<T extends object = Row>(entitySet: string, data: Row, options?: CreateOptions): Promise<Created<T>>;
  update<T extends object = Row>(entitySet: string, ref: RecordRef, data: Row, options?: UpdateOptions): Promise<T | undefined>;
  upsert<T extends object = Row>(entitySet: string, ref: RecordRef, data: Row, options?: UpsertOptions): Promise<Upserted<T>>;
  delete(entitySet: string, ref: RecordRef, options?: DeleteOptions): Promise<void>;
  executeBatch(items: readonly BatchItem[], options?: BatchOptions): Promise<BatchResult>;
  createMultiple(table: BulkTable, records: readonly Row[], options?: RequestOptions): Promise<string[]>;
  upsertMultiple(table: BulkTable, items: readonly UpsertItem[], options?: RequestOptions): Promise<void>;
  readChanges<T extends object = Row>(entitySet: string, options?: ChangeTrackingOptions): AsyncGenerator<ChangePage<T>>;
  whoAmI(options?: RequestOptions): Promise<WhoAmI>;
  importSolution(solutionZip: Uint8Array, options?: ImportSolutionOptions): Promise<string>;
  /** Queues the import (or the upgrade) as a system job and returns at once; waitForSystemJob follows it. */
  importSolutionAsync(solutionZip: Uint8Array, options?: ImportSolutionAsyncOptions): Promise<SolutionImportJob>;
  retrieveSystemJob(id: string, options?: RequestOptions): Promise<SystemJob>;
  waitForSystemJob(id: string, options?: WaitForSystemJobOptions): Promise<SystemJob>;
  /** The adaptive concurrency limit's state (shared by every asUser view). */
  throttling(): ConcurrencySnapshot;
  /** Closes the connections to Dataverse. */
  close(): void;
}

function clientOver(pipeline: DataversePipeline, callerObjectId: string | undefined): DataverseClient {
  const as = <O extends RequestOptions>(options: O): O => (callerObjectId !== undefined && options.callerObjectId === undefined ? { ...options, callerObjectId } : options);
  return {
    serviceRoot: pipeline.serviceRoot,
    asUser: (objectId) => clientOver(pipeline, objectId),
    retrieve: (entitySet, ref, options = {}) => retrieve(pipeline, entitySet, ref, as(options)),
    retrieveMultiple: (entitySet, query, options) => retrieveMultiple(pipeline, entitySet, query, as(options)),
    create: (entitySet, data, options = {}) => create(pipeline, entitySet, data, as(options)),
    update: (entitySet, ref, data, options = {}) => update(pipeline, entitySet, ref, data, as(options)),
    upsert: (entitySet, ref, data, options = {}) => upsert(pipeline, entitySet, ref, data, as(options)),
    delete: (entitySet, ref, options = {}) => deleteRecord(pipeline, entitySet, ref, as(options)),
    executeBatch: (items, options = {}) => executeBatch(pipeline, items, as(options)),
    createMultiple: (table, records, options = {}) => createMultiple(pipeline, table, records, as(options)),
    upsertMultiple: (table, items, options = {}) => upsertMultiple(pipeline, table, items, as(options)),
    readChanges: (entitySet, options = {}) => readChanges(pipeline, entitySet, as(options)),
    whoAmI: (options = {}) => whoAmI(pipeline, as(options)),
    importSolution: (solutionZip, options = {}) => importSolution(pipeline, solutionZip, as(options)),
    importSolutionAsync: (solutionZip, options = {}) => importSolutionAsync(pipeline, solutionZip, as(options)),
    retrieveSystemJob: (id, options = {}) => retrieveSystemJob(pipeline, id, as(options)),
    waitForSystemJob: (id, options = {}) => waitForSystemJob(pipeline, id, as(options)),
    throttling: () => pipeline.throttling(),
    close: () => pipeline.close(),
  };
}

export type DataverseClientOptions = PipelineOptions;

export function createDataverseClient(options: DataverseClientOptions): DataverseClient {
  return clientOver(new DataversePipeline(options), undefined);
}
