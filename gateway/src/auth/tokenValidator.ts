/**
 * Validation of Microsoft Entra ID access tokens for the gateway's API, with jose: the signature
 * against the identity provider's keys (RS256 only, so "alg: none" and HMAC tokens fail), the
 * issuer (the tenant's v2.0 and v1.0 forms), the audience (the API's application id URI or client
 * id), exp and nbf with a small clock skew. Then the token must be a signed-in user's: the API
 * reads CRM records as that user (Dataverse CallerObjectId = the oid claim), so an application's
 * token (client credentials: no scp) is refused, and so is a user's token without one of the
 * delegated scopes the API requires.
 */

import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, SigningKeysUnavailableError, TokenRefusedError } from './errors.js';

export interface TokenValidatorOptions {
  /** Accepted iss values, e.g. https://login.microsoftonline.com/{tenant}/v2.0 and https://sts.windows.net/{tenant}/. */
  issuers: string[];
  /** Accepted aud values, e.g. api://{client id} and the client id. */
  audiences: string[];
  /** The identity provider's signing keys (auth/signingKeys.ts). */
  keys: JWTVerifyGetKey;
  /** A user's token must carry at least one of these delegated scopes (scp). */
  requiredScopes: string[];
  clockSkewSeconds: number;
  /** The realm named in WWW-Authenticate challenges. */
  realm?: string;
  /** Tokens remembered as validated (default 10 000): a form's panels and refreshes send the same token many times. */
  maxRememberedTokens?: number;
  /** Milliseconds; Date.now by default. */
  now?: () => number;
}

/** The signed-in user a request acts for. */
export interface AuthenticatedUser {
  /** Entra object id (oid): Dataverse's systemuser.azureactivedirectoryobjectid, sent as CallerObjectId. */
  objectId: string;
  tenantId: string;
  /** Display name and sign-in name, when the token carries them (for logs). */
  name: string;
  username: string;
  scopes: string[];
  /** The client application the user signed in to (azp, or appid in v1.0 tokens). */
  clientId: string;
}

export interface TokenValidator {
  /** Checks an Authorization header; rejects with AuthenticationError (401), TokenRefusedError (403) or SigningKeysUnavailableError. */
  validate(authorizationHeader: string | undefined): Promise<AuthenticatedUser>;
}

export const TOKEN_ALGORITHM = 'RS256';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A quoted-string for a challenge parameter (RFC 7235): no quotes or backslashes inside. */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, "'")}"`;

/** Why jose refused a token, for a person; undefined when the failure is not the token's (keys could not be fetched). */
function refusalReason(error: unknown): string | undefined {
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return 'it is not issued for this API (audience)';
      case 'iss':
        return 'it is not issued by the identity provider the gateway trusts (issuer)';
      case 'nbf':
        return 'it is not valid yet (not before); check the clocks of the client and the gateway';
      default:
        return `its ${error.claim} claim is missing or wrong`;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return `it is not signed with ${TOKEN_ALGORITHM}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'it is signed with a key the identity provider does not publish';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'it is not a well-formed signed JWT';
  return undefined;
}

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const realm = `realm=${quoted(options.realm ?? 'ecc365')}`;
  const now = options.now ?? Date.now;
  const maxRemembered = options.maxRememberedTokens ?? 10_000;
  /**
   * Tokens that passed, with their expiry: the same token string is not checked again (its
   * signature cannot have changed) until it expires. Verifying an RS256 signature is most of what
   * a cached panel costs the gateway.
   */
  const validated = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();
  const invalid = (description: string): string => `Bearer ${realm}, error="invalid_token", error_description=${quoted(description)}`;
  const scopeList = options.requiredScopes.join(' ');

  const verify = async (token: string): Promise<JWTPayload> => {
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: options.issuers,
        audience: options.audiences,
        clockTolerance: options.clockSkewSeconds,
        requiredClaims: ['exp'],
        currentDate: new Date(now()),
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new AuthenticationError('TOKEN_EXPIRED', 'The access token has expired: acquire a new one and send the request again.', invalid('The access token expired'), error);
      }
      const reason = refusalReason(error);
      if (reason === undefined) {
        throw new SigningKeysUnavailableError(
          `The gateway could not fetch the identity provider's signing keys to check the token: ${error instanceof Error ? error.message : String(error)}. Try again shortly; if it persists, check api.jwksUrl and the network.`,
          error,
        );
      }
      throw new AuthenticationError('TOKEN_INVALID', `The access token was refused: ${reason}.`, invalid(`The access token was refused: ${reason}`), error);
    }
  };

  return {
    validate: async (authorizationHeader) => {
      const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorizationHeader ?? '');
      if (!bearer?.[1]) {
        if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
          throw new AuthenticationError('TOKEN_MISSING', "The request has no access token: send 'Authorization: Bearer <token>' with a token for the gateway's API.", `Bearer ${realm}`);
        }
        throw new AuthenticationError('TOKEN_INVALID', "The Authorization header is not 'Bearer <token>'.", invalid('The Authorization header is not a bearer token'));
      }
      const token = bearer[1];
      const remembered = validated.get(token);
      if (remembered !== undefined) {
        if (now() < remembered.expiresAt) return remembered.user;
        validated.delete(token);
      }
      const claims = await verify(token);
      const { oid, tid, scp } = claims;
      if (typeof scp !== 'string' || scp.trim() === '') {
        throw new TokenRefusedError(
          'USER_TOKEN_REQUIRED',
          "This API acts for a signed-in user and reads CRM records with that user's rights: an application's token (client credentials) is not accepted. Sign the user in and request a delegated token.",
          `Bearer ${realm}, error="insufficient_scope", error_description="A user token is required", scope=${quoted(scopeList)}`,
        );
      }
      const scopes = scp.split(' ').filter((scope) => scope !== '');
      if (!scopes.some((scope) => options.requiredScopes.includes(scope))) {
        throw new TokenRefusedError(
          'SCOPE_MISSING',
          `The token does not grant this API's delegated permission (${options.requiredScopes.join(' or ')}): consent to it for the client application.`,
          `Bearer ${realm}, error="insufficient_scope", scope=${quoted(scopeList)}`,
        );
      }
      if (typeof oid !== 'string' || !GUID.test(oid) || typeof tid !== 'string') {
        throw new AuthenticationError('TOKEN_INVALID', 'The access token was refused: it lacks the oid or tid claim.', invalid('The access token lacks the oid or tid claim'));
      }
      const text = (value: unknown): string => (typeof value === 'string' ? value : '');
      const user: AuthenticatedUser = {
        objectId: oid.toLowerCase(),
        tenantId: tid,
        name: text(claims.name),
        username: text(claims.preferred_username) || text(claims.upn),
        scopes,
        clientId: text(claims.azp) || text(claims.appid),
      };
      // A token valid now is valid until exp plus the skew allowed (jose required exp).
      validated.set(token, { user, expiresAt: (claims.exp! + options.clockSkewSeconds) * 1000 });
      if (validated.size > maxRemembered) validated.delete(validated.keys().next().value!);
      return user;
    },
  };
}
