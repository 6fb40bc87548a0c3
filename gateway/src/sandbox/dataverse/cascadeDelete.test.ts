/**
 * Deletes through the Web API and $batch honour the delete cascade of relationships: the ecc365
 * solution's (account → customer sales areas and deliveries: Cascade; sales area → customer
 * sales areas: Restrict; sync run → sync results: RemoveLink) and the standard tables' (quote →
 * quote lines: Cascade; quote → orders: Restrict; account → contacts: Cascade; account →
 * subsidiaries: RemoveLink).
 */

import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommittedWrite } from './hooks.js';
import { importSolution } from './solution/importSolution.js';
import { APPLICATION_AUTHORIZATION, bearerFor, persona, serveTestDataverse, type TestDataverseServer } from './testing/testDataverse.js';

let server: TestDataverseServer;
const written: CommittedWrite[] = [];
beforeAll(async () => {
  server = await serveTestDataverse({ hooks: { afterCommit: (write) => void written.push(write) } });
  importSolution(server.dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
});
afterAll(() => server.stop());
beforeEach(() => {
  written.length = 0;
});

interface Answer {
  status: number;
  body: ReturnType<typeof JSON.parse>;
  text: string;
}

async function call(method: string, path: string, options: { body?: unknown; auth?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', 'OData-Version': '4.0', Authorization: options.auth ?? APPLICATION_AUTHORIZATION };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.serviceRoot}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined, text };
}

async function create(entitySet: string, values: Record<string, unknown>, auth?: string): Promise<string> {
  const response = await fetch(`${server.serviceRoot}${entitySet}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'OData-Version': '4.0', Authorization: auth ?? APPLICATION_AUTHORIZATION },
    body: JSON.stringify(values),
  });
  expect(response.status, await response.clone().text()).toBe(204);
  return /\(([0-9a-f-]{36})\)$/.exec(response.headers.get('odata-entityid') ?? '')![1]!;
}

const exists = async (entitySet: string, id: string): Promise<boolean> => {
  const answer = await call('GET', `${entitySet}(${id})`);
  if (answer.status !== 200 && answer.status !== 404) throw new Error(`GET ${entitySet}(${id}) answered ${answer.status}: ${answer.text}`);
  return answer.status === 200;
};

let salesAreaCounter = 0;
/** A sales area with a key of its own (sales organisation, distribution channel, division). */
const createSalesArea = () => {
  salesAreaCounter++;
  return create('ecc_salesareas', {
    ecc_name: `Sales area ${salesAreaCounter}`, ecc_salesorganization: `S${String(salesAreaCounter).padStart(3, '0')}`, ecc_distributionchannel: '10', ecc_division: '00',
  });
};

const createCustomerSalesArea = (accountId: string, salesAreaId: string) =>
  create('ecc_customersalesareas', {
    ecc_name: 'Customer in sales area', 'ecc_AccountId@odata.bind': `accounts(${accountId})`, 'ecc_SalesAreaId@odata.bind': `ecc_salesareas(${salesAreaId})`,
  });

const createDelivery = (accountId: string, number: string) =>
  create('ecc_deliveries', { ecc_name: `Delivery ${number}`, ecc_deliverynumber: number, 'ecc_AccountId@odata.bind': `accounts(${accountId})` });

describe('Cascade: the children go with the parent', () => {
  it("deleting an account deletes its customer sales areas and deliveries, and leaves another account's", async () => {
    const salesArea = await createSalesArea();
    const doomed = await create('accounts', { name: 'Doomed customer' });
    const kept = await create('accounts', { name: 'Kept customer' });
    const doomedAreas = [await createCustomerSalesArea(doomed, salesArea), await createCustomerSalesArea(doomed, await createSalesArea())];
    const doomedDelivery = await createDelivery(doomed, '80000001');
    const keptArea = await createCustomerSalesArea(kept, salesArea);
    const keptDelivery = await createDelivery(kept, '80000002');
    written.length = 0;

    const answer = await call('DELETE', `accounts(${doomed})`);

    expect(answer.status, answer.text).toBe(204);
    expect(await exists('accounts', doomed)).toBe(false);
    for (const id of doomedAreas) expect(await exists('ecc_customersalesareas', id)).toBe(false);
    expect(await exists('ecc_deliveries', doomedDelivery)).toBe(false);
    expect(await exists('ecc_customersalesareas', keptArea)).toBe(true);
    expect(await exists('ecc_deliveries', keptDelivery)).toBe(true);
    // The sales area a deleted customer sales area pointed at is the parent's side of a Restrict: it stays.
    expect(await exists('ecc_salesareas', salesArea)).toBe(true);
    // Each row deleted is a Delete of its own for the hooks (webhooks, change feed).
    expect(written.filter((w) => w.message === 'Delete').map((w) => `${w.table}:${w.id}`).sort()).toEqual(
      [`account:${doomed}`, ...doomedAreas.map((id) => `ecc_customersalesarea:${id}`), `ecc_delivery:${doomedDelivery}`].sort(),
    );
  });

  it('deleting a quote deletes its quote lines, and a quote line goes alone', async () => {
    const customer = await create('accounts', { name: 'Quote customer' });
    const quote = await create('quotes', { name: 'Pumps', 'customerid_account@odata.bind': `accounts(${customer})` });
    const lines = [
      await create('quotedetails', { 'quoteid@odata.bind': `quotes(${quote})`, productdescription: 'Pump', quantity: 2, ispriceoverridden: true, priceperunit: 100 }),
      await create('quotedetails', { 'quoteid@odata.bind': `quotes(${quote})`, productdescription: 'Seal', quantity: 5, ispriceoverridden: true, priceperunit: 3 }),
    ];

    expect((await call('DELETE', `quotedetails(${lines[1]})`)).status).toBe(204);
    expect(await exists('quotes', quote)).toBe(true);
    expect(await exists('quotedetails', lines[0]!)).toBe(true);

    expect((await call('DELETE', `quotes(${quote})`)).status).toBe(204);
    expect(await exists('quotedetails', lines[0]!)).toBe(false);
    expect(await exists('accounts', customer)).toBe(true);
  });

  it("goes to the children whatever the caller's privileges on them: only the row named needs Delete", async () => {
    const anna = bearerFor(persona('anna').objectId);
    const annasAccount = await create('accounts', { name: "Anna's customer" }, anna);
    // Created by the application user, who owns it: Anna may not delete it herself.
    const area = await createCustomerSalesArea(annasAccount, await createSalesArea());
    const refused = await call('DELETE', `ecc_customersalesareas(${area})`, { auth: anna });
    expect(refused.status).toBe(403);

    const answer = await call('DELETE', `accounts(${annasAccount})`, { auth: anna });

    expect(answer.status, answer.text).toBe(204);
    expect(await exists('ecc_customersalesareas', area)).toBe(false);
  });
});

describe('Restrict: the delete is refused while children exist', () => {
  it('refuses to delete a sales area a customer sales area uses, with CannotDeleteDueToAssociation, and changes nothing', async () => {
    const salesArea = await createSalesArea();
    const account = await create('accounts', { name: 'Customer in the area' });
    const area = await createCustomerSalesArea(account, salesArea);
    const before = await call('GET', `ecc_salesareas(${salesArea})`);
    written.length = 0;

    const answer = await call('DELETE', `ecc_salesareas(${salesArea})`);

    expect(answer.status).toBe(405);
    expect(answer.body.error).toEqual({ code: '0x80040227', message: 'The object you tried to delete is associated with another object and cannot be deleted.' });
    const after = await call('GET', `ecc_salesareas(${salesArea})`);
    expect(after.body['@odata.etag']).toBe(before.body['@odata.etag']);
    expect(await exists('ecc_customersalesareas', area)).toBe(true);
    expect(written).toEqual([]);

    // Once no customer sales area uses it, it can go.
    expect((await call('DELETE', `ecc_customersalesareas(${area})`)).status).toBe(204);
    expect((await call('DELETE', `ecc_salesareas(${salesArea})`)).status).toBe(204);
  });

  it('refuses a cascade that reaches a restricted row, and undoes what the cascade had deleted', async () => {
    const customer = await create('accounts', { name: 'Customer with an ordered quote' });
    const otherCustomer = await create('accounts', { name: 'Customer of the order' });
    const quote = await create('quotes', { name: 'Ordered quote', 'customerid_account@odata.bind': `accounts(${customer})` });
    const line = await create('quotedetails', { 'quoteid@odata.bind': `quotes(${quote})`, productdescription: 'Valve', quantity: 1 });
    const area = await createCustomerSalesArea(customer, await createSalesArea());
    // quote_orders is Restrict: an order made from the quote keeps the quote, and so the account whose quotes cascade.
    const order = await create('salesorders', { name: 'Order', 'customerid_account@odata.bind': `accounts(${otherCustomer})`, 'quoteid@odata.bind': `quotes(${quote})` });

    const answer = await call('DELETE', `accounts(${customer})`);

    expect(answer.status).toBe(405);
    expect(answer.body.error.code).toBe('0x80040227');
    for (const [set, id] of [['accounts', customer], ['quotes', quote], ['quotedetails', line], ['ecc_customersalesareas', area], ['salesorders', order]] as const) {
      expect(await exists(set, id), `${set}(${id})`).toBe(true);
    }
  });
});

describe('RemoveLink: the children stay without the link', () => {
  it('deleting a sync run leaves its results with an empty run lookup', async () => {
    const run = await create('ecc_syncruns', { ecc_name: 'Nightly customers', ecc_flow: 'customers', ecc_correlationid: 'c-1', ecc_status: 363650001 });
    const otherRun = await create('ecc_syncruns', { ecc_name: 'Hourly orders', ecc_flow: 'orders', ecc_correlationid: 'c-2', ecc_status: 363650001 });
    const results = [
      await create('ecc_syncresults', { ecc_name: 'Customer 1000', ecc_status: 363650001, 'ecc_SyncRunId@odata.bind': `ecc_syncruns(${run})` }),
      await create('ecc_syncresults', { ecc_name: 'Customer 1001', ecc_status: 363650001, 'ecc_SyncRunId@odata.bind': `ecc_syncruns(${run})` }),
    ];
    const otherResult = await create('ecc_syncresults', { ecc_name: 'Order 42', ecc_status: 363650001, 'ecc_SyncRunId@odata.bind': `ecc_syncruns(${otherRun})` });
    const etagBefore = (await call('GET', `ecc_syncresults(${results[0]})`)).body['@odata.etag'];

    expect((await call('DELETE', `ecc_syncruns(${run})`)).status).toBe(204);

    for (const id of results) {
      const result = await call('GET', `ecc_syncresults(${id})?$select=ecc_name,_ecc_syncrunid_value`);
      expect(result.status).toBe(200);
      expect(result.body._ecc_syncrunid_value).toBeNull();
    }
    // A new row version, so change tracking reports the results as changed.
    expect((await call('GET', `ecc_syncresults(${results[0]})`)).body['@odata.etag']).not.toBe(etagBefore);
    expect((await call('GET', `ecc_syncresults(${otherResult})?$select=_ecc_syncrunid_value`)).body._ecc_syncrunid_value).toBe(otherRun);
    expect(written.filter((w) => w.message === 'Update').map((w) => ({ table: w.table, id: w.id, changed: w.changedAttributes })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      results.map((id) => ({ table: 'ecc_syncresult', id, changed: ['ecc_syncrunid'] })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

describe('standard relationships', () => {
  it("deleting an account deletes its contacts (contact_customer_accounts) and unlinks its subsidiaries (account_parent_account)", async () => {
    const parent = await create('accounts', { name: 'Holding' });
    const subsidiary = await create('accounts', { name: 'Subsidiary', 'parentaccountid@odata.bind': `accounts(${parent})` });
    const contact = await create('contacts', { lastname: 'Keller', 'parentcustomerid_account@odata.bind': `accounts(${parent})` });

    expect((await call('DELETE', `accounts(${parent})`)).status).toBe(204);

    expect(await exists('contacts', contact)).toBe(false);
    const child = await call('GET', `accounts(${subsidiary})?$select=name,_parentaccountid_value`);
    expect(child.body).toMatchObject({ name: 'Subsidiary', _parentaccountid_value: null });
  });
});

describe('$batch', () => {
  it('rolls back a whole change set when one of its deletes is refused, the cascade of an earlier one included', async () => {
    const doomed = await create('accounts', { name: 'Deleted first in the change set' });
    const delivery = await createDelivery(doomed, '80000003');
    const salesArea = await createSalesArea();
    const area = await createCustomerSalesArea(await create('accounts', { name: 'Uses the sales area' }), salesArea);
    const body = [
      '--batch_x', 'Content-Type: multipart/mixed; boundary=changeset_y', '',
      '--changeset_y', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 1', '',
      `DELETE accounts(${doomed}) HTTP/1.1`, '', '',
      '--changeset_y', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 2', '',
      `DELETE ecc_salesareas(${salesArea}) HTTP/1.1`, '', '',
      '--changeset_y--', '--batch_x--', '',
    ].join('\r\n');

    const response = await fetch(`${server.serviceRoot}$batch`, {
      method: 'POST',
      headers: { Authorization: APPLICATION_AUTHORIZATION, 'Content-Type': 'multipart/mixed; boundary="batch_x"' },
      body,
    });

    // Without odata.continue-on-error the batch stops at the failure and answers with its status.
    expect(response.status).toBe(405);
    const text = await response.text();
    expect(text).toContain('HTTP/1.1 405');
    expect(text).toContain('0x80040227');
    for (const [set, id] of [['accounts', doomed], ['ecc_deliveries', delivery], ['ecc_salesareas', salesArea], ['ecc_customersalesareas', area]] as const) {
      expect(await exists(set, id), `${set}(${id})`).toBe(true);
    }
  });
});
