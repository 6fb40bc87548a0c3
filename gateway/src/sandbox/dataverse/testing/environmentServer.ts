/**
 * The simulated Dataverse with its environment (service protection, latency, webhooks, state
 * file) served on 127.0.0.1 and a free port for tests, the way the sandbox serves it: the Web
 * API at /sandbox/dataverse, its knobs at /sandbox/dataverse/knobs, and the sandbox identity
 * provider at /sandbox/idp on the same origin, whose tokens the Web API verifies (no test
 * double in the authentication path).
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../../identities.js';
import { createSandboxTokenVerifier, IDP_MOUNT_PATH, startSandboxIdentityProvider, type SandboxIdentityProvider } from '../../idp/index.js';
import { acquireSandboxToken } from '../../idp/testing/identityProvider.js';
import { createDataverseEnvironment, type DataverseEnvironment, type DataverseEnvironmentOptions } from '../environment/environment.js';
import { createSimulatedDataverse } from '../index.js';
import { createDataverseRouter, WEB_API_PATH } from '../router.js';
import type { DataverseHooks } from '../hooks.js';
import type { EntityMetadata } from '../metadata.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { TEST_ACCOUNT_EXTENSION, TEST_MOUNT_PATH } from './testDataverse.js';

export interface EnvironmentTestServer {
  dataverse: SimulatedDataverse;
  environment: DataverseEnvironment;
  origin: string;
  /** http://127.0.0.1:<port>/sandbox/dataverse/api/data/v9.2/ */
  serviceRoot: string;
  knobsUrl: string;
  /** A bearer token from the identity provider: 'application' for the application user's, or a persona's key (anna, ben …). */
  token(who: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EnvironmentTestServerOptions {
  environment?: DataverseEnvironmentOptions;
  /** Hooks that run after the environment's (a test's stand-in for slow work inside a request). */
  extraHooks?: DataverseHooks;
  /** An identity provider to share between servers; one of its own otherwise (closed on stop). */
  idp?: SandboxIdentityProvider;
  /** Tables besides the standard ones. Default: TEST_ACCOUNT_EXTENSION (account.ecc_customernumber and its key). */
  tables?: EntityMetadata[];
}

export async function serveDataverseEnvironment(options: EnvironmentTestServerOptions = {}): Promise<EnvironmentTestServer> {
  const idp = options.idp ?? (await startSandboxIdentityProvider());
  const dataverse = createSimulatedDataverse({ tables: options.tables ?? [TEST_ACCOUNT_EXTENSION], ...(options.extraHooks ? { hooks: options.extraHooks } : {}) });
  const environment = createDataverseEnvironment(dataverse, options.environment);
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // Dataverse accepts only tokens issued for its own URL, known once the server listens.
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataverseUrl = `${origin}${TEST_MOUNT_PATH}`;
  const verifier = createSandboxTokenVerifier(idp, { audience: dataverseUrl });
  app.use(IDP_MOUNT_PATH, idp.router);
  app.use(`${TEST_MOUNT_PATH}/knobs`, environment.knobsRouter);
  app.use(TEST_MOUNT_PATH, createDataverseRouter(dataverse, { authenticate: (header) => verifier.authenticate(header) }));
  environment.attach(dataverseUrl);

  const tokenUrl = `${origin}${IDP_MOUNT_PATH}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
  const tokens = new Map<string, Promise<string>>();
  const token = (who: string): Promise<string> => {
    let cached = tokens.get(who);
    if (!cached) {
      const persona = SANDBOX_PERSONAS.find((p) => p.key === who);
      if (who !== 'application' && !persona) throw new Error(`No sandbox persona '${who}'.`);
      cached = acquireSandboxToken(tokenUrl, dataverseUrl, persona ? { kind: 'persona', username: persona.username, password: persona.password } : { kind: 'application' });
      tokens.set(who, cached);
    }
    return cached;
  };

  return {
    dataverse,
    environment,
    origin,
    serviceRoot: `${dataverseUrl}${WEB_API_PATH}/`,
    knobsUrl: `${dataverseUrl}/knobs`,
    token,
    stop: async () => {
      await environment.webhooks.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.idp) await idp.close();
    },
  };
}
