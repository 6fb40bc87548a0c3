/**
 * The token endpoint's decisions, in the order Entra makes them: which grant, which client and
 * its credential, which resource and scopes, which user. Two grants: client_credentials (the
 * gateway as its application user; scope must be `<resource>/.default`) and password (a sales
 * rep persona, for tests, the form preview and benchmarks). The gateway's app registration allows
 * public client flows, so the password grant also works without its secret, as in Entra.
 */

import { SANDBOX_TENANT_ID } from '../identities.js';
import { signAccessToken, type AccessTokenGrant, type SigningKey } from './accessTokens.js';
import { authenticateClient, presentedCredentials, type ClientAuthenticationContext } from './clientAuthentication.js';
import { findPersonaByUsername, findProtectedApi, SANDBOX_TENANT_DOMAIN, type ProtectedApi } from './directory.js';
import { oauthErrors } from './oauthErrors.js';

/** OpenID Connect scopes that name no resource; Entra accepts them beside one resource's scopes. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const DEFAULT_SCOPE = '.default';

export interface TokenResponse {
  token_type: 'Bearer';
  /** Granted scopes; Entra returns it for delegated tokens only. */
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

export interface TokenRequestContext extends Omit<ClientAuthenticationContext, 'now'> {
  signingKey: SigningKey;
  issuer: string;
  lifetimeSeconds: number;
  /** Unix seconds. */
  now: number;
}

type Form = Record<string, string | undefined>;

interface RequestedScope {
  api: ProtectedApi;
  /** The scope names after the resource, e.g. [".default"] or ["user_impersonation"]. */
  names: string[];
  oidc: string[];
}

/** Splits "https://x/sandbox/dataverse/.default openid" into one resource and its scope names. */
function parseScope(scope: string): { resource: string | undefined; names: string[]; oidc: string[] } {
  const items = scope.split(/\s+/).filter((item) => item !== '');
  const oidc = items.filter((item) => OIDC_SCOPES.has(item));
  const resources = new Set<string>();
  const names: string[] = [];
  for (const item of items) {
    if (OIDC_SCOPES.has(item)) continue;
    const slash = item.lastIndexOf('/');
    if (slash <= 0 || slash === item.length - 1) throw oauthErrors.invalidScope(item);
    resources.add(item.slice(0, slash));
    names.push(item.slice(slash + 1));
  }
  if (resources.size > 1) throw oauthErrors.multipleResources(scope);
  const [resource] = resources;
  return { resource, names, oidc };
}

function requestedScope(form: Form, grantType: 'client_credentials' | 'password'): RequestedScope {
  const scope = form.scope;
  if (scope === undefined || scope.trim() === '') throw oauthErrors.missingParameter('scope');
  const { resource, names, oidc } = parseScope(scope);
  if (grantType === 'client_credentials' && (resource === undefined || oidc.length > 0 || names.length !== 1 || names[0] !== DEFAULT_SCOPE)) {
    throw oauthErrors.scopeNotDefault(scope);
  }
  if (resource === undefined) throw oauthErrors.invalidScope(scope);
  const api = findProtectedApi(resource);
  if (!api) throw oauthErrors.resourceNotFound(resource, SANDBOX_TENANT_DOMAIN);
  for (const name of names) {
    if (name !== DEFAULT_SCOPE && !api.delegatedScopes.includes(name)) throw oauthErrors.invalidScope(`${resource}/${name}`);
  }
  return { api, names, oidc };
}

export async function handleTokenRequest(form: Form, authorization: string | undefined, context: TokenRequestContext): Promise<TokenResponse> {
  const grantType = form.grant_type;
  if (!grantType) throw oauthErrors.missingParameter('grant_type');
  const { client, authentication } = await authenticateClient(presentedCredentials(authorization, form), context);
  if (grantType !== 'client_credentials' && grantType !== 'password') throw oauthErrors.unsupportedGrantType(grantType);

  let grant: AccessTokenGrant;
  let grantedScope: string | undefined;
  if (grantType === 'client_credentials') {
    if (authentication === 'none') throw oauthErrors.credentialMissing();
    const { api } = requestedScope(form, grantType);
    grant = { api, client, clientAuthentication: authentication, subject: { kind: 'application' } };
  } else {
    const { username, password } = form;
    if (!username) throw oauthErrors.missingParameter('username');
    if (password === undefined) throw oauthErrors.missingParameter('password');
    const { api, names, oidc } = requestedScope(form, grantType);
    const persona = findPersonaByUsername(username);
    if (!persona) throw oauthErrors.userNotFound(SANDBOX_TENANT_DOMAIN);
    if (password !== persona.password) throw oauthErrors.invalidUsernameOrPassword();
    const scopes = names.includes(DEFAULT_SCOPE) ? [...api.delegatedScopes] : [...new Set(names)];
    grant = { api, client, clientAuthentication: authentication, subject: { kind: 'user', persona, scopes } };
    grantedScope = [...scopes.map((name) => `${api.resource}/${name}`), ...oidc].join(' ');
  }

  const accessToken = await signAccessToken(
    context.signingKey,
    { issuer: context.issuer, tenantId: SANDBOX_TENANT_ID, issuedAt: context.now, lifetimeSeconds: context.lifetimeSeconds },
    grant,
  );
  return {
    token_type: 'Bearer',
    ...(grantedScope !== undefined ? { scope: grantedScope } : {}),
    expires_in: context.lifetimeSeconds,
    ext_expires_in: context.lifetimeSeconds,
    access_token: accessToken,
  };
}
