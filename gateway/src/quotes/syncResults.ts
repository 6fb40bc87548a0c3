/**
 * Sync result rows (ecc_syncresult): what the quote submission writes to Dataverse so that reps
 * and admins see in CRM what happened, and what makes the submission idempotent across presses
 * and gateway instances. One row per submission, addressed by its idempotency key (an alternate
 * key): created create-only (If-None-Match: *), so one press wins; taken over with If-Match on
 * the row's ETag, so one retry wins. Rows are written as the application user, except the
 * integration admin's retry, which claims the row as that admin (retrySubmission.ts).
 */

import type { DataverseClient } from '../dataverse/client.js';
import { DataverseNotFoundError } from '../dataverse/errors.js';
import { batchRequest, type BatchOperation } from '../dataverse/requests/batch.js';
import { WRITTEN_TABLES, type ColumnValues } from '../dataverse/writtenColumns.js';
import { QuoteError } from './errors.js';
import { FAILURE_CAUSE_VALUES, type FailureCause } from './failureCause.js';
import { readAsUser } from './readAsUser.js';

export const SYNC_RESULTS = WRITTEN_TABLES.ecc_syncresult.entitySet;

export type SyncStatus = 'succeeded' | 'failed' | 'retrying' | 'deadLettered';

/** ecc_status's options (ecc_syncresult_ecc_status in ecc_SyncResult/Entity.xml of the solution). */
export const SYNC_STATUS_VALUES: Record<SyncStatus, number> = { succeeded: 363650000, failed: 363650001, retrying: 363650002, deadLettered: 363650003 };

/** Column sizes in the solution (ecc_SyncResult/Entity.xml): longer text is cut, saying so. */
const NAME_LENGTH = 200;
const ERROR_CODE_LENGTH = 100;
const MESSAGE_LENGTH = 10_000;
const SNAPSHOT_LENGTH = 1_048_576;

export interface SyncResultRow {
  id: string;
  etag: string;
  flow: string;
  status: SyncStatus | undefined;
  message: string;
  sapDocumentNumber: string;
  correlationId: string;
  /** ISO instants; finishedAt is empty while the run has not ended. */
  startedAt: string;
  finishedAt: string;
  regardingTable: string;
  regardingId: string;
  idempotencyKey: string;
  targetSnapshot: string;
}

/** The columns a write sets; null clears finishedAt, cause and errorCode. */
export interface SyncResultFields {
  name?: string;
  flow?: string;
  status?: SyncStatus;
  message?: string;
  sapDocumentNumber?: string;
  correlationId?: string;
  startedAt?: string;
  finishedAt?: string | null;
  regardingTable?: string;
  regardingId?: string;
  sourceSnapshot?: string;
  targetSnapshot?: string;
  /** Why the work failed (failureCause.ts), and the failure's stable code. */
  cause?: FailureCause | null;
  errorCode?: string | null;
}

const COLUMNS = [
  'ecc_syncresultid', 'ecc_flow', 'ecc_status', 'ecc_message', 'ecc_sapdocumentnumber', 'ecc_correlationid', 'ecc_startedon', 'ecc_finishedon',
  'ecc_regardingtable', 'ecc_regardingid', 'ecc_idempotencykey', 'ecc_targetsnapshot',
] as const;

type Row = Record<string, unknown>;

const text = (row: Row, column: string): string => (typeof row[column] === 'string' ? (row[column]) : '');

function clip(value: string, length: number): string {
  const marker = ' … [cut to fit the column]';
  return value.length <= length ? value : `${value.slice(0, length - marker.length)}${marker}`;
}

function statusOf(value: unknown): SyncStatus | undefined {
  return (Object.entries(SYNC_STATUS_VALUES).find(([, option]) => option === value)?.[0] as SyncStatus | undefined) ?? undefined;
}

function rowOf(row: Row): SyncResultRow {
  return {
    id: text(row, 'ecc_syncresultid'),
    etag: text(row, '@odata.etag'),
    flow: text(row, 'ecc_flow'),
    status: statusOf(row.ecc_status),
    message: text(row, 'ecc_message'),
    sapDocumentNumber: text(row, 'ecc_sapdocumentnumber'),
    correlationId: text(row, 'ecc_correlationid'),
    startedAt: text(row, 'ecc_startedon'),
    finishedAt: text(row, 'ecc_finishedon'),
    regardingTable: text(row, 'ecc_regardingtable'),
    regardingId: text(row, 'ecc_regardingid'),
    idempotencyKey: text(row, 'ecc_idempotencykey'),
    targetSnapshot: text(row, 'ecc_targetsnapshot'),
  };
}

