/**
 * The Dataverse webhook end to end, on the gateway as it runs on the sandbox: the solution's
 * service endpoint and steps, imported into the simulated Dataverse and pointed at the gateway as
 * an admin points them, post the account's change; the gateway forgets what its access check
 * remembered of the account, so the rep's next panel shows the new SAP customer (or that the
 * account is gone) at once, not after api.accessCacheSeconds.
 */

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../log/logger.js';
import { createApp } from '../app.js';
import { dataverseWebhookRouter } from './dataverseWebhook.js';
import { creditPanelSchema, errorSchema } from '../../model/panelApi.js';
import type { ScenarioCustomer } from '../../sandbox/ecc/testing/billingScenario.js';
import { alphaOut } from '../../sap/alpha.js';
import { personaOf, startPanelApiGateway, type Answer, type PanelApiGateway } from './testing/panelApiGateway.js';

/** The solution's service endpoint (solution/unpacked/PluginAssemblies/ServiceEndpoints.xml). */
const ENDPOINT_ID = '72a6e13c-2944-4d8b-bcbe-9a958bc36a83';
const WEBHOOK = '/api/v1/webhooks/dataverse';

const codeOf = (answer: Answer): string => errorSchema.parse(answer.body).error.code;

describe('the Dataverse webhook', () => {
  let fx: PanelApiGateway;
  let first: ScenarioCustomer;
  let second: ScenarioCustomer;
  let account: string;

  beforeAll(async () => {
    // An hour of access-check memory: without the webhook a rep would see the old link for that long.
    fx = await startPanelApiGateway({ api: { accessCacheSeconds: 3_600 } });
    first = fx.scenario.customer();
    fx.scenario.creditAccount(first, { limit: 10_000 });
    second = fx.scenario.customer();
    fx.scenario.creditAccount(second, { limit: 20_000 });
    account = await fx.createAccount('anna', first);
  }, 60_000);
  afterAll(() => fx?.close());

  const environment = () => fx.gateway.sandbox!.dataverseEnvironment;
  const creditCustomer = async (as = 'anna') => {
    const answer = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return creditPanelSchema.parse(answer.body).customerNumber;
  };
  /** Links the account to the customer as an admin does in CRM, and waits for the asynchronous webhook. */
  const link = async (customer: ScenarioCustomer) => {
    await fx.gateway.dataverse.client.update('accounts', account, {
      ecc_customernumber: customer.customerNumber,
      ecc_salesorganization: customer.salesOrg.salesOrg,
      ecc_companycode: customer.salesOrg.companyCode,
      ecc_creditcontrolarea: customer.salesOrg.creditControlArea,
    });
    await environment().webhooks.settled();
    return environment().webhooks.deliveries().at(-1)!;
  };
  const setEndpointKey = (key: string) => fx.gateway.dataverse.client.update('serviceendpoints', ENDPOINT_ID, { authvalue: key });
  /** A context as Dataverse posts it for the account (Microsoft's use-webhooks.md sample's shape). */
  const context = (message: string, table = 'account', id = account) => ({
    BusinessUnitId: randomUUID(), CorrelationId: randomUUID(), Depth: 1, InitiatingUserId: randomUUID(), UserId: randomUUID(),
    InputParameters: [{ key: 'Target', value: { __type: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts', Attributes: [{ key: 'ecc_customernumber', value: '0000001000' }], Id: id, LogicalName: table } }],
    IsExecutingOffline: false, MessageName: message, Mode: 1, OperationId: randomUUID(), OrganizationId: randomUUID(), OrganizationName: 'ecc365sandbox',
    OutputParameters: [], PrimaryEntityId: id, PrimaryEntityName: table, SecondaryEntityName: 'none', Stage: 40,
  });

  it('lets the rep see the new SAP customer at once after the account is linked to another one', async () => {
    expect(await creditCustomer()).toBe(alphaOut(first.customerNumber));
    const delivery = await link(second);
    expect(delivery).toMatchObject({ stepName: 'ecc365 gateway: Update of account', mode: 'asynchronous', succeeded: true, attempts: [{ status: 200 }] });
    expect(await creditCustomer()).toBe(alphaOut(second.customerNumber));
  });

  it('refuses posts without the endpoint\'s key (401) and forgets nothing, so the rep keeps the remembered link until a post with the key comes', async () => {
    await setEndpointKey('not the gateway key');
    try {
      expect(await creditCustomer()).toBe(alphaOut(second.customerNumber));
      const refusedDelivery = await link(first);
      expect(refusedDelivery).toMatchObject({ succeeded: false, attempts: [{ status: 401 }] });
      // The remembered link stands: the change did not reach the gateway.
      expect(await creditCustomer()).toBe(alphaOut(second.customerNumber));

      for (const query of ['', '?code=', '?code=sandbo', '?code=sandbox%20']) {
        const refused = await fx.request('POST', `${WEBHOOK}${query}`, { body: context('Update') });
        expect(refused.status, query).toBe(401);
        expect(codeOf(refused)).toBe('WEBHOOK_KEY_INVALID');
      }
      expect(await creditCustomer()).toBe(alphaOut(second.customerNumber));

      const accepted = await fx.request('POST', `${WEBHOOK}?code=sandbox`, { body: context('Update') });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ action: 'forgot-account', message: 'Update', table: 'account', id: account, columns: ['ecc_customernumber'] });
      expect(await creditCustomer()).toBe(alphaOut(first.customerNumber));
    } finally {
      await setEndpointKey('sandbox');
    }
  });

  it('refuses a body that is not a RemoteExecutionContext (400) and an event the gateway does not handle (422)', async () => {
    const notAContext = await fx.request('POST', `${WEBHOOK}?code=sandbox`, { body: { MessageName: 'Update', PrimaryEntityName: 'account', PrimaryEntityId: 'not a guid' } });
    expect(notAContext.status).toBe(400);
    expect(codeOf(notAContext)).toBe('REQUEST_INVALID');
    const quote = await fx.request('POST', `${WEBHOOK}?code=sandbox`, { body: context('Create', 'quote', randomUUID()) });
    expect(quote.status).toBe(422);
    expect(codeOf(quote)).toBe('WEBHOOK_EVENT_NOT_HANDLED');
  });

  it('refuses the rep at once when the account is given to another owner', async () => {
    const bens = await fx.createAccount('anna', second);
    const credit = () => fx.request('GET', `/api/v1/accounts/${bens}/sap/credit`, { as: 'anna' });
    expect((await credit()).status).toBe(200);
    await fx.gateway.dataverse.client.update('accounts', bens, { 'ownerid@odata.bind': `/systemusers(${personaOf('ben').systemUserId})` });
    await environment().webhooks.settled();
    expect(environment().webhooks.deliveries().at(-1)).toMatchObject({ stepName: 'ecc365 gateway: Update of account', recordId: bens, succeeded: true });
    const refused = await credit();
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('NOT_AUTHORIZED');
  });

  it('tells the rep at once that a deleted account is gone', async () => {
    expect((await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'anna' })).status).toBe(200);
    await fx.gateway.dataverse.client.delete('accounts', account);
    await environment().webhooks.settled();
    expect(environment().webhooks.deliveries().at(-1)).toMatchObject({ stepName: 'ecc365 gateway: Delete of account', succeeded: true });
    const gone = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'anna' });
    expect(gone.status).toBe(404);
    expect(codeOf(gone)).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('the Dataverse webhook on a gateway without a webhook key', () => {
  it('refuses every post, saying which setting to make, and handles nothing', async () => {
    const handled: string[] = [];
    const logger = createLogger({ level: 'error', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
    const app = createApp({
      logger, bodyLimit: '1mb', readiness: [], health: { shuttingDown: false },
      mounts: [{ path: '/api/v1', router: dataverseWebhookRouter({ key: undefined, handle: (context) => (handled.push(context.MessageName), { action: 'forgot-account', forgotten: 0 }) }) }],
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      for (const query of ['', '?code=sandbox']) {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK}${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect(response.status).toBe(500);
        expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'WEBHOOKS_NOT_CONFIGURED', message: expect.stringContaining('ECC365_WEBHOOKS__KEY') });
      }
      expect(handled).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
