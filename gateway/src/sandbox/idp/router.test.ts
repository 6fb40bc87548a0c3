import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, importPKCS8 } from 'jose';
import { generate } from 'selfsigned';
import { SANDBOX_APPLICATIONS, SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../identities.js';
import { SANDBOX_TENANT_DOMAIN, startSandboxIdentityProvider, type SandboxIdentityProvider } from './index.js';
import { mountOverHttp, postTokenRequest, type HttpMountedIdentityProvider } from './testing/identityProvider.js';

const gateway = SANDBOX_APPLICATIONS.gateway;
const anna = SANDBOX_PERSONAS.find((persona) => persona.key === 'anna')!;
const LIFETIME = 1800;

let idp: SandboxIdentityProvider;
let http: HttpMountedIdentityProvider;
let tokenUrl: string;
let certificate: { cert: string; private: string };

beforeAll(async () => {
  certificate = await generate([{ name: 'commonName', value: 'ecc365 gateway' }], { keySize: 2048, algorithm: 'sha256' });
  idp = await startSandboxIdentityProvider({ accessTokenLifetimeSeconds: LIFETIME, gatewayCertificates: [certificate.cert] });
  http = await mountOverHttp(idp);
  tokenUrl = `${http.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
});

afterAll(async () => {
  await http.close();
  await idp.close();
});

const clientCredentials = (overrides: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: gateway.clientId,
  client_secret: gateway.clientSecret,
  scope: `${http.dataverseUrl}/.default`,
  ...overrides,
});

function expectEntraError(reply: { status: number; body: Record<string, unknown> }, status: number, error: string, code: number): void {
  expect(reply.status).toBe(status);
  expect(reply.body.error).toBe(error);
  expect(reply.body.error_codes).toEqual([code]);
  expect(reply.body.error_description).toMatch(new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`));
  expect(reply.body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(reply.body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${code}`);
}

describe('discovery', () => {
  it('serves the tenant document at the contract URL, naming the HTTPS endpoints', async () => {
    const document = (await (await fetch(`${http.origin}/sandbox/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(document.issuer).toBe(`${idp.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/v2.0`);
    expect(document.token_endpoint).toBe(`${idp.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`);
    expect(document.jwks_uri).toBe(`${idp.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/discovery/v2.0/keys`);
    expect(document.token_endpoint_auth_methods_supported).toEqual(['client_secret_post', 'private_key_jwt', 'client_secret_basic']);
    expect(idp.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.authority).toBe(`${idp.origin}/sandbox/idp/${SANDBOX_TENANT_ID}`);
  });

  it('serves the same document where MSAL looks for it: {authority}/v2.0/.well-known/openid-configuration, by tenant id or domain', async () => {
    const contract = await (await fetch(`${http.origin}/sandbox/idp/.well-known/openid-configuration`)).json();
    for (const path of [`/${SANDBOX_TENANT_ID}/v2.0`, `/${SANDBOX_TENANT_DOMAIN}/v2.0`, '/v2.0']) {
      const response = await fetch(`${http.origin}/sandbox/idp${path}/.well-known/openid-configuration`);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual(contract);
    }
  });

  it('answers an unknown tenant as Entra does', async () => {
    const response = await fetch(`${http.origin}/sandbox/idp/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`);
    expectEntraError({ status: response.status, body: (await response.json()) as Record<string, unknown> }, 400, 'invalid_tenant', 90002);
  });

  it('is served over HTTPS with a certificate that only the generated CA vouches for', async () => {
    const get = (ca: string | undefined) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpsRequest(idp.urls.metadataUrl, { ca }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
        request.end();
      });
    const trusted = await get(idp.caCertificatePem);
    expect(trusted.status).toBe(200);
    expect((JSON.parse(trusted.body) as { issuer: string }).issuer).toBe(idp.issuer);
    await expect(get(undefined)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });
});

