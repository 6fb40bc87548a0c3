/**
 * ecc365 solution import: sends a solution zip to a Dataverse environment with ImportSolutionAsync
 * (or, to upgrade an installed managed version, StageAndUpgradeAsync) and follows the system job
 * that imports it, reporting its progress, until it succeeded or failed. The zip is checked first:
 * it must be a solution package (solution.xml at its root) of the kind asked for, managed or
 * unmanaged, so the wrong file is refused before anything is sent.
 */

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { ConfigError } from '../config/load.js';
import type { DataverseClient, SystemJob } from '../dataverse/index.js';
import { DataverseTimeoutError } from '../dataverse/index.js';
import { AppError, type ErrorCategory } from '../model/errors.js';
import { childNamed, parseXml, XmlRejected } from '../xml/parse.js';

export type SolutionImportErrorCode =
  | 'SOLUTION_FILE_UNREADABLE'
  | 'SOLUTION_FILE_INVALID'
  | 'SOLUTION_PACKAGE_TYPE_MISMATCH'
  | 'SOLUTION_OPTIONS_INVALID'
  | 'SOLUTION_IMPORT_FAILED'
  | 'SOLUTION_IMPORT_CANCELED'
  | 'SOLUTION_IMPORT_STILL_RUNNING';

export class SolutionImportError extends AppError {
  declare readonly code: SolutionImportErrorCode;

  constructor(code: SolutionImportErrorCode, message: string, category: ErrorCategory, details: Record<string, unknown> = {}, cause?: unknown) {
    super(code, message, { category, details, cause });
  }
}

/** What solution.xml says about the package. */
export interface SolutionPackageInfo {
  uniqueName: string;
  version: string;
  managed: boolean;
}

export interface ImportSolutionFileOptions {
  /** The kind of package expected; a zip of the other kind is refused. */
  managed: boolean;
  /** Replace unmanaged customizations made over the solution's components. Default false. */
  overwriteUnmanagedCustomizations?: boolean;
  /** Import as a holding solution, staged for an upgrade applied later. Default false. */
  holdingSolution?: boolean;
  /**
   * Upgrade the installed version in the same job (StageAndUpgradeAsync): components the new
   * version no longer has are removed. Managed packages only. Default false.
   */
  upgrade?: boolean;
  /** Time between two reads of the system job. Default 2 s. */
  pollIntervalMs?: number;
  /** Longest wait for the import to finish. Default 30 minutes. */
  maxWaitMs?: number;
  /** Time between two "still …" lines while the job's status does not change. Default 30 s. */
  heartbeatMs?: number;
  /** Where progress goes, one line at a time. */
  report(line: string): void;
}

export interface SolutionImported {
  solution: SolutionPackageInfo;
  systemJobId: string;
  elapsedMs: number;
}

const STATUS_TEXT: Record<SystemJob['status'], string> = {
  'waiting-for-resources': 'waiting for resources',
  waiting: 'waiting',
  'in-progress': 'in progress',
  pausing: 'pausing',
  canceling: 'canceling',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
};

const seconds = (ms: number): string => (ms < 120_000 ? `${Math.max(1, Math.round(ms / 1_000))} s` : `${Math.round(ms / 60_000)} min`);
const fileSize = (bytes: number): string => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Reads the zip and what its solution.xml says; refuses a file that is no solution package. */
export function readSolutionZip(file: string): { zip: Uint8Array; solution: SolutionPackageInfo } {
  let zip: Uint8Array;
  try {
    zip = readFileSync(file);
  } catch (error) {
    throw new SolutionImportError('SOLUTION_FILE_UNREADABLE', `Cannot read the solution file ${file}: ${error instanceof Error ? error.message : String(error)}. Build it with npm run build:solution, or name it with --file.`, 'validation', { file }, error);
  }
  const invalid = (reason: string, cause?: unknown) =>
    new SolutionImportError('SOLUTION_FILE_INVALID', `${file} is not a Dataverse solution package: ${reason}.`, 'validation', { file }, cause);
  let manifestBytes: Uint8Array | undefined;
  try {
    manifestBytes = unzipSync(zip, { filter: (entry) => entry.name === 'solution.xml' })['solution.xml'];
  } catch (error) {
    throw invalid(`it is not a zip archive (${error instanceof Error ? error.message : String(error)})`, error);
  }
  if (!manifestBytes) throw invalid('there is no solution.xml at the root of the zip');
  try {
    const manifest = childNamed(parseXml(strFromU8(manifestBytes).replace(/^\uFEFF/, '')), 'SolutionManifest');
    const text = (name: string) => (manifest ? childNamed(manifest, name)?.text.trim() : undefined);
    const uniqueName = text('UniqueName');
    const version = text('Version');
    const managed = text('Managed');
    if (!uniqueName || !version || (managed !== '0' && managed !== '1')) throw invalid('solution.xml lacks the UniqueName, Version or Managed (0 or 1) of its SolutionManifest');
    return { zip, solution: { uniqueName, version, managed: managed === '1' } };
  } catch (error) {
    if (error instanceof XmlRejected) throw invalid(`solution.xml is not well-formed XML (${error.message})`, error);
    throw error;
  }
}

