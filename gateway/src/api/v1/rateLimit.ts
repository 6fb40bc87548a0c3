/**
 * A per-user rate limit on the panel API (express-rate-limit, counted in this gateway process):
 * a user's requests beyond `maxRequests` per window answer 429 RATE_LIMITED with Retry-After,
 * so one runaway page or script cannot take SAP's work processes from every other rep.
 */

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { AppError } from '../../model/errors.js';
import { userOf } from './authenticate.js';

export interface RateLimitOptions {
  maxRequests: number;
  windowSeconds: number;
}

export function perUserRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowSeconds * 1000,
    limit: options.maxRequests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_request: Request, response: Response) => userOf(response).objectId,
    handler: (request: Request, _response: Response, next: NextFunction) => {
      const resetTime = (request as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const retryAfterSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowSeconds * 1000) - Date.now()) / 1000));
      next(
        new AppError('RATE_LIMITED', `Too many requests: at most ${options.maxRequests} per ${options.windowSeconds} s per user. Try again in ${retryAfterSeconds} s.`, {
          category: 'transient',
          action: 'rate-limited',
          retryAfterSeconds,
        }),
      );
    },
  });
}
