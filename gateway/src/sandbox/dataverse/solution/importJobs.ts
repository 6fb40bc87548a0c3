/**
 * ImportSolutionAsync and StageAndUpgradeAsync in the simulated Dataverse: the request queues a
 * system job (an asyncoperation row, Waiting For Resources) and is answered at once with the
 * job's id (AsyncOperationId) and an ImportJobKey (Microsoft's ImportSolutionAsyncResponse and
 * StageAndUpgradeAsyncResponse). The import runs after the answer, as the calling user: the job
 * turns In Progress, then Succeeded, or Failed with Dataverse's error text in message and
 * friendlymessage and its code in errorcode — the columns a client polls GET
 * asyncoperations(<id>) for, as deployment tools read them. An upgrade is an import here: the
 * simulated import already replaces what an earlier import of the solution brought.
 * [U] Not documented, so assumed: the jobs' operationtype (203 "Import Solution Async Operation",
 * 211 "StageAndUpgrade Async Operation", from the asyncoperation table's choices), their name and
 * messagename (the message's), and ImportJobKey being the import job's id. A file that is not a
 * solution fails the job rather than the request, as the import itself reads the file. Not
 * simulated: HoldingSolution (a staged upgrade is applied at once, as any import here) and the
 * importjob row.
 */

import { randomUUID } from 'node:crypto';
import type { RowAuthor } from '../webhooks/platformRows.js';
import { writeJobFinished, writeJobStarted, writeQueuedJob } from '../webhooks/systemJobs.js';
import { ERROR_CODES, faults } from '../faults.js';
import type { OperationContext, SimulatedDataverse } from '../simulatedDataverse.js';
import { isGuid, normalizeGuid } from '../values.js';
import { SolutionImportFailed } from './importErrors.js';

/** Imports a solution zip as `context`'s user; throws SolutionImportFailed when Dataverse would refuse it. */
export type SolutionImport = (dataverse: SimulatedDataverse, solutionZip: Uint8Array, context: OperationContext) => unknown;

export interface SolutionImportStarted {
  AsyncOperationId: string;
  ImportJobKey: string;
}

/** The messages that queue an import, with the operationtype of their system job. */
export const SOLUTION_IMPORT_MESSAGES = { ImportSolutionAsync: 203, StageAndUpgradeAsync: 211 } as const;
export type SolutionImportMessage = keyof typeof SOLUTION_IMPORT_MESSAGES;

/** errorcode is an Int32: Dataverse's hexadecimal codes (0x8004801a) as the negative numbers they are. */
const int32 = (hexCode: string): number => Number.parseInt(hexCode, 16) | 0;

export class SolutionImportJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataverse: SimulatedDataverse,
    private readonly importSolution: SolutionImport,
  ) {}

  /** Checks the request (privilege, parameters), queues the job and answers with its ids. */
  start(context: OperationContext, message: SolutionImportMessage, body: Record<string, unknown>): SolutionImportStarted {
    if (context.caller.depth !== 'Organization') throw faults.privilegeMissing(context.caller, 'prvImportCustomization', 'solution', 7100);
    if (typeof body.CustomizationFile !== 'string') throw faults.invalidArgument(`${message} requires CustomizationFile: the solution zip, base64-encoded.`);
    if (message === 'StageAndUpgradeAsync' && body.HoldingSolution !== undefined) throw faults.invalidArgument('StageAndUpgradeAsync has no parameter HoldingSolution.');
    const importJobId = body.ImportJobId === undefined ? randomUUID() : typeof body.ImportJobId === 'string' ? normalizeGuid(body.ImportJobId) : '';
    if (!isGuid(importJobId)) throw faults.invalidArgument('ImportJobId must be a GUID.');
    const solutionZip = Buffer.from(body.CustomizationFile, 'base64');
    const jobId = randomUUID();
    const owner: RowAuthor = { userId: context.caller.systemUserId, businessUnitId: context.caller.businessUnitId };
    writeQueuedJob(this.dataverse, jobId, {
      name: message,
      operationtype: SOLUTION_IMPORT_MESSAGES[message],
      messagename: message,
      correlationid: context.correlationId,
      requestid: importJobId,
    }, owner);
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.run(jobId, solutionZip, context, owner));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return { AsyncOperationId: jobId, ImportJobKey: importJobId };
  }

  /** Resolves when every queued import has finished. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async run(jobId: string, solutionZip: Uint8Array, context: OperationContext, owner: RowAuthor): Promise<void> {
    const started = Date.now();
    writeJobStarted(this.dataverse, jobId, owner);
    // The job moves on only after a turn of the event loop, so a client polling it can see it In Progress.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let failure: { code: string; message: string } | undefined;
    try {
      await this.importSolution(this.dataverse, solutionZip, context);
    } catch (error) {
      failure = error instanceof SolutionImportFailed ? error : { code: ERROR_CODES.unexpected, message: error instanceof Error ? error.message : String(error) };
    }
    writeJobFinished(this.dataverse, jobId, { elapsedMs: Date.now() - started, failure: failure && { message: failure.message, errorcode: int32(failure.code) } }, owner);
    await this.dataverse.publishCommittedWrites();
  }
}
