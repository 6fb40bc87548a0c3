/**
 * A Dataverse environment for the client's tests, reached only over the real protocols: the
 * simulated Dataverse served over HTTP on 127.0.0.1 at /sandbox/dataverse (the sandbox contract's
 * path), checking real tokens with the sandbox identity provider's verifier, and the gateway's
 * MSAL token provider getting those tokens over HTTPS from the sandbox identity provider. The
 * repository's solution is imported at start, as the sandbox does, unless `withSolution` is false.
 */

import type { AddressInfo } from 'node:net';
import express from 'express';
import { SANDBOX_APPLICATIONS } from '../../sandbox/identities.js';
import { createDataverseRouter, createSimulatedDataverse, type DataverseHooks, type SimulatedDataverse } from '../../sandbox/dataverse/index.js';
import { importSolution } from '../../sandbox/dataverse/solution/importSolution.js';
import { repositorySolutionZip } from '../../sandbox/dataverse/testing/solutionZips.js';
import { createSandboxTokenVerifier, startSandboxIdentityProvider, type SandboxIdentityProvider } from '../../sandbox/idp/index.js';
import { createDataverseClient, type DataverseClient, type DataverseClientOptions } from '../client.js';
import { createDataverseTokenProvider, type DataverseTokenProvider } from '../tokenProvider.js';

export const DATAVERSE_MOUNT_PATH = '/sandbox/dataverse';

export interface SimulatedEnvironment {
  dataverse: SimulatedDataverse;
  idp: SandboxIdentityProvider;
  /** http://127.0.0.1:<port>/sandbox/dataverse — the resource tokens are for. */
  environmentUrl: string;
  tokens: DataverseTokenProvider;
  /** A client of the gateway's application user; closed with the environment. */
  client(options?: Partial<DataverseClientOptions>): DataverseClient;
  /** Lets the simulator's hooks (service protection's seam) be set per test. */
  setHooks(hooks: DataverseHooks): void;
  close(): Promise<void>;
}

export async function startSimulatedEnvironment(options: { withSolution?: boolean } = {}): Promise<SimulatedEnvironment> {
  const idp = await startSandboxIdentityProvider();
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const environmentUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${DATAVERSE_MOUNT_PATH}`;

  const dataverse = createSimulatedDataverse();
  if (options.withSolution !== false) importSolution(dataverse.registry, repositorySolutionZip());
  const verifier = createSandboxTokenVerifier(idp, { audience: environmentUrl });
  app.use(DATAVERSE_MOUNT_PATH, createDataverseRouter(dataverse, { authenticate: (header) => verifier.authenticate(header), importSolution }));

  const tokens = createDataverseTokenProvider({
    environmentUrl,
    authority: idp.authority,
    clientId: SANDBOX_APPLICATIONS.gateway.clientId,
    credential: { kind: 'secret', secret: SANDBOX_APPLICATIONS.gateway.clientSecret },
    authorityCaPem: idp.caCertificatePem,
  });
  const clients: DataverseClient[] = [];

  return {
    dataverse,
    idp,
    environmentUrl,
    tokens,
    client: (overrides = {}) => {
      const client = createDataverseClient({ environmentUrl, tokens, ...overrides });
      clients.push(client);
      return client;
    },
    setHooks: (hooks) => {
      dataverse.hooks = hooks;
    },
    close: async () => {
      for (const client of clients.splice(0)) client.close();
      tokens.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await idp.close();
    },
  };
}
