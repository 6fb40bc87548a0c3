import { describe, expect, it } from 'vitest';
import type { TableModel } from '../shared/pageModel.js';
import { createAccessTokens, SignInRequired } from './tokens.js';
import { createWebApi, queryOf, WebApiError } from './webApi.js';

const ORIGIN = 'http://127.0.0.1:4365';
const SERVICE_ROOT = '/sandbox/dataverse/api/data/v9.2/';
const TABLES: Record<string, TableModel> = {
  account: { logicalName: 'account', entitySetName: 'accounts', primaryIdAttribute: 'accountid', primaryNameAttribute: 'name' },
};

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Answers requests the way the Web API does, recording what the client sent. */
function fakeDataverse(answer: (request: Sent) => Response) {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const request: Sent = {
      method: init?.method ?? 'GET',
      url: input instanceof URL ? input.href : typeof input === 'string' ? input : input.url,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    return answer(request);
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function webApiWith(answer: (request: Sent) => Response, tokens = ['token-1', 'token-2']) {
  const dataverse = fakeDataverse(answer);
  let issued = 0;
  const tokenFetch = (async () => json(200, { accessToken: tokens[issued++], expiresOn: new Date(Date.now() + 3_600_000).toISOString() })) as typeof fetch;
  const webApi = createWebApi({ serviceRoot: SERVICE_ROOT, origin: ORIGIN, tables: TABLES, tokens: createAccessTokens('/sandbox/preview/token?resource=dataverse', tokenFetch), fetch: dataverse.fetchImpl });
  return { webApi, sent: dataverse.sent, tokensIssued: () => issued };
}

describe('context.webAPI over the Web API', () => {
  it('reads a row by id with every annotation, with the persona token and the OData headers', async () => {
    const { webApi, sent } = webApiWith(() => json(200, { accountid: 'a', name: 'Hanse Pumpen' }));
    const row = await webApi.retrieveRecord('account', '{6F1C4A9E-0000-4000-8000-000000000001}', '?$select=name');
    expect(row).toEqual({ accountid: 'a', name: 'Hanse Pumpen' });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `${ORIGIN}${SERVICE_ROOT}accounts(6f1c4a9e-0000-4000-8000-000000000001)?$select=name`,
      headers: { Authorization: 'Bearer token-1', Prefer: 'odata.include-annotations="*"', 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' },
    });
  });

  it('reads pages: the page size as odata.maxpagesize, the nextLink handed back and followed', async () => {
    const nextLink = `${ORIGIN}${SERVICE_ROOT}accounts?$select=name&$skiptoken=abc`;
    const { webApi, sent } = webApiWith((request) => json(200, request.url.includes('skiptoken') ? { value: [{ name: 'B' }] } : { value: [{ name: 'A' }], '@odata.nextLink': nextLink }));
    const first = await webApi.retrieveMultipleRecords('account', '$select=name', 1);
    expect(first).toEqual({ entities: [{ name: 'A' }], nextLink });
    expect(sent[0]!.headers.Prefer).toBe('odata.include-annotations="*",odata.maxpagesize=1');
    const second = await webApi.retrieveMultipleRecords('account', first.nextLink, 1);
    expect(second.entities).toEqual([{ name: 'B' }]);
    expect(second.nextLink).toBeUndefined();
    expect(sent[1]!.url).toBe(nextLink);
  });

  it('refuses a link to anywhere but this Web API', async () => {
    const { webApi, sent } = webApiWith(() => json(200, { value: [] }));
    await expect(webApi.retrieveMultipleRecords('account', 'https://evil.example.com/api/data/v9.2/accounts')).rejects.toThrow(/not this environment's Web API/);
    expect(sent).toHaveLength(0);
  });

  it('creates a row and answers its id from OData-EntityId', async () => {
    const { webApi, sent } = webApiWith(() => new Response(null, { status: 204, headers: { 'OData-EntityId': `${ORIGIN}${SERVICE_ROOT}accounts(0b5a0c1e-0000-4000-8000-000000000009)` } }));
    expect(await webApi.createRecord('account', { name: 'New' })).toEqual({ id: '0b5a0c1e-0000-4000-8000-000000000009', entityType: 'account' });
    expect(sent[0]).toMatchObject({ method: 'POST', url: `${ORIGIN}${SERVICE_ROOT}accounts`, body: { name: 'New' } });
    expect(sent[0]!.headers['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('updates only an existing row (If-Match: *) and deletes by id', async () => {
    const { webApi, sent } = webApiWith(() => new Response(null, { status: 204 }));
    expect(await webApi.updateRecord('account', 'A1B2C3D4-0000-4000-8000-000000000001', { name: 'Renamed' })).toEqual({ id: 'a1b2c3d4-0000-4000-8000-000000000001', entityType: 'account' });
    expect(sent[0]).toMatchObject({ method: 'PATCH', headers: { 'If-Match': '*' }, body: { name: 'Renamed' } });
    await webApi.deleteRecord('account', 'a1b2c3d4-0000-4000-8000-000000000001');
    expect(sent[1]).toMatchObject({ method: 'DELETE', url: `${ORIGIN}${SERVICE_ROOT}accounts(a1b2c3d4-0000-4000-8000-000000000001)` });
  });

  it('rejects with the message, status and error code Dataverse gave', async () => {
    const { webApi } = webApiWith(() => json(403, { error: { code: '0x80040220', message: 'Principal user is missing prvReadAccount privilege' } }));
    const error = (await webApi.retrieveRecord('account', 'a1b2c3d4-0000-4000-8000-000000000001').catch((e: unknown) => e)) as WebApiError;
    expect(error).toBeInstanceOf(WebApiError);
    expect(error.message).toBe('Principal user is missing prvReadAccount privilege');
    expect(error).toMatchObject({ status: 403, code: '0x80040220', errorCode: 0x80040220 });
  });

  it('renews a token Dataverse refused, once', async () => {
    const { webApi, sent, tokensIssued } = webApiWith((request) => (request.headers.Authorization === 'Bearer token-1' ? new Response(null, { status: 401 }) : json(200, { name: 'A' })));
    expect(await webApi.retrieveRecord('account', 'a1b2c3d4-0000-4000-8000-000000000001')).toEqual({ name: 'A' });
    expect(sent.map((request) => request.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(tokensIssued()).toBe(2);
  });

  it('names a table the environment does not have', async () => {
    const { webApi } = webApiWith(() => json(200, {}));
    await expect(webApi.retrieveMultipleRecords('accounts')).rejects.toThrow(/no table 'accounts'.*logical name/);
  });

  it('takes options with or without the question mark', () => {
    expect(queryOf('$select=name')).toBe('?$select=name');
    expect(queryOf('?$top=1')).toBe('?$top=1');
    expect(queryOf(undefined)).toBe('');
  });
});

describe('the preview access tokens', () => {
  it('keeps a token until shortly before it expires, and shares one request between callers', async () => {
    let requests = 0;
    let clock = 0;
    const tokens = createAccessTokens(
      '/token',
      (async () => {
        requests += 1;
        return json(200, { accessToken: `t${requests}`, expiresOn: new Date(clock + 120_000).toISOString() });
      }),
      () => clock,
    );
    expect(await Promise.all([tokens.get(), tokens.get()])).toEqual(['t1', 't1']);
    clock = 59_000;
    expect(await tokens.get()).toBe('t1');
    clock = 61_000;
    expect(await tokens.get()).toBe('t2');
    expect(requests).toBe(2);
  });

  it('says sign-in is needed when no persona is signed in', async () => {
    const tokens = createAccessTokens('/token', (async () => json(401, { error: { code: 'PREVIEW_SIGN_IN_REQUIRED', message: 'Choose a persona first.' } })));
    const error = await tokens.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequired);
    expect((error as Error).message).toBe('Choose a persona first.');
  });
});
