/** The sandbox alone (ecc365 sandbox): the simulated systems for a gateway running in another process. */

import express from 'express';
import type { Server } from 'node:http';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { requestContext } from '../api/requestContext.js';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { closeServer, listen } from './httpServer.js';

export interface RunningSandbox {
  origin: string;
  server: Server;
  sandbox: Sandbox;
  endpoints: { label: string; url: string; note?: string }[];
  close(): Promise<void>;
}

/**
 * Idle connections stay open this long, as the gateway's own do (Node's default is 5 s): a
 * gateway that pauses a few seconds between calls need not reconnect to the simulated systems.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function startSandboxServer(options: Config['sandbox'] & { host: string; port: number }, logger: Logger): Promise<RunningSandbox> {
  const sandbox = await createSandbox(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use('/sandbox', sandbox.router);
  const { server, origin } = await listen(app, options.host, options.port, KEEP_ALIVE_TIMEOUT_MS);
  sandbox.attach(origin);
  logger.info('sandbox started', { origin });
  return {
    origin,
    server,
    sandbox,
    endpoints: sandbox.endpoints(origin),
    close: async () => {
      await closeServer(server, 5_000);
      await sandbox.close();
    },
  };
}
