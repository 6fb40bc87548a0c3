/**
 * The client against the simulated Dataverse's real service protection limits, served the way
 * the sandbox serves them (gateway/src/sandbox/sandbox.ts), with real tokens: pushed past the
 * concurrency and request-rate limits, every request still succeeds, the client never has more
 * requests at the server than its maximum, and it waits at least what Retry-After said before
 * each retry. What the server saw is recorded in front of the simulator, so refused requests count.
 */

import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATIONS } from '../sandbox/identities.js';
import { createSandbox, sandboxDataverseUrl, type Sandbox } from '../sandbox/sandbox.js';
import { createDataverseClient } from './client.js';
import { eq } from './filter.js';
import { createDataverseTokenProvider, type DataverseTokenProvider } from './tokenProvider.js';

interface Arrival {
  key: string;
  at: number;
  status?: number;
  retryAfterSeconds?: number;
  code?: string;
}

describe('the client past the simulated Dataverse\'s service protection limits', () => {
  let sandbox: Sandbox;
  let close: () => void;
  let environmentUrl: string;
  let tokens: DataverseTokenProvider;
  const arrivals: Arrival[] = [];
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    sandbox = await createSandbox({ customers: 5, seed: 1, today: '2026-11-27' });
    const app = express();
    app.use('/sandbox/dataverse/api', (request, response, next) => {
      const arrival: Arrival = { key: `${request.method} ${request.originalUrl}`, at: Date.now() };
      arrivals.push(arrival);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      response.on('finish', () => {
        inFlight -= 1;
        arrival.status = response.statusCode;
        const retryAfter = response.getHeader('Retry-After');
        if (retryAfter !== undefined) arrival.retryAfterSeconds = Number(retryAfter);
      });
      next();
    });
    app.use('/sandbox', sandbox.router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sandbox.attach(origin);
    environmentUrl = sandboxDataverseUrl(origin);
    tokens = createDataverseTokenProvider({
      environmentUrl,
      authority: sandbox.idp.authority,
      authorityCaPem: sandbox.idp.caCertificatePem,
      clientId: SANDBOX_APPLICATIONS.gateway.clientId,
      credential: { kind: 'secret', secret: SANDBOX_APPLICATIONS.gateway.clientSecret },
    });
    close = () => server.close();
  });

  afterAll(async () => {
    tokens.close();
    close();
    await sandbox.close();
  });

  /** Every refused request was sent again, no sooner than Retry-After said. */
  function expectRetriesHonouredRetryAfter(): number {
    let refused = 0;
    for (const [index, arrival] of arrivals.entries()) {
      if (arrival.status !== 429) continue;
      refused += 1;
      const retry = arrivals.slice(index + 1).find((later) => later.key === arrival.key);
      expect(retry, `${arrival.key} was sent again after its 429`).toBeDefined();
      expect(retry!.at - arrival.at, `${arrival.key} waited Retry-After (${arrival.retryAfterSeconds} s)`).toBeGreaterThanOrEqual(arrival.retryAfterSeconds! * 1000);
    }
    return refused;
  }

  it('past the concurrency limit: every request succeeds within the client\'s maximum in flight', async () => {
    const client = createDataverseClient({ environmentUrl, tokens, maxConcurrency: 6, maxRetries: 30 });
    const names = Array.from({ length: 12 }, (_, i) => `Concurrency ${i}`);
    const ids = await client.createMultiple({ entitySet: 'accounts', logicalName: 'account' }, names.map((name) => ({ name })));
    sandbox.dataverseEnvironment.setKnobs({ concurrentRequests: 2, latencyMs: 40 });
    arrivals.length = 0;
    mostInFlight = 0;
    try {
      const read = await Promise.all(ids.map((id) => client.retrieve<{ name: string }>('accounts', id, { select: ['name'] })));
      expect(read.map((row) => row.name)).toEqual(names);
    } finally {
      sandbox.dataverseEnvironment.setKnobs({ concurrentRequests: 52, latencyMs: 0 });
      client.close();
    }
    expect(mostInFlight, 'requests at the server at once').toBeLessThanOrEqual(6);
    expect(expectRetriesHonouredRetryAfter(), 'requests refused with 429').toBeGreaterThan(0);
  }, 60_000);

  it('past the request rate limit: every request succeeds once the window has room again', async () => {
    const client = createDataverseClient({ environmentUrl, tokens, maxConcurrency: 4, maxRetries: 30 });
    sandbox.dataverseEnvironment.setKnobs({ requestsPerWindow: 10, windowSeconds: 2 });
    arrivals.length = 0;
    try {
      const counts = await Promise.all(
        Array.from({ length: 24 }, (_, i) => client.retrieveMultiple('accounts', { select: ['name'], filter: eq('name', `Concurrency ${i % 12}`) }, { maxRows: 5 }).collect()),
      );
      expect(counts.every((result) => result.rows.length === 1)).toBe(true);
    } finally {
      sandbox.dataverseEnvironment.setKnobs({ requestsPerWindow: 6000, windowSeconds: 300 });
      client.close();
    }
    expect(arrivals.filter((a) => a.status === 429).every((a) => a.retryAfterSeconds! >= 1)).toBe(true);
    expect(expectRetriesHonouredRetryAfter(), 'requests refused with 429').toBeGreaterThan(0);
  }, 60_000);
});
