import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { persona } from '../testing/testDataverse.js';
import { serveDataverseEnvironment, type EnvironmentTestServer } from '../testing/environmentServer.js';
import { RATE_LIMIT_HEADERS, SERVICE_PROTECTION_ERROR_CODES } from './serviceProtection.js';

// The environment's clock, moved by the tests: windows slide without waiting.
let now = 1_750_000_000_000;
/** How long, on that clock, each request spends inside Dataverse. */
let requestDurationMs = 0;
/** While set, requests wait here after admission (requests in progress at once). */
let gate: Promise<void> | undefined;
let arrivedAtGate = 0;

let server: EnvironmentTestServer;
beforeAll(async () => {
  server = await serveDataverseEnvironment({
    environment: { clock: () => now },
    extraHooks: {
      beforeRequest: async () => {
        now += requestDurationMs;
        arrivedAtGate++;
        if (gate) await gate;
      },
    },
  });
});
afterAll(() => server.stop());

beforeEach(() => {
  server.environment.serviceProtection.reset();
  server.environment.setKnobs({
    serviceProtection: true, requestsPerWindow: 6000, executionTimeMsPerWindow: 1_200_000, windowSeconds: 300, concurrentRequests: 52, countBatchedRequests: false,
  });
  requestDurationMs = 0;
  gate = undefined;
  arrivedAtGate = 0;
});

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string }; [key: string]: unknown } | undefined;
}

