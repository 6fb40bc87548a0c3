import { describe, expect, it, vi } from 'vitest';
import type { TokenSource } from '../auth/tokenSource';
import { createGatewayClient, type GatewayClientOptions } from './gatewayClient';
import { GatewayError } from './gatewayError';

const BASE_URL = 'https://sapgw.contoso.com';
const ACCOUNT = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

function tokens(token = 'token-1'): TokenSource & { getToken: ReturnType<typeof vi.fn> } {
  return { getToken: vi.fn(() => Promise.resolve(token)), signIn: vi.fn(() => Promise.resolve()) };
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function client(fetchImpl: typeof fetch, overrides: Partial<GatewayClientOptions> = {}) {
  let id = 0;
  return createGatewayClient({
    connect: () => Promise.resolve({ baseUrl: BASE_URL, tokens: tokens() }),
    fetch: fetchImpl,
    newCorrelationId: () => `corr-${++id}`,
    retryDelayMs: 1,
    ...overrides,
  });
}

describe('gateway client', () => {
  it('sends the bearer token, a correlation id and the list query, and returns the answer', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, { orders: [] })));
    const answer = await client(fetchImpl).orders(ACCOUNT, { status: 'open', top: 100 });

    expect(answer).toEqual({ orders: [] });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(`${BASE_URL}/api/v1/accounts/${ACCOUNT}/sap/orders?status=open&top=100`);
    const headers = new Headers(init!.headers);
    expect(headers.get('Authorization')).toBe('Bearer token-1');
    expect(headers.get('Accept')).toBe('application/json');
    expect(headers.get('X-Correlation-Id')).toBe('corr-1');
    expect(init!.method).toBe('GET');
    expect(init!.credentials).toBe('omit');
  });

  it("asks for the user's language, when it knows it, so SAP's texts come in it", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, { creditLimit: 1 })));
    await client(fetchImpl, { language: 'de-DE' }).credit(ACCOUNT);
    await client(fetchImpl).credit(ACCOUNT);
    expect(new Headers(fetchImpl.mock.calls[0]![1]!.headers).get('Accept-Language')).toBe('de-DE');
    expect(new Headers(fetchImpl.mock.calls[1]![1]!.headers).has('Accept-Language')).toBe(false);
  });

  it('posts JSON bodies to the quote routes', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, { documentNumber: '0000012345' })));
    const gateway = client(fetchImpl);
    await gateway.submit('7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', 'quotation');
    await gateway.price('7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', true);

    const [submitUrl, submitInit] = fetchImpl.mock.calls[0]!;
    expect(submitUrl).toBe(`${BASE_URL}/api/v1/quotes/7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d/sap/submit`);
    expect(submitInit!.method).toBe('POST');
    expect(submitInit!.body).toBe('{"as":"quotation"}');
    expect(new Headers(submitInit!.headers).get('Content-Type')).toBe('application/json');
    expect(fetchImpl.mock.calls[1]![1]!.body).toBe('{"apply":true}');
  });

  it('addresses sync results by table and record id', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, { results: [] })));
    await client(fetchImpl).syncResults({ table: 'quote', id: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d' });
    expect(fetchImpl.mock.calls[0]![0]).toBe(`${BASE_URL}/api/v1/records/quote/7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d/sync-results`);
  });

  it("turns a 403 into a not-authorized error with the API's code, message and correlation id, without retrying", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse(403, { error: { code: 'NOT_AUTHORIZED', message: 'You may not read this account in CRM.', correlationId: 'gw-42' } })),
    );
    const error = await client(fetchImpl).credit(ACCOUNT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: 'notAuthorized', code: 'NOT_AUTHORIZED', message: 'You may not read this account in CRM.', correlationId: 'gw-42', status: 403 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("keeps SAP's messages and Retry-After of an error", async () => {
    const sapMessages = [{ type: 'E', id: 'V1', number: '042', message: 'Material PUMP-9 is blocked' }];
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse(422, { error: { code: 'SAP_REJECTED', message: 'SAP refused the order.', sapMessages } })),
    );
    const error = (await client(fetchImpl).submit('7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', 'order').catch((caught: unknown) => caught)) as GatewayError;
    expect(error.kind).toBe('rejected');
    expect(error.sapMessages).toEqual(sapMessages);

    const limited = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(429, { error: { code: 'RATE_LIMITED', message: 'Slow down.' } }, { 'Retry-After': '30' })));
    const rateLimited = (await client(limited).credit(ACCOUNT).catch((caught: unknown) => caught)) as GatewayError;
    expect(rateLimited).toMatchObject({ kind: 'rateLimited', retryAfterSeconds: 30 });
    expect(limited).toHaveBeenCalledTimes(1);
  });

  it('falls back to the correlation id it sent when the answer is not the API', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 404, statusText: 'Not Found' })));
    const error = (await client(fetchImpl).credit(ACCOUNT).catch((caught: unknown) => caught)) as GatewayError;
    expect(error).toMatchObject({ kind: 'notFound', code: 'HTTP_404', correlationId: 'corr-1' });
  });

  it('retries a read once when the gateway answers 503, with a new correlation id', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse(503, { error: { code: 'SAP_UNAVAILABLE', message: 'SAP is down.' } }))
      .mockResolvedValueOnce(jsonResponse(200, { creditLimit: 1 }));
    await expect(client(fetchImpl).credit(ACCOUNT)).resolves.toEqual({ creditLimit: 1 });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(new Headers(fetchImpl.mock.calls[1]![1]!.headers).get('X-Correlation-Id')).toBe('corr-2');
  });

  it('gives up on a read after the one retry and says the gateway is unavailable', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(503, { error: { code: 'SAP_UNAVAILABLE', message: 'SAP is down.' } })));
    await expect(client(fetchImpl).credit(ACCOUNT)).rejects.toMatchObject({ kind: 'unavailable', code: 'SAP_UNAVAILABLE' });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('does not wait for a long Retry-After: the user retries', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(503, { error: { code: 'SAP_UNAVAILABLE', message: 'SAP is down.' } }, { 'Retry-After': '120' })));
    await expect(client(fetchImpl).credit(ACCOUNT)).rejects.toMatchObject({ kind: 'unavailable', retryAfterSeconds: 120 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('never repeats a write', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(503, { error: { code: 'SAP_UNAVAILABLE', message: 'SAP is down.' } })));
    await expect(client(fetchImpl).submit('7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', 'order')).rejects.toMatchObject({ kind: 'unavailable' });
    const failing = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client(failing).price('7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', true)).rejects.toMatchObject({ kind: 'network', code: 'GATEWAY_UNREACHABLE' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('retries a read once when the network failed, then says the gateway is unreachable', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client(fetchImpl).orders(ACCOUNT, { status: 'all', top: 50 })).rejects.toMatchObject({ kind: 'network', code: 'GATEWAY_UNREACHABLE' });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('lets a cancelled request end as an abort, not as a gateway error', async () => {
    const controller = new AbortController();
    const fetchImpl = vi.fn<typeof fetch>((_url, init) => {
      return new Promise<Response>((_resolve, reject) => {
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    });
    const pending = client(fetchImpl).credit(ACCOUNT, controller.signal);
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('says so when a success answer is not JSON', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(new Response('<html></html>', { status: 200 })));
    await expect(client(fetchImpl).credit(ACCOUNT)).rejects.toMatchObject({ kind: 'network', code: 'GATEWAY_BAD_RESPONSE' });
  });

  it('connects again after a failed connection, and only once after a good one', async () => {
    const connect = vi
      .fn<GatewayClientOptions['connect']>()
      .mockRejectedValueOnce(new GatewayError('notConfigured', 'GATEWAY_NOT_CONFIGURED', 'Set ecc_GatewayUrl.'))
      .mockResolvedValue({ baseUrl: BASE_URL, tokens: tokens() });
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, {})));
    const gateway = client(fetchImpl, { connect });

    await expect(gateway.credit(ACCOUNT)).rejects.toMatchObject({ kind: 'notConfigured' });
    await gateway.credit(ACCOUNT);
    await gateway.credit(ACCOUNT);
    expect(connect).toHaveBeenCalledTimes(2);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('asks the token source for a token on every request, so expired tokens are renewed', async () => {
    const source = tokens();
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, {})));
    const gateway = client(fetchImpl, { connect: () => Promise.resolve({ baseUrl: BASE_URL, tokens: source }) });
    await gateway.credit(ACCOUNT);
    await gateway.credit(ACCOUNT);
    expect(source.getToken).toHaveBeenCalledTimes(2);
  });

  it("hands sign-in to the connection's token source", async () => {
    const source = tokens();
    const gateway = client(vi.fn<typeof fetch>(), { connect: () => Promise.resolve({ baseUrl: BASE_URL, tokens: source }) });
    await gateway.signIn();
    expect(source.signIn).toHaveBeenCalledTimes(1);
  });
});
