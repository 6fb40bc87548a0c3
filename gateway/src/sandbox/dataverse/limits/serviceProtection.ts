/**
 * Dataverse's service protection API limits, per user (Microsoft's api-limits.md): the requests
 * and the combined execution time of a user's requests within a sliding window (6000 and
 * 1,200,000 ms per 300 s), and the user's concurrent requests (52). A request beyond a limit is
 * refused with 429, the limit's error code and message, and Retry-After: the whole seconds until
 * the window has room again (1 for concurrency, which frees as soon as a request ends). Every
 * answer carries x-ms-ratelimit-burst-remaining-xrm-requests (requests left in the window) and
 * x-ms-ratelimit-time-remaining-xrm-requests (execution seconds left, formatted like Dataverse's
 * "1,200.00").
 *
 * Limits count against the user whose token came with the request: "each authenticated user is
 * limited independently", so impersonation (CallerObjectId) does not give the impersonating
 * application the impersonated user's allowance. A $batch is one request, as the docs say
 * ("a batch ... will avoid the number of requests limit"), whose execution time is that of all
 * its parts; countBatchedRequests makes each part count instead. Refused requests count toward
 * nothing.
 */

import { DataverseFault } from '../faults.js';
import type { DataverseHooks, IncomingRequest, RequestFinished } from '../hooks.js';

export interface ServiceProtectionSettings {
  enabled: boolean;
  requestsPerWindow: number;
  executionTimeMsPerWindow: number;
  windowSeconds: number;
  concurrentRequests: number;
  countBatchedRequests: boolean;
}

/** The hexadecimal codes the Web API answers with (the SDK's -2147015902, -2147015903, -2147015898). */
export const SERVICE_PROTECTION_ERROR_CODES = {
  requests: '0x80072322',
  executionTime: '0x80072321',
  concurrency: '0x80072326',
} as const;

export const RATE_LIMIT_HEADERS = {
  requestsRemaining: 'x-ms-ratelimit-burst-remaining-xrm-requests',
  executionTimeRemaining: 'x-ms-ratelimit-time-remaining-xrm-requests',
} as const;

const grouped = new Intl.NumberFormat('en-US');
const seconds = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// The messages as Microsoft documents them, the double space in the execution time one included.
const messages = {
  requests: (limit: number, window: number) => `Number of requests exceeded the limit of ${limit} over time window of ${window} seconds.`,
  executionTime: (limitMs: number, window: number) =>
    `Combined execution time of incoming requests exceeded limit of ${grouped.format(limitMs)}  milliseconds over time window of ${window} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`,
  concurrency: (limit: number) => `Number of concurrent requests exceeded the limit of ${limit}.`,
};

/** A user's use of the limits: admitted requests and finished executions within the window, and requests in flight. */
interface Usage {
  requests: { at: number; count: number }[];
  executions: { at: number; ms: number }[];
  inFlight: number;
}

export class ServiceProtection {
  private readonly users = new Map<string, Usage>();

  constructor(
    private readonly settings: () => ServiceProtectionSettings,
    /** Milliseconds; the windows and execution times are measured on it. */
    private readonly clock: () => number = () => performance.timeOrigin + performance.now(),
  ) {}

  /** The beforeRequest hook: admits the request or throws the 429 fault. */
  hooks(): DataverseHooks {
    return { beforeRequest: (request) => this.admit(request) };
  }

  admit(request: IncomingRequest): RequestFinished | void {
    const settings = this.settings();
    if (!settings.enabled) return;
    const now = this.clock();
    const usage = this.usageOf(request.callingUser.systemUserId, now, settings);
    const weight = settings.countBatchedRequests ? request.operations : 1;
    const remaining = (requests: number) => ({
      [RATE_LIMIT_HEADERS.requestsRemaining]: String(Math.max(0, settings.requestsPerWindow - requests)),
      [RATE_LIMIT_HEADERS.executionTimeRemaining]: seconds.format(Math.max(0, settings.executionTimeMsPerWindow - executionTime(usage)) / 1000),
    });
    const requestsInWindow = requestCount(usage);
    Object.assign(request.responseHeaders, remaining(requestsInWindow));

    if (usage.inFlight >= settings.concurrentRequests) {
      throw refusal(SERVICE_PROTECTION_ERROR_CODES.concurrency, messages.concurrency(settings.concurrentRequests), 1);
    }
    if (requestsInWindow + weight > settings.requestsPerWindow) {
      const frees = freedAt(usage.requests, (entry) => entry.count, requestsInWindow + weight - settings.requestsPerWindow, settings, now);
      throw refusal(SERVICE_PROTECTION_ERROR_CODES.requests, messages.requests(settings.requestsPerWindow, settings.windowSeconds), retryAfter(frees, now));
    }
    const executionMs = executionTime(usage);
    if (executionMs >= settings.executionTimeMsPerWindow) {
      const frees = freedAt(usage.executions, (entry) => entry.ms, executionMs - settings.executionTimeMsPerWindow + 1, settings, now);
      throw refusal(
        SERVICE_PROTECTION_ERROR_CODES.executionTime,
        messages.executionTime(settings.executionTimeMsPerWindow, settings.windowSeconds),
        retryAfter(frees, now),
      );
    }

    usage.requests.push({ at: now, count: weight });
    usage.inFlight++;
    Object.assign(request.responseHeaders, remaining(requestsInWindow + weight));
    return () => {
      usage.inFlight--;
      const finished = this.clock();
      usage.executions.push({ at: finished, ms: finished - now });
    };
  }

  /** Forgets all use (tests, or after the limits changed at run time and should start afresh). */
  reset(): void {
    this.users.clear();
  }

  private usageOf(userId: string, now: number, settings: ServiceProtectionSettings): Usage {
    let usage = this.users.get(userId);
    if (!usage) {
      usage = { requests: [], executions: [], inFlight: 0 };
      this.users.set(userId, usage);
    }
    const start = now - settings.windowSeconds * 1000;
    while (usage.requests.length > 0 && usage.requests[0]!.at <= start) usage.requests.shift();
    while (usage.executions.length > 0 && usage.executions[0]!.at <= start) usage.executions.shift();
    return usage;
  }
}

const requestCount = (usage: Usage): number => usage.requests.reduce((total, entry) => total + entry.count, 0);
const executionTime = (usage: Usage): number => usage.executions.reduce((total, entry) => total + entry.ms, 0);

/**
 * When enough of the oldest entries have left the window to free `excess`: the time the entry
 * that frees the last of it leaves. A request larger than the whole limit never fits; it is told
 * to wait one window.
 */
function freedAt<T extends { at: number }>(entries: T[], amount: (entry: T) => number, excess: number, settings: ServiceProtectionSettings, now: number): number {
  let freed = 0;
  for (const entry of entries) {
    freed += amount(entry);
    if (freed >= excess) return entry.at + settings.windowSeconds * 1000;
  }
  return now + settings.windowSeconds * 1000;
}

const retryAfter = (freesAt: number, now: number): number => Math.max(1, Math.ceil((freesAt - now) / 1000));

function refusal(code: string, message: string, retryAfterSeconds: number): DataverseFault {
  return new DataverseFault(429, code, message, { 'Retry-After': String(retryAfterSeconds) });
}
