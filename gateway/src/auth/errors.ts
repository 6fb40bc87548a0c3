/**
 * Why a caller of the gateway's API was refused, as stable codes. A refused token answers 401
 * with a Bearer challenge (RFC 6750) the API layer sends as WWW-Authenticate; a valid token that
 * may not use the API answers 403. The messages say what the caller (a control, a script, an
 * admin) can do about it, never what the token held.
 */

import { AppError } from '../model/errors.js';

export type AuthenticationErrorCode =
  /** No Authorization: Bearer header. */
  | 'TOKEN_MISSING'
  /** The token's exp has passed (beyond the clock skew allowed). */
  | 'TOKEN_EXPIRED'
  /** Signature, algorithm, issuer, audience, not-before or form is wrong. */
  | 'TOKEN_INVALID';

export type TokenRefusalCode =
  /** An application's token (client credentials): the API acts only for signed-in users. */
  | 'USER_TOKEN_REQUIRED'
  /** A user's token without any of the delegated scopes the API requires. */
  | 'SCOPE_MISSING';

/** 401: the request carries no acceptable token. `challenge` is the WWW-Authenticate value to send. */
export class AuthenticationError extends AppError {
  declare readonly code: AuthenticationErrorCode;
  readonly challenge: string;

  constructor(code: AuthenticationErrorCode, message: string, challenge: string, cause?: unknown) {
    super(code, message, { category: 'validation', cause });
    this.challenge = challenge;
  }
}

/** 403: the token is genuine but may not be used here. */
export class TokenRefusedError extends AppError {
  declare readonly code: TokenRefusalCode;
  readonly challenge: string;

  constructor(code: TokenRefusalCode, message: string, challenge: string) {
    super(code, message, { category: 'validation' });
    this.challenge = challenge;
  }
}

/** The identity provider's signing keys could not be fetched: not the caller's fault, retry later. */
export class SigningKeysUnavailableError extends AppError {
  constructor(message: string, cause: unknown) {
    super('SIGNING_KEYS_UNAVAILABLE', message, { category: 'transient', cause });
  }
}
