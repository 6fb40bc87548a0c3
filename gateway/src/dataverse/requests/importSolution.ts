/**
 * ImportSolution: POST ImportSolution with the solution zip (base64), the import job id, and
 * whether to overwrite unmanaged customizations and activate processes. Dataverse runs the
 * import within the request; the import job (importjobs(<ImportJobId>)) records its progress.
 * Not repeated after a lost answer: an import is long and heavy, and the job shows whether it ran.
 */

import { randomUUID } from 'node:crypto';
import { DataverseRequestError } from '../errors.js';
import { normalizeGuid } from '../odataValues.js';
import { requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';

/** Imports take minutes: each attempt may take this long unless the caller says otherwise. */
export const IMPORT_TIMEOUT_MS = 20 * 60_000;

export interface ImportSolutionOptions extends RequestOptions {
  /** Replace unmanaged customizations made over the solution's components. Default false. */
  overwriteUnmanagedCustomizations?: boolean;
  /** Activate the solution's processes after import. Default true. */
  publishWorkflows?: boolean;
  /** Import as a holding solution, staged for an upgrade. Default false. */
  holdingSolution?: boolean;
  /** The import job's id; a new one by default. */
  importJobId?: string;
}

/** The parameters ImportSolution and ImportSolutionAsync share, with the import job's id. */
export function importParameters(solutionZip: Uint8Array, options: ImportSolutionOptions): { importJobId: string; body: Record<string, unknown> } {
  if (solutionZip.length === 0) throw new DataverseRequestError('The solution file is empty.');
  const importJobId = options.importJobId === undefined ? randomUUID() : normalizeGuid(options.importJobId, 'import job id');
  return {
    importJobId,
    body: {
      OverwriteUnmanagedCustomizations: options.overwriteUnmanagedCustomizations ?? false,
      PublishWorkflows: options.publishWorkflows ?? true,
      CustomizationFile: Buffer.from(solutionZip).toString('base64'),
      ImportJobId: importJobId,
      ...(options.holdingSolution ? { HoldingSolution: true } : {}),
    },
  };
}

/** Imports the zip and returns the import job's id. */
export async function importSolution(pipeline: DataversePipeline, solutionZip: Uint8Array, options: ImportSolutionOptions = {}): Promise<string> {
  const { importJobId, body } = importParameters(solutionZip, options);
  await pipeline.send({
    timeoutMs: IMPORT_TIMEOUT_MS,
    ...requestOptionsOf(options),
    method: 'POST',
    path: 'ImportSolution',
    operation: 'ImportSolution',
    idempotent: false,
    body,
  });
  return importJobId;
}
