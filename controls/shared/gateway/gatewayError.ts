/**
 * What can go wrong between a control and the gateway, as the views need to tell it apart: each
 * kind has its own state on screen (not configured, sign in, not authorized, an error with a
 * retry). Carries the API's stable code, its message, the correlation id to quote to support and
 * SAP's messages behind a business error.
 */

import type { SapMessage } from '../api/panelApi';

export type GatewayErrorKind =
  /** The solution's environment variables are missing or invalid: an admin must set them. */
  | 'notConfigured'
  /** No token without the user: a sign-in (popup) is needed, started by a click. */
  | 'signInRequired'
  /** The sign-in itself failed or was cancelled. */
  | 'signInFailed'
  /** 401: the gateway refused the token. */
  | 'unauthenticated'
  /** 403: the user may not see SAP data of this record, or may not do this. */
  | 'notAuthorized'
  /** 404 */
  | 'notFound'
  /** 400, 409, 422: the request or the record was refused (not approved, not linked, SAP rejected it). */
  | 'rejected'
  /** 429 */
  | 'rateLimited'
  /** 5xx: the gateway or SAP is down or failing. */
  | 'unavailable'
  /** The gateway could not be reached or answered something that is not the API. */
  | 'network';

export interface GatewayErrorDetails {
  status?: number;
  correlationId?: string;
  sapMessages?: SapMessage[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  /** Stable code: the API's (e.g. NOT_AUTHORIZED, QUOTE_NOT_APPROVED) or the control's own. */
  readonly code: string;
  readonly status: number | undefined;
  readonly correlationId: string | undefined;
  readonly sapMessages: SapMessage[];
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: GatewayErrorKind, code: string, message: string, details: GatewayErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = 'GatewayError';
    this.kind = kind;
    this.code = code;
    this.status = details.status;
    this.correlationId = details.correlationId;
    this.sapMessages = details.sapMessages ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** The error kind an HTTP status of the gateway means. */
export function kindOfStatus(status: number): GatewayErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'notAuthorized';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

/** Any thrown value as a GatewayError, so views have one type to show. */
export function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError('network', 'CONTROL_FAILED', message, { cause: error });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}