function columnsOf(fields: SyncResultFields): ColumnValues<'ecc_syncresult'> {
  const columns: ColumnValues<'ecc_syncresult'> = {};
  if (fields.name !== undefined) columns.ecc_name = clip(fields.name, NAME_LENGTH);
  if (fields.flow !== undefined) columns.ecc_flow = fields.flow;
  if (fields.status !== undefined) columns.ecc_status = SYNC_STATUS_VALUES[fields.status];
  if (fields.message !== undefined) columns.ecc_message = clip(fields.message, MESSAGE_LENGTH);
  if (fields.sapDocumentNumber !== undefined) columns.ecc_sapdocumentnumber = fields.sapDocumentNumber;
  if (fields.correlationId !== undefined) columns.ecc_correlationid = fields.correlationId;
  if (fields.startedAt !== undefined) columns.ecc_startedon = fields.startedAt;
  if (fields.finishedAt !== undefined) columns.ecc_finishedon = fields.finishedAt;
  if (fields.regardingTable !== undefined) columns.ecc_regardingtable = fields.regardingTable;
  if (fields.regardingId !== undefined) columns.ecc_regardingid = fields.regardingId;
  if (fields.sourceSnapshot !== undefined) columns.ecc_sourcesnapshot = clip(fields.sourceSnapshot, SNAPSHOT_LENGTH);
  if (fields.targetSnapshot !== undefined) columns.ecc_targetsnapshot = clip(fields.targetSnapshot, SNAPSHOT_LENGTH);
  if (fields.cause !== undefined) columns.ecc_cause = fields.cause === null ? null : FAILURE_CAUSE_VALUES[fields.cause];
  if (fields.errorCode !== undefined) columns.ecc_errorcode = fields.errorCode === null ? null : fields.errorCode.slice(0, ERROR_CODE_LENGTH);
  return columns;
}

// Creating a row by its key sets the key column too.
const byKey = (idempotencyKey: string) => ({ key: { ecc_idempotencykey: idempotencyKey } satisfies ColumnValues<'ecc_syncresult'> });

/** The row of a submission, or undefined when it was never started. */
export async function findSyncResult(dataverse: DataverseClient, idempotencyKey: string): Promise<SyncResultRow | undefined> {
  try {
    return rowOf(await dataverse.retrieve<Row>(SYNC_RESULTS, byKey(idempotencyKey), { select: COLUMNS }));
  } catch (error) {
    if (error instanceof DataverseNotFoundError) return undefined;
    throw error;
  }
}

/** Creates the row of a submission; DataverseDuplicateKeyError when another press created it first. */
export async function createSyncResult(dataverse: DataverseClient, idempotencyKey: string, fields: SyncResultFields): Promise<SyncResultRow> {
  const created = await dataverse.upsert<Row>(SYNC_RESULTS, byKey(idempotencyKey), columnsOf(fields), { mode: 'createOnly', returnRepresentation: { select: COLUMNS } });
  return rowOf(created.record ?? {});
}

/**
 * Changes a row only if nobody changed it since `row` was read (If-Match on its ETag): a
 * DataverseConcurrencyError says another press or retry got there first.
 */
export async function updateSyncResultIfUnchanged(dataverse: DataverseClient, row: SyncResultRow, fields: SyncResultFields): Promise<SyncResultRow> {
  const updated = await dataverse.update<Row>(SYNC_RESULTS, row.id, columnsOf(fields), { ifMatchEtag: row.etag, returnRepresentation: { select: COLUMNS } });
  return rowOf(updated ?? {});
}

export async function updateSyncResult(dataverse: DataverseClient, rowId: string, fields: SyncResultFields): Promise<void> {
  await dataverse.update(SYNC_RESULTS, rowId, columnsOf(fields));
}

/** The update of a row as a request of a $batch change set. */
export const syncResultUpdateRequest = (rowId: string, fields: SyncResultFields): BatchOperation => batchRequest.update(SYNC_RESULTS, rowId, columnsOf(fields));

/** A row read as a CRM user: NOT_AUTHORIZED when CRM does not let the user read it. */
export async function readSyncResultAsUser(dataverse: DataverseClient, id: string, userObjectId: string): Promise<SyncResultRow> {
  return rowOf(
    await readAsUser(() => dataverse.asUser(userObjectId).retrieve<Row>(SYNC_RESULTS, id, { select: COLUMNS }), {
      forbidden: `You may not read sync result ${id} in CRM; integration admins see and retry sync results.`,
      notFound: () => new QuoteError('SYNC_RESULT_NOT_FOUND', `CRM has no sync result ${id}; it may have been deleted.`),
    }),
  );
}
