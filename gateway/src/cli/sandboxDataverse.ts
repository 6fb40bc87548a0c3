/**
 * The simulated Dataverse of a sandbox running in another process (ecc365 sandbox, npm start),
 * for commands that talk to it as the gateway's sandbox application. Its tokens come with client
 * credentials from the sandbox contract's token endpoint on the sandbox's own origin. Plain HTTP
 * on 127.0.0.1 is enough there; MSAL, which insists on HTTPS and the identity provider's
 * generated CA, is what the gateway uses against real Entra ID.
 */

import { InvalidArgumentError } from 'commander';
import { createDataverseClient, type AccessTokenSource } from '../dataverse/index.js';
import type { Logger } from '../log/logger.js';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../sandbox/identities.js';
import { IDP_MOUNT_PATH } from '../sandbox/idp/index.js';
import { sandboxDataverseUrl } from '../sandbox/sandbox.js';
import type { DataverseConnection } from './dataverseClient.js';

/** A token is fetched again this long before it expires. */
const EXPIRY_MARGIN_MS = 60_000;

export function sandboxTokenSource(origin: string): AccessTokenSource {
  const tokenEndpoint = `${origin}${IDP_MOUNT_PATH}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
  let cached: { token: string; expiresAt: number } | undefined;
  return {
    async getAccessToken(options = {}) {
      if (cached && cached.expiresAt > Date.now()) return cached.token;
      const response = await fetch(tokenEndpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: SANDBOX_APPLICATIONS.gateway.clientId,
          client_secret: SANDBOX_APPLICATIONS.gateway.clientSecret,
          scope: `${sandboxDataverseUrl(origin)}/.default`,
        }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error_description?: unknown };
      if (!response.ok || typeof body.access_token !== 'string') {
        throw new Error(`The sandbox at ${origin} gave no token (HTTP ${response.status}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}); is it an ecc365 sandbox?`);
      }
      const lifetimeMs = typeof body.expires_in === 'number' ? body.expires_in * 1000 : 0;
      cached = { token: body.access_token, expiresAt: Date.now() + lifetimeMs - EXPIRY_MARGIN_MS };
      return body.access_token;
    },
  };
}

/** The simulated Dataverse of the sandbox at `origin` (http://127.0.0.1:4366), as the gateway's sandbox application. */
export function sandboxDataverseConnection(origin: string, logger: Logger): DataverseConnection {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new InvalidArgumentError(`--sandbox ${origin} is not an origin such as http://127.0.0.1:4366.`);
  }
  const environmentUrl = sandboxDataverseUrl(parsed.origin);
  const client = createDataverseClient({ environmentUrl, tokens: sandboxTokenSource(parsed.origin), logger });
  return { client, description: environmentUrl, close: () => client.close() };
}
