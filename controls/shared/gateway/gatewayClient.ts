/**
 * The one way a control talks to the gateway: typed methods for the panel API routes over a
 * single request pipeline (bearer token, JSON, a correlation id per request, typed errors,
 * cancellation through the caller's AbortSignal). Reads are retried once when the gateway or the
 * network failed on the way; a 4xx answer is final and writes are never repeated.
 */

import type {
  CreditPanel,
  DeliveriesPanel,
  FormRecord,
  InvoicesPanel,
  ListQuery,
  OrdersPanel,
  PriceRequest,
  QuotePrice,
  SapMessage,
  SubmitAs,
  SubmitRequest,
  SubmitResult,
  SyncResults,
} from '../api/panelApi';
import type { TokenSource } from '../auth/tokenSource';
import { GatewayError, isAbort, kindOfStatus } from './gatewayError';

/** What the client needs before its first request; resolved lazily because it comes from Dataverse. */
export interface GatewayConnection {
  /** The gateway's base URL without a trailing slash, e.g. https://sapgw.contoso.com */
  baseUrl: string;
  tokens: TokenSource;
}

export interface GatewayClientOptions {
  connect: () => Promise<GatewayConnection>;
  /** The user's language (a BCP 47 tag, e.g. de-DE): SAP's texts come in it where SAP has them. */
  language?: string;
  fetch?: typeof fetch;
  newCorrelationId?: () => string;
  /** Wait before the one retry of a read (milliseconds), unless the gateway said Retry-After. */
  retryDelayMs?: number;
}

export interface GatewayClient {
  orders: (accountId: string, query: ListQuery, signal?: AbortSignal) => Promise<OrdersPanel>;
  deliveries: (accountId: string, query: ListQuery, signal?: AbortSignal) => Promise<DeliveriesPanel>;
  invoices: (accountId: string, query: ListQuery, signal?: AbortSignal) => Promise<InvoicesPanel>;
  credit: (accountId: string, signal?: AbortSignal) => Promise<CreditPanel>;
  /** SAP's price for every quote line; with apply, SAP's prices are written onto the lines. */
  price: (quoteId: string, apply: boolean, signal?: AbortSignal) => Promise<QuotePrice>;
  submit: (quoteId: string, as: SubmitAs, signal?: AbortSignal) => Promise<SubmitResult>;
  syncResults: (record: FormRecord, signal?: AbortSignal) => Promise<SyncResults>;
  retrySyncResult: (syncResultId: string, signal?: AbortSignal) => Promise<void>;
  /** Interactive sign-in, then later requests use the new token. Only from a click. */
  signIn: () => Promise<void>;
}

interface Request {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  signal: AbortSignal | undefined;
}

