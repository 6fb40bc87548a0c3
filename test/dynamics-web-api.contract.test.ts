/**
 * Contract: the third-party Dataverse client dynamics-web-api (npm, 2.5.0) works against the
 * simulated Dataverse the way it works against Dataverse: retrieveMultiple with filter, select and
 * paging, create, update (If-Match: *), upsert by alternate key, delete and executeBatch (LF/CRLF
 * multipart, absolute URLs, Content-IDs in a change set). This holds the simulator to the protocol
 * independently of the gateway's own client. The simulated Dataverse is served as the sandbox
 * serves it (the ecc365 solution imported, so account has the alternate key ecc_customernumber),
 * and the client presents real tokens from the sandbox identity provider.
 */

import type { AddressInfo } from 'node:net';
import { DynamicsWebApi } from 'dynamics-web-api';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../gateway/src/sandbox/identities.js';
import { createSandbox, sandboxDataverseUrl, type Sandbox } from '../gateway/src/sandbox/sandbox.js';

let sandbox: Sandbox;
let stopServer: () => void;
let api: DynamicsWebApi;

beforeAll(async () => {
  sandbox = await createSandbox({ customers: 5, seed: 1, today: '2026-11-27' });
  const app = express().use('/sandbox', sandbox.router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  stopServer = () => server.close();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.attach(origin);
  const dataverseUrl = sandboxDataverseUrl(origin);
  const tokenResponse = await fetch(`${origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SANDBOX_APPLICATIONS.gateway.clientId,
      client_secret: SANDBOX_APPLICATIONS.gateway.clientSecret,
      scope: `${dataverseUrl}/.default`,
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  api = new DynamicsWebApi({
    // The trailing slash matters: the client resolves api/data/v9.2 against this URL.
    serverUrl: `${dataverseUrl}/`,
    dataApi: { version: '9.2' },
    onTokenRefresh: async () => token,
  });
});
afterAll(async () => {
  stopServer();
  await sandbox.close();
});

/** A create that returns the new row's id (parsed by the client from OData-EntityId). */
const createRow = (collection: string, data: Record<string, unknown>, contentId?: string): Promise<string> =>
  api.create<Record<string, unknown>, string>({ collection, data, ...(contentId ? { contentId } : {}) });

interface Account {
  accountid: string;
  name: string;
  accountnumber?: string;
  telephone1?: string | null;
  ecc_customernumber?: string;
}

describe('dynamics-web-api against the simulated Dataverse', () => {
  it('creates, reads back, updates and deletes an account', async () => {
    const id = await createRow('accounts', { name: 'Contract Co', accountnumber: 'DWA-1' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await api.retrieve<Account>({ collection: 'accounts', key: id, select: ['name', 'accountnumber'] });
    expect(read).toMatchObject({ accountid: id, name: 'Contract Co', accountnumber: 'DWA-1' });

    const updated = await api.update({ collection: 'accounts', key: id, data: { telephone1: '+49 40 1234' } });
    expect(updated).toBe(true);
    expect((await api.retrieve<Account>({ collection: 'accounts', key: id, select: ['telephone1'] })).telephone1).toBe('+49 40 1234');

    await api.deleteRecord({ collection: 'accounts', key: id });
    await expect(api.retrieve({ collection: 'accounts', key: id })).rejects.toMatchObject({ status: 404, code: '0x80040217' });
  });

  it('update of a missing row (If-Match: *) fails with 404 and does not create it', async () => {
    const missing = '0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await expect(api.update({ collection: 'accounts', key: missing, data: { name: 'Ghost' } })).rejects.toMatchObject({ status: 404, code: '0x80040217' });
    await expect(api.retrieve({ collection: 'accounts', key: missing })).rejects.toMatchObject({ status: 404 });
  });

  it('upserts by alternate key: creates, then updates the same row', async () => {
    const created = await api.upsert<Record<string, unknown>, string>({ collection: 'accounts', key: "ecc_customernumber='DWA-100'", data: { name: 'Upsert One' } });
    const again = await api.upsert<Record<string, unknown>, string>({ collection: 'accounts', key: "ecc_customernumber='DWA-100'", data: { name: 'Upsert One renamed' } });
    expect(again).toBe(created);
    const rows = await api.retrieveMultiple<Account>({ collection: 'accounts', select: ['name'], filter: "ecc_customernumber eq 'DWA-100'" });
    expect(rows.value).toEqual([expect.objectContaining({ accountid: created, name: 'Upsert One renamed' })]);
  });

  it('retrieveMultiple filters, selects and pages through @odata.nextLink', async () => {
    for (let i = 0; i < 7; i++) await createRow('accounts', { name: `Paged ${i}`, accountnumber: `PAGE-${i}` });
    const first = await api.retrieveMultiple<Account>({
      collection: 'accounts',
      select: ['name', 'accountnumber'],
      filter: "startswith(accountnumber,'PAGE-')",
      orderBy: ['accountnumber desc'],
      maxPageSize: 3,
    });
    expect(first.value.map((a) => a.accountnumber)).toEqual(['PAGE-6', 'PAGE-5', 'PAGE-4']);
    expect(first.oDataNextLink).toBeDefined();
    expect(Object.keys(first.value[0]!).sort()).toEqual(['@odata.etag', 'accountid', 'accountnumber', 'name']);

    const all = await api.retrieveAll<Account>({ collection: 'accounts', select: ['accountnumber'], filter: "startswith(accountnumber,'PAGE-')", orderBy: ['accountnumber'], maxPageSize: 3 });
    expect(all.value.map((a) => a.accountnumber)).toEqual(['PAGE-0', 'PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5', 'PAGE-6']);
  });

  it("finds a name containing ', %, & and # through a filter built from it", async () => {
    const awkward = ["Smith's & Sons #2 (100% Steel)", 'Smith Sons 2 100 Steel', "Smith's"];
    const ids = [];
    for (const name of awkward) ids.push(await createRow('accounts', { name }));
    const literal = `'${awkward[0]!.replace(/'/g, "''")}'`;
    const found = await api.retrieveMultiple<Account>({ collection: 'accounts', select: ['name'], filter: `name eq ${literal}` });
    expect(found.value.map((a) => a.accountid)).toEqual([ids[0]]);
    const byPrefix = await api.retrieveMultiple<Account>({ collection: 'accounts', select: ['name'], filter: "startswith(name,'Smith''s & Sons #2 (100[%]')" });
    expect(byPrefix.value.map((a) => a.name)).toEqual([awkward[0]]);
  });

  it('executeBatch runs a change set (with a Content-ID reference) and a query', async () => {
    const existing = await createRow('accounts', { name: 'Batch target' });
    api.startBatch();
    void createRow('contacts', { lastname: 'Batchmann' }, '1');
    void createRow('accounts', { name: 'Batch Co', 'primarycontactid@odata.bind': '$1' });
    void api.update({ collection: 'accounts', key: existing, data: { telephone1: '555' } });
    void api.retrieveMultiple({ collection: 'accounts', select: ['name', 'telephone1'], filter: `accountid eq ${existing}` });
    const results = (await api.executeBatch()) as unknown[];
    expect(results).toHaveLength(4);
    const [contactId, accountId, updated, query] = results as [string, string, boolean, { value: Account[] }];
    expect(contactId).toMatch(/^[0-9a-f-]{36}$/);
    expect(updated).toBe(true);
    expect(query.value).toEqual([expect.objectContaining({ accountid: existing, telephone1: '555' })]);
    const account = await api.retrieve<{ _primarycontactid_value: string }>({ collection: 'accounts', key: accountId, select: ['_primarycontactid_value'] });
    expect(account._primarycontactid_value).toBe(contactId);
  });

  it('executeBatch rolls the whole change set back when one request fails', async () => {
    api.startBatch();
    void createRow('accounts', { name: 'Rolled back', accountnumber: 'ROLLBACK-1' });
    void createRow('accounts', { name: 'x'.repeat(161) });
    await expect(api.executeBatch()).rejects.toBeDefined();
    const rows = await api.retrieveMultiple<Account>({ collection: 'accounts', select: ['name'], filter: "accountnumber eq 'ROLLBACK-1'" });
    expect(rows.value).toEqual([]);
  });
});
