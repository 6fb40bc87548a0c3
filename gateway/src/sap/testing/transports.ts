/**
 * Test fixture: the same simulated ECC reached through every RFC transport the gateway has.
 * BAPI wrapper tests run once per transport (describeOverTransports), so each wrapper is proven
 * over the in-process path, SOAP-RFC over HTTP and node-rfc (through a module double of node-rfc).
 */

import { afterAll, beforeAll, describe } from 'vitest';
import { createSimulatedEcc, type CreateEccOptions, type SeededEcc } from '../../sandbox/ecc/index.js';
import type { SeedResult } from '../../sandbox/ecc/seed/index.js';
import { serveSoapRfc } from '../../sandbox/ecc/soap/standalone.js';
import { createInProcessRfcClient } from '../transports/inProcess.js';
import { createNodeRfcClient } from '../transports/nodeRfc.js';
import { createSoapRfcClient } from '../transports/soapRfc.js';
import type { RfcClient } from '../rfc.js';
import { NodeRfcDouble } from './nodeRfcDouble.js';

export const SANDBOX_USER = { user: 'ECC365', password: 'sandbox' };
export const FIXED_TODAY = '2026-11-27';

export interface TransportFixture {
  /** The transport's name, for test titles. */
  name: string;
  /** Connects a client to the given simulated ECC; `stop` releases what the transport started (servers). */
  start(seeded: SeededEcc): Promise<{ client: RfcClient; stop: () => Promise<void> }>;
}

export const TRANSPORTS: TransportFixture[] = [
  {
    name: 'in-process',
    start: async ({ ecc }) => {
      const client = createInProcessRfcClient(ecc, { ...SANDBOX_USER, timeoutMs: 10_000 });
      return { client, stop: () => client.close() };
    },
  },
  {
    name: 'soap-rfc',
    start: async ({ ecc }) => {
      const server = await serveSoapRfc(ecc);
      const client = createSoapRfcClient({ url: server.rfcUrl, client: ecc.client, ...SANDBOX_USER, timeoutMs: 10_000 });
      return {
        client,
        stop: async () => {
          await client.close();
          await server.stop();
        },
      };
    },
  },
  {
    name: 'node-rfc',
    start: async ({ ecc }) => {
      const connection = { ashost: 'ecc.sandbox.invalid', sysnr: '00', client: ecc.client, user: SANDBOX_USER.user, passwd: SANDBOX_USER.password };
      const client = createNodeRfcClient({ connection, timeoutMs: 10_000 }, () => new NodeRfcDouble(ecc));
      return { client, stop: () => client.close() };
    },
  },
];

export type TestEcc = SeededEcc & { seeded: SeedResult };

/** A seeded simulated ECC with a fixed date, small by default, for tests. */
export function createTestEcc(options: Omit<CreateEccOptions, 'stateFile'> = {}): TestEcc {
  const created = createSimulatedEcc({ today: FIXED_TODAY, ...options, seed: { customers: 60, ...options.seed } });
  if (!created.seeded) throw new Error('a test ECC is always seeded');
  return { ...created, seeded: created.seeded };
}

export interface TransportTestContext {
  /** The seeded simulated ECC these tests run against (each transport has its own). */
  readonly testEcc: TestEcc;
  /** The client over the transport, connected in beforeAll: read it in hooks and tests, not while declaring them. */
  readonly client: RfcClient;
  /** Connects one more client (its own SAP sessions) over the same transport to the same ECC; closed after the tests. */
  connect(): Promise<RfcClient>;
}

/**
 * Declares the tests `body` declares once per transport, as "<title> over <transport>", each
 * against its own seeded test ECC; every client the tests connect is closed after them.
 */
export function describeOverTransports(title: string, body: (sap: TransportTestContext) => void): void {
  for (const transport of TRANSPORTS) {
    describe(`${title} over ${transport.name}`, () => {
      const testEcc = createTestEcc();
      const stops: (() => Promise<void>)[] = [];
      let client: RfcClient | undefined;
      const connect = async (): Promise<RfcClient> => {
        const started = await transport.start(testEcc);
        stops.push(started.stop);
        return started.client;
      };

      beforeAll(async () => {
        client = await connect();
      });
      afterAll(async () => {
        for (const stop of stops) await stop();
      });

      body({
        testEcc,
        get client(): RfcClient {
          if (!client) throw new Error('the client connects in beforeAll: use it inside hooks and tests');
          return client;
        },
        connect,
      });
    });
  }
}