describe('client credentials', () => {
  it('issues an RS256 token for the Dataverse resource that the published keys verify, with Entra v2.0 app claims', async () => {
    const reply = await postTokenRequest(tokenUrl, clientCredentials());
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store, no-cache');
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: LIFETIME, ext_expires_in: LIFETIME });
    expect(reply.body).not.toHaveProperty('scope');
    const token = reply.body.access_token as string;

    const keys = (await (await fetch(`${http.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/discovery/v2.0/keys`)).json()) as { keys: { kid: string }[] };
    expect(decodeProtectedHeader(token)).toEqual({ typ: 'JWT', alg: 'RS256', kid: keys.keys[0]!.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys as never), { issuer: idp.issuer, audience: http.dataverseUrl });
    expect(payload).toMatchObject({ tid: SANDBOX_TENANT_ID, oid: gateway.objectId, sub: gateway.objectId, azp: gateway.clientId, azpacr: '1', idtyp: 'app', ver: '2.0' });
    expect(payload).not.toHaveProperty('scp');
    expect(payload.exp! - payload.iat!).toBe(LIFETIME);
    expect(payload.nbf).toBe(payload.iat);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
  });

  it('accepts client_secret_basic and echoes the client-request-id as correlation id', async () => {
    const { client_secret: _secret, client_id: _id, ...form } = clientCredentials();
    const basic = Buffer.from(`${encodeURIComponent(gateway.clientId)}:${encodeURIComponent(gateway.clientSecret)}`).toString('base64');
    const ok = await postTokenRequest(tokenUrl, form, { authorization: `Basic ${basic}` });
    expect(ok.status).toBe(200);
    const wrong = Buffer.from(`${gateway.clientId}:not-the-secret`).toString('base64');
    const correlationId = '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';
    const refused = await postTokenRequest(tokenUrl, form, { authorization: `Basic ${wrong}`, 'client-request-id': correlationId });
    expectEntraError(refused, 401, 'invalid_client', 7000215);
    expect(refused.body.correlation_id).toBe(correlationId);
    expect(refused.headers.get('client-request-id')).toBe(correlationId);
  });

  it('refuses a wrong secret, an unknown client and a missing secret', async () => {
    expectEntraError(await postTokenRequest(tokenUrl, clientCredentials({ client_secret: 'Sandbox' })), 401, 'invalid_client', 7000215);
    const unknown = await postTokenRequest(tokenUrl, clientCredentials({ client_id: 'someone-else' }));
    expectEntraError(unknown, 400, 'unauthorized_client', 700016);
    expect(unknown.body.error_description).toContain(`'someone-else' was not found in the directory '${SANDBOX_TENANT_DOMAIN}'`);
    const { client_secret: _secret, ...withoutSecret } = clientCredentials();
    expectEntraError(await postTokenRequest(tokenUrl, withoutSecret), 401, 'invalid_client', 7000218);
  });

  it('requires exactly one <resource>/.default scope of a known resource', async () => {
    expectEntraError(await postTokenRequest(tokenUrl, clientCredentials({ scope: `${http.dataverseUrl}/user_impersonation` })), 400, 'invalid_scope', 1002012);
    expectEntraError(await postTokenRequest(tokenUrl, clientCredentials({ scope: 'https://graph.microsoft.com/.default' })), 400, 'invalid_resource', 500011);
    expectEntraError(
      await postTokenRequest(tokenUrl, clientCredentials({ scope: `${http.dataverseUrl}/.default api://ecc365-gateway/.default` })),
      400,
      'invalid_scope',
      700022,
    );
    const { scope: _scope, ...withoutScope } = clientCredentials();
    const missing = await postTokenRequest(tokenUrl, withoutScope);
    expectEntraError(missing, 400, 'invalid_request', 900144);
    expect(missing.body.error_description).toContain("parameter: 'scope'");
  });

  it('accepts any origin\'s /sandbox/dataverse as the Dataverse resource and puts it in aud as asked', async () => {
    const resource = 'https://localhost:9443/sandbox/dataverse';
    const reply = await postTokenRequest(tokenUrl, clientCredentials({ scope: `${resource}/.default` }));
    expect(decodeJwt(reply.body.access_token as string).aud).toBe(resource);
    expectEntraError(await postTokenRequest(tokenUrl, clientCredentials({ scope: 'https://localhost:9443/sandbox/other/.default' })), 400, 'invalid_resource', 500011);
  });

  it('answers a missing or unsupported grant type, a GET and an unknown tenant as Entra does', async () => {
    const { grant_type: _grant, ...withoutGrant } = clientCredentials();
    expectEntraError(await postTokenRequest(tokenUrl, withoutGrant), 400, 'invalid_request', 900144);
    expectEntraError(await postTokenRequest(tokenUrl, clientCredentials({ grant_type: 'authorization_code' })), 400, 'unsupported_grant_type', 70003);
    const get = await fetch(tokenUrl);
    expectEntraError({ status: get.status, body: (await get.json()) as Record<string, unknown> }, 400, 'invalid_request', 900561);
    const wrongTenant = await postTokenRequest(`${http.origin}/sandbox/idp/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token`, clientCredentials());
    expectEntraError(wrongTenant, 400, 'invalid_tenant', 90002);
  });
});

