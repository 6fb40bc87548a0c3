/**
 * System jobs (asyncoperation rows): GET asyncoperations(<id>) for the job's state and, once it
 * completed, its outcome. Dataverse's states and statuses (Microsoft's "Asynchronous operation
 * states"): Ready/Waiting For Resources 0, Suspended/Waiting 10, Locked/In Progress 20, Pausing 21,
 * Canceling 22, Completed/Succeeded 30, Failed 31, Canceled 32. A failed job says why in message
 * and friendlymessage. `waitForSystemJob` polls until the job has completed, reporting each change.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { DataverseResponseError, DataverseTimeoutError } from '../errors.js';
import { normalizeGuid } from '../odataValues.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { queryString } from '../query.js';

export type SystemJobStatus = 'waiting-for-resources' | 'waiting' | 'in-progress' | 'pausing' | 'canceling' | 'succeeded' | 'failed' | 'canceled';

const STATUSES: Record<number, SystemJobStatus> = {
  0: 'waiting-for-resources', 10: 'waiting', 20: 'in-progress', 21: 'pausing', 22: 'canceling', 30: 'succeeded', 31: 'failed', 32: 'canceled',
};
/** statecode Completed. */
const COMPLETED = 3;

export interface SystemJob {
  id: string;
  status: SystemJobStatus;
  /** Succeeded, failed or canceled: the job will not change any more. */
  completed: boolean;
  /** Why it failed, as Dataverse says it (friendlymessage, else message). */
  message: string | undefined;
  /** Dataverse's error code of a failed job, as 0x… */
  errorCode: string | undefined;
  startedOn: string | undefined;
  completedOn: string | undefined;
}

interface SystemJobRow {
  statecode?: unknown;
  statuscode?: unknown;
  message?: unknown;
  friendlymessage?: unknown;
  errorcode?: unknown;
  startedon?: unknown;
  completedon?: unknown;
}

/** A wait as people say it: 500 ms, 45 s, 30 min. */
const duration = (ms: number): string => (ms < 1_000 ? `${ms} ms` : ms < 120_000 ? `${Math.round(ms / 1_000)} s` : `${Math.round(ms / 60_000)} min`);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
/** errorcode is an Int32; Dataverse's codes are read as unsigned hexadecimal (0x8004801A). */
const hexCode = (value: unknown): string | undefined => (typeof value === 'number' && value !== 0 ? `0x${(value >>> 0).toString(16).padStart(8, '0')}` : undefined);

export async function retrieveSystemJob(pipeline: DataversePipeline, id: string, options: RequestOptions = {}): Promise<SystemJob> {
  const jobId = normalizeGuid(id, 'system job id');
  const operation = 'retrieve asyncoperations';
  const select = ['statecode', 'statuscode', 'message', 'friendlymessage', 'errorcode', 'startedon', 'completedon'];
  const response = await pipeline.send({ ...requestOptionsOf(options), method: 'GET', path: `asyncoperations(${jobId})${queryString({ select })}`, operation, idempotent: true });
  const row = readJson<SystemJobRow>(response, operation);
  const status = typeof row.statuscode === 'number' ? STATUSES[row.statuscode] : undefined;
  if (!status) throw new DataverseResponseError(`Dataverse answered with system job ${jobId} in status ${String(row.statuscode)}, which is not a system job status.`, { status: response.status });
  return {
    id: jobId,
    status,
    completed: row.statecode === COMPLETED,
    message: text(row.friendlymessage) ?? text(row.message),
    errorCode: hexCode(row.errorcode),
    startedOn: text(row.startedon),
    completedOn: text(row.completedon),
  };
}

export interface WaitForSystemJobOptions extends RequestOptions {
  /** Time between two reads of the job. Default 2 s. */
  intervalMs?: number;
  /** Longest wait for the job to complete. Default 30 minutes. */
  maxWaitMs?: number;
  /** Called with the job when it is first read and whenever its status changes. */
  onStatus?: (job: SystemJob) => void;
}

/**
 * Reads the job until it has completed and returns it, succeeded, failed or canceled. Throws
 * DataverseTimeoutError when it has not completed within maxWaitMs; the job goes on in Dataverse.
 */
export async function waitForSystemJob(pipeline: DataversePipeline, id: string, options: WaitForSystemJobOptions = {}): Promise<SystemJob> {
  const intervalMs = options.intervalMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 30 * 60_000;
  const deadline = Date.now() + maxWaitMs;
  let reported: SystemJobStatus | undefined;
  for (;;) {
    const job = await retrieveSystemJob(pipeline, id, options);
    if (job.status !== reported) {
      reported = job.status;
      options.onStatus?.(job);
    }
    if (job.completed) return job;
    if (Date.now() + intervalMs > deadline) {
      throw new DataverseTimeoutError(
        `System job ${job.id} is still ${job.status.replace(/-/g, ' ')} after ${duration(maxWaitMs)}; it goes on in Dataverse (Settings > System jobs, or GET asyncoperations(${job.id})).`,
        { details: { systemJobId: job.id, systemJobStatus: job.status } },
      );
    }
    await sleep(intervalMs, undefined, options.signal ? { signal: options.signal } : {});
  }
}