const RETRIED_STATUSES = new Set([502, 503, 504]);
/** Longest Retry-After the one retry of a read waits for; longer waits are left to the user's Retry. */
const MAX_RETRY_WAIT_MS = 5_000;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const newCorrelationId = options.newCorrelationId ?? (() => crypto.randomUUID());
  const retryDelayMs = options.retryDelayMs ?? 500;
  let connection: Promise<GatewayConnection> | undefined;

  function connect(): Promise<GatewayConnection> {
    // A failed connection (e.g. variables not set yet) is tried again on the next request.
    connection ??= options.connect().catch((error: unknown) => {
      connection = undefined;
      throw error;
    });
    return connection;
  }

  async function send<T>(request: Request): Promise<T> {
    const { baseUrl, tokens } = await connect();
    const url = new URL(baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, String(value));
    const attempts = request.method === 'GET' ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      const correlationId = newCorrelationId();
      const token = await tokens.getToken();
      let response: Response;
      try {
        response = await fetchImpl(url.toString(), {
          method: request.method,
          headers: {
            Accept: 'application/json',
            ...(options.language === undefined ? {} : { 'Accept-Language': options.language }),
            Authorization: `Bearer ${token}`,
            'X-Correlation-Id': correlationId,
            ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          credentials: 'omit',
          signal: request.signal,
        });
      } catch (error) {
        if (isAbort(error) || request.signal?.aborted) throw error;
        if (attempt < attempts) {
          await pause(retryDelayMs, request.signal);
          continue;
        }
        throw new GatewayError('network', 'GATEWAY_UNREACHABLE', `The SAP gateway at ${baseUrl} could not be reached.`, { correlationId, cause: error });
      }
      if (response.ok) return readJson<T>(response, correlationId);
      const retryAfterSeconds = retryAfterOf(response);
      if (attempt < attempts && RETRIED_STATUSES.has(response.status) && (retryAfterSeconds ?? 0) * 1000 <= MAX_RETRY_WAIT_MS) {
        await pause(retryAfterSeconds === undefined ? retryDelayMs : retryAfterSeconds * 1000, request.signal);
        continue;
      }
      throw await errorOf(response, correlationId, retryAfterSeconds);
    }
  }

  const accountList = <T>(accountId: string, list: string, query: ListQuery, signal?: AbortSignal) =>
    send<T>({ method: 'GET', path: `/api/v1/accounts/${encodeURIComponent(accountId)}/sap/${list}`, query: { status: query.status, top: query.top }, signal });

  return {
    orders: (accountId, query, signal) => accountList<OrdersPanel>(accountId, 'orders', query, signal),
    deliveries: (accountId, query, signal) => accountList<DeliveriesPanel>(accountId, 'deliveries', query, signal),
    invoices: (accountId, query, signal) => accountList<InvoicesPanel>(accountId, 'invoices', query, signal),
    credit: (accountId, signal) => send<CreditPanel>({ method: 'GET', path: `/api/v1/accounts/${encodeURIComponent(accountId)}/sap/credit`, signal }),
    price: (quoteId, apply, signal) =>
      send<QuotePrice>({ method: 'POST', path: `/api/v1/quotes/${encodeURIComponent(quoteId)}/sap/price`, body: { apply } satisfies PriceRequest, signal }),
    submit: (quoteId, as, signal) =>
      send<SubmitResult>({ method: 'POST', path: `/api/v1/quotes/${encodeURIComponent(quoteId)}/sap/submit`, body: { as } satisfies SubmitRequest, signal }),
    syncResults: (record, signal) =>
      send<SyncResults>({ method: 'GET', path: `/api/v1/records/${encodeURIComponent(record.table)}/${encodeURIComponent(record.id)}/sync-results`, signal }),
    retrySyncResult: async (syncResultId, signal) => {
      await send<unknown>({ method: 'POST', path: `/api/v1/sync-results/${encodeURIComponent(syncResultId)}/retry`, signal });
    },
    signIn: async () => {
      const { tokens } = await connect();
      await tokens.signIn();
    },
  };
}

async function readJson<T>(response: Response, correlationId: string): Promise<T> {
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new GatewayError('network', 'GATEWAY_BAD_RESPONSE', `The SAP gateway answered ${response.status} without JSON; is the gateway URL right?`, {
      status: response.status,
      correlationId: response.headers.get('X-Correlation-Id') ?? correlationId,
      cause: error,
    });
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; correlationId?: unknown; sapMessages?: unknown; retryAfterSeconds?: unknown };
}

async function errorOf(response: Response, sentCorrelationId: string, retryAfterSeconds: number | undefined): Promise<GatewayError> {
  const body = (await response.json().catch(() => undefined)) as ErrorBody | undefined;
  const apiError = body?.error;
  const correlationId = stringOr(apiError?.correlationId, response.headers.get('X-Correlation-Id') ?? sentCorrelationId);
  const code = stringOr(apiError?.code, `HTTP_${response.status}`);
  const message = stringOr(apiError?.message, `The SAP gateway answered ${response.status} ${response.statusText}`.trim() + '.');
  return new GatewayError(kindOfStatus(response.status), code, message, {
    status: response.status,
    correlationId,
    sapMessages: Array.isArray(apiError?.sapMessages) ? (apiError.sapMessages as SapMessage[]) : [],
    retryAfterSeconds: typeof apiError?.retryAfterSeconds === 'number' ? apiError.retryAfterSeconds : retryAfterSeconds,
  });
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The request was cancelled.', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('The request was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
