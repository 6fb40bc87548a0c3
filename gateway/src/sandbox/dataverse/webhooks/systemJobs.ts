/**
 * The system jobs (asyncoperation rows) of asynchronous webhook steps, as Dataverse keeps them:
 * written when the event fires (Waiting For Resources), In Progress while the post is under way,
 * then Succeeded, or Failed with the reason in message and friendlymessage — what an admin finds
 * with GET asyncoperations?$filter=statuscode eq 31 and _owningextensionid_value eq <step id>
 * (Microsoft's register-web-hook.md). A succeeded job of a step with asyncautodelete is deleted.
 * The job keeps the body that was posted in `data`, so a failed event can be read and replayed.
 * The solution import jobs (solution/importJobs.ts) are written with the same three steps.
 */

import type { SimulatedDataverse } from '../simulatedDataverse.js';
import type { Row } from '../values.js';
import { deletePlatformRow, writePlatformRow, type RowAuthor } from './platformRows.js';
import type { DeliveryResult } from './delivery.js';
import type { PipelineEvent } from './pipelineEvents.js';
import type { WebhookStep } from './registrations.js';

/** [statecode, statuscode] of a system job. */
export const SYSTEM_JOB_STATES = {
  waitingForResources: [0, 0],
  inProgress: [2, 20],
  succeeded: [3, 30],
  failed: [3, 31],
} as const;

const SYSTEM_EVENT = 1;
/** errorcode of a failed webhook job ([U]: the code Dataverse records is not documented; this is its "unexpected error"). */
const WEBHOOK_FAILED_ERROR_CODE = -2147220970;

const timestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A new system job, Waiting For Resources, with the columns particular to it (name, operation type, message…). */
export function writeQueuedJob(dataverse: SimulatedDataverse, id: string, particular: Row, owner: RowAuthor): void {
  const [statecode, statuscode] = SYSTEM_JOB_STATES.waitingForResources;
  writePlatformRow(dataverse, 'asyncoperation', id, { ...particular, depth: 1, retrycount: 0, executiontimespan: 0, statecode, statuscode }, owner);
}

export function writeJobStarted(dataverse: SimulatedDataverse, id: string, owner: RowAuthor): void {
  const [statecode, statuscode] = SYSTEM_JOB_STATES.inProgress;
  writePlatformRow(dataverse, 'asyncoperation', id, { startedon: timestamp(dataverse.now()), statecode, statuscode }, owner);
}

/** A job's end: Succeeded, or Failed with its message and error code; `particular` adds the job's own columns. */
export function writeJobFinished(
  dataverse: SimulatedDataverse,
  id: string,
  outcome: { elapsedMs: number; failure?: { message: string; errorcode: number } | undefined; particular?: Row },
  owner: RowAuthor,
): void {
  const { failure } = outcome;
  const [statecode, statuscode] = failure ? SYSTEM_JOB_STATES.failed : SYSTEM_JOB_STATES.succeeded;
  writePlatformRow(dataverse, 'asyncoperation', id, {
    completedon: timestamp(dataverse.now()),
    // Seconds, with the column's two decimals ([U]: the unit is not documented).
    executiontimespan: Math.round(outcome.elapsedMs / 10) / 100,
    ...outcome.particular,
    message: failure?.message ?? null,
    friendlymessage: failure?.message ?? null,
    errorcode: failure?.errorcode ?? null,
    statecode,
    statuscode,
  }, owner);
}

export class SystemJobs {
  constructor(private readonly dataverse: SimulatedDataverse) {}

  queued(id: string, step: WebhookStep, event: PipelineEvent, owner: RowAuthor): void {
    writeQueuedJob(this.dataverse, id, {
      name: step.name,
      operationtype: SYSTEM_EVENT,
      messagename: event.message,
      primaryentitytype: event.write.table,
      regardingobjectid: { id: event.write.id, logicalName: event.write.table },
      owningextensionid: { id: step.id, logicalName: 'sdkmessageprocessingstep' },
      correlationid: event.write.correlationId,
      requestid: event.write.requestId,
    }, owner);
  }

  started(id: string, owner: RowAuthor): void {
    writeJobStarted(this.dataverse, id, owner);
  }

  finished(id: string, step: WebhookStep, result: DeliveryResult, elapsedMs: number, owner: RowAuthor): void {
    if (result.succeeded && step.asyncAutoDelete) {
      deletePlatformRow(this.dataverse, 'asyncoperation', id);
      return;
    }
    const failure = result.succeeded ? undefined : { message: failureMessage(result), errorcode: WEBHOOK_FAILED_ERROR_CODE };
    writeJobFinished(this.dataverse, id, { elapsedMs, failure, particular: { retrycount: result.attempts.length - 1, data: result.body } }, owner);
  }
}

export function failureMessage(result: DeliveryResult): string {
  const last = result.attempts[result.attempts.length - 1]?.error ?? 'The webhook failed.';
  return result.attempts.length > 1 ? `${last} Tried ${result.attempts.length} times.` : last;
}