/** Imports the zip and waits for Dataverse to finish, reporting progress; throws SolutionImportError when it did not succeed. */
export async function importSolutionFile(client: DataverseClient, file: string, options: ImportSolutionFileOptions): Promise<SolutionImported> {
  if (options.upgrade && (!options.managed || options.holdingSolution)) {
    throw new SolutionImportError('SOLUTION_OPTIONS_INVALID', 'Upgrading applies to the managed package, in one step: --upgrade goes with --managed and without --holding-solution.', 'validation');
  }
  const { zip, solution } = readSolutionZip(file);
  const kind = (managed: boolean) => (managed ? 'managed' : 'unmanaged');
  if (solution.managed !== options.managed) {
    throw new SolutionImportError(
      'SOLUTION_PACKAGE_TYPE_MISMATCH',
      `${file} is the ${kind(solution.managed)} package of ${solution.uniqueName}, not the ${kind(options.managed)} one asked for: pass --${kind(solution.managed)}, or the ${kind(options.managed)} zip with --file.`,
      'validation',
      { file, managed: solution.managed },
    );
  }
  const name = `${solution.uniqueName} ${solution.version} (${kind(solution.managed)})`;
  const environment = client.serviceRoot.replace(/\/api\/data\/v[\d.]+\/$/, '');
  const size = fileSize(zip.length);
  options.report(
    options.upgrade ? `Upgrading ${environment} to ${name}, ${size}`
      : options.holdingSolution ? `Staging ${name}, ${size}, in ${environment} as a holding solution`
        : `Importing ${name}, ${size}, into ${environment}`,
  );
  const started = Date.now();
  const job = await client.importSolutionAsync(zip, {
    overwriteUnmanagedCustomizations: options.overwriteUnmanagedCustomizations ?? false,
    holdingSolution: options.holdingSolution ?? false,
    stageAndUpgrade: options.upgrade ?? false,
  });
  options.report(`Dataverse queued the import as system job ${job.asyncOperationId}`);

  let status: SystemJob['status'] | undefined;
  let changedAt = Date.now();
  const heartbeat = setInterval(() => {
    if (status) options.report(`  still ${STATUS_TEXT[status]} (${seconds(Date.now() - changedAt)})`);
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();
  let done: SystemJob;
  try {
    done = await client.waitForSystemJob(job.asyncOperationId, {
      ...(options.pollIntervalMs !== undefined ? { intervalMs: options.pollIntervalMs } : {}),
      ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
      onStatus: (current) => {
        status = current.status;
        changedAt = Date.now();
        if (!current.completed) options.report(`  ${STATUS_TEXT[current.status]}`);
      },
    });
  } catch (error) {
    if (error instanceof DataverseTimeoutError && error.details.systemJobId === job.asyncOperationId) {
      throw new SolutionImportError('SOLUTION_IMPORT_STILL_RUNNING', `${name} is still being imported: ${error.message}`, 'transient', { systemJobId: job.asyncOperationId }, error);
    }
    throw error;
  } finally {
    clearInterval(heartbeat);
  }

  const details = { systemJobId: done.id, ...(done.errorCode ? { dataverseCode: done.errorCode } : {}) };
  if (done.status === 'failed') {
    throw new SolutionImportError('SOLUTION_IMPORT_FAILED', `Dataverse could not import ${name}: ${done.message ?? 'the system job failed without saying why'}${done.errorCode ? ` (${done.errorCode})` : ''}`, 'business', details);
  }
  if (done.status === 'canceled') {
    throw new SolutionImportError('SOLUTION_IMPORT_CANCELED', `The import of ${name} was canceled in Dataverse (system job ${done.id}); nothing was imported. Run the command again.`, 'business', details);
  }
  const elapsedMs = Date.now() - started;
  const took = seconds(elapsedMs);
  options.report(
    options.upgrade ? `Upgraded to ${name} in ${took}.`
      : options.holdingSolution ? `Staged ${name} in ${took}; apply the upgrade to finish (maker portal: Solutions → ${solution.uniqueName} → Apply upgrade).`
        : `Imported ${name} in ${took}.`,
  );
  return { solution, systemJobId: done.id, elapsedMs };
}

/**
 * The command's exit code for a failure: 2 the configuration, the options or the file are wrong;
 * 3 Dataverse refused or failed the import; 4 the import was still running when the wait ended;
 * 1 anything else (Dataverse unreachable, an unexpected error).
 */
export function importExitCode(error: unknown): number {
  if (error instanceof ConfigError) return 2;
  if (!(error instanceof AppError)) return 1;
  if (error.code === 'SOLUTION_IMPORT_STILL_RUNNING') return 4;
  if (error.category === 'config' || error.category === 'validation') return 2;
  if (error.code === 'SOLUTION_IMPORT_FAILED' || error.code === 'SOLUTION_IMPORT_CANCELED' || error.category === 'business') return 3;
  return 1;
}
