import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { base64url, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../sandbox/identities.js';
import { SANDBOX_GATEWAY_API_ID_URI, startSandboxIdentityProvider, type SandboxIdentityProvider } from '../sandbox/idp/index.js';
import { acquireSandboxToken, mountOverHttp, type HttpMountedIdentityProvider } from '../sandbox/idp/testing/identityProvider.js';
import { AuthenticationError, SigningKeysUnavailableError, TokenRefusedError } from './errors.js';
import { createRemoteSigningKeys, type RemoteSigningKeys } from './signingKeys.js';
import { createTokenValidator, type TokenValidator, type TokenValidatorOptions } from './tokenValidator.js';

const anna = SANDBOX_PERSONAS.find((persona) => persona.key === 'anna')!;
const olivia = SANDBOX_PERSONAS.find((persona) => persona.key === 'olivia')!;
const GATEWAY_CLIENT_ID = 'ecc365-gateway';

let idp: SandboxIdentityProvider;
let http: HttpMountedIdentityProvider;
let tokenUrl: string;
let keys: RemoteSigningKeys;
let validator: TokenValidator;
let jwksFetches = 0;

const options = (overrides: Partial<TokenValidatorOptions> = {}): TokenValidatorOptions => ({
  issuers: [idp.issuer, `https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
  audiences: [SANDBOX_GATEWAY_API_ID_URI, GATEWAY_CLIENT_ID],
  keys: keys.getKey,
  requiredScopes: ['user_impersonation'],
  clockSkewSeconds: 60,
  ...overrides,
});

beforeAll(async () => {
  idp = await startSandboxIdentityProvider();
  idp.httpsServer.on('request', (request: { url?: string }) => {
    if (request.url?.endsWith('/discovery/v2.0/keys')) jwksFetches += 1;
  });
  http = await mountOverHttp(idp);
  tokenUrl = `${http.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
  // The keys come over HTTPS from a certificate of the sandbox's own CA: trusted only through caPem.
  keys = createRemoteSigningKeys({ jwksUrl: idp.urls.jwksUri, caPem: idp.caCertificatePem });
  validator = createTokenValidator(options());
});

afterAll(async () => {
  keys.close();
  await http.close();
  await idp.close();
});

const repToken = (who = anna) => acquireSandboxToken(tokenUrl, SANDBOX_GATEWAY_API_ID_URI, { kind: 'persona', username: who.username, password: who.password });

/** A genuine token the identity provider issued while its clock read `at`. */
async function repTokenIssuedAt(at: Date): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await repToken();
  } finally {
    vi.useRealTimers();
  }
}

async function refusal(authorization: string | undefined, by: TokenValidator = validator): Promise<unknown> {
  return by.validate(authorization).then(
    (user) => {
      throw new Error(`expected a refusal, got the user ${user.objectId}`);
    },
    (error: unknown) => error,
  );
}

const segments = (token: string): [string, string, string] => token.split('.') as [string, string, string];
const encodeJson = (value: unknown): string => base64url.encode(JSON.stringify(value));

describe('a rep token from the identity provider', () => {
  it('passes, and names the user the API reads CRM records as', async () => {
    const user = await validator.validate(`Bearer ${await repToken()}`);
    expect(user).toEqual({
      objectId: anna.objectId,
      tenantId: SANDBOX_TENANT_ID,
      name: anna.fullName,
      username: anna.username,
      scopes: ['user_impersonation'],
      clientId: GATEWAY_CLIENT_ID,
    });
  });

  it('passes whichever audience form the validator lists, and fails with neither', async () => {
    const token = await repToken();
    expect(decodeJwt(token).aud).toBe(GATEWAY_CLIENT_ID);
    await expect(createTokenValidator(options({ audiences: [GATEWAY_CLIENT_ID] })).validate(`Bearer ${token}`)).resolves.toMatchObject({ objectId: anna.objectId });
    const elsewhere = await refusal(`Bearer ${token}`, createTokenValidator(options({ audiences: ['api://another-api'] })));
    expect(elsewhere).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('audience') });
  });
});

