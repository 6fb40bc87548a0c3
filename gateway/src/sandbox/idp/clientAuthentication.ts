/**
 * How a confidential client proves itself at the token endpoint, as Entra accepts it:
 * client_secret_post (client_id and client_secret in the form), client_secret_basic (HTTP Basic
 * with the form-urlencoded id and secret, RFC 6749 section 2.3.1) and private_key_jwt (a client
 * assertion signed with the key of a certificate uploaded to the app registration, named in the
 * header by its SHA-1 (x5t) or SHA-256 (x5t#S256) thumbprint, as MSAL sends it).
 */

import { timingSafeEqual, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { ClientAuthentication } from './accessTokens.js';
import { findClientApplication, SANDBOX_TENANT_DOMAIN, type ClientApplication } from './directory.js';
import { oauthErrors } from './oauthErrors.js';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Entra tolerates this much clock difference on a client assertion's exp and nbf. */
const ASSERTION_CLOCK_SKEW_SECONDS = 300;

export interface RegisteredCertificate {
  certificate: X509Certificate;
  /** base64url of the SHA-1 and SHA-256 digests, as they appear in x5t and x5t#S256. */
  x5t: string;
  x5tS256: string;
}

export function registerCertificate(pem: string): RegisteredCertificate {
  const certificate = new X509Certificate(pem);
  const digest = (fingerprint: string) => Buffer.from(fingerprint.replaceAll(':', ''), 'hex').toString('base64url');
  return { certificate, x5t: digest(certificate.fingerprint), x5tS256: digest(certificate.fingerprint256) };
}

export interface PresentedCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
  clientAssertion: string | undefined;
  clientAssertionType: string | undefined;
}

/** Reads the client's credentials from the Authorization header (Basic) or the form. */
export function presentedCredentials(authorization: string | undefined, form: Record<string, string | undefined>): PresentedCredentials {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
        clientAssertion: undefined,
        clientAssertionType: undefined,
      };
    }
  }
  return {
    clientId: form.client_id,
    clientSecret: form.client_secret,
    clientAssertion: form.client_assertion,
    clientAssertionType: form.client_assertion_type,
  };
}

function secretsEqual(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AuthenticatedClient {
  client: ClientApplication;
  authentication: ClientAuthentication;
}

export interface ClientAuthenticationContext {
  /** Certificates uploaded to each app registration, by client id. */
  certificates: ReadonlyMap<string, readonly RegisteredCertificate[]>;
  /** Audiences Entra accepts in a client assertion: the tenant's token endpoint and its issuer. */
  assertionAudiences: string[];
  /** Unix seconds. */
  now: number;
}

/**
 * Identifies the client and checks its credential. A client that presents none is a public client
 * (allowed by the caller only where the grant permits it); presenting a wrong one is refused.
 */
export async function authenticateClient(credentials: PresentedCredentials, context: ClientAuthenticationContext): Promise<AuthenticatedClient> {
  const { clientId } = credentials;
  if (!clientId) throw oauthErrors.missingParameter('client_id');
  const client = findClientApplication(clientId);
  if (!client) throw oauthErrors.applicationNotFound(clientId, SANDBOX_TENANT_DOMAIN);

  if (credentials.clientSecret !== undefined) {
    if (!secretsEqual(credentials.clientSecret, client.clientSecret)) throw oauthErrors.invalidClientSecret(clientId);
    return { client, authentication: 'secret' };
  }
  if (credentials.clientAssertion !== undefined) {
    if (credentials.clientAssertionType !== JWT_BEARER_ASSERTION_TYPE) {
      if (credentials.clientAssertionType === undefined) throw oauthErrors.missingParameter('client_assertion_type');
      throw oauthErrors.assertionTypeUnsupported(credentials.clientAssertionType);
    }
    await verifyClientAssertion(credentials.clientAssertion, client, context);
    return { client, authentication: 'certificate' };
  }
  return { client, authentication: 'none' };
}

async function verifyClientAssertion(assertion: string, client: ClientApplication, context: ClientAuthenticationContext): Promise<void> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw oauthErrors.assertionInvalid('The client assertion is not a well-formed JWT.');
  }
  const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  const x5t = typeof header.x5t === 'string' ? header.x5t : undefined;
  const registered = context.certificates.get(client.clientId) ?? [];
  const match = registered.find((entry) => (x5tS256 !== undefined && entry.x5tS256 === x5tS256) || (x5t !== undefined && entry.x5t === x5t));
  if (!match) {
    const presented = x5tS256 ?? x5t;
    throw oauthErrors.unknownAssertionCertificate(presented ? Buffer.from(presented, 'base64url').toString('hex').toUpperCase() : '(none)', client.clientId);
  }
  try {
    await jwtVerify(assertion, match.certificate.publicKey, {
      algorithms: ['RS256', 'PS256'],
      audience: context.assertionAudiences,
      issuer: client.clientId,
      subject: client.clientId,
      requiredClaims: ['exp'],
      clockTolerance: ASSERTION_CLOCK_SKEW_SECONDS,
      currentDate: new Date(context.now * 1000),
    });
  } catch (cause) {
    if (cause instanceof joseErrors.JWSSignatureVerificationFailed || cause instanceof joseErrors.JOSEAlgNotAllowed) {
      throw oauthErrors.assertionSignatureInvalid();
    }
    if (cause instanceof joseErrors.JWTExpired) throw oauthErrors.assertionOutOfTime();
    if (cause instanceof joseErrors.JWTClaimValidationFailed) {
      if (cause.claim === 'nbf') throw oauthErrors.assertionOutOfTime();
      throw oauthErrors.assertionInvalid(`The '${cause.claim}' claim of the client assertion is not valid: ${cause.reason}.`);
    }
    throw oauthErrors.assertionInvalid('The client assertion could not be read.');
  }
}
