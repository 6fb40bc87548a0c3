/**
 * The pipeline's reliability against the simulated Dataverse over HTTP: throttling decisions,
 * retries, timeouts, lost answers, cancellation, authentication and logging. Faults are produced
 * through the simulator's beforeRequest hook, the seam its service protection limits plug into: a
 * hook here refuses requests the way Dataverse does (429, Retry-After, 0x80072326) or holds them.
 * The client against the simulator's real limits: serviceProtection.test.ts.
 */

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withCorrelationId } from '../log/context.js';
import { createLogger } from '../log/logger.js';
import { DataverseFault } from '../sandbox/dataverse/index.js';
import type { DataverseClient } from './client.js';
import {
  DataverseCancelledError,
  DataverseOutcomeUnknownError,
  DataverseThrottledError,
  DataverseTimeoutError,
  DataverseUnauthorizedError,
  DataverseUnavailableError,
} from './errors.js';
import { eq } from './filter.js';
import { RetryBudget } from './retryBudget.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from './testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let app: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  app = environment.client();
});
afterAll(() => environment.close());
afterEach(() => environment.setHooks({}));


const throttle = (seconds: number, code = '0x80072326') =>
  new DataverseFault(429, code, 'Number of concurrent requests exceeded the limit of 52.', { 'Retry-After': String(seconds) });

const accountsNamed = async (name: string) =>
  (await app.retrieveMultiple('accounts', { select: ['name', 'telephone1'], filter: eq('name', name) }, { maxRows: 10 }).collect()).rows;

describe('throttling', () => {
  it('gives up at once, as throttled with the wait Dataverse asked, when Retry-After is longer than the gateway may wait', async () => {
    environment.setHooks({
      beforeRequest: () => {
        throw throttle(120, '0x80072322');
      },
    });
    const client = environment.client({ maxRetryWaitMs: 2_000 });
    const error = await client.whoAmI().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseThrottledError);
    expect(error).toMatchObject({ retryAfterSeconds: 120, action: 'rate-limited', attempts: 1, dataverseCode: '0x80072322' });
    expect(client.throttling().pausedUntil).toBeGreaterThan(Date.now() + 100_000);
  });
});

