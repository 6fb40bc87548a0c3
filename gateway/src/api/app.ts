/**
 * The gateway's Express application: request context and logging, body limits, health
 * endpoints, the routers of the features, and JSON errors. Feature routers are handed in by the
 * composition root (cli/), so this file knows no use case.
 */

import express, { type Router } from 'express';
import type { Logger } from '../log/logger.js';
import { errorHandler, notFoundHandler } from './errorHandler.js';
import { healthRouter, type HealthState, type ReadinessCheck } from './health.js';
import { requestContext } from './requestContext.js';

export interface AppOptions {
  logger: Logger;
  bodyLimit: string;
  readiness: ReadinessCheck[];
  health: HealthState;
  /** Routers mounted at a path, in order (feature APIs, the embedded sandbox). */
  mounts: { path: string; router: Router }[];
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext(options.logger));
  // JSON bodies only for the gateway's own API: the sandbox's protocols read their bodies themselves.
  app.use('/api', express.json({ limit: options.bodyLimit }));
  app.use(healthRouter(options.readiness, options.health));
  for (const { path, router } of options.mounts) app.use(path, router);
  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}
