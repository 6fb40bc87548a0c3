/**
 * ImportSolutionAsync: POST ImportSolutionAsync with the same parameters as ImportSolution.
 * Dataverse queues the import as a system job and answers at once with its id (AsyncOperationId)
 * and the import job's key; the import's outcome is the system job's (systemJob.ts). Unlike
 * ImportSolution, no HTTP request stays open for the minutes an import takes.
 * With `stageAndUpgrade`, POST StageAndUpgradeAsync instead (the same parameters but
 * HoldingSolution, the same answer): a managed solution already installed in a lower version is
 * staged and upgraded in one job, which also removes the components the new version no longer has.
 * Not repeated after a lost answer: a second request would queue a second import.
 */

import { DataverseRequestError, DataverseResponseError } from '../errors.js';
import { normalizeGuid } from '../odataValues.js';
import { readJson, requestOptionsOf, type DataversePipeline } from '../pipeline.js';
import { importParameters, type ImportSolutionOptions } from './importSolution.js';

/** Sending the zip may take a while on a slow line; the import itself runs after the answer. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

export interface ImportSolutionAsyncOptions extends ImportSolutionOptions {
  /** Upgrade an installed version in the same job (StageAndUpgradeAsync). Default false. */
  stageAndUpgrade?: boolean;
}

export interface SolutionImportJob {
  /** The system job (asyncoperation) that runs the import. */
  asyncOperationId: string;
  /** The import job's id, as sent in ImportJobId. */
  importJobId: string;
  /** ImportJobKey of the answer, when Dataverse sent one. */
  importJobKey: string | undefined;
}

export async function importSolutionAsync(pipeline: DataversePipeline, solutionZip: Uint8Array, options: ImportSolutionAsyncOptions = {}): Promise<SolutionImportJob> {
  if (options.stageAndUpgrade && options.holdingSolution) throw new DataverseRequestError('A solution is either staged as a holding solution or staged and upgraded, not both.');
  const operation = options.stageAndUpgrade ? 'StageAndUpgradeAsync' : 'ImportSolutionAsync';
  const { importJobId, body } = importParameters(solutionZip, options);
  const response = await pipeline.send({
    timeoutMs: UPLOAD_TIMEOUT_MS,
    ...requestOptionsOf(options),
    method: 'POST',
    path: operation,
    operation,
    idempotent: false,
    body,
  });
  const answer = readJson<{ AsyncOperationId?: unknown; ImportJobKey?: unknown }>(response, operation);
  if (typeof answer.AsyncOperationId !== 'string') throw new DataverseResponseError(`Dataverse answered ${operation} without AsyncOperationId.`, { status: response.status });
  return {
    asyncOperationId: normalizeGuid(answer.AsyncOperationId, 'AsyncOperationId'),
    importJobId,
    importJobKey: typeof answer.ImportJobKey === 'string' ? answer.ImportJobKey : undefined,
  };
}