describe('a validated token', () => {
  it('is not verified again until it expires, and is refused once it has', async () => {
    let clock = Date.now();
    let keyLookups = 0;
    const counting = createTokenValidator(
      options({
        now: () => clock,
        keys: async (header, token) => {
          keyLookups += 1;
          return keys.getKey(header, token);
        },
      }),
    );
    const token = `Bearer ${await repToken()}`;
    for (let use = 0; use < 3; use += 1) await expect(counting.validate(token)).resolves.toMatchObject({ objectId: anna.objectId });
    expect(keyLookups).toBe(1);
    clock = (decodeJwt(token.slice(7)).exp! + 61) * 1000;
    expect(await refusal(token, counting)).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});

describe('refused with 401 and a Bearer challenge', () => {
  it('no token: TOKEN_MISSING, a challenge without an error', async () => {
    for (const header of [undefined, '', '   ']) {
      const error = await refusal(header);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code: 'TOKEN_MISSING', challenge: 'Bearer realm="ecc365"' });
    }
    expect(await refusal(`Basic ${Buffer.from('anna:sandbox').toString('base64')}`)).toMatchObject({ code: 'TOKEN_INVALID', challenge: expect.stringContaining('error="invalid_token"') });
  });

  it('an expired token: TOKEN_EXPIRED', async () => {
    const token = await repTokenIssuedAt(new Date(Date.now() - 2 * 3600_000));
    const error = await refusal(`Bearer ${token}`);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', challenge: 'Bearer realm="ecc365", error="invalid_token", error_description="The access token expired"' });
  });

  it('a token not valid yet: TOKEN_INVALID naming not-before; within the clock skew it passes', async () => {
    const future = await repTokenIssuedAt(new Date(Date.now() + 10 * 60_000));
    expect(await refusal(`Bearer ${future}`)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('not valid yet') });
    const slightlyAhead = await repTokenIssuedAt(new Date(Date.now() + 20_000));
    await expect(validator.validate(`Bearer ${slightlyAhead}`)).resolves.toMatchObject({ objectId: anna.objectId });
  });

  it('a token for another audience (the Dataverse environment): TOKEN_INVALID', async () => {
    const forDataverse = await acquireSandboxToken(tokenUrl, http.dataverseUrl, { kind: 'persona', username: anna.username, password: anna.password });
    expect(await refusal(`Bearer ${forDataverse}`)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('not issued for this API') });
  });

  it('a token from another issuer: TOKEN_INVALID', async () => {
    const v1Only = createTokenValidator(options({ issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`] }));
    expect(await refusal(`Bearer ${await repToken()}`, v1Only)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('issuer') });
  });

  it('a token signed by a key the identity provider does not publish: TOKEN_INVALID', async () => {
    const genuine = await repToken();
    const { privateKey } = await generateKeyPair('RS256');
    const header = decodeProtectedHeader(genuine);
    for (const kid of ['not-a-published-key', header.kid!]) {
      const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
      expect(await refusal(`Bearer ${forged}`)).toMatchObject({ code: 'TOKEN_INVALID' });
    }
  });

  it("'alg: none', and HS256 keyed with the public key: TOKEN_INVALID", async () => {
    const [, payload] = segments(await repToken());
    const unsigned = `${encodeJson({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    expect(await refusal(`Bearer ${unsigned}`)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('RS256') });
    const publicJwk = idp.jwks.keys[0]!;
    const hmac = await new SignJWT(decodeJwt(await repToken()))
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid! })
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect(await refusal(`Bearer ${hmac}`)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('RS256') });
  });

  it('a tampered payload (another oid under the original signature): TOKEN_INVALID', async () => {
    const [header, payload, signature] = segments(await repToken());
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `${header}.${encodeJson({ ...claims, oid: olivia.objectId })}.${signature}`;
    expect(await refusal(`Bearer ${tampered}`)).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('signature') });
  });

  it('garbage: TOKEN_INVALID', async () => {
    expect(await refusal('Bearer abc.def.ghi')).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('well-formed') });
  });
});

