/**
 * Webhooks of the simulated Dataverse: the afterCommit hook finds, for each committed write, the
 * pipeline events it raises (pipelineEvents.ts) and the enabled post-operation webhook steps
 * registered on them (registrations.ts), skips Update steps whose filtering attributes the Target
 * does not hold, and posts each step's RemoteExecutionContext (executionContext.ts, delivery.ts).
 *
 * Synchronous steps are posted before the request's answer goes out; asynchronous ones get a
 * system job at once and are posted afterwards, one after another in commit order (systemJobs.ts).
 * Every delivery, both modes, is also kept in a log the sandbox can read (deliveries()).
 *
 * Where the simulator differs from Dataverse: the write is committed before any step runs, so a
 * failed synchronous step is logged but neither rolls the write back nor fails the request, and
 * steps in the pre-validation and pre-operation stages are not run.
 */

import type { CommittedWrite, DataverseHooks } from '../hooks.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { newId } from '../values.js';
import { deliverWebhook, type DeliveryAttempt, type DeliveryResult, type DeliverySettings } from './delivery.js';
import { remoteExecutionContext } from './executionContext.js';
import { pipelineEvents, type PipelineEvent } from './pipelineEvents.js';
import type { RowAuthor } from './platformRows.js';
import { MODES, STAGES, webhookStepsFor, type WebhookStep } from './registrations.js';
import { failureMessage, SystemJobs } from './systemJobs.js';

export interface WebhookDelivery {
  stepId: string;
  stepName: string;
  endpointId: string;
  message: string;
  table: string;
  recordId: string;
  mode: 'synchronous' | 'asynchronous';
  correlationId: string;
  succeeded: boolean;
  attempts: DeliveryAttempt[];
  /** Why it failed, as the system job says; undefined on success. */
  failure: string | undefined;
  /** The asynchronous step's system job (asyncoperation). */
  systemJobId: string | undefined;
}

export interface WebhooksOptions {
  settings(): DeliverySettings;
  /** x-ms-dynamics-organization: the domain the environment is reached at. */
  organization(): string;
  /** Called after the webhooks wrote rows of their own (system jobs), for the state file. */
  onRowsWritten?(): void;
}

/** How many deliveries the log keeps. */
const LOG_SIZE = 1000;

export class Webhooks {
  private readonly systemJobs: SystemJobs;
  private readonly log: WebhookDelivery[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dataverse: SimulatedDataverse, private readonly options: WebhooksOptions) {
    this.systemJobs = new SystemJobs(dataverse);
  }

  hooks(): DataverseHooks {
    return { afterCommit: (write) => this.dispatch(write) };
  }

  /** The latest deliveries, oldest first. */
  deliveries(): readonly WebhookDelivery[] {
    return this.log;
  }

  /** Resolves when every asynchronous step queued so far has been delivered or has failed. */
  async settled(): Promise<void> {
    for (let queue = this.queue; ; queue = this.queue) {
      await queue;
      if (queue === this.queue) return;
    }
  }

  private async dispatch(write: CommittedWrite): Promise<void> {
    const model = this.dataverse.models.byLogicalName(write.table);
    if (!model) return;
    for (const event of pipelineEvents(write, model)) {
      for (const step of webhookStepsFor(this.dataverse, event.message, write.table)) {
        if (step.stage !== STAGES.postOperation) continue;
        if (event.message === 'Update' && step.filteringAttributes && !step.filteringAttributes.some((name) => event.targetAttributes.includes(name))) continue;
        if (step.mode === MODES.asynchronous) this.enqueue(step, event);
        else await this.deliver(step, event, undefined);
      }
    }
  }

  private enqueue(step: WebhookStep, event: PipelineEvent): void {
    const jobId = newId();
    this.systemJobs.queued(jobId, step, event, this.runsAs(step, event));
    this.options.onRowsWritten?.();
    this.queue = this.queue.then(() => this.deliver(step, event, jobId));
  }

  /** Posts one step's context; never throws, so one step's trouble cannot stop the others. */
  private async deliver(step: WebhookStep, event: PipelineEvent, jobId: string | undefined): Promise<void> {
    const owner = this.runsAs(step, event);
    const startedAt = performance.now();
    let result: DeliveryResult;
    try {
      if (jobId) this.systemJobs.started(jobId, owner);
      const context = remoteExecutionContext(this.dataverse, { step, event, operationId: jobId ?? newId() });
      result = await deliverWebhook(
        { endpoint: step.endpoint, context, organization: this.options.organization(), table: event.write.table, message: event.message, correlationId: event.write.correlationId },
        this.options.settings(),
      );
    } catch (error) {
      result = { succeeded: false, attempts: [{ status: undefined, error: `The simulated Dataverse could not post the event: ${(error as Error).message}` }], body: '' };
    }
    if (jobId) {
      this.systemJobs.finished(jobId, step, result, performance.now() - startedAt, owner);
      this.options.onRowsWritten?.();
    }
    this.record({
      stepId: step.id,
      stepName: step.name,
      endpointId: step.endpoint.id,
      message: event.message,
      table: event.write.table,
      recordId: event.write.id,
      mode: jobId ? 'asynchronous' : 'synchronous',
      correlationId: event.write.correlationId,
      succeeded: result.succeeded,
      attempts: result.attempts,
      failure: result.succeeded ? undefined : failureMessage(result),
      systemJobId: jobId,
    });
  }

  /** The user a step runs as, who owns its system job: the step's impersonating user, else the user the write ran as. */
  private runsAs(step: WebhookStep, event: PipelineEvent): RowAuthor {
    const userId = step.impersonatingUserId ?? event.write.userId;
    const user = this.dataverse.security.bySystemUserId(userId);
    return { userId, businessUnitId: user?.businessUnitId ?? event.write.businessUnitId };
  }

  private record(delivery: WebhookDelivery): void {
    this.log.push(delivery);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }
}
