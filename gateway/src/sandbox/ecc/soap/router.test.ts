import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimulatedEcc } from '../simulatedEcc.js';
import type { SoapRfcServiceOptions } from './router.js';
import { serveSoapRfc, type SoapRfcServer } from './standalone.js';
import { createSoapTestEcc } from './testFunctions.js';

const AUTH = `Basic ${Buffer.from('ECC365:sandbox').toString('base64')}`;
const RFC_NS = 'urn:sap-com:document:sap:rfc:functions';

const envelope = (call: string, prefix = 'urn'): string =>
  `<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:${prefix}="${RFC_NS}"><soapenv:Header/><soapenv:Body>${call}</soapenv:Body></soapenv:Envelope>`;

// Independent of the service's own parser: plain fast-xml-parser, prefixes dropped, rows always arrays.
const reader = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'item' });
/** A value in a parsed XML tree, by element names. */
const at = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((n, name) => (n as Record<string, unknown> | undefined)?.[name], node);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The first element of the SOAP body. */
  body: unknown;
}

function client(server: SoapRfcServer) {
  return async (call: string, options: { query?: string; cookie?: string; auth?: string | null; raw?: string } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
    if (options.auth !== null) headers.Authorization = options.auth ?? AUTH;
    if (options.cookie) headers.Cookie = options.cookie;
    const response = await fetch(`${server.rfcUrl}?sap-client=100${options.query ?? ''}`, { method: 'POST', headers, body: options.raw ?? envelope(call) });
    const text = await response.text();
    const body = response.headers.get('content-type')?.startsWith('text/xml') ? at(reader.parse(text), 'Envelope', 'Body') : undefined;
    return { status: response.status, headers: response.headers, text, body };
  };
}

const contextCookie = (answer: Answer): string => {
  const cookie = answer.headers.get('set-cookie') ?? '';
  const match = /sap-contextid=([^;]*)/.exec(cookie);
  if (!match?.[1]) throw new Error(`no sap-contextid cookie in "${cookie}"`);
  return `sap-contextid=${match[1]}`;
};

async function start(options: SoapRfcServiceOptions = {}): Promise<{ ecc: SimulatedEcc; server: SoapRfcServer; post: ReturnType<typeof client>; customer: string }> {
  const { ecc, seeded } = createSoapTestEcc();
  const server = await serveSoapRfc(ecc, options);
  return { ecc, server, post: client(server), customer: seeded.customers[0]!.customerNumber };
}

describe('SOAP-RFC service: logon', () => {
  let env: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => (env = await start()));
  afterAll(() => env.server.stop());

  it('answers 401 with SAP\'s Basic realm without credentials, with a wrong password and for an unknown client', async () => {
    const ping = '<urn:RFC_PING/>';
    const missing = await env.post(ping, { auth: null });
    const wrong = await env.post(ping, { auth: `Basic ${Buffer.from('ECC365:wrong').toString('base64')}` });
    const response = await fetch(`${env.server.rfcUrl}?sap-client=200`, { method: 'POST', headers: { Authorization: AUTH }, body: envelope(ping) });
    for (const answer of [missing, wrong, { status: response.status, headers: response.headers }]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="SAP NetWeaver Application Server [ECS/100]"');
    }
    expect((await env.post(ping)).status).toBe(200);
  });

  it('takes the user name case-insensitively, as SAP does', async () => {
    expect((await env.post('<urn:RFC_PING/>', { auth: `Basic ${Buffer.from('ecc365:sandbox').toString('base64')}` })).status).toBe(200);
  });
});