describe('retries', () => {
  it('repeats a request Dataverse answered 503, a create too: the server took nothing', async () => {
    const name = `After 503 ${randomUUID()}`;
    const seen: string[] = [];
    environment.setHooks({
      beforeRequest: (request) => {
        seen.push(request.method);
        if (seen.length === 1) throw new DataverseFault(503, '0x80040216', 'Service Unavailable');
      },
    });
    const client = environment.client({ random: () => 0 });
    await client.create('accounts', { name });
    expect(seen).toEqual(['POST', 'POST']);
    environment.setHooks({});
    expect(await accountsNamed(name)).toHaveLength(1);
  });

  it('stops retrying when the retry budget is spent', async () => {
    let arrivals = 0;
    environment.setHooks({
      beforeRequest: () => {
        arrivals += 1;
        throw new DataverseFault(503, '0x80040216', 'Service Unavailable');
      },
    });
    const client = environment.client({ random: () => 0, retryBudget: new RetryBudget({ minimumRetries: 0, ratio: 0 }) });
    await expect(client.whoAmI()).rejects.toMatchObject({ code: 'DATAVERSE_UNAVAILABLE', attempts: 1 });
    expect(arrivals).toBe(1);
  });

  it('retries a connection that was refused, writes included, and then reports Dataverse unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = environment.client({ environmentUrl: `http://127.0.0.1:${port}/sandbox/dataverse`, maxRetries: 2, random: () => 0 });
    const error = await client.create('accounts', { name: 'Nowhere' }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseUnavailableError);
    expect(error).toMatchObject({ attempts: 3, category: 'transient' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('timeouts and lost answers', () => {
  /** Holds the first request of `method` for `holdMs` before the simulator runs it. */
  const holdFirst = (method: string, holdMs: number) => {
    const seen: string[] = [];
    environment.setHooks({
      beforeRequest: async (request) => {
        seen.push(request.method);
        if (request.method === method && seen.filter((m) => m === method).length === 1) await sleep(holdMs);
      },
    });
    return seen;
  };

  it('does not repeat a create whose answer was lost, and says its outcome is unknown (here it was applied)', async () => {
    const name = `Lost answer ${randomUUID()}`;
    const seen = holdFirst('POST', 400);
    const client = environment.client({ timeoutMs: 100, random: () => 0 });
    const error = await client.create('accounts', { name }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseOutcomeUnknownError);
    expect(error).toMatchObject({ category: 'transient', action: 'fail', attempts: 1 });
    expect((error as Error).message).toContain('may or may not have been applied');
    await sleep(500);
    expect(seen.filter((method) => method === 'POST')).toHaveLength(1);
    environment.setHooks({});
    expect(await accountsNamed(name)).toHaveLength(1);
  });

  it('repeats an update whose answer was lost: setting the same values twice is harmless', async () => {
    const name = `Update retried ${randomUUID()}`;
    const { id } = await app.create('accounts', { name });
    const seen = holdFirst('PATCH', 300);
    const client = environment.client({ timeoutMs: 100, random: () => 0 });
    await client.update('accounts', id, { telephone1: '0800' });
    await sleep(400);
    expect(seen.filter((method) => method === 'PATCH')).toHaveLength(2);
    environment.setHooks({});
    expect(await accountsNamed(name)).toMatchObject([{ telephone1: '0800' }]);
  });

  it('counts a delete as done when the repeat finds the record gone after the first answer was lost', async () => {
    const { id } = await app.create('accounts', { name: 'Delete retried' });
    const seen = holdFirst('DELETE', 200);
    // Backoff of ~500 ms: the held first attempt has deleted the record by the time the repeat arrives.
    const client = environment.client({ timeoutMs: 100, random: () => 0.999 });
    await expect(client.delete('accounts', id)).resolves.toBeUndefined();
    expect(seen.filter((method) => method === 'DELETE')).toHaveLength(2);
    await expect(app.retrieve('accounts', id)).rejects.toMatchObject({ code: 'DATAVERSE_NOT_FOUND' });
  });

  it('reports a read that never answers in time as a timeout after the retries allowed', async () => {
    let arrivals = 0;
    environment.setHooks({
      beforeRequest: async () => {
        arrivals += 1;
        await sleep(300);
      },
    });
    const client = environment.client({ timeoutMs: 80, maxRetries: 1, random: () => 0 });
    const error = await client.whoAmI().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseTimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).message).toContain('within 80 ms');
    expect(arrivals).toBe(2);
  });

  it('stops at once when the caller cancels, without retrying', async () => {
    let arrivals = 0;
    environment.setHooks({
      beforeRequest: async () => {
        arrivals += 1;
        await sleep(300);
      },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('the rep closed the form')), 50);
    const error = await environment.client().whoAmI({ signal: controller.signal }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseCancelledError);
    expect(error).toMatchObject({ attempts: 1, action: 'fail' });
    expect(arrivals).toBe(1);
    await expect(environment.client().whoAmI({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(DataverseCancelledError);
  });
});

describe('authentication and logging', () => {
  it('reports a token Dataverse refuses as a configuration error, without retrying', async () => {
    let arrivals = 0;
    environment.setHooks({ beforeRequest: () => void (arrivals += 1) });
    const client = environment.client({ tokens: { getAccessToken: async () => 'eyJhbGciOiJub25lIn0.e30.' } });
    const error = await client.whoAmI().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseUnauthorizedError);
    expect(error).toMatchObject({ status: 401, category: 'config', attempts: 1 });
    expect(arrivals).toBe(0);
  });

  it('logs each attempt at debug with the correlation id of the job, and never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    let first = true;
    environment.setHooks({
      beforeRequest: () => {
        if (first) {
          first = false;
          throw throttle(0);
        }
      },
    });
    const client = environment.client({ logger: createLogger({ level: 'debug', stream }), random: () => 0 });
    await withCorrelationId('job-4711', () => client.whoAmI());
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines).toMatchObject([
      { level: 'debug', message: 'Dataverse request', correlationId: 'job-4711', method: 'GET', resource: 'WhoAmI', attempt: 1, status: 429, dataverseCode: '0x80072326', retryReason: 'throttled' },
      { level: 'debug', message: 'Dataverse request', correlationId: 'job-4711', method: 'GET', resource: 'WhoAmI', attempt: 2, status: 200 },
    ]);
    const token = await environment.tokens.getAccessToken();
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toMatch(/bearer/i);
  });
});
