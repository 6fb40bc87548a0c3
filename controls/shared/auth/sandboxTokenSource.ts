/**
 * Tokens in the form preview (authMode sandbox): the preview page has signed a rep persona in
 * with the sandbox identity provider; this asks the gateway's preview endpoint for that persona's
 * token, with the preview's cookie, and keeps it in memory until shortly before it expires.
 * Never used in Dynamics 365, where the gateway serves no /sandbox routes.
 */

import { GatewayError } from '../gateway/gatewayError';
import type { TokenSource } from './tokenSource';

export interface SandboxTokenSourceOptions {
  gatewayUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** A token is renewed this long before it expires, so it does not run out on the way. */
const RENEW_BEFORE_MS = 60_000;

interface PreviewToken {
  accessToken: string;
  expiresAt: number;
}

export function createSandboxTokenSource(options: SandboxTokenSourceOptions): TokenSource {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const url = `${options.gatewayUrl}/sandbox/preview/token?resource=gateway`;
  let cached: PreviewToken | undefined;
  let pending: Promise<PreviewToken> | undefined;

  async function requestToken(): Promise<PreviewToken> {
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'GET', credentials: 'include', headers: { Accept: 'application/json' } });
    } catch (error) {
      throw new GatewayError('network', 'GATEWAY_UNREACHABLE', `The form preview's token endpoint ${url} could not be reached.`, { cause: error });
    }
    const body = (await response.json().catch(() => undefined)) as { accessToken?: unknown; expiresOn?: unknown; error?: { message?: unknown } } | undefined;
    if (!response.ok) {
      const reason = typeof body?.error?.message === 'string' ? body.error.message : `it answered ${response.status}`;
      throw new GatewayError('signInRequired', 'PREVIEW_SIGN_IN_REQUIRED', `Choose a persona in the form preview to sign in (${reason}).`, { status: response.status });
    }
    const expiresAt = typeof body?.expiresOn === 'string' ? Date.parse(body.expiresOn) : Number.NaN;
    if (typeof body?.accessToken !== 'string' || body.accessToken === '' || Number.isNaN(expiresAt)) {
      throw new GatewayError('network', 'PREVIEW_TOKEN_INVALID', `The form preview's token endpoint ${url} answered without accessToken and expiresOn.`);
    }
    return { accessToken: body.accessToken, expiresAt };
  }

  return {
    async getToken() {
      if (cached && cached.expiresAt - RENEW_BEFORE_MS > now()) return cached.accessToken;
      // Panels that load together share one token request.
      pending ??= requestToken().finally(() => {
        pending = undefined;
      });
      cached = await pending;
      return cached.accessToken;
    },
    signIn() {
      // The preview signs personas in; a new token is fetched for the one signed in now.
      cached = undefined;
      return Promise.resolve();
    },
  };
}
