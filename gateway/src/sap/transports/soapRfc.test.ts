import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedEcc } from '../../sandbox/ecc/simulatedEcc.js';
import { createSoapRfcRouter, type SoapRfcRouter } from '../../sandbox/ecc/soap/router.js';
import { createSoapTestEcc } from '../../sandbox/ecc/soap/testFunctions.js';
import {
  SapAbapException,
  SapCommunicationError,
  SapInterfaceError,
  SapLogonError,
  SapRuntimeError,
  SapTimeoutError,
} from '../errors.js';
import { structureOf, type RfcClient, type RfcParameters, type RfcStructure } from '../rfc.js';
import { createInProcessRfcClient } from './inProcess.js';
import { createSoapRfcClient, type SoapRfcClientOptions } from './soapRfc.js';

const USER = { user: 'ECC365', password: 'sandbox' };

interface Service {
  ecc: SimulatedEcc;
  router: SoapRfcRouter;
  url: string;
  customer: string;
  /** Requests that reached the service, as "GET wsdl11" / "POST rfc". */
  requests: string[];
  client(options?: Partial<SoapRfcClientOptions>): RfcClient;
  stop(): Promise<void>;
}

async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** The simulated ECC's SOAP-RFC service; `before` runs ahead of it, as a proxy in between would. */
async function startService(options: { sessionTimeoutMs?: number; before?: RequestHandler } = {}): Promise<Service> {
  const { ecc, seeded } = createSoapTestEcc();
  const router = createSoapRfcRouter(ecc, { ...(options.sessionTimeoutMs ? { sessionTimeoutMs: options.sessionTimeoutMs } : {}) });
  const requests: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    requests.push(`${req.method} ${req.path.split('/').pop()!}`);
    next();
  });
  if (options.before) app.use(options.before);
  app.use('/sandbox/sap/bc', router);
  const { server } = await listen(app);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox/sap/bc/soap/rfc`;
  const clients: RfcClient[] = [];
  return {
    ecc,
    router,
    url,
    customer: seeded.customers[0]!.customerNumber,
    requests,
    client: (overrides = {}) => {
      const client = createSoapRfcClient({ url, client: '100', ...USER, timeoutMs: 5_000, ...overrides });
      clients.push(client);
      return client;
    },
    stop: async () => {
      await Promise.all(clients.map((c) => c.close()));
      router.closeSessions();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const echoInput: RfcParameters = {
  DAY: '20280228',
  TIME: '070809',
  VALUES: { TEXT: 'Müller & Söhne <AG>', NUMBER: '42', DAY: '', TIME: '235958', COUNT: -7, AMOUNT: '-1234.5', QUANTITY: 3, RATE: '1.25', FACTOR: 0.5, CURRENCY: 'EUR' },
  COUNTER: 41,
  ITEMS: [
    { POSNR: '10', MATERIAL: 'M-1', QUANTITY: '1.5', DELIVERY: '20261201' },
    { POSNR: '000020', QUANTITY: '2', DELIVERY: '00000000' },
  ],
};

describe('SOAP-RFC transport: results', () => {
  let service: Service;
  let soap: RfcClient;
  let inProcess: RfcClient;
  beforeAll(async () => {
    service = await startService();
    soap = service.client();
    inProcess = createInProcessRfcClient(service.ecc, { ...USER, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await inProcess.close();
    await service.stop();
  });

  it('returns what the in-process transport returns: same keys, values and value types', async () => {
    const overSoap = await soap.call('Z_TEST_ECHO', echoInput);
    const overRfc = await inProcess.call('Z_TEST_ECHO', echoInput);
    expect(overSoap).toEqual(overRfc);
    expect(Object.keys(overSoap).sort()).toEqual(['COUNTER', 'DAY_AFTER', 'DOUBLED', 'ITEMS', 'RETURN', 'VALUES_OUT']);
    expect(overSoap.COUNTER).toBe(42);
    expect(overSoap.VALUES_OUT).toEqual({
      TEXT: 'Müller & Söhne <AG>', NUMBER: '000042', DAY: '00000000', TIME: '235958', COUNT: -7, AMOUNT: '-1234.50',
      QUANTITY: '3.000', RATE: '1.25', FACTOR: 0.5, CURRENCY: 'EUR', UNIT: '', LANGU: '',
    });
    expect((overSoap.RETURN as RfcStructure).ROW).toBe(0);
  });

  it('converts dates and times both ways', async () => {
    const result = await soap.call('Z_TEST_ECHO', { DAY: '20281231', VALUES: { DAY: '20260101', TIME: '000001' } });
    expect(result.DAY_AFTER).toBe('20290101');
    expect(result.VALUES_OUT).toMatchObject({ DAY: '20260101', TIME: '000001' });
    const tables = await soap.call('Z_TEST_ECHO', { DAY: '20261127', ITEMS: echoInput.ITEMS! });
    expect(tables.DOUBLED).toEqual([
      { POSNR: '000010', MATERIAL: 'M-1', QUANTITY: '3.000', DELIVERY: '20261201' },
      { POSNR: '000020', MATERIAL: '', QUANTITY: '4.000', DELIVERY: '00000000' },
    ]);
  });

  it('returns every TABLES parameter, empty ones as [], also when the caller passed none', async () => {
    const result = await soap.call('Z_TEST_ECHO', { DAY: '20261127' });
    expect(result.ITEMS).toEqual([]);
    expect(result.DOUBLED).toEqual([]);
  });

  it('hands a business error in RETURN back as data', async () => {
    const result = await soap.call('Z_TEST_ECHO', { DAY: '00000000' });
    expect(result.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '206', MESSAGE: 'Enter a value in field DAY' });
  });

  it('ignores EXPORTING parameters passed as input, as the RFC library does', async () => {
    const viaSoap = await soap.call('Z_TEST_ECHO', { DAY: '20261127', DAY_AFTER: '20990101' });
    const viaRfc = await inProcess.call('Z_TEST_ECHO', { DAY: '20261127', DAY_AFTER: '20990101' });
    expect(viaSoap.DAY_AFTER).toBe('20261128');
    expect(viaSoap).toEqual(viaRfc);
  });

  it('answers a ping', async () => {
    await expect(soap.ping()).resolves.toBeUndefined();
  });
});

describe('SOAP-RFC transport: the interface check', () => {
  let service: Service;
  let soap: RfcClient;
  beforeAll(async () => {
    service = await startService();
    soap = service.client();
  });
  afterAll(() => service.stop());

  it('reads a function module\'s WSDL once and refuses unknown parameters and fields before sending, in node-rfc\'s words', async () => {
    await soap.call('Z_TEST_ECHO', { DAY: '20261127' });
    const before = service.requests.length;
    const refused = [
      soap.call('Z_TEST_ECHO', { DAY: '20261127', NOPE: 'x' }),
      soap.call('Z_TEST_ECHO', { DAY: '20261127', VALUES: { NOPE: 'x' } }),
      soap.call('Z_TEST_ECHO', { DAY: '20261127', ITEMS: [{ POSNR: '10' }, { NOPE: 'x' }] }),
    ];
    for (const call of refused) {
      await expect(call).rejects.toBeInstanceOf(SapInterfaceError);
      await expect(call).rejects.toThrow("field 'NOPE' not found");
    }
    expect(service.requests.slice(before)).toEqual([]);
    expect(service.requests.filter((r) => r === 'GET wsdl11')).toHaveLength(1);
  });

  it('refuses values that do not fit their ABAP type', async () => {
    const before = service.requests.length;
    await expect(soap.call('Z_TEST_ECHO', { DAY: '27.11.2026' })).rejects.toThrow(SapInterfaceError);
    await expect(soap.call('Z_TEST_ECHO', { DAY: '20261127', VALUES: { TEXT: 5 } })).rejects.toThrow(/a string is expected/);
    await expect(soap.call('Z_TEST_ECHO', { DAY: '20261127', VALUES: { TEXT: 'x'.repeat(21) } })).rejects.toThrow(/longer than 20 characters/);
    await expect(soap.call('Z_TEST_ECHO', { DAY: '20261127', COUNTER: 1.5 })).rejects.toThrow(/an integer is expected/);
    await expect(soap.call('Z_TEST_ECHO', { DAY: '20261127', VALUES: [] })).rejects.toThrow(SapInterfaceError);
    expect(service.requests.slice(before)).toEqual([]);
  });

  it('reports an unknown function module and a missing mandatory parameter as interface errors', async () => {
    await expect(soap.call('Z_DOES_NOT_EXIST', {})).rejects.toThrow(/Function module Z_DOES_NOT_EXIST does not exist/);
    await expect(soap.call('Z_DOES_NOT_EXIST', {})).rejects.toBeInstanceOf(SapInterfaceError);
    await expect(soap.call('Z_TEST_ECHO', { TIME: '100000' })).rejects.toBeInstanceOf(SapInterfaceError);
  });
});

describe('SOAP-RFC transport: failures', () => {
  let service: Service;
  beforeAll(async () => (service = await startService()));
  afterAll(() => service.stop());

  it('maps an exception of the function module to SapAbapException with its name', async () => {
    const call = service.client().call('Z_TEST_CUSTOMER_READ', { CUSTOMER: 'ZZZZZZZZZZ' });
    await expect(call).rejects.toBeInstanceOf(SapAbapException);
    await expect(call).rejects.toMatchObject({ exception: 'NOT_FOUND', message: expect.stringContaining('Customer ZZZZZZZZZZ does not exist') });
  });

  it('maps 401 to SapLogonError that says what to check, for a wrong password and a wrong client', async () => {
    for (const client of [service.client({ password: 'wrong' }), service.client({ client: '200' })]) {
      const call = client.call('RFC_PING', {});
      await expect(call).rejects.toBeInstanceOf(SapLogonError);
      await expect(call).rejects.toThrow(/Check the SAP user, password and client/);
      await expect(client.ping()).rejects.toBeInstanceOf(SapLogonError);
    }
  });

  it('maps SAP being down (503) to a transient SapCommunicationError', async () => {
    const client = service.client();
    service.ecc.setKnobs({ down: true });
    try {
      const error: unknown = await client.call('RFC_PING', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SapCommunicationError);
      expect(error).toMatchObject({ category: 'transient', retryable: true });
    } finally {
      service.ecc.setKnobs({ down: false });
    }
    await expect(client.call('RFC_PING', {})).resolves.toEqual({});
  });

  it('maps a refused connection to SapCommunicationError', async () => {
    const { server, port } = await listen(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const client = createSoapRfcClient({ url: `http://127.0.0.1:${port}/sap/bc/soap/rfc`, client: '100', ...USER });
    await expect(client.ping()).rejects.toBeInstanceOf(SapCommunicationError);
    await expect(client.ping()).rejects.toThrow(/ECONNREFUSED/);
    await client.close();
  });

  it('abandons a call that exceeds its timeout, or is cancelled, with SapTimeoutError', async () => {
    const client = service.client({ timeoutMs: 50 });
    await client.call('RFC_PING', {});
    service.ecc.setKnobs({ latencyMs: 400 });
    try {
      await expect(client.call('RFC_PING', {})).rejects.toBeInstanceOf(SapTimeoutError);
      const controller = new AbortController();
      const cancelled = service.client().call('RFC_PING', {}, { signal: controller.signal });
      controller.abort();
      await expect(cancelled).rejects.toBeInstanceOf(SapTimeoutError);
      await expect(cancelled).rejects.toThrow(/cancelled/);
    } finally {
      service.ecc.setKnobs({ latencyMs: 0 });
    }
  });

  it('keeps at most maxConnections requests in SAP at once', async () => {
    const client = service.client({ maxConnections: 2 });
    await client.call('RFC_PING', {});
    service.ecc.workProcesses.peakBusy = 0;
    service.ecc.setKnobs({ latencyMs: 30 });
    try {
      await Promise.all(Array.from({ length: 8 }, () => client.call('RFC_PING', {})));
    } finally {
      service.ecc.setKnobs({ latencyMs: 0 });
    }
    expect(service.ecc.workProcesses.peakBusy).toBe(2);
  });

  it('takes no calls after close()', async () => {
    const client = service.client();
    await client.close();
    await expect(client.ping()).rejects.toThrow(/shutting down/);
  });
});

