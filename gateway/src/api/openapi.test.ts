/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked against the specification's own schema with
 * @seriousme/openapi-schema-validator), listing every route of the contract, and describing what
 * the routes really answer: real answers of the gateway on the sandbox, successes and errors,
 * validate against the document's schemas (Ajv, JSON Schema 2020-12, OpenAPI 3.1's dialect).
 */

import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';
import { startPanelApiGateway, type Answer, type PanelApiGateway } from './v1/testing/panelApiGateway.js';

// The document is walked by path in assertions; its shape is checked by the validator, not by types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const document: Json = openApiDocument();

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('lists every route of the contract with its parameters, body, answer and errors', () => {
    const operations = Object.entries(document.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json).map(([method, operation]): readonly [string, Json] => [`${method.toUpperCase()} ${path}`, operation as Json]),
    );
    expect(operations.map(([route]) => route).sort()).toEqual(
      [
        'GET /api/v1/accounts/{accountid}/sap/orders',
        'GET /api/v1/accounts/{accountid}/sap/deliveries',
        'GET /api/v1/accounts/{accountid}/sap/invoices',
        'GET /api/v1/accounts/{accountid}/sap/credit',
        'POST /api/v1/quotes/{quoteid}/sap/price',
        'POST /api/v1/quotes/{quoteid}/sap/submit',
        'GET /api/v1/records/{table}/{id}/sync-results',
        'POST /api/v1/sync-results/{id}/retry',
        'GET /api/openapi.json',
      ].sort(),
    );
    const byRoute = new Map(operations);
    const orders = byRoute.get('GET /api/v1/accounts/{accountid}/sap/orders')!;
    expect(orders.parameters.map((p: Json) => `${p.in}:${p.name}${p.required ? '!' : ''}`)).toEqual(['path:accountid!', 'query:from', 'query:to', 'query:status', 'query:top', 'header:Accept-Language']);
    expect(orders.parameters.find((p: Json) => p.name === 'top').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(orders.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OrdersPanel' });
    expect(Object.keys(orders.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '429', '500', '502', '503']);
    expect(byRoute.get('GET /api/v1/accounts/{accountid}/sap/credit')!.parameters.map((p: Json) => String(p.name))).toEqual(['accountid', 'Accept-Language']);
    const submit = byRoute.get('POST /api/v1/quotes/{quoteid}/sap/submit')!;
    expect(submit.requestBody.content['application/json'].schema.properties.as).toMatchObject({ enum: ['quotation', 'order'], default: 'order' });
    expect(submit.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SubmitResult' });
    expect(byRoute.get('GET /api/openapi.json')!.security).toEqual([]);
    expect(document.security).toEqual([{ entraId: [] }]);
    expect(Object.keys(document.components.schemas).sort()).toEqual(
      ['CreditPanel', 'DeliveriesPanel', 'Delivery', 'Error', 'Invoice', 'InvoicesPanel', 'OpenItem', 'OrdersPanel', 'Page', 'PriceCondition', 'PricedLine', 'QuotePrice', 'SalesOrder', 'SapMessage', 'SubmitResult', 'SyncResult', 'SyncResults'].sort(),
    );
    expect(document.components.responses.Unauthorized.headers['WWW-Authenticate']).toBeDefined();
  });
});

