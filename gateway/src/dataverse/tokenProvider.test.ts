import type { IncomingMessage } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeJwt } from 'jose';
import { generate } from 'selfsigned';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../sandbox/identities.js';
import { createSandboxTokenVerifier, startSandboxIdentityProvider, type SandboxIdentityProvider } from '../sandbox/idp/index.js';
import { createDataverseTokenProvider, type DataverseClientCredential, type DataverseTokenProvider, type DataverseTokenProviderOptions } from './tokenProvider.js';
import { DataverseTokenError } from './tokenErrors.js';

const gateway = SANDBOX_APPLICATIONS.gateway;
const ENVIRONMENT = 'http://127.0.0.1:4365/sandbox/dataverse';

interface SeenRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

let idp: SandboxIdentityProvider;
let certificate: { cert: string; private: string };
let seen: SeenRequest[] = [];
const providers: DataverseTokenProvider[] = [];

function recordRequests(server: SandboxIdentityProvider['httpsServer'], into: () => SeenRequest[]): void {
  // Before the identity provider's own handler, which rewrites request.url while routing.
  server.prependListener('request', (request: IncomingMessage) => {
    const entry: SeenRequest = { method: request.method ?? '', path: request.url ?? '', form: new URLSearchParams() };
    into().push(entry);
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => (entry.form = new URLSearchParams(body)));
  });
}

beforeAll(async () => {
  certificate = await generate([{ name: 'commonName', value: 'ecc365 gateway' }], { keySize: 2048, algorithm: 'sha256' });
  idp = await startSandboxIdentityProvider({ gatewayCertificates: [certificate.cert] });
  recordRequests(idp.httpsServer, () => seen);
});

afterAll(async () => {
  await idp.close();
});

afterEach(() => {
  vi.useRealTimers();
  for (const provider of providers.splice(0)) provider.close();
  seen = [];
});

const secret: DataverseClientCredential = { kind: 'secret', secret: gateway.clientSecret };

function provider(overrides: Partial<DataverseTokenProviderOptions> = {}, on: SandboxIdentityProvider = idp): DataverseTokenProvider {
  const created = createDataverseTokenProvider({
    environmentUrl: ENVIRONMENT,
    authority: on.authority,
    clientId: gateway.clientId,
    credential: secret,
    authorityCaPem: on.caCertificatePem,
    timeoutMs: 5_000,
    ...overrides,
  });
  providers.push(created);
  return created;
}

async function failure(tokens: DataverseTokenProvider): Promise<DataverseTokenError> {
  const outcome = await tokens.getAccessToken().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(DataverseTokenError);
  return outcome as DataverseTokenError;
}

const tokenPosts = () => seen.filter((request) => request.method === 'POST');

describe('Dataverse token provider against the sandbox identity provider (MSAL over HTTPS)', () => {
  it('discovers the authority, then posts client credentials for <environment>/.default; the token passes Dataverse\'s checks', async () => {
    const token = await provider().getAccessToken();
    expect(seen.map((request) => `${request.method} ${request.path.replace(/client-request-id=[0-9a-f-]{36}/, 'client-request-id=…')}`)).toEqual([
      `GET /sandbox/idp/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`,
      `POST /sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token?client-request-id=…`,
    ]);
    const form = tokenPosts()[0]!.form;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe(`${ENVIRONMENT}/.default`);
    expect(form.get('client_id')).toBe(gateway.clientId);
    expect(form.get('client_secret')).toBe(gateway.clientSecret);

    const verifier = createSandboxTokenVerifier(idp, { audience: ENVIRONMENT });
    await expect(verifier.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ objectId: gateway.objectId, isApplication: true });
  });

  it('also works with the authority without tenant: MSAL then reads /sandbox/idp/v2.0/.well-known/openid-configuration', async () => {
    const token = await provider({ authority: `${idp.origin}/sandbox/idp` }).getAccessToken();
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/sandbox/idp/v2.0/.well-known/openid-configuration' });
    expect(decodeJwt(token).iss).toBe(idp.issuer);
  });

  it('serves the cached token on later calls, and concurrent callers share one acquisition', async () => {
    const tokens = provider();
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => tokens.getAccessToken()));
    expect(new Set(concurrent).size).toBe(1);
    expect(await tokens.getAccessToken()).toBe(concurrent[0]);
    expect(tokenPosts()).toHaveLength(1);
  });

  it('renews the token once it is within five minutes of expiring, not before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const tokens = provider();
    const first = await tokens.getAccessToken();
    const lifetime = decodeJwt(first).exp! - decodeJwt(first).iat!;

    vi.setSystemTime(start + (lifetime - 320) * 1000);
    expect(await tokens.getAccessToken()).toBe(first);
    expect(tokenPosts()).toHaveLength(1);

    vi.setSystemTime(start + (lifetime - 280) * 1000);
    const renewed = await tokens.getAccessToken();
    expect(renewed).not.toBe(first);
    expect(tokenPosts()).toHaveLength(2);
    expect(decodeJwt(renewed).exp).toBeGreaterThan(decodeJwt(first).exp!);
  });

  it('never serves from cache a token that lives less than the renewal margin', async () => {
    const shortLived = await startSandboxIdentityProvider({ accessTokenLifetimeSeconds: 240 });
    let posts = 0;
    shortLived.httpsServer.on('request', (request: IncomingMessage) => (posts += request.method === 'POST' ? 1 : 0));
    try {
      const tokens = provider({}, shortLived);
      const first = await tokens.getAccessToken();
      const second = await tokens.getAccessToken();
      expect(second).not.toBe(first);
      expect(posts).toBe(2);
    } finally {
      await shortLived.close();
    }
  });

  it('authenticates with a certificate: a signed client assertion instead of a secret', async () => {
    const token = await provider({ credential: { kind: 'certificate', certificatePem: certificate.cert, privateKeyPem: certificate.private } }).getAccessToken();
    expect(decodeJwt(token)).toMatchObject({ azp: gateway.clientId, azpacr: '2', aud: ENVIRONMENT });
    const form = tokenPosts()[0]!.form;
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(decodeJwt(form.get('client_assertion')!)).toMatchObject({ iss: gateway.clientId, sub: gateway.clientId, aud: idp.urls.tokenEndpoint });
  });
});