/** A self-signed certificate for 127.0.0.1, made with the openssl command when it is installed. */
function selfSignedCertificate(): { dir: string; key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ecc365-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { dir, key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const certificate = selfSignedCertificate();

describe.skipIf(!certificate)('SOAP-RFC transport over HTTPS (skipped: no openssl command to make a test certificate)', () => {
  let server: Server;
  let url: string;
  let router: SoapRfcRouter;
  beforeAll(async () => {
    const { ecc } = createSoapTestEcc();
    router = createSoapRfcRouter(ecc);
    const app = express();
    app.use('/sap/bc', router);
    server = createHttpsServer({ key: readFileSync(certificate!.key), cert: readFileSync(certificate!.cert) }, app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/sap/bc/soap/rfc`;
  });
  afterAll(async () => {
    router.closeSessions();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(certificate!.dir, { recursive: true, force: true });
  });

  it('trusts SAP\'s certificate through the configured CA file', async () => {
    const client = createSoapRfcClient({ url, client: '100', ...USER, tls: { caFile: certificate!.cert } });
    await expect(client.call('Z_TEST_ECHO', { DAY: '20261127' })).resolves.toMatchObject({ DAY_AFTER: '20261128' });
    await client.close();
  });

  it('refuses an untrusted certificate with a configuration error that names the setting', async () => {
    const client = createSoapRfcClient({ url, client: '100', ...USER });
    const error: unknown = await client.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapCommunicationError);
    expect(error).toMatchObject({ category: 'config', message: expect.stringContaining('tls.caFile') });
    await client.close();
  });
});

describe('SOAP-RFC transport: answers that are not results', () => {
  /** A stand-in for SAP that gives the scripted answers in turn. */
  async function scripted(answers: { status: number; body: string }[]): Promise<{ client: RfcClient; stop: () => Promise<void> }> {
    let next = 0;
    const { server, port } = await listen((_req, res) => {
      const answer = answers[next++]!;
      res.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8' }).end(answer.body);
    });
    const client = createSoapRfcClient({ url: `http://127.0.0.1:${port}/sap/bc/soap/rfc`, client: '100', ...USER, maxResponseBytes: 4096 });
    return {
      client,
      stop: async () => {
        await client.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it('refuses an answer with a DOCTYPE without expanding its entities, and reports an answer that is not SOAP', async () => {
    const { client, stop } = await scripted([
      { status: 200, body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "EXPANDED">]><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><rfc:RFC_PING.Response xmlns:rfc="urn:sap-com:document:sap:rfc:functions">&e;</rfc:RFC_PING.Response></SOAP-ENV:Body></SOAP-ENV:Envelope>' },
      { status: 500, body: '<html><body>500 SAP Internal Server Error: RABAX_STATE</body></html>' },
    ]);
    try {
      const doctype = await client.ping().catch((e: unknown) => e);
      expect(doctype).toBeInstanceOf(SapRuntimeError);
      expect((doctype as Error).message).toMatch(/DOCTYPE/);
      expect((doctype as Error).message).not.toMatch(/EXPANDED/);
      await expect(client.ping()).rejects.toThrow(/HTTP 500 and no SOAP fault: 500 SAP Internal Server Error: RABAX_STATE/);
    } finally {
      await stop();
    }
  });

  it('maps 404 to a configuration error, a runtime error fault to SapRuntimeError, and refuses an answer over the size limit', async () => {
    const { client, stop } = await scripted([
      { status: 404, body: '<html>Not found</html>' },
      {
        status: 500,
        body: '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>Internal Server Error</faultstring><detail><rfc:Error xmlns:rfc="urn:sap-com:document:sap:rfc:functions"><type>COMPUTE_INT_ZERODIVIDE</type><message>Division by zero</message></rfc:Error></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>',
      },
      { status: 200, body: `<x>${'y'.repeat(10_000)}</x>` },
    ]);
    try {
      await expect(client.ping()).rejects.toMatchObject({ code: 'SAP_COMMUNICATION', category: 'config', message: expect.stringContaining('HTTP 404') });
      await expect(client.ping()).rejects.toMatchObject({ code: 'SAP_RUNTIME_ERROR', message: expect.stringContaining('COMPUTE_INT_ZERODIVIDE') });
      await expect(client.ping()).rejects.toThrow(/larger than 4096 bytes/);
    } finally {
      await stop();
    }
  });
});

describe('SOAP-RFC transport: sessions and the LUW', () => {
  const customerWithSalesOrg = (service: Service): { customerNumber: string; salesOrg: string } => {
    const customerNumber = service.customer;
    return { customerNumber, salesOrg: String(service.ecc.db.table('KNVV').select({ KUNNR: customerNumber })[0]!.VKORG) };
  };
  const nameOf = (service: Service): unknown => service.ecc.db.table('KNA1').get({ KUNNR: service.customer })?.NAME1;

  it('with BAPI_CUSTOMER_CHANGEFROMDATA1: a change committed in the same inSession is posted, the same calls without a session post nothing', async () => {
    const service = await startService();
    try {
      const client = service.client();
      const customer = customerWithSalesOrg(service);
      const change = (city: string): RfcParameters => ({
        CUSTOMERNO: customer.customerNumber,
        PI_SALESORG: customer.salesOrg,
        PI_PERSONALDATA: { CITY: city },
        PI_PERSONALDATAX: { CITY: 'X' },
      });
      const cityOf = async (): Promise<unknown> =>
        structureOf(await client.call('BAPI_CUSTOMER_GETDETAIL2', { CUSTOMERNO: customer.customerNumber }), 'CUSTOMERADDRESS').CITY;
      const before = await cityOf();

      const stateless = await client.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change('Statelessburg'));
      expect(stateless.RETURN).toMatchObject({ TYPE: 'S' });
      await client.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      expect(await cityOf()).toBe(before);

      await client.inSession(async (session) => {
        const changed = await session.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change('Sessionville'));
        expect(changed.RETURN).toMatchObject({ TYPE: 'S' });
        await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      });
      expect(await cityOf()).toBe('Sessionville');
    } finally {
      await service.stop();
    }
  });

  it('commits a write made in the same inSession, visible from another session', async () => {
    const service = await startService();
    try {
      const client = service.client();
      const result = await client.inSession(async (session) => {
        const renamed = await session.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Session GmbH' });
        await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
        return renamed;
      });
      expect(result.RETURN).toMatchObject({ TYPE: 'S' });
      const read = await client.call('Z_TEST_CUSTOMER_READ', { CUSTOMER: service.customer });
      expect(read.CUSTOMER_DATA).toMatchObject({ KUNNR: service.customer, NAME1: 'Session GmbH' });
      expect(service.router.sessions.size).toBe(0);
      expect(service.requests.filter((r) => r === 'POST rfc')).toHaveLength(4); // rename (open), commit, close, read
    } finally {
      await service.stop();
    }
  });

  it('commits nothing when the same two calls are made without a session', async () => {
    const service = await startService();
    try {
      const client = service.client();
      const before = nameOf(service);
      await client.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Lost GmbH' });
      await client.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      expect(nameOf(service)).toBe(before);
    } finally {
      await service.stop();
    }
  });

  it('closes the session when the work fails, and SAP rolls back what was not committed', async () => {
    const service = await startService();
    try {
      const before = nameOf(service);
      const work = service.client().inSession(async (session) => {
        await session.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Half Done' });
        throw new Error('the flow gave up before the commit');
      });
      await expect(work).rejects.toThrow('the flow gave up');
      expect(service.router.sessions.size).toBe(0);
      await service.client().call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      expect(nameOf(service)).toBe(before);
    } finally {
      await service.stop();
    }
  });

  it('fails the unit of work with a transient error when SAP ended the session (timeout), committing nothing', async () => {
    const service = await startService({ sessionTimeoutMs: 100 });
    try {
      const before = nameOf(service);
      const outcomes = await service.client().inSession(async (session) => {
        await session.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Too Slow' });
        while (service.router.sessions.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        const commit = await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' }).catch((e: unknown) => e);
        const next = await session.call('RFC_PING', {}).catch((e: unknown) => e);
        return { commit, next };
      });
      expect(outcomes.commit).toBeInstanceOf(SapCommunicationError);
      expect(outcomes.commit).toMatchObject({ category: 'transient', message: expect.stringContaining('session of this unit of work has ended') });
      // Once lost, the session is not silently replaced by a new one.
      expect(outcomes.next).toBeInstanceOf(SapCommunicationError);
      expect(outcomes.next).toMatchObject({ message: expect.stringContaining('was lost') });
      expect(nameOf(service)).toBe(before);
      expect(service.router.sessions.size).toBe(0);
    } finally {
      await service.stop();
    }
  });

  it('keeps every cookie the server sets for the session (a load balancer routing by cookie)', async () => {
    // A web dispatcher in front that pins the session to an application server with its own cookie.
    const dispatcher: RequestHandler = (req, res, next) => {
      if (req.url.includes('sap-sessioncmd=open')) res.append('Set-Cookie', 'lb-route=app2; path=/');
      else if ((req.headers.cookie ?? '').includes('sap-contextid') && !(req.headers.cookie ?? '').includes('lb-route=app2')) {
        return void res.status(503).type('text/plain').send('no route to the session');
      }
      next();
    };
    const service = await startService({ before: dispatcher });
    try {
      await service.client().inSession(async (session) => {
        await session.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Routed GmbH' });
        await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      });
      expect(nameOf(service)).toBe('Routed GmbH');
    } finally {
      await service.stop();
    }
  });

  it('refuses to go on when SAP does not open a stateful session, rather than losing the commit silently', async () => {
    const ignoreSessionCommand: RequestHandler = (req, _res, next) => {
      req.url = req.url.replace(/&sap-sessioncmd=open/, '');
      next();
    };
    const service = await startService({ before: ignoreSessionCommand });
    try {
      const work = service.client().inSession((session) => session.call('Z_TEST_CUSTOMER_RENAME', { CUSTOMER: service.customer, NAME: 'Nowhere' }));
      await expect(work).rejects.toBeInstanceOf(SapCommunicationError);
      await expect(work).rejects.toMatchObject({ category: 'config', message: expect.stringContaining('did not open a stateful session') });
    } finally {
      await service.stop();
    }
  });
});
