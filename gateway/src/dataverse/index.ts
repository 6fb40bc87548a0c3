/**
 * The gateway's Dataverse client, as panels, quotes and flows use it: a client over one request
 * pipeline, filters and record addresses built from values, batch requests, and the typed errors.
 * docs/dataverse.md describes the setup in Dataverse and the configuration.
 */

export { createDataverseClient, type DataverseClient, type DataverseClientOptions } from './client.js';
export { createDataverseTokenProvider, type DataverseClientCredential, type DataverseTokenProvider, type DataverseTokenProviderOptions } from './tokenProvider.js';
export type { AccessTokenSource, DataverseLogger, RequestOptions } from './pipeline.js';
export type { ConcurrencySnapshot } from './concurrencyLimiter.js';

export { and, anyOf, contains, endsWith, eq, ge, gt, le, lt, ne, not, or, startsWith, type Filter } from './filter.js';
export { dateOnly, guid, type DateOnly, type Guid, type ODataValue } from './odataValues.js';
export type { Expand, OrderBy, QueryOptions } from './query.js';
export { odataBind, type AlternateKey, type RecordRef } from './recordAddress.js';

export { batchRequest, bindToContentId, type BatchItem, type BatchOperationResult, type BatchOptions, type BatchOutcome, type BatchResult, type BatchTarget } from './requests/batch.js';
export type { BulkTable } from './requests/bulkTable.js';
export type { ChangePage, ChangeTrackingOptions, RowChange } from './requests/changes.js';
export type { CreateOptions, Created } from './requests/create.js';
export type { DeleteOptions } from './requests/delete.js';
export type { ImportSolutionOptions } from './requests/importSolution.js';
export type { ImportSolutionAsyncOptions, SolutionImportJob } from './requests/importSolutionAsync.js';
export type { SystemJob, SystemJobStatus, WaitForSystemJobOptions } from './requests/systemJob.js';
export type { RetrieveOptions } from './requests/retrieve.js';
export type { CollectedRecords, RecordPage, RecordPages, RetrieveMultipleOptions } from './requests/retrieveMultiple.js';
export type { UpdateOptions } from './requests/update.js';
export type { Upserted, UpsertMode, UpsertOptions } from './requests/upsert.js';
export type { UpsertItem } from './requests/upsertMultiple.js';
export type { WhoAmI } from './requests/whoAmI.js';

export {
  DataverseAccessDeniedError,
  DataverseBadRequestError,
  DataverseCancelledError,
  DataverseConcurrencyError,
  DataverseDeltaTokenError,
  DataverseDuplicateKeyError,
  DataverseError,
  DataverseNotFoundError,
  DataverseOutcomeUnknownError,
  DataverseRejectedError,
  DataverseRequestError,
  DataverseResponseError,
  DataverseSchemaError,
  DataverseServerError,
  DataverseThrottledError,
  DataverseTimeoutError,
  DataverseUnauthorizedError,
  DataverseUnavailableError,
  DataverseValidationError,
  type DataverseErrorCode,
} from './errors.js';
export { DataverseTokenError, type DataverseTokenErrorCode } from './tokenErrors.js';
