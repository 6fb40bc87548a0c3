import { describe, expect, it, vi } from 'vitest';
import { createSandboxTokenSource } from './sandboxTokenSource';

const GATEWAY = 'http://127.0.0.1:4365';

function tokenAnswer(accessToken: string, expiresOn: string): Response {
  return new Response(JSON.stringify({ accessToken, expiresOn }), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('sandbox token source', () => {
  it("asks the preview's endpoint with the preview's cookie", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(tokenAnswer('t-anna', '2026-11-27T10:00:00Z')));
    const source = createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl, now: () => Date.parse('2026-11-27T09:00:00Z') });

    await expect(source.getToken()).resolves.toBe('t-anna');
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(`${GATEWAY}/sandbox/preview/token?resource=gateway`);
    expect(init!.credentials).toBe('include');
  });

  it('keeps the token until shortly before it expires', async () => {
    let now = Date.parse('2026-11-27T09:00:00Z');
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(tokenAnswer('first', '2026-11-27T09:10:00Z'))
      .mockResolvedValueOnce(tokenAnswer('second', '2026-11-27T10:10:00Z'));
    const source = createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl, now: () => now });

    expect(await source.getToken()).toBe('first');
    now = Date.parse('2026-11-27T09:08:00Z');
    expect(await source.getToken()).toBe('first');
    now = Date.parse('2026-11-27T09:09:30Z');
    expect(await source.getToken()).toBe('second');
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('shares one request between panels that load at once', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(tokenAnswer('t', '2026-11-27T10:00:00Z')));
    const source = createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl, now: () => Date.parse('2026-11-27T09:00:00Z') });
    await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('asks for a persona when the preview has none signed in', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response(JSON.stringify({ error: { code: 'NO_PERSONA', message: 'No persona is signed in to the preview.' } }), { status: 401 })),
    );
    const source = createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl });
    await expect(source.getToken()).rejects.toMatchObject({ kind: 'signInRequired', message: expect.stringContaining('No persona is signed in') as unknown });
  });

  it('refuses an answer without a token or expiry', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(new Response(JSON.stringify({ token: 'x' }), { status: 200 })));
    await expect(createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl }).getToken()).rejects.toMatchObject({ code: 'PREVIEW_TOKEN_INVALID' });
  });

  it('fetches a new token after signIn, e.g. when the preview switched persona', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(tokenAnswer('anna', '2026-11-27T10:00:00Z'))
      .mockResolvedValueOnce(tokenAnswer('ben', '2026-11-27T10:00:00Z'));
    const source = createSandboxTokenSource({ gatewayUrl: GATEWAY, fetch: fetchImpl, now: () => Date.parse('2026-11-27T09:00:00Z') });
    expect(await source.getToken()).toBe('anna');
    await source.signIn();
    expect(await source.getToken()).toBe('ben');
  });
});
