/**
 * The composition root of the gateway process: configuration in, a listening server out. It
 * builds the SAP and Dataverse clients the configuration names (and, for either on the sandbox,
 * the embedded sandbox on the same origin), the panel API over them, the readiness checks, the
 * Express app, and the shutdown order: unready → stop accepting → finish requests → release SAP and Dataverse
 * connections → save sandbox state.
 */

import type { Server } from 'node:http';
import { createApp } from '../api/app.js';
import type { ReadinessCheck } from '../api/health.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { RfcClient } from '../sap/rfc.js';
import { setSandboxWebhookEndpoint } from '../sandbox/crmSeed/index.js';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { closeServer, listen } from './httpServer.js';
import { createDataverseConnection, type DataverseConnection } from './dataverseClient.js';
import { createPanelApi } from './panelApi.js';
import { createSapClient, sapCallCapWarning } from './sapClient.js';

export interface RunningGateway {
  origin: string;
  server: Server;
  sap: RfcClient;
  dataverse: DataverseConnection;
  sandbox: Sandbox | undefined;
  /** The URLs to print for the user. */
  endpoints: { label: string; url: string; note?: string }[];
  close(): Promise<void>;
}

export async function startGateway(config: Config, logger: Logger): Promise<RunningGateway> {
  const needsSandbox = config.sap.transport === 'sandbox' || config.dataverse.target === 'sandbox';
  const sandbox = needsSandbox ? await createSandbox({ ...config.sandbox }) : undefined;
  const sap = createSapClient(config.sap, sandbox);
  const capWarning = sapCallCapWarning(config.sap);
  if (capWarning !== undefined) logger.warn(capWarning);
  const health = { shuttingDown: false };
  const readiness: ReadinessCheck[] = [{ name: 'sap', target: sap.description, check: (signal) => sap.ping({ signal }) }];
  const panelApi = createPanelApi(config, { sap, sandbox });
  const app = createApp({
    logger,
    bodyLimit: config.server.bodyLimit,
    health,
    readiness,
    // The form preview at / goes last: it answers the pages the other routers leave.
    mounts: [...panelApi.mounts, ...(sandbox ? [{ path: '/sandbox', router: sandbox.router }, { path: '/', router: sandbox.preview.router }] : [])],
  });
  const { server, origin } = await listen(app, config.server.host, config.server.port, config.server.keepAliveTimeoutMs);
  sandbox?.attach(origin);
  // The gateway on the sandbox's Dataverse receives its webhooks: the solution's endpoint points here, as an admin points it.
  if (sandbox && config.dataverse.target === 'sandbox') setSandboxWebhookEndpoint(sandbox.dataverse, origin);
  // The sandbox's Dataverse lives on this origin, so the client is built once the server listens.
  const dataverse = createDataverseConnection(config.dataverse, sandbox && { instance: sandbox, origin }, logger);
  panelApi.attach(origin, dataverse.client);
  readiness.push({ name: 'dataverse', target: dataverse.description, check: async (signal) => void (await dataverse.client.whoAmI({ signal })) });
  logger.info('gateway started', { origin, sap: sap.description, dataverse: dataverse.description });

  return {
    origin,
    server,
    sap,
    dataverse,
    sandbox,
    endpoints: [
      ...(sandbox?.preview.endpoints(origin) ?? []),
      { label: 'Gateway', url: origin },
      { label: 'Health', url: `${origin}/healthz` },
      { label: 'Readiness', url: `${origin}/readyz`, note: `checks SAP (${sap.description}) and Dataverse (${dataverse.description})` },
      { label: 'Panel API', url: `${origin}/api/v1/`, note: `OpenAPI document ${origin}/api/openapi.json` },
      ...(sandbox?.endpoints(origin) ?? []),
    ],
    close: async () => {
      health.shuttingDown = true;
      logger.info('gateway stopping: finishing requests in flight');
      await closeServer(server, config.server.shutdownTimeoutMs);
      await sap.close();
      dataverse.close();
      panelApi.close();
      await sandbox?.close();
      logger.info('gateway stopped');
    },
  };
}
