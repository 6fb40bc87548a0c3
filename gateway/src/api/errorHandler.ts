/**
 * Turns errors into JSON answers with a stable code and a message a user can act on. Typed
 * errors (AppError) keep their code; their category decides the HTTP status, except for the codes
 * of STATUS_BY_CODE (authentication, authorization, rate limit, a record's state); a retryable
 * error says when to retry. Anything else is an internal error: logged in full, answered without
 * details.
 */

import type { NextFunction, Request, Response } from 'express';
import { AppError, type ErrorCategory } from '../model/errors.js';
import type { Logger } from '../log/logger.js';
import { currentCorrelationId } from '../log/context.js';

const STATUS_BY_CATEGORY: Record<ErrorCategory, number> = {
  validation: 400,
  business: 422,
  transient: 503,
  system: 502,
  config: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; correlationId?: string; [key: string]: unknown };
}

/** Codes whose HTTP status is not their category's: the caller's identity, rights, pace, and the record's state. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  TOKEN_MISSING: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  WEBHOOK_KEY_INVALID: 401,
  USER_TOKEN_REQUIRED: 403,
  SCOPE_MISSING: 403,
  NOT_AUTHORIZED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  RATE_LIMITED: 429,
  SIGNING_KEYS_UNAVAILABLE: 503,
  ACCOUNT_NOT_LINKED: 409,
  QUOTE_NOT_APPROVED: 409,
  QUOTE_NOT_EDITABLE: 409,
  SUBMIT_IN_PROGRESS: 409,
  SYNC_RESULT_NOT_RETRYABLE: 409,
};

export function statusOf(error: AppError): number {
  const byCode = STATUS_BY_CODE[error.code];
  if (byCode !== undefined) return byCode;
  if (error.code.endsWith('_NOT_FOUND')) return 404;
  return STATUS_BY_CATEGORY[error.category];
}

/** For body-parser errors (too large, bad JSON), which carry their own status. */
function httpErrorOf(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 ? { status, ...(typeof type === 'string' ? { type } : {}) } : undefined;
}

export function errorHandler(logger: Logger) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) return next(error);
    const correlationId = currentCorrelationId();
    if (error instanceof AppError) {
      const status = statusOf(error);
      logger.log(status >= 500 ? 'error' : 'warn', error.message, { code: error.code, category: error.category, details: error.details, sapMessages: error.sapMessages });
      if (error.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      else if (error.retryable) response.setHeader('Retry-After', '5');
      response.status(status).json({ error: { ...error.toJSON(), correlationId } } satisfies ErrorBody);
      return;
    }
    const httpError = httpErrorOf(error);
    if (httpError) {
      const tooLarge = httpError.type === 'entity.too.large';
      response.status(httpError.status).json({
        error: {
          code: tooLarge ? 'REQUEST_TOO_LARGE' : 'REQUEST_INVALID',
          message: tooLarge ? 'The request body is larger than the gateway accepts (server.bodyLimit).' : 'The request body could not be read; send valid JSON.',
          correlationId,
        },
      } satisfies ErrorBody);
      return;
    }
    logger.error('unexpected error', { error });
    response.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'The gateway failed unexpectedly; the log has the details under this correlation id.', correlationId } } satisfies ErrorBody);
  };
}

export function notFoundHandler(request: Request, response: Response): void {
  response.status(404).json({
    error: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.path}. See /api/openapi.json for the routes.`, correlationId: currentCorrelationId() },
  } satisfies ErrorBody);
}