describe('Dataverse token provider failures', () => {
  it('reports a wrong secret as a configuration error naming the app and Entra\'s code, never the secret', async () => {
    const lines: unknown[] = [];
    const logger = { warn: (message: string, fields?: object) => lines.push([message, fields]), debug: (message: string, fields?: object) => lines.push([message, fields]) };
    const error = await failure(provider({ credential: { kind: 'secret', secret: 'wrong-secret-7Qx' }, logger }));
    expect(error).toMatchObject({ code: 'DATAVERSE_AUTH_CREDENTIALS_REJECTED', category: 'config', action: 'fail' });
    expect(error.message).toContain('(AADSTS7000215: Invalid client secret provided)');
    expect(error.message).toContain(gateway.clientId);
    expect(error.details).toMatchObject({ aadsts: 7000215, oauthError: 'invalid_client', httpStatus: 401 });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify([lines, error.message, error.details])).not.toContain('wrong-secret-7Qx');
  });

  it('reports an unknown app registration, an unknown tenant and an unknown environment as configuration errors', async () => {
    expect(await failure(provider({ clientId: 'not-registered' }))).toMatchObject({ code: 'DATAVERSE_AUTH_APP_NOT_FOUND', category: 'config' });
    expect(await failure(provider({ authority: `${idp.origin}/sandbox/idp/contoso.onmicrosoft.com` }))).toMatchObject({
      code: 'DATAVERSE_AUTH_TENANT_NOT_FOUND',
      category: 'config',
    });
    expect(await failure(provider({ environmentUrl: 'https://contoso.crm4.dynamics.com' }))).toMatchObject({ code: 'DATAVERSE_AUTH_RESOURCE_INVALID', category: 'config' });
  });

  it('reports an identity provider that is down as transient, and keeps serving a cached token while it is', async () => {
    const doomed = await startSandboxIdentityProvider();
    const cached = provider({}, doomed);
    const token = await cached.getAccessToken();
    const fresh = provider({}, doomed);
    await doomed.close();

    const error = await failure(fresh);
    expect(error).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', category: 'transient', action: 'retry' });
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ networkCode: 'ECONNREFUSED' });
    expect(await cached.getAccessToken()).toBe(token);
  });

  it('gives up on an authority that accepts connections but never answers, as transient', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const error = await failure(provider({ authority: `https://127.0.0.1:${port}/${SANDBOX_TENANT_ID}`, timeoutMs: 300 }));
      expect(error).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', category: 'transient' });
      expect(error.message).toContain('no answer within 300 ms');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports an authority whose certificate is not trusted as a configuration error pointing at the CA setting', async () => {
    const error = await failure(provider({ authorityCaPem: undefined }));
    expect(error).toMatchObject({ code: 'DATAVERSE_AUTH_TLS_UNTRUSTED', category: 'config' });
    expect(error.message).toContain('authority CA file');
  });

  it('refuses unusable settings before any request: an http authority, a key that does not match the certificate', async () => {
    expect(() => provider({ authority: `http://127.0.0.1:1/sandbox/idp/${SANDBOX_TENANT_ID}` })).toThrow(
      expect.objectContaining({ code: 'DATAVERSE_AUTH_CONFIG_INVALID', message: expect.stringContaining('must be an https URL') }),
    );
    const other = await generate([{ name: 'commonName', value: 'other' }], { keySize: 2048, algorithm: 'sha256' });
    expect(() => provider({ credential: { kind: 'certificate', certificatePem: certificate.cert, privateKeyPem: other.private } })).toThrow(
      expect.objectContaining({ code: 'DATAVERSE_AUTH_CONFIG_INVALID', message: expect.stringContaining('does not belong to the certificate') }),
    );
    expect(seen).toEqual([]);
  });
});
