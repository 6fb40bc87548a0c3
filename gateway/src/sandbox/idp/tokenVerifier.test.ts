import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader, generateKeyPair, SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { SANDBOX_APPLICATIONS, SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../identities.js';
import { createSandboxTokenVerifier, DataverseAuthenticationError, startSandboxIdentityProvider, type SandboxIdentityProvider, type SandboxTokenVerifier } from './index.js';
import { acquireSandboxToken, mountOverHttp, type HttpMountedIdentityProvider } from './testing/identityProvider.js';

const carla = SANDBOX_PERSONAS.find((persona) => persona.key === 'carla')!;

let idp: SandboxIdentityProvider;
let http: HttpMountedIdentityProvider;
let tokenUrl: string;
let verifier: SandboxTokenVerifier;

beforeAll(async () => {
  idp = await startSandboxIdentityProvider();
  http = await mountOverHttp(idp);
  tokenUrl = `${http.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
  verifier = createSandboxTokenVerifier(idp, { audience: http.dataverseUrl });
});

afterAll(async () => {
  await http.close();
  await idp.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const appToken = () => acquireSandboxToken(tokenUrl, http.dataverseUrl, { kind: 'application' });

/** A token issued while the clock read `at`. */
async function tokenIssuedAt(at: Date): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await appToken();
  } finally {
    vi.useRealTimers();
  }
}

async function refusal(authorization: string | undefined): Promise<DataverseAuthenticationError> {
  const outcome = await verifier.authenticate(authorization).then(
    (caller) => caller,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(DataverseAuthenticationError);
  return outcome as DataverseAuthenticationError;
}

const challenge = () => `authorization_uri=${idp.authority}/oauth2/authorize, resource_id=${http.dataverseUrl}/`;

function expectInvalidToken(error: DataverseAuthenticationError): void {
  expect(error.status).toBe(401);
  expect(error.headers['WWW-Authenticate']).toBe(`Bearer error=invalid_token, error_description="Error during token validation!", ${challenge()}`);
}

/** Re-signs the claims of a genuine token with another key under the same kid. */
async function forged(genuine: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(decodeJwt(genuine)).setProtectedHeader(decodeProtectedHeader(genuine) as { alg: string; kid: string }).sign(privateKey);
}

describe('Dataverse token verification', () => {
  it('accepts the application user\'s token and a persona\'s, naming the caller by object id', async () => {
    await expect(verifier.authenticate(`Bearer ${await appToken()}`)).resolves.toEqual({
      objectId: SANDBOX_APPLICATIONS.gateway.objectId,
      tenantId: SANDBOX_TENANT_ID,
      applicationId: SANDBOX_APPLICATIONS.gateway.clientId,
      isApplication: true,
    });
    const personaToken = await acquireSandboxToken(tokenUrl, http.dataverseUrl, { kind: 'persona', username: carla.username, password: carla.password });
    await expect(verifier.authenticate(`bearer ${personaToken}`)).resolves.toMatchObject({ objectId: carla.objectId, isApplication: false });
  });

  it('answers a request without a bearer token with the challenge that names the authority and the resource', async () => {
    for (const header of [undefined, '', 'Basic Z2F0ZXdheTpzYW5kYm94', 'Bearer']) {
      const error = await refusal(header);
      expect(error.status).toBe(401);
      expect(error.headers['WWW-Authenticate']).toBe(`Bearer ${challenge()}`);
    }
  });

  it('refuses an expired token and one not yet valid, beyond five minutes of clock skew', async () => {
    const expired = await tokenIssuedAt(new Date(Date.now() - 2 * 3600_000));
    expectInvalidToken(await refusal(`Bearer ${expired}`));
    const notYetValid = await tokenIssuedAt(new Date(Date.now() + 3600_000));
    expectInvalidToken(await refusal(`Bearer ${notYetValid}`));
    const slightlyAhead = await tokenIssuedAt(new Date(Date.now() + 60_000));
    await expect(verifier.authenticate(`Bearer ${slightlyAhead}`)).resolves.toMatchObject({ isApplication: true });
  });

  it('refuses a token for another audience', async () => {
    const forGateway = await acquireSandboxToken(tokenUrl, 'api://ecc365-gateway', { kind: 'application' });
    expectInvalidToken(await refusal(`Bearer ${forGateway}`));
    const otherEnvironment = await acquireSandboxToken(tokenUrl, 'http://127.0.0.1:1/sandbox/dataverse', { kind: 'application' });
    expectInvalidToken(await refusal(`Bearer ${otherEnvironment}`));
  });

  it('refuses a token signed by an unknown key, an unsigned (alg none) token and a tampered payload', async () => {
    const genuine = await appToken();
    expectInvalidToken(await refusal(`Bearer ${await forged(genuine)}`));

    const unsigned = new UnsecuredJWT(decodeJwt(genuine)).encode();
    expect(decodeProtectedHeader(unsigned).alg).toBe('none');
    expectInvalidToken(await refusal(`Bearer ${unsigned}`));

    const [header, payload, signature] = genuine.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...claims, oid: carla.objectId })).toString('base64url');
    expectInvalidToken(await refusal(`Bearer ${header}.${tampered}.${signature}`));
    expectInvalidToken(await refusal('Bearer not-a-jwt'));
  });

  it('refuses a token from another identity provider instance (other key and issuer)', async () => {
    const other = await startSandboxIdentityProvider();
    const otherHttp = await mountOverHttp(other);
    try {
      const foreign = await acquireSandboxToken(`${otherHttp.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, http.dataverseUrl, { kind: 'application' });
      expectInvalidToken(await refusal(`Bearer ${foreign}`));
    } finally {
      await otherHttp.close();
      await other.close();
    }
  });
});
