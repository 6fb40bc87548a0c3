import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PERSONAS, SANDBOX_TENANT_ID, type SandboxPersona } from '../identities.js';
import { IDP_MOUNT_PATH, SANDBOX_GATEWAY_API_ID_URI, startSandboxIdentityProvider, type SandboxIdentityProvider } from '../idp/index.js';
import { mountOverHttp, type HttpMountedIdentityProvider } from '../idp/testing/identityProvider.js';
import { createPersonaTokens, PreviewTokenError } from './personaTokens.js';

const anna = SANDBOX_PERSONAS.find((persona) => persona.key === 'anna')!;

describe('persona tokens from the sandbox identity provider', () => {
  let idp: SandboxIdentityProvider;
  let mounted: HttpMountedIdentityProvider;
  let requests = 0;
  let clock = Date.now();

  const countingFetch: typeof fetch = (input, init) => {
    requests += 1;
    return fetch(input, init);
  };
  const tokens = () =>
    createPersonaTokens({
      tokenEndpoint: () => `${mounted.origin}${IDP_MOUNT_PATH}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`,
      resourceIds: () => ({ gateway: SANDBOX_GATEWAY_API_ID_URI, dataverse: mounted.dataverseUrl }),
      fetch: countingFetch,
      now: () => clock,
    });

  beforeAll(async () => {
    idp = await startSandboxIdentityProvider({ accessTokenLifetimeSeconds: 3600 });
    mounted = await mountOverHttp(idp);
  });
  afterAll(async () => {
    await mounted.close();
    await idp.close();
  });

  it("issues the persona's tokens for the gateway's API and for the simulated Dataverse, with their expiry", async () => {
    const source = tokens();
    const before = clock;
    const gateway = await source.tokenFor(anna, 'gateway');
    const dataverse = await source.tokenFor(anna, 'dataverse');
    expect(decodeJwt(gateway.accessToken)).toMatchObject({ aud: 'ecc365-gateway', oid: anna.objectId, preferred_username: anna.username });
    expect(decodeJwt(dataverse.accessToken)).toMatchObject({ aud: mounted.dataverseUrl, oid: anna.objectId });
    expect(gateway.expiresOn.getTime()).toBe(before + 3600_000);
  });

  it('reuses a token until five minutes before it expires, and shares one request between concurrent callers', async () => {
    const source = tokens();
    requests = 0;
    const [first, second] = await Promise.all([source.tokenFor(anna, 'gateway'), source.tokenFor(anna, 'gateway')]);
    expect(second).toBe(first);
    expect(requests).toBe(1);
    clock += 3600_000 - 5 * 60_000 - 1000;
    expect(await source.tokenFor(anna, 'gateway')).toBe(first);
    expect(requests).toBe(1);
    clock += 2000;
    const renewed = await source.tokenFor(anna, 'gateway');
    expect(renewed).not.toBe(first);
    expect(requests).toBe(2);
  });

  it('keeps personas and resources apart', async () => {
    const source = tokens();
    const ben = SANDBOX_PERSONAS.find((persona) => persona.key === 'ben')!;
    const [annasToken, bensToken] = await Promise.all([source.tokenFor(anna, 'gateway'), source.tokenFor(ben, 'gateway')]);
    expect(decodeJwt(annasToken.accessToken).oid).toBe(anna.objectId);
    expect(decodeJwt(bensToken.accessToken).oid).toBe(ben.objectId);
  });

  it("says what the identity provider answered when it refuses, and asks again next time", async () => {
    const source = tokens();
    const impostor: SandboxPersona = { ...anna, key: 'impostor', password: 'wrong' };
    const refusal = await source.tokenFor(impostor, 'dataverse').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PreviewTokenError);
    expect((refusal as Error).message).toMatch(/gave anna\.becker@ecc365sandbox\.onmicrosoft\.com no dataverse token: AADSTS50126/);
    requests = 0;
    await expect(source.tokenFor(impostor, 'dataverse')).rejects.toThrow(PreviewTokenError);
    expect(requests).toBe(1);
  });
});
