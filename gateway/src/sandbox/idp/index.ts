/**
 * The sandbox identity provider: Microsoft Entra ID v2.0 for the one sandbox tenant
 * (sandbox/identities.ts). It signs real RS256 tokens with a key made at start, and serves its
 * endpoints twice with the same documents: over HTTPS on a port of its own, with a certificate
 * made at start (the authority MSAL is given, since MSAL accepts only HTTPS), and through `router`,
 * which the CLI mounts at /sandbox/idp on the gateway's origin (the sandbox contract's discovery
 * URL, and plain-HTTP token requests from tests, the form preview and benchmarks).
 */

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import type { JSONWebKeySet } from 'jose';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../identities.js';
import { generateSigningKey } from './accessTokens.js';
import { registerCertificate } from './clientAuthentication.js';
import { createIdentityProviderRouter, IDP_MOUNT_PATH, identityProviderUrls, type IdentityProviderUrls } from './router.js';
import { generateSandboxTlsCertificate } from './tlsCertificate.js';

export { IDP_MOUNT_PATH } from './router.js';
export { SANDBOX_DATAVERSE_PATH, SANDBOX_GATEWAY_API_ID_URI, SANDBOX_TENANT_DOMAIN } from './directory.js';
export { createSandboxTokenVerifier, DataverseAuthenticationError, type AuthenticatedCaller, type SandboxTokenVerifier } from './tokenVerifier.js';

export interface SandboxIdentityProviderOptions {
  /** Interface of the HTTPS listener; 127.0.0.1 keeps it off the network. */
  host?: string;
  /** Port of the HTTPS listener; 0 picks a free one. */
  port?: number;
  /** Lifetime of every access token (expires_in). Entra's are about an hour; tests shorten it. */
  accessTokenLifetimeSeconds?: number;
  /** PEM certificates uploaded to the gateway's app registration, for certificate credentials (private_key_jwt). */
  gatewayCertificates?: string[];
}

export interface SandboxIdentityProvider {
  tenantId: string;
  /** The HTTPS origin, e.g. https://127.0.0.1:43817. */
  origin: string;
  /** Give MSAL this authority, with knownAuthorities [its host]: https://127.0.0.1:PORT/sandbox/idp/{tenant id}. */
  authority: string;
  /** The iss claim of every token. */
  issuer: string;
  urls: IdentityProviderUrls;
  /** PEM of the CA that signed the HTTPS certificate; clients must trust it. */
  caCertificatePem: string;
  /** The public keys tokens are signed with (what the JWKS endpoint serves). */
  jwks: JSONWebKeySet;
  /** Mount at /sandbox/idp on the gateway's origin. */
  router: Router;
  /** The HTTPS listener, for observing its traffic. */
  httpsServer: Server;
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

export async function startSandboxIdentityProvider(options: SandboxIdentityProviderOptions = {}): Promise<SandboxIdentityProvider> {
  const [signingKey, tls] = await Promise.all([generateSigningKey(), generateSandboxTlsCertificate()]);
  const certificates = new Map([[SANDBOX_APPLICATIONS.gateway.clientId, (options.gatewayCertificates ?? []).map(registerCertificate)]]);

  // The documents name the HTTPS origin, known only once the port is bound: listen first, then route.
  const httpsServer = createServer({ key: tls.privateKeyPem, cert: tls.certificatePem });
  await new Promise<void>((resolve, reject) => {
    httpsServer.once('error', reject);
    httpsServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      httpsServer.off('error', reject);
      resolve();
    });
  });
  const address = httpsServer.address() as AddressInfo;
  const origin = `https://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const urls = identityProviderUrls(origin);

  const router = createIdentityProviderRouter({
    urls,
    signingKey,
    certificates,
    lifetimeSeconds: options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(IDP_MOUNT_PATH, router);
  httpsServer.on('request', app);

  return {
    tenantId: SANDBOX_TENANT_ID,
    origin,
    authority: urls.authority,
    issuer: urls.issuer,
    urls,
    caCertificatePem: tls.caCertificatePem,
    jwks: { keys: [signingKey.publicJwk] },
    router,
    httpsServer,
    close: async () => {
      const closed = new Promise<void>((resolve) => httpsServer.close(() => resolve()));
      httpsServer.closeAllConnections();
      await closed;
    },
  };
}
