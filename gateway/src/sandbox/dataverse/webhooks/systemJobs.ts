/**
 * The system jobs (asyncoperation rows) of asynchronous webhook steps, as Dataverse keeps them:
 * written when the event fires (Waiting For Resources), In Progress while the post is under way,
 * then Succeeded, or Failed with the reason in message and friendlymessage — what an admin finds
 * with GET asyncoperations?$filter=statuscode eq 31 and _owningextensionid_value eq <step id>
 * (Microsoft's register-web-hook.md). A succeeded job of a step with asyncautodelete is deleted.
 * The job keeps the body that was posted in `data`, so a failed event can be read and replayed.
 */

import type { SimulatedDataverse } from '../simulatedDataverse.js';
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

export class SystemJobs {
  constructor(private readonly dataverse: SimulatedDataverse) {}

  queued(id: string, step: WebhookStep, event: PipelineEvent, owner: RowAuthor): void {
    const [statecode, statuscode] = SYSTEM_JOB_STATES.waitingForResources;
    writePlatformRow(this.dataverse, 'asyncoperation', id, {
      name: step.name,
      operationtype: SYSTEM_EVENT,
      messagename: event.message,
      primaryentitytype: event.write.table,
      regardingobjectid: { id: event.write.id, logicalName: event.write.table },
      owningextensionid: { id: step.id, logicalName: 'sdkmessageprocessingstep' },
      correlationid: event.write.correlationId,
      requestid: event.write.requestId,
      depth: 1,
      retrycount: 0,
      executiontimespan: 0,
      statecode,
      statuscode,
    }, owner);
  }

  started(id: string, owner: RowAuthor): void {
    const [statecode, statuscode] = SYSTEM_JOB_STATES.inProgress;
    writePlatformRow(this.dataverse, 'asyncoperation', id, { startedon: timestamp(this.dataverse.now()), statecode, statuscode }, owner);
  }

  finished(id: string, step: WebhookStep, result: DeliveryResult, elapsedMs: number, owner: RowAuthor): void {
    if (result.succeeded && step.asyncAutoDelete) {
      deletePlatformRow(this.dataverse, 'asyncoperation', id);
      return;
    }
    const [statecode, statuscode] = result.succeeded ? SYSTEM_JOB_STATES.succeeded : SYSTEM_JOB_STATES.failed;
    const failure = result.succeeded ? undefined : failureMessage(result);
    writePlatformRow(this.dataverse, 'asyncoperation', id, {
      completedon: timestamp(this.dataverse.now()),
      // Seconds, with the column's two decimals ([U]: the unit is not documented).
      executiontimespan: Math.round(elapsedMs / 10) / 100,
      retrycount: result.attempts.length - 1,
      data: result.body,
      message: failure ?? null,
      friendlymessage: failure ?? null,
      errorcode: failure === undefined ? null : WEBHOOK_FAILED_ERROR_CODE,
      statecode,
      statuscode,
    }, owner);
  }
}

export function failureMessage(result: DeliveryResult): string {
  const last = result.attempts[result.attempts.length - 1]?.error ?? 'The webhook failed.';
  return result.attempts.length > 1 ? `${last} Tried ${result.attempts.length} times.` : last;
}
