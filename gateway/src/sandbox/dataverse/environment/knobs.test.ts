import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RATE_LIMIT_HEADERS } from '../limits/serviceProtection.js';
import { serveDataverseEnvironment, type EnvironmentTestServer } from '../testing/environmentServer.js';
import { environmentOptionsFromConfig } from './environment.js';
import { dataverseKnobsSchema, dataverseSandboxConfigSchema } from './knobs.js';

// The environment's clock and its latency's wait: waiting moves the clock, so latency shows as execution time.
let now = 1_750_000_000_000;
const waits: number[] = [];

let server: EnvironmentTestServer;
beforeAll(async () => {
  server = await serveDataverseEnvironment({
    environment: {
      clock: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    },
  });
});
afterAll(() => server.stop());
beforeEach(() => {
  server.environment.setKnobs(dataverseKnobsSchema.parse({}));
  server.environment.serviceProtection.reset();
  waits.length = 0;
});

const patchKnobs = async (changes: unknown) => {
  const response = await fetch(server.knobsUrl, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(changes) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const whoAmI = async () => fetch(`${server.serviceRoot}WhoAmI`, { headers: { Authorization: `Bearer ${await server.token('application')}` } });

describe('the knobs endpoint', () => {
  it('answers the knobs, and a PATCH changes only the knobs it sends', async () => {
    expect(await (await fetch(server.knobsUrl)).json()).toEqual(dataverseKnobsSchema.parse({}));
    expect((await patchKnobs({ windowSeconds: 60 })).body).toMatchObject({ windowSeconds: 60 });
    const changed = await patchKnobs({ latencyMs: 25, concurrentRequests: 4 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ latencyMs: 25, concurrentRequests: 4, windowSeconds: 60, requestsPerWindow: 6000 });
    expect(server.environment.knobs()).toEqual(changed.body);
  });

  it('refuses unknown knobs and bad values with 400 and a message naming them, changing nothing', async () => {
    const unknown = await patchKnobs({ requests: 5 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'SANDBOX_KNOBS_INVALID', message: expect.stringContaining('"requests"') as string });
    const negative = await patchKnobs({ latencyMs: -1, requestsPerWindow: 2 });
    expect(negative.status).toBe(400);
    expect(negative.body.error).toMatchObject({ message: expect.stringContaining('latencyMs') as string });
    expect(server.environment.knobs().requestsPerWindow).toBe(6000);
  });

  it('changes the service protection limits of a running environment', async () => {
    expect((await whoAmI()).status).toBe(200);
    await patchKnobs({ requestsPerWindow: 1 });
    const refused = await whoAmI();
    expect(refused.status).toBe(429);
    await patchKnobs({ serviceProtection: false });
    expect((await whoAmI()).status).toBe(200);
  });
});

describe('the latency knob', () => {
  it('makes each request wait the fixed latency plus a jitter within its bound', async () => {
    await patchKnobs({ latencyMs: 120, latencyJitterMs: 30 });
    for (let i = 0; i < 20; i++) expect((await whoAmI()).status).toBe(200);
    expect(waits).toHaveLength(20);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(120);
      expect(wait).toBeLessThanOrEqual(150);
    }
    expect(new Set(waits).size, 'the jitter varies').toBeGreaterThan(1);
  });

  it('counts toward the execution time service protection measures, and is off at 0', async () => {
    await whoAmI();
    expect(waits).toEqual([]);
    await patchKnobs({ latencyMs: 200 });
    await whoAmI();
    const next = await whoAmI();
    expect(next.headers.get(RATE_LIMIT_HEADERS.executionTimeRemaining)).toBe('1,199.80');
  });

  it('does not delay a request service protection refuses', async () => {
    await patchKnobs({ latencyMs: 50, requestsPerWindow: 1 });
    await whoAmI();
    expect((await whoAmI()).status).toBe(429);
    expect(waits).toEqual([50]);
  });
});

describe('the configuration of sandbox.dataverse', () => {
  it('takes knobs and the state file from configuration values, strings from the environment included', () => {
    const config = dataverseSandboxConfigSchema.parse({ stateFile: '/var/ecc365/dataverse.json', requestsPerWindow: '600', serviceProtection: 'false', latencyMs: 15 });
    const options = environmentOptionsFromConfig(config);
    expect(options.stateFile).toBe('/var/ecc365/dataverse.json');
    expect(dataverseKnobsSchema.parse(options.knobs)).toMatchObject({ requestsPerWindow: 600, serviceProtection: false, latencyMs: 15, windowSeconds: 300 });
    expect(dataverseSandboxConfigSchema.safeParse({ requestsPerWindw: 600 }).success, 'a misspelt key fails at start').toBe(false);
    expect(dataverseSandboxConfigSchema.safeParse({ concurrentRequests: 0 }).success).toBe(false);
  });
});
