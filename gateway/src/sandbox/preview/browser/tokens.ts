/**
 * The signed-in persona's access tokens, from the preview's token endpoint (the session cookie
 * says who is signed in). A token is kept until shortly before it expires; requests made
 * together share one token request.
 */

export interface AccessTokens {
  get(): Promise<string>;
  /** Forgets the token, after Dataverse refused it. */
  invalidate(): void;
}

/** No persona is signed in, or the sign-in ended. */
export class SignInRequired extends Error {
  override readonly name = 'SignInRequired';
}

/** A token is renewed this long before it expires, so it does not run out on the way. */
const RENEW_BEFORE_MS = 60_000;

export function createAccessTokens(tokenUrl: string, fetchToken: typeof fetch, now: () => number = () => Date.now()): AccessTokens {
  let cached: { accessToken: string; expiresAt: number } | undefined;
  let pending: Promise<{ accessToken: string; expiresAt: number }> | undefined;

  async function request(): Promise<{ accessToken: string; expiresAt: number }> {
    const response = await fetchToken(tokenUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = (await response.json().catch(() => undefined)) as { accessToken?: unknown; expiresOn?: unknown; error?: { message?: unknown } } | undefined;
    if (response.status === 401) {
      throw new SignInRequired(typeof body?.error?.message === 'string' ? body.error.message : 'Choose a persona to sign in.');
    }
    const expiresAt = typeof body?.expiresOn === 'string' ? Date.parse(body.expiresOn) : Number.NaN;
    if (!response.ok || typeof body?.accessToken !== 'string' || Number.isNaN(expiresAt)) {
      const reason = typeof body?.error?.message === 'string' ? body.error.message : `it answered ${response.status}`;
      throw new Error(`The preview's token endpoint gave no token: ${reason}`);
    }
    return { accessToken: body.accessToken, expiresAt };
  }

  return {
    async get() {
      if (cached && cached.expiresAt - RENEW_BEFORE_MS > now()) return cached.accessToken;
      pending ??= request().finally(() => {
        pending = undefined;
      });
      cached = await pending;
      return cached.accessToken;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
