/**
 * A gateway on the other side of fetch, for lifecycle tests: the form preview's token endpoint
 * and the panel API routes a test defines, refusing requests without the preview's token as the
 * real gateway would. Records what the control sent.
 */

export const TEST_GATEWAY_URL = 'http://gateway.test:4365';
export const PREVIEW_TOKEN = 'preview-token-of-anna';

export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface FakeGatewayServer {
  fetch: typeof fetch;
  requests: ReceivedRequest[];
  /** Requests to the panel API (not the token endpoint). */
  apiRequests: () => ReceivedRequest[];
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

/** routes: "METHOD /path" → answer. */
export function createFakeGatewayServer(routes: Record<string, Route>): FakeGatewayServer {
  const requests: ReceivedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init?.headers);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: ReceivedRequest = { method: init?.method ?? 'GET', url, headers, body };
    requests.push(request);
    if (url.origin !== new URL(TEST_GATEWAY_URL).origin) throw new TypeError(`Failed to fetch ${url.href}`);
    if (url.pathname === '/sandbox/preview/token') {
      return respond(json(200, { accessToken: PREVIEW_TOKEN, expiresOn: new Date(Date.now() + 3_600_000).toISOString() }));
    }
    if (headers.get('Authorization') !== `Bearer ${PREVIEW_TOKEN}`) {
      return respond(json(401, { error: { code: 'UNAUTHENTICATED', message: 'No valid bearer token.' } }));
    }
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) return respond(json(404, { error: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${url.pathname}.` } }));
    return respond(await route(request));
  };
  return {
    fetch: fetchImpl,
    requests,
    apiRequests: () => requests.filter((request) => request.url.pathname.startsWith('/api/')),
  };
}

function respond(answer: Answer): Response {
  return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json', ...answer.headers },
  });
}

/** The environment variables of a solution set up for the form preview against this server. */
export const SANDBOX_ENVIRONMENT = { ecc_GatewayUrl: TEST_GATEWAY_URL, ecc_GatewayAuthMode: 'sandbox' };
