/**
 * The one request pipeline every Dataverse request kind goes through (requests/*.ts): it adds
 * the OData headers, the application user's bearer token and, for a request made as a CRM user,
 * CallerObjectId; keeps the number of requests in flight within the adaptive concurrency limit;
 * bounds every attempt by a timeout and the caller's AbortSignal; retries as retryPolicy.ts
 * decides (waiting at least Retry-After when throttled, backing off with jitter otherwise, within a
 * retry budget); and turns failures into the typed errors of errors.ts. Each attempt is logged at
 * debug with the correlation id of the current request or job; tokens and query values never are.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { currentCorrelationId } from '../log/context.js';
import { AppError } from '../model/errors.js';
import { ConcurrencyLimiter, type ConcurrencySnapshot } from './concurrencyLimiter.js';
import {
  DataverseCancelledError,
  DataverseOutcomeUnknownError,
  DataverseRequestError,
  DataverseResponseError,
  DataverseTimeoutError,
  DataverseUnavailableError,
  errorFromResponse,
  readErrorBody,
  type DataverseError,
  type FailureContext,
} from './errors.js';
import { HttpTransport, TransportFailure, type HttpAnswer } from './httpTransport.js';
import { normalizeGuid } from './odataValues.js';
import { RetryBudget } from './retryBudget.js';
import { decideRetry, parseRetryAfter, type AttemptFailure } from './retryPolicy.js';

/** Where bearer tokens come from: the MSAL token provider (tokenProvider.ts) in the product. */
export interface AccessTokenSource {
  getAccessToken(options?: { signal?: AbortSignal }): Promise<string>;
}

