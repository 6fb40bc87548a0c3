/**
 * Bearer token checks for the simulated Dataverse, as Dataverse makes them: the signature against
 * the identity provider's keys (RS256 only, so unsigned "alg: none" tokens and foreign keys fail),
 * the issuer, the audience (the environment URL), exp and nbf with the five minutes of clock skew
 * Microsoft's token validation allows. A refusal is Dataverse's 401: an empty body and a
 * WWW-Authenticate challenge naming the authority and the resource (`Bearer authorization_uri=…,
 * resource_id=…/`, the header Microsoft's Dataverse ServiceClient parses to discover the
 * authority); for a token that was presented but failed, with error=invalid_token first (RFC 6750).
 */

import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { SIGNING_ALGORITHM } from './accessTokens.js';

const CLOCK_SKEW_SECONDS = 300;

export interface TokenIssuerKeys {
  /** The authority clients are sent to: https://…/sandbox/idp/{tenant}. */
  authority: string;
  issuer: string;
  jwks: JSONWebKeySet;
}

export interface AuthenticatedCaller {
  /** Entra object id (oid): a user's, or the application's service principal. */
  objectId: string;
  tenantId: string;
  /** The client application the token was issued to (azp). */
  applicationId: string;
  /** True for app-only tokens (client credentials), false for a signed-in user's. */
  isApplication: boolean;
}

/** Dataverse's answer to a missing or unacceptable token. */
export class DataverseAuthenticationError extends Error {
  readonly status = 401;
  readonly headers: Record<string, string>;

  constructor(message: string, challenge: string) {
    super(message);
    this.name = 'DataverseAuthenticationError';
    this.headers = { 'WWW-Authenticate': challenge };
  }
}

export interface SandboxTokenVerifier {
  /** Checks an Authorization header; resolves to the caller or rejects with DataverseAuthenticationError. */
  authenticate(authorizationHeader: string | undefined): Promise<AuthenticatedCaller>;
}

export function createSandboxTokenVerifier(idp: TokenIssuerKeys, options: { audience: string }): SandboxTokenVerifier {
  const resource = options.audience.replace(/\/+$/, '');
  const audiences = [resource, `${resource}/`];
  const keys = createLocalJWKSet(idp.jwks);
  const discovery = `authorization_uri=${idp.authority}/oauth2/authorize, resource_id=${resource}/`;

  const refuse = (reason: string, presented: boolean): DataverseAuthenticationError =>
    new DataverseAuthenticationError(reason, presented ? `Bearer error=invalid_token, error_description="Error during token validation!", ${discovery}` : `Bearer ${discovery}`);

  return {
    authenticate: async (authorizationHeader) => {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
      if (!bearer?.[1]) throw refuse('The request has no bearer token.', false);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(bearer[1], keys, {
          algorithms: [SIGNING_ALGORITHM],
          issuer: idp.issuer,
          audience: audiences,
          requiredClaims: ['exp', 'nbf', 'oid', 'tid'],
          clockTolerance: CLOCK_SKEW_SECONDS,
        }));
      } catch (cause) {
        throw refuse(`The bearer token was refused: ${cause instanceof Error ? cause.message : String(cause)}`, true);
      }
      const { oid, tid, azp, idtyp } = payload;
      if (typeof oid !== 'string' || typeof tid !== 'string' || typeof azp !== 'string') {
        throw refuse('The bearer token lacks the oid, tid or azp claim.', true);
      }
      return { objectId: oid, tenantId: tid, applicationId: azp, isApplication: idtyp === 'app' };
    },
  };
}