describe('SOAP-RFC service: calls', () => {
  let env: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => (env = await start()));
  afterAll(() => env.server.stop());

  it('converts asXML values in and out: dates, times, NUMC, packed numbers, integers, structures and table rows', async () => {
    const answer = await env.post(`<urn:Z_TEST_ECHO>
      <DAY>2028-02-28</DAY>
      <TIME>07:08:09</TIME>
      <VALUES><TEXT>Müller &amp; Söhne &lt;AG&gt;</TEXT><NUMBER>42</NUMBER><DAY>20260101</DAY><TIME>23:59:58</TIME><COUNT>-7</COUNT>
        <AMOUNT>-1234.5</AMOUNT><QUANTITY>3</QUANTITY><RATE>1.25</RATE><FACTOR>0.5</FACTOR><CURRENCY>EUR</CURRENCY></VALUES>
      <COUNTER>41</COUNTER>
      <ITEMS><item><POSNR>10</POSNR><MATERIAL>M-1</MATERIAL><QUANTITY>1.5</QUANTITY><DELIVERY>2026-12-01</DELIVERY></item>
        <item><POSNR>20</POSNR><QUANTITY>2</QUANTITY><DELIVERY>0000-00-00</DELIVERY></item></ITEMS>
      <DOUBLED/>
    </urn:Z_TEST_ECHO>`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.text).toContain('<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">');
    expect(answer.text).toContain(`<rfc:Z_TEST_ECHO.Response xmlns:rfc="${RFC_NS}">`);
    const response = at(answer.body, 'Z_TEST_ECHO.Response');
    expect(at(response, 'DAY_AFTER')).toBe('2028-02-29');
    expect(at(response, 'COUNTER')).toBe('42');
    expect(at(response, 'VALUES_OUT')).toEqual({
      TEXT: 'Müller & Söhne <AG>', NUMBER: '000042', DAY: '2026-01-01', TIME: '23:59:58', COUNT: '-7', AMOUNT: '-1234.50',
      QUANTITY: '3.000', RATE: '1.25', FACTOR: '0.5', CURRENCY: 'EUR', UNIT: '', LANGU: '',
    });
    expect(answer.text).toContain('<UNIT/><LANGU/>');
    expect(at(response, 'DOUBLED', 'item')).toEqual([
      { POSNR: '000010', MATERIAL: 'M-1', QUANTITY: '3.000', DELIVERY: '2026-12-01' },
      { POSNR: '000020', MATERIAL: '', QUANTITY: '4.000', DELIVERY: '0000-00-00' },
    ]);
    // EXPORTING structures are expanded to every field, initial ones included.
    expect(at(response, 'RETURN')).toMatchObject({ TYPE: '', NUMBER: '000', LOG_MSG_NO: '000000', ROW: '0' });
  });

  it('accepts dates as YYYYMMDD and empty, and times as HHMMSS', async () => {
    const answer = await env.post('<urn:Z_TEST_ECHO><DAY>20261231</DAY><VALUES><DAY/><TIME>101112</TIME></VALUES></urn:Z_TEST_ECHO>');
    const response = at(answer.body, 'Z_TEST_ECHO.Response');
    expect(at(response, 'DAY_AFTER')).toBe('2027-01-01');
    expect(at(response, 'VALUES_OUT')).toMatchObject({ DAY: '0000-00-00', TIME: '10:11:12' });
  });

  it('returns only the TABLES the request contained', async () => {
    const withTables = await env.post('<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><ITEMS/></urn:Z_TEST_ECHO>');
    const response = at(withTables.body, 'Z_TEST_ECHO.Response');
    expect(response).toHaveProperty('ITEMS', '');
    expect(response).not.toHaveProperty('DOUBLED');
  });

  it('accepts any prefix for the function element and decodes character references', async () => {
    const call = '<sap:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><TEXT>&#65;&#x42;C</TEXT></VALUES></sap:Z_TEST_ECHO>';
    const answer = await env.post('', { raw: envelope(call, 'sap') });
    expect(answer.status).toBe(200);
    expect(at(answer.body, 'Z_TEST_ECHO.Response', 'VALUES_OUT', 'TEXT')).toBe('ABC');
  });

  it('reports a business error in RETURN with HTTP 200', async () => {
    const answer = await env.post('<urn:Z_TEST_ECHO><DAY>0000-00-00</DAY></urn:Z_TEST_ECHO>');
    expect(answer.status).toBe(200);
    expect(at(answer.body, 'Z_TEST_ECHO.Response', 'RETURN')).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '206', PARAMETER: 'DAY' });
  });

  it('answers an exception of the function module with a Server fault naming it', async () => {
    const answer = await env.post('<urn:Z_TEST_CUSTOMER_READ><CUSTOMER>ZZZZZZZZZZ</CUSTOMER></urn:Z_TEST_CUSTOMER_READ>');
    expect(answer.status).toBe(500);
    expect(at(answer.body, 'Fault')).toMatchObject({
      faultcode: 'SOAP-ENV:Server',
      faultstring: 'NOT_FOUND',
      detail: { 'Z_TEST_CUSTOMER_READ.Exception': { Name: 'NOT_FOUND', Text: 'Customer ZZZZZZZZZZ does not exist' } },
    });
  });

  it('answers an unknown function module, parameter, field or value with a Client fault', async () => {
    const unknownFunction = await env.post('<urn:Z_DOES_NOT_EXIST/>');
    expect(unknownFunction.status).toBe(500);
    expect(at(unknownFunction.body, 'Fault')).toMatchObject({ faultcode: 'SOAP-ENV:Client', faultstring: 'FU_NOT_FOUND', detail: { 'Z_DOES_NOT_EXIST.Exception': { Name: 'FU_NOT_FOUND' } } });

    const cases: [string, string, RegExp][] = [
      ['<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><NOPE>1</NOPE></urn:Z_TEST_ECHO>', 'RFC_INVALID_PARAMETER', /field 'NOPE' not found/],
      ['<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><NOPE>1</NOPE></VALUES></urn:Z_TEST_ECHO>', 'RFC_INVALID_PARAMETER', /field 'NOPE' not found/],
      ['<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><ITEMS><item><NOPE>1</NOPE></item></ITEMS></urn:Z_TEST_ECHO>', 'RFC_INVALID_PARAMETER', /field 'NOPE' not found/],
      ['<urn:Z_TEST_ECHO><DAY>27.11.2026</DAY></urn:Z_TEST_ECHO>', 'RFC_CONVERSION_FAILURE', /only digits/],
      ['<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><TEXT>this text is longer than twenty</TEXT></VALUES></urn:Z_TEST_ECHO>', 'RFC_CONVERSION_FAILURE', /longer than 20/],
      ['<urn:Z_TEST_ECHO><TIME>10:00:00</TIME></urn:Z_TEST_ECHO>', 'CALL_FUNCTION_PARM_MISSING', /DAY/],
    ];
    for (const [call, key, text] of cases) {
      const answer = await env.post(call);
      expect(answer.status, call).toBe(500);
      const fault = at(answer.body, 'Fault');
      expect(at(fault, 'faultcode')).toBe('SOAP-ENV:Client');
      expect(at(fault, 'faultstring')).toBe(key);
      expect(at(fault, 'detail', 'Z_TEST_ECHO.Exception', 'Name')).toBe(key);
      expect(at(fault, 'detail', 'Z_TEST_ECHO.Exception', 'Text')).toMatch(text);
    }
  });

  it('refuses a DOCTYPE, an undeclared entity and a request that is not a SOAP-RFC envelope', async () => {
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY big "expanded">]>${envelope('<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><TEXT>&big;</TEXT></VALUES></urn:Z_TEST_ECHO>').replace('<?xml version="1.0" encoding="utf-8"?>', '')}`;
    const bad = [
      withDoctype,
      envelope('<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><TEXT>&nbsp;</TEXT></VALUES></urn:Z_TEST_ECHO>'),
      envelope('<Z_TEST_ECHO><DAY>2026-11-27</DAY></Z_TEST_ECHO>'),
      '<not-soap/>',
      envelope('<urn:Z_TEST_ECHO><DAY>2026-11-27</urn:Z_TEST_ECHO>'),
    ];
    const callsBefore = env.ecc.callCounts.get('Z_TEST_ECHO') ?? 0;
    for (const raw of bad) {
      const answer = await env.post('', { raw });
      expect(answer.status, raw).toBe(500);
      expect(at(answer.body, 'Fault')).toMatchObject({ faultcode: 'SOAP-ENV:Client', faultstring: 'RFC_DESERIALIZE_ERROR' });
      expect(answer.text).not.toContain('expanded');
    }
    expect(env.ecc.callCounts.get('Z_TEST_ECHO') ?? 0).toBe(callsBefore);
  });

  it('refuses a body over the limit', async () => {
    const small = await start({ maxBodyBytes: 1024 });
    try {
      const answer = await small.post(`<urn:Z_TEST_ECHO><DAY>2026-11-27</DAY><VALUES><TEXT>${'x'.repeat(2000)}</TEXT></VALUES></urn:Z_TEST_ECHO>`);
      expect(answer.status).toBe(413);
    } finally {
      await small.server.stop();
    }
  });
});

describe('SOAP-RFC service: sessions and the LUW', () => {
  let env: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => (env = await start({ sessionTimeoutMs: 200, maxSessions: 2 })));
  afterAll(() => env.server.stop());

  const rename = (customer: string, name: string): string =>
    `<urn:Z_TEST_CUSTOMER_RENAME><CUSTOMER>${customer}</CUSTOMER><NAME>${name}</NAME></urn:Z_TEST_CUSTOMER_RENAME>`;
  const commit = '<urn:BAPI_TRANSACTION_COMMIT><WAIT>X</WAIT></urn:BAPI_TRANSACTION_COMMIT>';
  const nameOf = (customer: string): unknown => env.ecc.db.table('KNA1').get({ KUNNR: customer })?.NAME1;

  it('runs each request without sap-sessioncmd in its own session: a commit in the next request commits nothing', async () => {
    const before = nameOf(env.customer);
    const renamed = await env.post(rename(env.customer, 'Stateless GmbH'));
    expect(at(renamed.body, 'Z_TEST_CUSTOMER_RENAME.Response', 'RETURN', 'TYPE')).toBe('S');
    expect(renamed.headers.get('set-cookie')).toBeNull();
    expect((await env.post(commit)).status).toBe(200);
    expect(nameOf(env.customer)).toBe(before);
  });

  it('keeps a session opened with sap-sessioncmd=open until sap-sessioncmd=close, so the commit sees the write', async () => {
    const opened = await env.post(rename(env.customer, 'Stateful GmbH'), { query: '&sap-sessioncmd=open' });
    expect(opened.status).toBe(200);
    const setCookie = opened.headers.get('set-cookie')!;
    expect(decodeURIComponent(/sap-contextid=([^;]*)/.exec(setCookie)![1]!)).toMatch(/^SID:ANON:ecc365sandbox_ECS_00:[A-Za-z0-9_-]+-ATT$/);
    expect(setCookie).toContain('path=/sandbox/sap/bc/soap/rfc');
    const cookie = contextCookie(opened);
    expect((await env.post(commit, { cookie })).status).toBe(200);
    expect(nameOf(env.customer)).toBe('Stateful GmbH');
    const closed = await env.post('<urn:RFC_PING/>', { cookie, query: '&sap-sessioncmd=close' });
    expect(closed.status).toBe(200);
    expect(closed.headers.get('set-cookie')).toMatch(/sap-contextid=;.*Max-Age=0/);
    expect(env.server.router.sessions.size).toBe(0);
  });

  it('rolls back what is uncommitted when the session is closed', async () => {
    const before = nameOf(env.customer);
    const opened = await env.post(rename(env.customer, 'Never Committed'), { query: '&sap-sessioncmd=open' });
    await env.post('<urn:RFC_PING/>', { cookie: contextCookie(opened), query: '&sap-sessioncmd=close' });
    const again = await env.post(commit, { query: '&sap-sessioncmd=open' });
    await env.post('<urn:RFC_PING/>', { cookie: contextCookie(again), query: '&sap-sessioncmd=close' });
    expect(nameOf(env.customer)).toBe(before);
  });

  it('ends an idle session after the timeout, rolls it back and refuses its context id afterwards', async () => {
    const before = nameOf(env.customer);
    const opened = await env.post(rename(env.customer, 'Timed Out'), { query: '&sap-sessioncmd=open' });
    const cookie = contextCookie(opened);
    await vi.waitFor(() => expect(env.server.router.sessions.size).toBe(0), { timeout: 5_000, interval: 50 });
    const late = await env.post(commit, { cookie });
    expect(late.status).toBe(400);
    expect(at(late.body, 'Fault')).toMatchObject({ faultcode: 'SOAP-ENV:Client', faultstring: 'SESSION_NOT_FOUND', detail: { Error: { type: 'SESSION_NOT_FOUND' } } });
    expect(nameOf(env.customer)).toBe(before);
  });

  it('refuses an unknown context id', async () => {
    const answer = await env.post('<urn:RFC_PING/>', { cookie: `sap-contextid=${encodeURIComponent('SID:ANON:elsewhere_ECS_00:abc-ATT')}` });
    expect(answer.status).toBe(400);
    expect(at(answer.body, 'Fault', 'faultstring')).toBe('SESSION_NOT_FOUND');
  });

  it('opens no more sessions than configured and answers 503 beyond', async () => {
    const first = await env.post('<urn:RFC_PING/>', { query: '&sap-sessioncmd=open' });
    const second = await env.post('<urn:RFC_PING/>', { query: '&sap-sessioncmd=open' });
    const third = await env.post('<urn:RFC_PING/>', { query: '&sap-sessioncmd=open' });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 503]);
    for (const opened of [first, second]) await env.post('<urn:RFC_PING/>', { cookie: contextCookie(opened), query: '&sap-sessioncmd=close' });
    expect(env.server.router.sessions.size).toBe(0);
  });
});

describe('SOAP-RFC service: an unavailable ECC', () => {
  it('answers 503 as the ICM does while SAP is down, and serves again afterwards', async () => {
    const env = await start();
    try {
      env.ecc.setKnobs({ down: true });
      const down = await env.post('<urn:RFC_PING/>');
      expect(down.status).toBe(503);
      env.ecc.setKnobs({ down: false });
      expect((await env.post('<urn:RFC_PING/>')).status).toBe(200);
    } finally {
      await env.server.stop();
    }
  });

  it('answers 503 when no work process is free and the dispatcher queue is full', async () => {
    const env = await start();
    try {
      env.ecc.setKnobs({ workProcesses: 1, queueLength: 0, latencyMs: 200 });
      const answers = await Promise.all([env.post('<urn:RFC_PING/>'), env.post('<urn:RFC_PING/>')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 503]);
    } finally {
      await env.server.stop();
    }
  });
});
