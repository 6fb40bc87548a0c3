import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import { SANDBOX_TENANT_ID } from '../sandbox/identities.js';
import { startGateway, type RunningGateway } from './gateway.js';

const silent = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) });

describe('the gateway on the embedded sandbox', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const config = configSchema.parse({ server: { port: 0, shutdownTimeoutMs: 5_000 }, sandbox: { customers: 20, today: '2026-11-27' } });
    gateway = await startGateway(config, silent);
  });
  afterAll(async () => {
    if (gateway.server.listening) await gateway.close();
  });

  it('listens on a free port and lists its URLs', () => {
    expect(gateway.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.endpoints.map((e) => e.label)).toEqual(expect.arrayContaining(['Health', 'Readiness', 'SAP ECC SOAP-RFC']));
  });

  it("keeps idle connections open longer than a reverse proxy's 60 s, not Node's 5 s", () => {
    expect(gateway.server.keepAliveTimeout).toBe(65_000);
  });

  it('is ready while SAP and Dataverse answer, and unready while SAP is down', async () => {
    const ready = await fetch(`${gateway.origin}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: [{ name: 'sap', status: 'ok' }, { name: 'dataverse', status: 'ok' }] });
    gateway.sandbox!.ecc.setKnobs({ down: true });
    const down = await fetch(`${gateway.origin}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: [{ name: 'sap', status: 'failing', code: 'SAP_COMMUNICATION' }, { name: 'dataverse', status: 'ok' }] });
    gateway.sandbox!.ecc.setKnobs({ down: false });
  });

  it('serves the simulated ECC over SOAP-RFC on the same origin', async () => {
    const endpoint = gateway.endpoints.find((e) => e.label === 'SAP ECC SOAP-RFC')!.url;
    const unauthorized = await fetch(endpoint, { method: 'POST', body: '<x/>', headers: { 'Content-Type': 'text/xml' } });
    expect(unauthorized.status).toBe(401);
    const ping = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', Authorization: `Basic ${Buffer.from('ECC365:sandbox').toString('base64')}` },
      body: '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><rfc:RFC_PING xmlns:rfc="urn:sap-com:document:sap:rfc:functions"/></SOAP-ENV:Body></SOAP-ENV:Envelope>',
    });
    expect(ping.status).toBe(200);
    expect(await ping.text()).toContain('RFC_PING.Response');
  });

  it('serves the simulated Dataverse with the ecc365 solution imported, to tokens of the identity provider', async () => {
    const dataverse = `${gateway.origin}/sandbox/dataverse`;
    const tokenResponse = await fetch(`${gateway.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'ecc365-gateway', client_secret: 'sandbox', scope: `${dataverse}/.default` }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${dataverse}/api/data/v9.2/WhoAmI`)).status).toBe(401);
    const created = await fetch(`${dataverse}/api/data/v9.2/accounts`, { method: 'POST', headers, body: JSON.stringify({ name: "O'Brien Pumps & Co", ecc_customernumber: 'ZTEST00001' }) });
    expect(created.status).toBe(204);
    const byKey = await fetch(`${dataverse}/api/data/v9.2/accounts(ecc_customernumber='ZTEST00001')?$select=name`, { headers });
    expect(await byKey.json()).toMatchObject({ name: "O'Brien Pumps & Co" });
  });

  it('lets a request in flight finish when it stops, and takes no new ones', async () => {
    gateway.sandbox!.ecc.setKnobs({ latencyMs: 300 });
    const inFlight = fetch(`${gateway.origin}/readyz`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = gateway.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await closing;
    expect(gateway.server.listening).toBe(false);
    await expect(fetch(`${gateway.origin}/healthz`)).rejects.toThrow();
  });
});

describe('the gateway on real-system transports', () => {
  it('reaches SAP over SOAP-RFC and a Dataverse environment with client credentials, from configuration', async () => {
    const systems = await startGateway(configSchema.parse({ server: { port: 0 }, sandbox: { customers: 5, today: '2026-11-27' } }), silent);
    const endpoint = new URL(systems.endpoints.find((e) => e.label === 'SAP ECC SOAP-RFC')!.url);
    const caFile = join(mkdtempSync(join(tmpdir(), 'ecc365-ca-')), 'idp-ca.pem');
    writeFileSync(caFile, systems.sandbox!.idp.caCertificatePem);
    const config = configSchema.parse({
      server: { port: 0 },
      sap: { transport: 'soap-rfc', url: `${endpoint.origin}${endpoint.pathname}`, client: '100', user: 'ECC365', password: 'sandbox' },
      dataverse: {
        target: 'environment', url: `${systems.origin}/sandbox/dataverse`, tenantId: SANDBOX_TENANT_ID, authority: systems.sandbox!.idp.authority,
        authorityCaFile: caFile, clientId: 'ecc365-gateway', clientSecret: 'sandbox',
      },
    });
    const gateway = await startGateway(config, silent);
    try {
      expect(gateway.sandbox).toBeUndefined();
      expect(gateway.sap.description).toContain(endpoint.pathname);
      const ready = await fetch(`${gateway.origin}/readyz`);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: [{ name: 'sap', status: 'ok' }, { name: 'dataverse', status: 'ok' }] });
      const wrong = await startGateway(configSchema.parse({ ...config, sap: { ...config.sap, password: 'wrong' }, dataverse: { ...config.dataverse, clientSecret: 'wrong' } }), silent);
      const refused = await fetch(`${wrong.origin}/readyz`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({
        checks: [{ name: 'sap', status: 'failing', code: 'SAP_LOGON_FAILED' }, { name: 'dataverse', status: 'failing', code: 'DATAVERSE_AUTH_CREDENTIALS_REJECTED' }],
      });
      await wrong.close();
    } finally {
      await gateway.close();
      await systems.close();
    }
  });
});