describe('certificate credentials (private_key_jwt)', () => {
  const assertion = async (options: { key?: string; thumbprintOf?: string; audience?: string; expiresIn?: number } = {}) => {
    const { X509Certificate } = await import('node:crypto');
    const thumbprint = new X509Certificate(options.thumbprintOf ?? certificate.cert).fingerprint256.replaceAll(':', '');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'PS256', 'x5t#S256': Buffer.from(thumbprint, 'hex').toString('base64url') })
      .setIssuer(gateway.clientId)
      .setSubject(gateway.clientId)
      .setAudience(options.audience ?? idp.urls.tokenEndpoint)
      .setNotBefore(now)
      .setExpirationTime(now + (options.expiresIn ?? 600))
      .sign(await importPKCS8(options.key ?? certificate.private, 'PS256'));
  };
  const withAssertion = (clientAssertion: string) => {
    const { client_secret: _secret, ...form } = clientCredentials();
    return { ...form, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: clientAssertion };
  };

  it('accepts an assertion signed with the key of a certificate uploaded to the app registration', async () => {
    const reply = await postTokenRequest(tokenUrl, withAssertion(await assertion()));
    expect(reply.status).toBe(200);
    expect(decodeJwt(reply.body.access_token as string)).toMatchObject({ azp: gateway.clientId, azpacr: '2', oid: gateway.objectId });
  });

  it('refuses an unregistered certificate, a forged signature, a wrong audience and an expired assertion', async () => {
    const other = await generate([{ name: 'commonName', value: 'not registered' }], { keySize: 2048, algorithm: 'sha256' });
    const unregistered = await postTokenRequest(tokenUrl, withAssertion(await assertion({ key: other.private, thumbprintOf: other.cert })));
    expectEntraError(unregistered, 401, 'invalid_client', 700027);
    expect(unregistered.body.error_description).toContain('is not registered on application');
    expectEntraError(await postTokenRequest(tokenUrl, withAssertion(await assertion({ key: other.private }))), 401, 'invalid_client', 700027);
    expectEntraError(await postTokenRequest(tokenUrl, withAssertion(await assertion({ audience: 'https://elsewhere/token' }))), 401, 'invalid_client', 50027);
    expectEntraError(await postTokenRequest(tokenUrl, withAssertion(await assertion({ expiresIn: -3600 }))), 401, 'invalid_client', 700024);
  });
});

describe('password grant for the rep personas', () => {
  const password = (overrides: Record<string, string> = {}) => ({
    grant_type: 'password',
    client_id: gateway.clientId,
    username: anna.username,
    password: anna.password,
    scope: `${http.dataverseUrl}/user_impersonation openid profile`,
    ...overrides,
  });

  it('issues a delegated token with the persona\'s identity and the granted scope', async () => {
    const reply = await postTokenRequest(tokenUrl, password());
    expect(reply.status).toBe(200);
    expect(reply.body.scope).toBe(`${http.dataverseUrl}/user_impersonation openid profile`);
    const claims = decodeJwt(reply.body.access_token as string);
    expect(claims).toMatchObject({
      aud: http.dataverseUrl,
      iss: idp.issuer,
      oid: anna.objectId,
      name: anna.fullName,
      preferred_username: anna.username,
      scp: 'user_impersonation',
      azp: gateway.clientId,
      azpacr: '0',
      tid: SANDBOX_TENANT_ID,
      ver: '2.0',
    });
    expect(claims).not.toHaveProperty('idtyp');
    expect(claims.sub).not.toBe(anna.objectId);
  });

  it('gives each persona its own oid and a stable pairwise sub; sign-in names are case-insensitive', async () => {
    const ben = SANDBOX_PERSONAS.find((persona) => persona.key === 'ben')!;
    const first = decodeJwt((await postTokenRequest(tokenUrl, password())).body.access_token as string);
    const again = decodeJwt((await postTokenRequest(tokenUrl, password({ username: anna.username.toUpperCase() }))).body.access_token as string);
    const other = decodeJwt((await postTokenRequest(tokenUrl, password({ username: ben.username, password: ben.password }))).body.access_token as string);
    expect(again.sub).toBe(first.sub);
    expect(other.oid).toBe(ben.objectId);
    expect(other.sub).not.toBe(first.sub);
  });

  it('issues tokens for the gateway\'s API with the gateway\'s client id as audience, and checks the secret when one is sent', async () => {
    const reply = await postTokenRequest(tokenUrl, password({ scope: 'api://ecc365-gateway/.default', client_secret: gateway.clientSecret }));
    expect(decodeJwt(reply.body.access_token as string)).toMatchObject({ aud: gateway.clientId, scp: 'user_impersonation', azpacr: '1' });
    expectEntraError(await postTokenRequest(tokenUrl, password({ client_secret: 'wrong' })), 401, 'invalid_client', 7000215);
  });

  it('refuses a wrong password, an unknown user and a scope the resource does not expose', async () => {
    expectEntraError(await postTokenRequest(tokenUrl, password({ password: 'Sandbox' })), 400, 'invalid_grant', 50126);
    expectEntraError(await postTokenRequest(tokenUrl, password({ username: 'mallory@ecc365sandbox.onmicrosoft.com' })), 400, 'invalid_grant', 50034);
    expectEntraError(await postTokenRequest(tokenUrl, password({ scope: `${http.dataverseUrl}/Files.ReadWrite` })), 400, 'invalid_scope', 70011);
    const { username: _username, ...withoutUser } = password();
    expectEntraError(await postTokenRequest(tokenUrl, withoutUser), 400, 'invalid_request', 900144);
  });
});
