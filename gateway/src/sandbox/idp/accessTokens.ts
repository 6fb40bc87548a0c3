/**
 * Signing access tokens: an RS256 key generated at start (published in the JWKS with its kid)
 * and the claims of Microsoft Entra ID v2.0 access tokens (Microsoft's "Access token claims
 * reference"): aud, iss, iat, nbf, exp, azp, azpacr, oid, sub, tid, uti, ver, plus name,
 * preferred_username and scp for a signed-in user, and idtyp "app" for an application.
 */

import { createHash, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { SandboxPersona } from '../identities.js';
import type { ClientApplication, ProtectedApi } from './directory.js';

export const SIGNING_ALGORITHM = 'RS256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as a JWK with kid and use, as the JWKS lists it. */
  publicJwk: JWK;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { kty: jwk.kty, use: 'sig', kid, n: jwk.n, e: jwk.e } };
}

/** How the client proved who it is; Entra reports it in azpacr (0 public client, 1 secret, 2 certificate). */
export type ClientAuthentication = 'none' | 'secret' | 'certificate';

export type TokenSubject =
  | { kind: 'application' }
  | {
      kind: 'user';
      persona: SandboxPersona;
      /** Delegated scopes granted, e.g. ["user_impersonation"]. */
      scopes: string[];
    };

export interface AccessTokenGrant {
  api: ProtectedApi;
  client: ClientApplication;
  clientAuthentication: ClientAuthentication;
  subject: TokenSubject;
}

export interface TokenIssuance {
  issuer: string;
  tenantId: string;
  /** Unix seconds. */
  issuedAt: number;
  lifetimeSeconds: number;
}

const AZPACR: Record<ClientAuthentication, string> = { none: '0', secret: '1', certificate: '2' };

/**
 * A user's sub is pairwise in Entra: stable for one user and one client, different across clients,
 * so an API cannot correlate users across applications by it (oid is the shared identifier).
 */
function pairwiseSubject(tenantId: string, clientId: string, objectId: string): string {
  return createHash('sha256').update(`${tenantId}|${clientId}|${objectId}`).digest('base64url').slice(0, 43);
}

export async function signAccessToken(key: SigningKey, issuance: TokenIssuance, grant: AccessTokenGrant): Promise<string> {
  const { api, client, subject } = grant;
  const common = {
    azp: client.clientId,
    azpacr: AZPACR[grant.clientAuthentication],
    tid: issuance.tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: '2.0',
  };
  const claims =
    subject.kind === 'application'
      ? { ...common, idtyp: 'app', oid: client.objectId, sub: client.objectId }
      : {
          ...common,
          name: subject.persona.fullName,
          oid: subject.persona.objectId,
          preferred_username: subject.persona.username,
          scp: subject.scopes.join(' '),
          sub: pairwiseSubject(issuance.tenantId, client.clientId, subject.persona.objectId),
        };
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: SIGNING_ALGORITHM, kid: key.kid })
    .setIssuer(issuance.issuer)
    .setAudience(api.audience)
    .setIssuedAt(issuance.issuedAt)
    .setNotBefore(issuance.issuedAt)
    .setExpirationTime(issuance.issuedAt + issuance.lifetimeSeconds)
    .sign(key.privateKey);
}