describe('refused with 403: a genuine token that may not use the panel API', () => {
  it("an application's token (client credentials): USER_TOKEN_REQUIRED", async () => {
    const appToken = await acquireSandboxToken(tokenUrl, SANDBOX_GATEWAY_API_ID_URI, { kind: 'application' });
    const error = await refusal(`Bearer ${appToken}`);
    expect(error).toBeInstanceOf(TokenRefusedError);
    expect(error).toMatchObject({ code: 'USER_TOKEN_REQUIRED', message: expect.stringContaining('signed-in user'), challenge: expect.stringContaining('insufficient_scope') });
  });

  it("a user's token without the API's scope: SCOPE_MISSING", async () => {
    const strict = createTokenValidator(options({ requiredScopes: ['access_as_user'] }));
    expect(await refusal(`Bearer ${await repToken()}`, strict)).toMatchObject({ code: 'SCOPE_MISSING', message: expect.stringContaining('access_as_user') });
  });
});

describe('the signing keys', () => {
  it('are fetched once, and again for an unknown key id at most once per cooldown', async () => {
    const counted = createRemoteSigningKeys({ jwksUrl: idp.urls.jwksUri, caPem: idp.caCertificatePem, cooldownMs: 60_000 });
    const fresh = createTokenValidator(options({ keys: counted.getKey }));
    try {
      const before = jwksFetches;
      await fresh.validate(`Bearer ${await repToken()}`);
      await fresh.validate(`Bearer ${await repToken()}`);
      expect(jwksFetches - before).toBe(1);
      const { privateKey } = await generateKeyPair('RS256');
      const claims = decodeJwt(await repToken());
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const rotated = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: `rolled-key-${attempt}` }).sign(privateKey);
        expect(await refusal(`Bearer ${rotated}`, fresh)).toMatchObject({ code: 'TOKEN_INVALID' });
      }
      expect(jwksFetches - before).toBeLessThanOrEqual(2);
    } finally {
      counted.close();
    }
  });

  it('a key published later is found by fetching the JWKS again', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const published = [{ ...(await exportJWK(publicKey)), kid: 'first', use: 'sig' }];
    const { createServer } = await import('node:http');
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const local = createRemoteSigningKeys({ jwksUrl: `http://127.0.0.1:${port}/keys`, cooldownMs: 0 });
    const own = createTokenValidator(options({ keys: local.getKey, issuers: ['https://issuer.test/v2.0'] }));
    const sign = (kid: string) =>
      new SignJWT({ oid: anna.objectId, tid: SANDBOX_TENANT_ID, scp: 'user_impersonation' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer('https://issuer.test/v2.0')
        .setAudience(GATEWAY_CLIENT_ID)
        .setExpirationTime('5m')
        .sign(privateKey);
    try {
      await expect(own.validate(`Bearer ${await sign('first')}`)).resolves.toMatchObject({ objectId: anna.objectId });
      expect(await refusal(`Bearer ${await sign('second')}`, own)).toMatchObject({ code: 'TOKEN_INVALID' });
      published.push({ ...published[0]!, kid: 'second' });
      await expect(own.validate(`Bearer ${await sign('second')}`)).resolves.toMatchObject({ objectId: anna.objectId });
    } finally {
      local.close();
      server.close();
    }
  });

  it('that cannot be fetched (untrusted certificate, nobody listening) fail as unavailable, not as a bad token', async () => {
    const untrusted = createRemoteSigningKeys({ jwksUrl: idp.urls.jwksUri });
    const closedPort = createRemoteSigningKeys({ jwksUrl: 'https://127.0.0.1:1/keys', timeoutMs: 2_000 });
    try {
      const token = `Bearer ${await repToken()}`;
      const tls = await refusal(token, createTokenValidator(options({ keys: untrusted.getKey })));
      expect(tls).toBeInstanceOf(SigningKeysUnavailableError);
      expect(tls).toMatchObject({ code: 'SIGNING_KEYS_UNAVAILABLE', category: 'transient' });
      expect(await refusal(token, createTokenValidator(options({ keys: closedPort.getKey })))).toBeInstanceOf(SigningKeysUnavailableError);
    } finally {
      untrusted.close();
      closedPort.close();
    }
  });
});
