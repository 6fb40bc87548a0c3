/**
 * Per-request plumbing: a correlation id (the caller's X-Correlation-Id when it is plain, a new
 * one otherwise), echoed in the response and carried by every log line of the request; and one
 * access log line when the response is finished.
 */

import type { NextFunction, Request, Response } from 'express';
import { newCorrelationId, withCorrelationId } from '../log/context.js';
import type { Logger } from '../log/logger.js';

export const CORRELATION_HEADER = 'X-Correlation-Id';

const receivedAt = new WeakMap<Response, number>();

/** Milliseconds since the request of this response reached the gateway's middleware. */
export const msSinceReceived = (response: Response): number => performance.now() - (receivedAt.get(response) ?? performance.now());

export function requestContext(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = newCorrelationId(request.get(CORRELATION_HEADER));
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    receivedAt.set(response, performance.now());
    response.on('finish', () => {
      withCorrelationId(correlationId, () => {
        logger.http('request', {
          method: request.method,
          path: request.path,
          status: response.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
    });
    withCorrelationId(correlationId, next);
  };
}