/** The logger methods the pipeline uses; the gateway's winston logger has them. */
export interface DataverseLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface PipelineOptions {
  /** The environment, e.g. https://contoso.crm4.dynamics.com (a path below it is kept: the sandbox's /sandbox/dataverse). */
  environmentUrl: string;
  tokens: AccessTokenSource;
  /** Most time one attempt may take. Default 30 s. */
  timeoutMs?: number;
  /** Most requests in flight. Default 16. */
  maxConcurrency?: number;
  /** Most retries of one request, throttled or transient. Default 6. */
  maxRetries?: number;
  /** Longest single wait before a retry; a longer Retry-After fails the request as throttled, for the caller to reschedule. Default 60 s. */
  maxRetryWaitMs?: number;
  /** Largest answer accepted. Default 64 MB. */
  maxResponseBytes?: number;
  logger?: DataverseLogger;
  /** Test seams: the source of jitter and the retry budget. */
  random?: () => number;
  retryBudget?: RetryBudget;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options every request kind accepts. */
export interface RequestOptions {
  /** Run the request as this CRM user (Entra object id): Dataverse applies that user's security. */
  callerObjectId?: string;
  signal?: AbortSignal;
  /** Overrides the pipeline's timeout for each attempt of this request. */
  timeoutMs?: number;
}

/** Only the RequestOptions of a request kind's options, for passing on to the pipeline. */
export function requestOptionsOf(options: RequestOptions): RequestOptions {
  return {
    ...(options.callerObjectId !== undefined ? { callerObjectId: options.callerObjectId } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
}

/** The Prefer item asking for annotations: a comma list of annotation names, * allowed as a wildcard. */
export function includeAnnotationsPreference(annotations: string): string {
  if (!/^[A-Za-z0-9_.*]+(,[A-Za-z0-9_.*]+)*$/.test(annotations)) throw new DataverseRequestError(`"${annotations}" is not a list of annotation names.`);
  return `odata.include-annotations="${annotations}"`;
}

export interface DataverseRequest extends RequestOptions {
  method: HttpMethod;
  /** Below the service root and already encoded (`accounts(…)?$select=…`), or an absolute URL under it (@odata.nextLink). */
  path: string;
  /** What the request does, for logs and error messages: "retrieve accounts". */
  operation: string;
  /** Whether sending it twice has the same effect as once (see retryPolicy.ts). */
  idempotent: boolean;
  /** JSON body, or a prepared body with its content type ($batch). */
  body?: unknown;
  rawBody?: { contentType: string; text: string };
  headers?: Record<string, string>;
  /** Prefer header items, e.g. return=representation, odata.maxpagesize=500. */
  prefer?: string[];
  /** Accept answers with this content type whatever their status ($batch answers 400 with a multipart body). */
  acceptContentType?: RegExp;
}

export interface DataverseResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  attempts: number;
  /** True when an earlier attempt was sent and its answer lost (the request was safe to repeat, so it was). */
  afterUnknownOutcome: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CONCURRENCY = 16;
export const DEFAULT_MAX_RETRIES = 6;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const API_PATH = 'api/data/v9.2/';

const USER_AGENT = 'ecc365-gateway';

/** Reads a JSON answer; an answer that is not JSON is Dataverse misbehaving, reported as such. */
export function readJson<T>(response: DataverseResponse, operation: string): T {
  try {
    return JSON.parse(response.body) as T;
  } catch (cause) {
    throw new DataverseResponseError(`Dataverse answered ${operation} with something that is not JSON (HTTP ${response.status}).`, { status: response.status, cause });
  }
}

function withoutQuery(path: string): string {
  const question = path.indexOf('?');
  return question === -1 ? path : path.slice(0, question);
}

export class DataversePipeline {
  /** https://…/api/data/v9.2/ */
  readonly serviceRoot: string;
  private readonly host: string;
  private readonly transport: HttpTransport;
  private readonly limiter: ConcurrencyLimiter;
  private readonly budget: RetryBudget;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly random: () => number;

  constructor(private readonly options: PipelineOptions) {
    let environment: URL;
    try {
      environment = new URL(options.environmentUrl);
    } catch (cause) {
      throw new DataverseRequestError(`The Dataverse environment URL "${options.environmentUrl}" is not a URL.`, { category: 'config', cause });
    }
    this.serviceRoot = `${environment.origin}${environment.pathname.replace(/\/+$/, '')}/${API_PATH}`;
    this.host = environment.host;
    const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    this.limiter = new ConcurrencyLimiter({ max: maxConcurrency });
    this.transport = new HttpTransport({ maxSockets: maxConcurrency, maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES });
    this.budget = options.retryBudget ?? new RetryBudget();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
    this.random = options.random ?? Math.random;
  }

  /** The concurrency limiter's state, for health and metrics. */
  throttling(): ConcurrencySnapshot {
    return this.limiter.snapshot();
  }

  /** A link Dataverse returned (@odata.nextLink, @odata.deltaLink) as a path below the service root; refuses links elsewhere, which would receive the token. */
  pathOfLink(link: string): string {
    if (!link.startsWith(this.serviceRoot)) {
      throw new DataverseResponseError(`Dataverse returned a link outside its service root (${new URL(link, this.serviceRoot).origin}); it was not followed.`);
    }
    return link.slice(this.serviceRoot.length);
  }

  close(): void {
    this.transport.close();
  }

  async send(request: DataverseRequest): Promise<DataverseResponse> {
    const url = new URL(/^https?:\/\//i.test(request.path) ? request.path : `${this.serviceRoot}${request.path}`);
    if (!url.href.startsWith(this.serviceRoot)) throw new DataverseRequestError(`${request.operation}: ${url.origin} is not the configured Dataverse environment.`);
    const callerObjectId = request.callerObjectId === undefined ? undefined : normalizeGuid(request.callerObjectId, 'CallerObjectId (the CRM user\'s Entra object id)');
    const body = request.rawBody ? Buffer.from(request.rawBody.text, 'utf8') : request.body !== undefined ? Buffer.from(JSON.stringify(request.body), 'utf8') : undefined;
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const correlationId = currentCorrelationId();
    const resource = withoutQuery(url.pathname.slice(new URL(this.serviceRoot).pathname.length));
    this.budget.recordRequest();

    let attempt = 0;
    let afterUnknownOutcome = false;
    for (;;) {
      attempt += 1;
      const context = (): FailureContext => ({ operation: request.operation, host: this.host, callerObjectId, attempts: attempt, afterUnknownOutcome });
      try {
        await this.limiter.acquire(request.signal);
      } catch (cause) {
        throw this.cancelled(request, context(), cause);
      }
      const started = Date.now();
      let answer: HttpAnswer | undefined;
      let failure: AttemptFailure;
      let transportError: TransportFailure | undefined;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      try {
        const token = await this.options.tokens.getAccessToken({ signal });
        answer = await this.transport.send({ method: request.method, url, headers: this.headers(request, token, callerObjectId, correlationId, body !== undefined), body, signal });
      } catch (error) {
        if (request.signal?.aborted) {
          this.limiter.release();
          throw this.cancelled(request, context(), error);
        }
        if (!(error instanceof TransportFailure)) {
          this.limiter.release();
          if (error instanceof AppError) throw error; // the token provider's typed errors
          if (timeout.aborted) throw new DataverseTimeoutError(`No Dataverse access token within ${timeoutMs} ms for ${request.operation}.`, { context: context(), cause: error });
          throw error;
        }
        transportError = error;
      }
      this.limiter.release();

      if (answer && this.isSuccess(answer, request)) {
        this.limiter.onSuccess();
        this.readParallelismHint(answer);
        this.log(request, resource, { attempt, status: answer.status, durationMs: Date.now() - started, correlationId });
        return { status: answer.status, headers: answer.headers, body: answer.body, attempts: attempt, afterUnknownOutcome };
      }

      let retryAfterMs: number | undefined;
      if (answer) {
        retryAfterMs = parseRetryAfter(answer.headers['retry-after'], Date.now());
        failure = { kind: 'status', status: answer.status, dataverseCode: readErrorBody(answer.body).code, retryAfterMs };
      } else if (transportError!.kind === 'aborted') {
        failure = { kind: 'timeout', sent: transportError!.sent };
      } else if (transportError!.kind === 'too-large') {
        throw new DataverseResponseError(`Dataverse's answer to ${request.operation} is ${transportError!.message}; ask for fewer rows or columns.`, { context: context() });
      } else {
        failure = { kind: 'network', sent: transportError!.sent, code: transportError!.networkCode };
      }
      const decision = decideRetry(failure, { idempotent: request.idempotent, attempt, random: this.random });
      if (failure.kind === 'status' && decision.retry && decision.reason === 'throttled') this.limiter.onThrottled(retryAfterMs);
      this.log(request, resource, {
        attempt,
        durationMs: Date.now() - started,
        correlationId,
        ...(failure.kind === 'status' ? { status: failure.status, dataverseCode: failure.dataverseCode } : { failure: failure.kind, sent: 'sent' in failure ? failure.sent : undefined }),
        ...(decision.retry ? { retryInMs: decision.delayMs, retryReason: decision.reason } : {}),
      });

      const mayRetry =
        decision.retry &&
        attempt <= this.maxRetries &&
        decision.delayMs <= this.maxRetryWaitMs &&
        (decision.reason === 'throttled' || this.budget.tryRetry());
      if (decision.retry && mayRetry) {
        const mayHaveArrived = failure.kind === 'status' ? failure.status === 502 || failure.status === 504 : failure.sent;
        if (mayHaveArrived) afterUnknownOutcome = true;
        try {
          await sleep(decision.delayMs, undefined, request.signal ? { signal: request.signal } : {});
        } catch (cause) {
          throw this.cancelled(request, context(), cause);
        }
        continue;
      }
      throw this.failed(request, failure, answer, context(), timeoutMs, !decision.retry && decision.outcomeUnknown, transportError);
    }
  }

  private isSuccess(answer: HttpAnswer, request: DataverseRequest): boolean {
    if ((answer.status >= 200 && answer.status < 300) || answer.status === 304) return true;
    return request.acceptContentType !== undefined && request.acceptContentType.test(answer.headers['content-type'] ?? '');
  }

  private headers(request: DataverseRequest, token: string, callerObjectId: string | undefined, correlationId: string | undefined, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
      'User-Agent': USER_AGENT,
      Authorization: `Bearer ${token}`,
    };
    if (hasBody) headers['Content-Type'] = request.rawBody?.contentType ?? 'application/json; charset=utf-8';
    if (callerObjectId) headers.CallerObjectId = callerObjectId;
    if (correlationId) headers['x-ms-correlation-request-id'] = correlationId;
    if (request.prefer && request.prefer.length > 0) headers.Prefer = request.prefer.join(',');
    return { ...headers, ...request.headers };
  }

  private readParallelismHint(answer: HttpAnswer): void {
    const hint = answer.headers['x-ms-dop-hint'];
    if (hint !== undefined) this.limiter.onParallelismHint(Number(hint));
  }

  private log(request: DataverseRequest, resource: string, fields: Record<string, unknown>): void {
    this.options.logger?.debug('Dataverse request', { method: request.method, resource, operation: request.operation, ...fields });
  }

  private cancelled(request: DataverseRequest, context: FailureContext, cause: unknown): DataverseError {
    return new DataverseCancelledError(`${request.operation} was cancelled before Dataverse answered.`, { context, cause });
  }

  private failed(
    request: DataverseRequest,
    failure: AttemptFailure,
    answer: HttpAnswer | undefined,
    context: FailureContext,
    timeoutMs: number,
    outcomeUnknown: boolean,
    cause: TransportFailure | undefined,
  ): DataverseError {
    if (answer && !outcomeUnknown) {
      const retryAfterMs = failure.kind === 'status' ? failure.retryAfterMs : undefined;
      return errorFromResponse({ status: answer.status, body: answer.body, retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000) }, context);
    }
    const what =
      failure.kind === 'status'
        ? `a proxy answered HTTP ${failure.status}`
        : failure.kind === 'timeout'
          ? `no answer came within ${timeoutMs} ms`
          : `the connection failed (${failure.kind === 'network' ? (failure.code ?? cause?.message ?? 'network error') : 'network error'})`;
    if (outcomeUnknown) {
      return new DataverseOutcomeUnknownError(
        `${request.operation} was sent to Dataverse at ${context.host} but ${what}, so it may or may not have been applied. It was not repeated, because repeating it could apply it twice: check in CRM (or read the record) before trying again.`,
        { context, cause, ...(answer ? { status: answer.status } : {}) },
      );
    }
    if (failure.kind === 'timeout') {
      return new DataverseTimeoutError(`Dataverse at ${context.host} did not answer ${request.operation} within ${timeoutMs} ms (${context.attempts} attempt(s)).`, { context, cause });
    }
    return new DataverseUnavailableError(`Dataverse at ${context.host} cannot be reached for ${request.operation}: ${what} (${context.attempts} attempt(s)); the work is retried later.`, {
      context,
      cause,
    });
  }
}