describe('real answers of the routes', () => {
  let fx: PanelApiGateway;
  let account: string;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema(document, 'openapi.json');

  /** Checks an answer against the document: its status is listed for the route, and its body fits the schema listed for it. */
  const expectDescribed = (method: string, path: string, answer: Answer): void => {
    const responses = (document.paths as Json)[path][method].responses as Json;
    const listed = responses[String(answer.status)] as Json | undefined;
    expect(listed, `${method} ${path} answers ${answer.status}, which the document does not list`).toBeDefined();
    const response = '$ref' in listed! ? document.components.responses[String(listed.$ref).split('/').pop()!] : listed!;
    const schema = response.content['application/json'].schema as { $ref: string };
    const validate = ajv.getSchema(`openapi.json${schema.$ref}`)!;
    expect(validate(answer.body), JSON.stringify(validate.errors)).toBe(true);
  };

  beforeAll(async () => {
    fx = await startPanelApiGateway({ api: { rateLimit: { maxRequests: 40, windowSeconds: 60 } } });
    const customer = fx.scenario.customer();
    fx.scenario.creditAccount(customer, { limit: 9_000 });
    const order = fx.scenario.order(customer, [{ quantity: 2, price: 310 }, { quantity: 1, price: 45 }], { date: '2026-11-02' });
    const delivery = fx.scenario.deliver(order, { date: '2026-11-04', quantities: { '000010': 1, '000020': 1 }, goodsIssue: '2026-11-04', carrier: 0, trackingReference: 'JJD77' });
    fx.scenario.invoice(delivery, { date: '2026-11-05' });
    account = await fx.createAccount('anna', customer);
  }, 60_000);
  afterAll(() => fx?.close());

  it('serves the document at /api/openapi.json', async () => {
    const answer = await fx.request('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(document);
  });

  it('the account panels, with data and empty', async () => {
    const empty = await fx.createAccount('anna', fx.scenario.customer());
    for (const id of [account, empty]) {
      for (const panel of ['orders', 'deliveries', 'invoices']) {
        const path = `/api/v1/accounts/{accountid}/sap/${panel}`;
        const answer = await fx.request('GET', `/api/v1/accounts/${id}/sap/${panel}?from=2026-01-01`, { as: 'anna' });
        expect(answer.status).toBe(200);
        expectDescribed('get', path, answer);
      }
    }
    const credit = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'anna' });
    expect((credit.body as Json).creditLimit).toBe(9_000);
    expectDescribed('get', '/api/v1/accounts/{accountid}/sap/credit', credit);
    const orders = await fx.request('GET', `/api/v1/accounts/${account}/sap/orders`, { as: 'anna' });
    expect((orders.body as Json).orders[0].lines).toHaveLength(2);
  });

  it('the sync results', async () => {
    const answer = await fx.request('GET', `/api/v1/records/account/${account}/sync-results`, { as: 'anna' });
    expectDescribed('get', '/api/v1/records/{table}/{id}/sync-results', answer);
  });

  it('the quote routes the gateway serves beside the panels', async () => {
    const price = '/api/v1/quotes/{quoteid}/sap/price';
    const missing = await fx.request('POST', `/api/v1/quotes/${crypto.randomUUID()}/sap/price`, { as: 'anna', body: {} });
    expect(missing.status).toBe(404);
    expectDescribed('post', price, missing);
    const invalid = await fx.request('POST', `/api/v1/quotes/${crypto.randomUUID()}/sap/submit`, { as: 'anna', body: { as: 'invoice' } });
    expect(invalid.status).toBe(400);
    expectDescribed('post', '/api/v1/quotes/{quoteid}/sap/submit', invalid);
  });

  it('the errors: 400, 401, 403, 404, 409, 503 and 429', async () => {
    const orders = '/api/v1/accounts/{accountid}/sap/orders';
    const credit = '/api/v1/accounts/{accountid}/sap/credit';
    const cases: [string, Answer, number][] = [
      [orders, await fx.request('GET', `/api/v1/accounts/${account}/sap/orders?top=0`, { as: 'anna' }), 400],
      [orders, await fx.request('GET', `/api/v1/accounts/${account}/sap/orders`), 401],
      [orders, await fx.request('GET', `/api/v1/accounts/${account}/sap/orders`, { as: 'dave' }), 403],
      [orders, await fx.request('GET', `/api/v1/accounts/${crypto.randomUUID()}/sap/orders`, { as: 'anna' }), 404],
      [credit, await fx.request('GET', `/api/v1/accounts/${await fx.createAccount('anna', undefined)}/sap/credit`, { as: 'anna' }), 409],
    ];
    fx.gateway.sandbox!.ecc.setKnobs({ down: true });
    try {
      cases.push([orders, await fx.request('GET', `/api/v1/accounts/${account}/sap/orders?from=2026-06-01`, { as: 'anna' }), 503]);
    } finally {
      fx.gateway.sandbox!.ecc.setKnobs({ down: false });
    }
    for (const [path, answer, status] of cases) {
      expect(answer.status).toBe(status);
      expectDescribed('get', path, answer);
    }
    let limited: Answer | undefined;
    for (let attempt = 0; attempt < 40 && !limited; attempt += 1) {
      const answer = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'anna' });
      if (answer.status === 429) limited = answer;
    }
    expectDescribed('get', credit, limited!);
  });
});
