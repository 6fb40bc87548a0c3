/**
 * CORS for the panel API: the controls run in the CRM's pages (https://<org>.crm.dynamics.com)
 * and call the gateway from there, so those origins, and only those, may read its answers. A
 * preflight from any other origin is refused with 403 ORIGIN_NOT_ALLOWED, which tells the admin
 * which origin to add (api.corsOrigins).
 */

import cors from 'cors';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../model/errors.js';
import { CORRELATION_HEADER } from '../requestContext.js';

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function panelApiCors(isAllowed: (origin: string) => boolean): Router {
  const router = Router();
  router.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && isAllowed(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', CORRELATION_HEADER],
      exposedHeaders: [CORRELATION_HEADER, 'Retry-After', 'WWW-Authenticate', 'RateLimit', 'RateLimit-Policy'],
      maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    }),
  );
  // An allowed preflight was answered above; one that gets here comes from an origin not allowed.
  router.options('/{*path}', (request: Request, _response: Response, next: NextFunction) => {
    const origin = request.get('origin') ?? '(none)';
    next(new AppError('ORIGIN_NOT_ALLOWED', `Pages from ${origin} may not call the gateway's API: add the origin to api.corsOrigins if they should.`, { category: 'validation' }));
  });
  return router;
}
