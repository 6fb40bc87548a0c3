/**
 * The identity provider's HTTP face, laid out like Microsoft Entra ID v2.0 under the mount path
 * (/sandbox/idp), with the tenant (id or domain) as the first path segment:
 *
 *   GET  /{tenant}/v2.0/.well-known/openid-configuration   discovery (what MSAL requests for the authority /sandbox/idp/{tenant})
 *   GET  /{tenant}/discovery/v2.0/keys                     JWKS
 *   POST /{tenant}/oauth2/v2.0/token                       token endpoint
 *   GET  /{tenant}/oauth2/v2.0/authorize                   named by discovery; the sandbox has no interactive sign-in
 *
 * The same routes without the tenant segment serve the sandbox tenant: /.well-known/openid-configuration
 * (the sandbox contract's discovery URL) and /v2.0/.well-known/openid-configuration (what MSAL requests for
 * the authority /sandbox/idp). Every document names the endpoints of the identity provider's HTTPS origin,
 * whichever origin served it, because MSAL accepts only an HTTPS authority.
 */

import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { SANDBOX_TENANT_ID } from '../identities.js';
import type { SigningKey } from './accessTokens.js';
import type { RegisteredCertificate } from './clientAuthentication.js';
import { isSandboxTenant } from './directory.js';
import { OAuthError, oauthErrorBody, oauthErrors } from './oauthErrors.js';
import { handleTokenRequest } from './tokenRequests.js';

export const IDP_MOUNT_PATH = '/sandbox/idp';

/** Where the identity provider's endpoints are, given its HTTPS origin. */
export interface IdentityProviderUrls {
  /** https://127.0.0.1:PORT/sandbox/idp */
  base: string;
  /** The authority to configure in MSAL: base + /{tenant id}. */
  authority: string;
  /** The iss claim of every token: authority + /v2.0. */
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  authorizationEndpoint: string;
  metadataUrl: string;
}

export function identityProviderUrls(httpsOrigin: string): IdentityProviderUrls {
  const base = `${httpsOrigin}${IDP_MOUNT_PATH}`;
  const authority = `${base}/${SANDBOX_TENANT_ID}`;
  return {
    base,
    authority,
    issuer: `${authority}/v2.0`,
    tokenEndpoint: `${authority}/oauth2/v2.0/token`,
    jwksUri: `${authority}/discovery/v2.0/keys`,
    authorizationEndpoint: `${authority}/oauth2/v2.0/authorize`,
    metadataUrl: `${authority}/v2.0/.well-known/openid-configuration`,
  };
}

/** Entra's v2.0 discovery document, for the endpoints this identity provider has. */
export function discoveryDocument(urls: IdentityProviderUrls): Record<string, unknown> {
  return {
    token_endpoint: urls.tokenEndpoint,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: urls.jwksUri,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: urls.issuer,
    request_uri_parameter_supported: false,
    authorization_endpoint: urls.authorizationEndpoint,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'ver', 'azp', 'scp'],
  };
}

export interface IdentityProviderRouterOptions {
  urls: IdentityProviderUrls;
  signingKey: SigningKey;
  certificates: ReadonlyMap<string, readonly RegisteredCertificate[]>;
  lifetimeSeconds: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestIds(request: Request): { traceId: string; correlationId: string } {
  const presented = request.get('client-request-id') ?? (typeof request.query['client-request-id'] === 'string' ? request.query['client-request-id'] : undefined);
  return { traceId: randomUUID(), correlationId: presented !== undefined && GUID.test(presented) ? presented : randomUUID() };
}

function sendOAuthError(response: Response, failure: OAuthError, ids: { traceId: string; correlationId: string }): void {
  response
    .status(failure.status)
    .set({ 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', 'x-ms-request-id': ids.traceId, 'client-request-id': ids.correlationId })
    .json(oauthErrorBody(failure, ids, new Date()));
}

/** Form fields as single strings; a repeated field is malformed and counts as absent. */
function formFields(body: unknown): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  if (body === null || typeof body !== 'object') return fields;
  for (const [name, value] of Object.entries(body)) fields[name] = typeof value === 'string' ? value : undefined;
  return fields;
}

export function createIdentityProviderRouter(options: IdentityProviderRouterOptions): Router {
  const { urls } = options;
  const router = Router();
  // Entra's v2.0 keys name the issuer they sign for.
  const jwks = { keys: [{ ...options.signingKey.publicJwk, issuer: urls.issuer }] };

  /** Routes with a tenant segment answer only for the sandbox tenant, by id or domain. */
  const knownTenant = (request: Request, response: Response): boolean => {
    const tenant: unknown = request.params.tenant;
    if (typeof tenant !== 'string' || isSandboxTenant(tenant)) return true;
    sendOAuthError(response, oauthErrors.tenantNotFound(tenant), requestIds(request));
    return false;
  };

  router.get(['/.well-known/openid-configuration', '/v2.0/.well-known/openid-configuration', '/:tenant/v2.0/.well-known/openid-configuration'], (request, response) => {
    if (!knownTenant(request, response)) return;
    response.set({ 'Cache-Control': 'max-age=86400, private', 'Access-Control-Allow-Origin': '*' }).json(discoveryDocument(urls));
  });

  router.get(['/discovery/v2.0/keys', '/:tenant/discovery/v2.0/keys'], (request, response) => {
    if (!knownTenant(request, response)) return;
    response.set({ 'Cache-Control': 'max-age=86400, private', 'Access-Control-Allow-Origin': '*' }).json(jwks);
  });

  const form = express.urlencoded({ extended: false, limit: '64kb', type: 'application/x-www-form-urlencoded' });
  router.post(['/oauth2/v2.0/token', '/:tenant/oauth2/v2.0/token'], form, async (request, response) => {
    if (!knownTenant(request, response)) return;
    const ids = requestIds(request);
    try {
      const token = await handleTokenRequest(formFields(request.body), request.get('authorization'), {
        signingKey: options.signingKey,
        issuer: urls.issuer,
        lifetimeSeconds: options.lifetimeSeconds,
        certificates: options.certificates,
        assertionAudiences: [urls.tokenEndpoint, urls.issuer],
        now: Math.floor(Date.now() / 1000),
      });
      response
        .set({ 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', 'x-ms-request-id': ids.traceId, 'client-request-id': ids.correlationId })
        .json(token);
    } catch (failure) {
      if (!(failure instanceof OAuthError)) throw failure;
      sendOAuthError(response, failure, ids);
    }
  });

  router.get(['/oauth2/v2.0/token', '/:tenant/oauth2/v2.0/token'], (request, response) => {
    if (!knownTenant(request, response)) return;
    sendOAuthError(response, oauthErrors.postOnly(request.method), requestIds(request));
  });

  router.get(['/oauth2/v2.0/authorize', '/:tenant/oauth2/v2.0/authorize'], (_request, response) => {
    response.status(400).json({
      error: 'unsupported_response_type',
      error_description: 'The sandbox identity provider has no interactive sign-in. Ask the token endpoint for a persona token with grant_type=password.',
    });
  });

  return router;
}
