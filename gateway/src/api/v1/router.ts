/**
 * The panel API (/api/v1) as one router: answers kept by no cache, CORS for the CRM's origins,
 * then the bearer token, then the per-user rate limit, then the feature routes (account panels,
 * sync results, quotes).
 * Errors go to the application's error handler (api/errorHandler.ts).
 */

import { Router } from 'express';
import type { TokenValidator } from '../../auth/tokenValidator.js';
import { authenticate } from './authenticate.js';
import { panelApiCors } from './cors.js';
import { perUserRateLimit, type RateLimitOptions } from './rateLimit.js';

export interface PanelApiOptions {
  validator: TokenValidator;
  /** Whether pages from this origin may call the API. */
  isAllowedOrigin: (origin: string) => boolean;
  rateLimit: RateLimitOptions;
  /** Feature routers, with paths relative to /api/v1. */
  routes: Router[];
}

export function createPanelApiRouter(options: PanelApiOptions): Router {
  const router = Router();
  // Answers hold what one rep may see: no browser or proxy keeps them.
  router.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(panelApiCors(options.isAllowedOrigin));
  router.use(authenticate(options.validator));
  router.use(perUserRateLimit(options.rateLimit));
  for (const routes of options.routes) router.use(routes);
  return router;
}
