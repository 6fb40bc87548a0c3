/**
 * Access tokens for the signed-in persona, from the sandbox identity provider's token endpoint
 * (password grant, the gateway's public client), for the gateway's API or the simulated
 * Dataverse. A token is reused until five minutes before it expires, and concurrent requests for
 * the same one share a single token request.
 */

import { SANDBOX_APPLICATIONS, type SandboxPersona } from '../identities.js';

export type PreviewResource = 'gateway' | 'dataverse';

export interface PersonaToken {
  accessToken: string;
  expiresOn: Date;
}

export interface PersonaTokens {
  tokenFor(persona: SandboxPersona, resource: PreviewResource): Promise<PersonaToken>;
}

/** The identity provider refused to issue a token, with what it said. */
export class PreviewTokenError extends Error {
  override readonly name = 'PreviewTokenError';
}

export interface PersonaTokenOptions {
  /** The token endpoint; known once the gateway listens. */
  tokenEndpoint: () => string;
  /** The identifier each resource's tokens are asked for (scope <resource>/.default). */
  resourceIds: () => Record<PreviewResource, string>;
  fetch?: typeof fetch;
  now?: () => number;
}

const RENEW_BEFORE_MS = 5 * 60_000;

export function createPersonaTokens(options: PersonaTokenOptions): PersonaTokens {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const cache = new Map<string, Promise<PersonaToken>>();

  async function request(persona: SandboxPersona, resource: PreviewResource): Promise<PersonaToken> {
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: SANDBOX_APPLICATIONS.gateway.clientId,
      username: persona.username,
      password: persona.password,
      scope: `${options.resourceIds()[resource]}/.default`,
    });
    const requestedAt = now();
    const response = await fetchImpl(options.tokenEndpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: form.toString(),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    if (!response.ok || typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      const reason = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new PreviewTokenError(`The sandbox identity provider gave ${persona.username} no ${resource} token: ${reason}`);
    }
    return { accessToken: body.access_token, expiresOn: new Date(requestedAt + body.expires_in * 1000) };
  }

  return {
    async tokenFor(persona, resource) {
      const key = `${persona.key}\n${resource}`;
      const cached = cache.get(key);
      if (cached) {
        const token = await cached.catch(() => undefined);
        if (token && token.expiresOn.getTime() - RENEW_BEFORE_MS > now()) return token;
      }
      // Another caller may have started the renewal while this one waited.
      const current = cache.get(key);
      if (current && current !== cached) return current;
      const pending = request(persona, resource);
      cache.set(key, pending);
      pending.catch(() => {
        if (cache.get(key) === pending) cache.delete(key);
      });
      return pending;
    },
  };
}
