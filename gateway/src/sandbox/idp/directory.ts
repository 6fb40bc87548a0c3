/**
 * The sandbox tenant as the identity provider sees it: the tenant's names, the client
 * applications that may ask for tokens, the people who may sign in, and the APIs (resources)
 * tokens can be issued for. Everything comes from sandbox/identities.ts; this file only adds
 * what Entra ID knows about them as an identity provider (identifier URIs, delegated scopes).
 */

import { SANDBOX_APPLICATIONS, SANDBOX_PERSONAS, SANDBOX_TENANT_ID, type SandboxPersona } from '../identities.js';

/** The tenant's initial domain: personas sign in as <name>@ecc365sandbox.onmicrosoft.com. */
export const SANDBOX_TENANT_DOMAIN = 'ecc365sandbox.onmicrosoft.com';

/** The gateway's own API, as the live panels' callers ask for it (scope api://ecc365-gateway/.default). */
export const SANDBOX_GATEWAY_API_ID_URI = `api://${SANDBOX_APPLICATIONS.gateway.clientId}`;

/**
 * Path of the simulated Dataverse on any sandbox origin. Dynamics 365's service principal accepts
 * every organization URL of its cloud (https://*.crm.dynamics.com); the sandbox's counterpart is
 * every origin's /sandbox/dataverse, so the gateway can reach it on whatever port it listens.
 */
export const SANDBOX_DATAVERSE_PATH = '/sandbox/dataverse';

/** Delegated permission both APIs expose; `<resource>/.default` grants it to a signed-in user. */
const USER_IMPERSONATION = 'user_impersonation';

export interface ClientApplication {
  clientId: string;
  clientSecret: string;
  /** Object id of the application's service principal: the oid and sub of its app-only tokens. */
  objectId: string;
}

export interface ProtectedApi {
  /** The identifier the client asked for (scope minus its last segment), as it asked. */
  resource: string;
  /** The token's aud: the resource URL for Dataverse (as Dataverse's own tokens have), the client id for the gateway's API (Entra v2 tokens for an app's own API). */
  audience: string;
  delegatedScopes: readonly string[];
}

export function isSandboxTenant(tenant: string): boolean {
  const lower = tenant.toLowerCase();
  return lower === SANDBOX_TENANT_ID || lower === SANDBOX_TENANT_DOMAIN;
}

export function findClientApplication(clientId: string): ClientApplication | undefined {
  return Object.values(SANDBOX_APPLICATIONS).find((application) => application.clientId === clientId);
}

/** Entra sign-in names are case-insensitive. */
export function findPersonaByUsername(username: string): SandboxPersona | undefined {
  const lower = username.toLowerCase();
  return SANDBOX_PERSONAS.find((persona) => persona.username.toLowerCase() === lower);
}

export function findProtectedApi(resource: string): ProtectedApi | undefined {
  const gateway = SANDBOX_APPLICATIONS.gateway.clientId;
  if (resource === SANDBOX_GATEWAY_API_ID_URI || resource === gateway) {
    return { resource, audience: gateway, delegatedScopes: [USER_IMPERSONATION] };
  }
  if (isSandboxDataverseUrl(resource)) return { resource, audience: resource, delegatedScopes: [USER_IMPERSONATION] };
  return undefined;
}

function isSandboxDataverseUrl(resource: string): boolean {
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return false;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return (url.protocol === 'https:' || url.protocol === 'http:') && path === SANDBOX_DATAVERSE_PATH && url.search === '' && url.hash === '';
}