async function call(who: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const response = await fetch(`${server.serviceRoot}${path}`, {
    method: init.method ?? 'GET',
    headers: { Accept: 'application/json', Authorization: `Bearer ${await server.token(who)}`, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

const whoAmI = (who = 'application', headers: Record<string, string> = {}) => call(who, 'WhoAmI', { headers });
const seconds = (n: number) => n * 1000;
const remainingRequests = (answer: Answer) => answer.headers.get(RATE_LIMIT_HEADERS.requestsRemaining);

function batchOfReads(count: number): { headers: Record<string, string>; body: string } {
  const parts = Array.from({ length: count }, () => ['--batch_limits', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', 'GET WhoAmI HTTP/1.1', 'Accept: application/json', ''].join('\r\n'));
  return { headers: { 'Content-Type': 'multipart/mixed; boundary=batch_limits' }, body: `${parts.join('\r\n')}\r\n--batch_limits--\r\n` };
}

describe('service protection defaults', () => {
  it("are Dataverse's: 6000 requests and 1,200,000 ms per 300 s, 52 at once, reported on every answer", async () => {
    const knobs = (await (await fetch(server.knobsUrl)).json()) as Record<string, unknown>;
    expect(knobs).toMatchObject({ serviceProtection: true, requestsPerWindow: 6000, executionTimeMsPerWindow: 1_200_000, windowSeconds: 300, concurrentRequests: 52 });
    const answer = await whoAmI();
    expect(answer.status).toBe(200);
    expect(remainingRequests(answer)).toBe('5999');
    expect(answer.headers.get(RATE_LIMIT_HEADERS.executionTimeRemaining)).toBe('1,200.00');
  });
});

describe('requests per sliding window', () => {
  beforeEach(() => {
    server.environment.setKnobs({ requestsPerWindow: 3, windowSeconds: 60 });
  });

  it('refuses the request beyond the limit with 429, 0x80072322 and the seconds until the oldest request leaves the window', async () => {
    const start = now;
    const remaining: (string | null)[] = [];
    for (const offset of [0, 10, 20]) {
      now = start + seconds(offset);
      const answer = await whoAmI();
      expect(answer.status).toBe(200);
      remaining.push(remainingRequests(answer));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    now = start + seconds(25);
    const refused = await whoAmI();
    expect(refused.status).toBe(429);
    expect(refused.body?.error).toEqual({ code: SERVICE_PROTECTION_ERROR_CODES.requests, message: 'Number of requests exceeded the limit of 3 over time window of 60 seconds.' });
    expect(refused.headers.get('retry-after')).toBe('35');
  });

  it('slides: a request is admitted once the oldest left the window, and the next wait is counted from the next oldest', async () => {
    const start = now;
    for (const offset of [0, 10, 20]) {
      now = start + seconds(offset);
      expect((await whoAmI()).status).toBe(200);
    }
    now = start + seconds(59);
    expect((await whoAmI()).headers.get('retry-after')).toBe('1');
    now = start + seconds(60);
    const admitted = await whoAmI();
    expect(admitted.status).toBe(200);
    expect(remainingRequests(admitted)).toBe('0');
    now = start + seconds(65);
    expect((await whoAmI()).headers.get('retry-after')).toBe('5');
  });

  it('counts per user: a persona is admitted while the application user is refused', async () => {
    for (let i = 0; i < 3; i++) expect((await whoAmI()).status).toBe(200);
    expect((await whoAmI()).status).toBe(429);
    const anna = await whoAmI('anna');
    expect(anna.status).toBe(200);
    expect(remainingRequests(anna)).toBe('2');
  });

  it('counts an impersonated request (CallerObjectId) against the user whose token it carries', async () => {
    const impersonate = { CallerObjectId: persona('anna').objectId };
    for (let i = 0; i < 3; i++) expect((await whoAmI('application', impersonate)).status).toBe(200);
    const refused = await whoAmI('application', impersonate);
    expect(refused.status).toBe(429);
    expect(refused.body?.error?.code).toBe(SERVICE_PROTECTION_ERROR_CODES.requests);
    expect(remainingRequests(await whoAmI('anna'))).toBe('2');
  });

  it('counts a $batch as one request, as Dataverse does; countBatchedRequests counts each request in it', async () => {
    const batch = batchOfReads(5);
    const once = await call('application', '$batch', { method: 'POST', ...batch });
    expect(once.status).toBe(200);
    expect(remainingRequests(once)).toBe('2');

    server.environment.serviceProtection.reset();
    server.environment.setKnobs({ countBatchedRequests: true });
    const pair = await call('application', '$batch', { method: 'POST', ...batchOfReads(2) });
    expect(remainingRequests(pair)).toBe('1');
    const tooBig = await call('application', '$batch', { method: 'POST', ...batch });
    expect(tooBig.status).toBe(429);
    expect(tooBig.headers.get('retry-after')).toBe('60');
  });

  it('refuses nothing when service protection is off', async () => {
    server.environment.setKnobs({ serviceProtection: false });
    for (let i = 0; i < 5; i++) {
      const answer = await whoAmI();
      expect(answer.status).toBe(200);
      expect(remainingRequests(answer)).toBeNull();
    }
  });
});

describe('execution time per sliding window', () => {
  it('refuses with 0x80072321 once the window holds the limit, until enough execution time has left it', async () => {
    server.environment.setKnobs({ executionTimeMsPerWindow: 1000, windowSeconds: 60 });
    requestDurationMs = 600;
    const first = await whoAmI();
    expect(first.headers.get(RATE_LIMIT_HEADERS.executionTimeRemaining)).toBe('1.00');
    const firstEnded = now;
    const second = await whoAmI();
    expect(second.status).toBe(200);
    expect(second.headers.get(RATE_LIMIT_HEADERS.executionTimeRemaining)).toBe('0.40');

    requestDurationMs = 0;
    now += seconds(10);
    const refused = await whoAmI();
    expect(refused.status).toBe(429);
    expect(refused.body?.error).toEqual({
      code: SERVICE_PROTECTION_ERROR_CODES.executionTime,
      message:
        'Combined execution time of incoming requests exceeded limit of 1,000  milliseconds over time window of 60 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
    });
    // The first request's 600 ms leave the window 60 s after it ended; then 600 ms remain, below the limit.
    expect(refused.headers.get('retry-after')).toBe(String(Math.ceil((firstEnded + seconds(60) - now) / 1000)));
    now = firstEnded + seconds(60);
    expect((await whoAmI()).status).toBe(200);
  });
});

describe('concurrent requests', () => {
  it('refuses at once with 0x80072326 while the limit is in progress, and admits again when one ends', async () => {
    server.environment.setKnobs({ concurrentRequests: 2 });
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const held = [whoAmI(), whoAmI()];
    await vi.waitFor(() => expect(arrivedAtGate).toBe(2));

    const refused = await whoAmI();
    expect(refused.status).toBe(429);
    expect(refused.body?.error).toEqual({ code: SERVICE_PROTECTION_ERROR_CODES.concurrency, message: 'Number of concurrent requests exceeded the limit of 2.' });
    expect(refused.headers.get('retry-after')).toBe('1');
    // Another user's requests are counted apart: ben's is admitted (it reaches the gate).
    held.push(whoAmI('ben'));
    await vi.waitFor(() => expect(arrivedAtGate).toBe(3));

    open();
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await whoAmI()).status).toBe(200);
  });
});
