import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttributeMetadata } from '../metadata.js';
import { APPLICATION_AUTHORIZATION, serveTestDataverse, type TestDataverseServer } from '../testing/testDataverse.js';
import { importSolution } from './importSolution.js';

// The product's tables as the repository solution defines them, imported into a simulated
// Dataverse and used over its Web API the way the gateway and admins will.

let server: TestDataverseServer;
beforeAll(async () => {
  server = await serveTestDataverse();
  importSolution(server.dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
});
afterAll(() => server.stop());

interface Answer {
  status: number;
  headers: Headers;
  body: ReturnType<typeof JSON.parse>;
  text: string;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.serviceRoot}${path}`, {
    method,
    headers: {
      Accept: 'application/json', 'OData-Version': '4.0', Authorization: APPLICATION_AUTHORIZATION,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}

const idFrom = (answer: Answer): string => /\(([0-9a-f-]{36})\)$/.exec(answer.headers.get('odata-entityid') ?? '')![1]!;

async function created(path: string, body: Record<string, unknown>): Promise<string> {
  const answer = await call('POST', path, body);
  expect(answer.status, answer.text).toBe(204);
  return idFrom(answer);
}

const entity = (table: string) => server.dataverse.registry.entity(table)!;
const column = (table: string, name: string): AttributeMetadata => {
  const found = entity(table).attributes.find((a) => a.logicalName === name);
  if (!found) throw new Error(`${table} has no column ${name}`);
  return found;
};
const lookupOf = (table: string, name: string) => entity(table).lookups.find((l) => l.referencingAttribute === name);

describe('importSolution: the product tables of the repository solution', () => {
  it('creates each as a user-owned table with its primary name, entity set and alternate keys', () => {
    const expected: [string, string, string[][]][] = [
      ['ecc_syncrun', 'ecc_syncruns', [['ecc_correlationid']]],
      ['ecc_valuemap', 'ecc_valuemaps', [['ecc_kind', 'ecc_sapvalue']]],
      ['ecc_salesarea', 'ecc_salesareas', [['ecc_salesorganization', 'ecc_distributionchannel', 'ecc_division']]],
      ['ecc_customersalesarea', 'ecc_customersalesareas', [['ecc_accountid', 'ecc_salesareaid']]],
      ['ecc_delivery', 'ecc_deliveries', [['ecc_deliverynumber']]],
    ];
    for (const [table, entitySet, keys] of expected) {
      expect(entity(table), table).toMatchObject({ entitySetName: entitySet, primaryNameAttribute: 'ecc_name', primaryIdAttribute: `${table}id`, ownershipType: 'UserOwned', isCustomEntity: true });
      expect(entity(table).keys.map((k) => k.keyAttributes), table).toEqual(keys);
      expect(lookupOf(table, 'ownerid')?.referencedEntity, table).toBe('owner');
      expect(column(table, 'statuscode').options, table).toEqual([{ value: 1, label: 'Active', state: 0 }, { value: 2, label: 'Inactive', state: 1 }]);
    }
  });

  it('links the tables by lookups whose navigation properties are the lookups’ schema names', () => {
    expect(lookupOf('ecc_customersalesarea', 'ecc_accountid')).toMatchObject({ referencedEntity: 'account', navigationProperty: 'ecc_AccountId', collectionNavigationProperty: 'ecc_account_ecc_customersalesarea_accountid' });
    expect(lookupOf('ecc_customersalesarea', 'ecc_salesareaid')).toMatchObject({ referencedEntity: 'ecc_salesarea', navigationProperty: 'ecc_SalesAreaId' });
    expect(lookupOf('ecc_delivery', 'ecc_accountid')).toMatchObject({ referencedEntity: 'account', navigationProperty: 'ecc_AccountId' });
    expect(lookupOf('ecc_syncresult', 'ecc_syncrunid')).toMatchObject({ referencedEntity: 'ecc_syncrun', navigationProperty: 'ecc_SyncRunId' });
    expect(column('ecc_customersalesarea', 'ecc_accountid')).toMatchObject({ type: 'Lookup', targets: ['account'], requiredLevel: 'ApplicationRequired' });
  });

  it('gives account and sync results the one global sync status choice, and the run and cause their own choices', () => {
    const syncStatus = [
      { value: 363650000, label: 'Succeeded' }, { value: 363650001, label: 'Failed' }, { value: 363650002, label: 'Retrying' }, { value: 363650003, label: 'Dead-lettered' },
    ];
    expect(column('account', 'ecc_lastsyncstatus')).toMatchObject({ type: 'Picklist', options: syncStatus });
    expect(column('ecc_syncresult', 'ecc_status')).toMatchObject({ type: 'Picklist', options: syncStatus, requiredLevel: 'ApplicationRequired' });
    expect(column('ecc_syncresult', 'ecc_cause').options!.map((o) => o.label)).toEqual(['SAP error', 'Validation', 'Mapping', 'Dataverse error', 'Connection or timeout', 'Configuration', 'Gateway error']);
    expect(column('ecc_syncrun', 'ecc_status').options!.map((o) => o.label)).toEqual(['Running', 'Succeeded', 'Completed with failures', 'Failed']);
    expect(column('ecc_syncrun', 'ecc_trigger').options!.map((o) => o.value)).toEqual([363650000, 363650001, 363650002, 363650003, 363650004]);
  });

  it('adds the SAP columns of account, contact, product and order with their types', () => {
    expect(column('account', 'ecc_creditlimit')).toMatchObject({ type: 'Decimal', precision: 2, minValue: 0, maxValue: 100_000_000_000 });
    expect(column('account', 'ecc_creditexposure')).toMatchObject({ type: 'Decimal', precision: 2 });
    expect(column('account', 'ecc_creditblocked')).toMatchObject({ type: 'Boolean', defaultValue: false, options: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }] });
    expect(column('account', 'ecc_accountgroup')).toMatchObject({ type: 'String', maxLength: 4 });
    expect(column('account', 'ecc_lastsyncmessage')).toMatchObject({ type: 'Memo', maxLength: 2000 });
    expect(column('contact', 'ecc_contactpersonnumber')).toMatchObject({ type: 'String', maxLength: 10 });
    expect(entity('contact').keys).toContainEqual({ logicalName: 'ecc_contactpersonnumber', keyAttributes: ['ecc_contactpersonnumber'] });
    expect(column('product', 'ecc_materialgroup')).toMatchObject({ type: 'String', maxLength: 9 });
    expect(column('product', 'ecc_baseunit')).toMatchObject({ type: 'String', maxLength: 3 });
    expect(column('salesorder', 'ecc_sapsubmittedon')).toMatchObject({ type: 'DateTime', format: 'DateAndTime' });
    expect(column('ecc_delivery', 'ecc_goodsissuedate')).toMatchObject({ type: 'DateTime', format: 'DateOnly', dateTimeBehavior: 'DateOnly' });
  });
});

describe('the product tables over the Web API', () => {
  it('upserts a sales area by its key, and a customer sales area by account and sales area, once', async () => {
    const salesArea = "ecc_salesareas(ecc_salesorganization='1000',ecc_distributionchannel='10',ecc_division='00')";
    expect((await call('PATCH', salesArea, { ecc_name: '1000/10/00' })).status).toBe(204);
    expect((await call('PATCH', salesArea, { ecc_name: '1000/10/00 Germany, direct sales' })).status).toBe(204);
    const areas = await call('GET', "ecc_salesareas?$select=ecc_name&$filter=ecc_salesorganization eq '1000'");
    expect(areas.body.value.map((row: Record<string, unknown>) => row.ecc_name)).toEqual(['1000/10/00 Germany, direct sales']);
    const salesAreaId = areas.body.value[0].ecc_salesareaid as string;

    const accountId = await created('accounts', { name: 'Becker Berlin', ecc_customernumber: '0000001000' });
    const link = { 'ecc_AccountId@odata.bind': `/accounts(${accountId})`, 'ecc_SalesAreaId@odata.bind': `/ecc_salesareas(${salesAreaId})` };
    const first = await created('ecc_customersalesareas', { ecc_name: 'Becker Berlin 1000/10/00', ecc_paymentterms: '0001', ecc_currency: 'EUR', ...link });
    const second = await call('POST', 'ecc_customersalesareas', { ecc_name: 'again', ...link });
    expect(second.status).toBe(412);

    const read = await call('GET', `ecc_customersalesareas(_ecc_accountid_value=${accountId},_ecc_salesareaid_value=${salesAreaId})?$select=ecc_paymentterms,_ecc_salesareaid_value`);
    expect(read.body).toMatchObject({ ecc_customersalesareaid: first, ecc_paymentterms: '0001', _ecc_salesareaid_value: salesAreaId });
  });

  it('keeps one value map per kind and SAP value', async () => {
    const paymentTerms = "ecc_valuemaps(ecc_kind=363650003,ecc_sapvalue='0001')";
    expect((await call('PATCH', paymentTerms, { ecc_name: 'Payment terms 0001', ecc_dataversevalue: 'Net 30' })).status).toBe(204);
    const country = "ecc_valuemaps(ecc_kind=363650005,ecc_sapvalue='0001')";
    expect((await call('PATCH', country, { ecc_name: 'Country 0001', ecc_dataversevalue: 'Nowhere' })).status).toBe(204);
    expect((await call('PATCH', paymentTerms, { ecc_dataversevalue: 'Net 14' }, { 'If-Match': '*' })).status).toBe(204);
    const rows = await call('GET', "ecc_valuemaps?$select=ecc_kind,ecc_dataversevalue&$filter=ecc_sapvalue eq '0001'&$orderby=ecc_kind");
    expect(rows.body.value.map((row: Record<string, unknown>) => [row.ecc_kind, row.ecc_dataversevalue])).toEqual([[363650003, 'Net 14'], [363650005, 'Nowhere']]);
    expect((await call('POST', 'ecc_valuemaps', { ecc_name: 'bad kind', ecc_kind: 7, ecc_sapvalue: 'X', ecc_dataversevalue: 'Y' })).status).toBe(400);
  });

  it("writes an account's credit and sync status, and refuses values outside the columns' ranges and choices", async () => {
    const accountId = await created('accounts', { name: 'Credit GmbH' });
    const credit = { ecc_creditlimit: 250_000.5, ecc_creditexposure: 260_000, ecc_creditcurrency: 'EUR', ecc_riskcategory: 'B02', ecc_creditblocked: true, ecc_lastsyncstatus: 363650001 };
    expect((await call('PATCH', `accounts(${accountId})`, credit, { 'If-Match': '*' })).status).toBe(204);
    const read = await call('GET', `accounts(${accountId})?$select=${Object.keys(credit).join(',')}`);
    expect(read.body).toMatchObject(credit);
    expect((await call('PATCH', `accounts(${accountId})`, { ecc_creditlimit: -1 }, { 'If-Match': '*' })).status).toBe(400);
    expect((await call('PATCH', `accounts(${accountId})`, { ecc_lastsyncstatus: 363650009 }, { 'If-Match': '*' })).status).toBe(400);
  });

  it('files sync results under their run, found by the run’s correlation id', async () => {
    expect((await call('PATCH', "ecc_syncruns(ecc_correlationid='run-1')", { ecc_name: 'customers from SAP', ecc_flow: 'customers-from-sap', ecc_status: 363650000, ecc_trigger: 363650000 })).status).toBe(204);
    const run = await call('GET', "ecc_syncruns(ecc_correlationid='run-1')?$select=ecc_syncrunid");
    const runId = run.body.ecc_syncrunid as string;
    for (const key of ['run-1/0000001000', 'run-1/0000001001']) {
      await created('ecc_syncresults', { ecc_name: key, ecc_idempotencykey: key, ecc_status: 363650001, ecc_cause: 363650000, ecc_errorcode: 'SAP_BUSINESS_ERROR', 'ecc_SyncRunId@odata.bind': `/ecc_syncruns(${runId})` });
    }
    const results = await call('GET', `ecc_syncresults?$select=ecc_name,ecc_cause&$filter=_ecc_syncrunid_value eq ${runId}&$orderby=ecc_name`);
    expect(results.body.value.map((row: Record<string, unknown>) => [row.ecc_name, row.ecc_cause])).toEqual([['run-1/0000001000', 363650000], ['run-1/0000001001', 363650000]]);
  });

  it('upserts a delivery by its SAP number and links it to the account', async () => {
    const accountId = await created('accounts', { name: 'Delivered AG' });
    const delivery = "ecc_deliveries(ecc_deliverynumber='80000001')";
    const body = { ecc_name: '80000001', ecc_goodsissuedate: '2026-11-20', ecc_deliverystatus: 363650002, ecc_trackingreference: '1Z999AA10123456784', 'ecc_AccountId@odata.bind': `/accounts(${accountId})` };
    expect((await call('PATCH', delivery, body)).status).toBe(204);
    const read = await call('GET', `${delivery}?$select=ecc_goodsissuedate,ecc_deliverystatus,_ecc_accountid_value`);
    expect(read.body).toMatchObject({ ecc_goodsissuedate: '2026-11-20', ecc_deliverystatus: 363650002, _ecc_accountid_value: accountId });
  });
});
