/**
 * The account panel routes over HTTP, on the gateway as it runs on the sandbox: real tokens from
 * the sandbox identity provider, accounts in the simulated Dataverse owned by the personas, SAP
 * data in the simulated ECC. The panels' SAP reads are tested in gateway/src/panels/.
 */

import { randomUUID } from 'node:crypto';
import { base64url, decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creditPanelSchema, deliveriesPanelSchema, errorSchema, invoicesPanelSchema, ordersPanelSchema } from '../../model/panelApi.js';
import { PAYMENT_TERMS } from '../../sandbox/ecc/seed/orgStructure.js';
import type { ScenarioCustomer, ScenarioOrder } from '../../sandbox/ecc/testing/billingScenario.js';
import { SANDBOX_TENANT_ID } from '../../sandbox/identities.js';
import { SANDBOX_GATEWAY_API_ID_URI } from '../../sandbox/idp/index.js';
import { acquireSandboxToken } from '../../sandbox/idp/testing/identityProvider.js';
import { alphaOut } from '../../sap/alpha.js';
import { startPanelApiGateway, type Answer, type PanelApiGateway } from './testing/panelApiGateway.js';

const CRM = 'https://contoso.crm4.dynamics.com';
const codeOf = (answer: Answer): string => errorSchema.parse(answer.body).error.code;
const messageOf = (answer: Answer): string => errorSchema.parse(answer.body).error.message;

describe('the account panel routes', () => {
  let fx: PanelApiGateway;
  let customer: ScenarioCustomer;
  let order: ScenarioOrder;
  let annasAccount: string;
  let bensAccount: string;

  beforeAll(async () => {
    fx = await startPanelApiGateway({ api: { corsOrigins: [CRM] } });
    customer = fx.scenario.customer({ paymentTerms: 'NT30' });
    fx.scenario.creditAccount(customer, { limit: 15_000 });
    order = fx.scenario.order(customer, [{ quantity: 4, price: 950 }], { date: '2026-10-01' });
    const delivery = fx.scenario.deliver(order, { date: '2026-10-03', goodsIssue: '2026-10-03', carrier: 2, trackingReference: '1Z999AA10123456784' });
    fx.scenario.invoice(delivery, { date: '2026-10-04' });
    annasAccount = await fx.createAccount('anna', customer);
    bensAccount = await fx.createAccount('ben', fx.scenario.customer());
  }, 60_000);
  afterAll(() => fx?.close());

  const panel = (account: string, name: string, query = '') => `/api/v1/accounts/${account}/sap/${name}${query}`;

  describe('for the account a rep may read', () => {
    it('answers each panel with SAP data in the contract shape', async () => {
      const orders = await fx.request('GET', panel(annasAccount, 'orders', '?from=2026-01-01'), { as: 'anna' });
      expect(orders.status).toBe(200);
      expect(ordersPanelSchema.parse(orders.body).orders.map((o) => o.documentNumber)).toEqual([alphaOut(order.orderNumber)]);

      const deliveries = await fx.request('GET', panel(annasAccount, 'deliveries', '?from=2026-01-01'), { as: 'anna' });
      expect(deliveries.status).toBe(200);
      expect(deliveriesPanelSchema.parse(deliveries.body).deliveries).toMatchObject([{ trackingReference: '1Z999AA10123456784', progress: 'billed', salesOrders: [alphaOut(order.orderNumber)] }]);

      const invoices = await fx.request('GET', panel(annasAccount, 'invoices', '?from=2026-01-01&status=open&top=5'), { as: 'anna' });
      expect(invoices.status).toBe(200);
      expect(invoicesPanelSchema.parse(invoices.body).invoices).toMatchObject([{ paymentStatus: 'overdue', dueDate: '2026-11-03' }]);

      const credit = await fx.request('GET', panel(annasAccount, 'credit'), { as: 'anna' });
      expect(credit.status).toBe(200);
      expect(credit.headers.get('cache-control')).toBe('no-store');
      expect(creditPanelSchema.parse(credit.body)).toMatchObject({ customerNumber: alphaOut(customer.customerNumber), creditLimit: 15_000, paymentTerms: 'NT30' });
    });

    it("gives SAP's texts in the language the rep's control asks for, and says the answer varies by it", async () => {
      const german = await fx.request('GET', panel(annasAccount, 'credit'), { as: 'anna', headers: { 'Accept-Language': 'de-DE, de;q=0.9, en;q=0.5' } });
      expect(german.status).toBe(200);
      expect(german.headers.get('vary')).toMatch(/Accept-Language/i);
      expect(creditPanelSchema.parse(german.body).paymentTermsText).toBe(PAYMENT_TERMS.find((terms) => terms.key === 'NT30')!.textDe);
      const english = await fx.request('GET', panel(annasAccount, 'credit'), { as: 'anna' });
      expect(creditPanelSchema.parse(english.body).paymentTermsText).toBe(PAYMENT_TERMS.find((terms) => terms.key === 'NT30')!.text);
    });

    it('lets a manager read it through the business unit, and an organization-wide reader too', async () => {
      for (const who of ['carla', 'olivia']) expect((await fx.request('GET', panel(annasAccount, 'credit'), { as: who })).status).toBe(200);
    });

    it('serves a second view within the cache time without calling SAP', async () => {
      const first = await fx.request('GET', panel(annasAccount, 'orders', '?from=2026-02-01'), { as: 'anna' });
      expect(first.body).toMatchObject({ fromCache: false });
      const calls = fx.sapCalls();
      const second = await fx.request('GET', panel(annasAccount, 'orders', '?from=2026-02-01'), { as: 'olivia' });
      expect(second.body).toMatchObject({ fromCache: true, retrievedAt: (first.body as { retrievedAt: string }).retrievedAt });
      expect(fx.sapCalls()).toBe(calls);
      // Server-Timing says where the time went: the access check, then SAP's reads the first time, the cache the second.
      // total: since the request reached the gateway, so the gateway's own share is total − crm − sap (or cache).
      expect(first.headers.get('server-timing')).toMatch(/^crm;dur=\d+\.\d, sap;dur=\d+\.\d, total;dur=\d+\.\d$/);
      expect(second.headers.get('server-timing')).toMatch(/^crm;dur=\d+\.\d, cache;dur=\d+\.\d, total;dur=\d+\.\d$/);
      const durations = (header: string | null) => [...(header ?? '').matchAll(/dur=([\d.]+)/g)].map((match) => Number(match[1]));
      const [crm, sap, total] = durations(first.headers.get('server-timing'));
      expect(total).toBeGreaterThanOrEqual(crm! + sap! - 0.2);
    });

    it('makes one set of RFC calls for twenty identical requests at once', async () => {
      const calls = fx.sapCalls();
      const answers = await Promise.all(Array.from({ length: 20 }, () => fx.request('GET', panel(annasAccount, 'orders', '?from=2026-03-01'), { as: 'anna' })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
      // One list read and one details read: what a single request costs.
      expect(fx.sapCalls() - calls).toBe(2);
      // The same read for all: those that came in after it finished got it from the cache.
      expect(new Set(answers.map((answer) => JSON.stringify({ ...(answer.body as object), fromCache: undefined }))).size).toBe(1);
    });
  });

  describe('refusals', () => {
    it("answers 403 NOT_AUTHORIZED for an account the rep may not read, without calling SAP", async () => {
      const calls = fx.sapCalls();
      for (const name of ['orders', 'deliveries', 'invoices', 'credit']) {
        const refused = await fx.request('GET', panel(annasAccount, name), { as: 'ben' });
        expect(refused.status).toBe(403);
        expect(codeOf(refused)).toBe('NOT_AUTHORIZED');
      }
      expect((await fx.request('GET', panel(bensAccount, 'credit'), { as: 'anna' })).status).toBe(403);
      expect(fx.sapCalls()).toBe(calls);
    });

    it('answers 404 for an account CRM does not have, and 409 ACCOUNT_NOT_LINKED for one without SAP customer number', async () => {
      const missing = await fx.request('GET', panel(randomUUID(), 'orders'), { as: 'olivia' });
      expect(missing.status).toBe(404);
      expect(codeOf(missing)).toBe('ACCOUNT_NOT_FOUND');
      const unlinked = await fx.request('GET', panel(await fx.createAccount('anna', undefined), 'credit'), { as: 'anna' });
      expect(unlinked.status).toBe(409);
      expect(unlinked.body).toMatchObject({ error: { code: 'ACCOUNT_NOT_LINKED', details: { column: 'ecc_customernumber' } } });
    });

    it('answers 400 REQUEST_INVALID naming the parameter', async () => {
      const cases: [string, RegExp][] = [
        [panel(annasAccount, 'orders', '?top=500'), /^Query parameter top: /],
        [panel(annasAccount, 'orders', '?status=closed'), /^Query parameter status: /],
        [panel(annasAccount, 'invoices', '?from=2026-13-01'), /^Query parameter from: /],
        [panel(annasAccount, 'deliveries', '?from=2026-11-01&to=2026-10-01'), /^Query parameter from: must not be after to/],
        [panel(annasAccount, 'orders', '?customer=1000'), /^Query parameter customer not known/],
        [panel(annasAccount, 'credit', '?top=5'), /^Query parameter top not known/],
        [panel('not-a-guid', 'orders'), /^Path parameter accountid: /],
      ];
      for (const [path, message] of cases) {
        const answer = await fx.request('GET', path, { as: 'anna' });
        expect(answer.status, path).toBe(400);
        expect(codeOf(answer)).toBe('REQUEST_INVALID');
        expect(messageOf(answer)).toMatch(message);
      }
    });
  });

  describe('tokens refused with 401, a Bearer challenge and an error code', () => {
    const refusedWith = async (token: string | undefined, code: string): Promise<void> => {
      const answer = await fx.request('GET', panel(annasAccount, 'credit'), token === undefined ? {} : { token });
      expect(answer.status).toBe(401);
      expect(codeOf(answer)).toBe(code);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="ecc365"/);
    };

    it('no token', async () => {
      await refusedWith(undefined, 'TOKEN_MISSING');
    });

    it('an expired token', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() - 3 * 3600_000);
      let expired: string;
      try {
        expired = await fx.token('dave');
      } finally {
        vi.useRealTimers();
      }
      await refusedWith(expired, 'TOKEN_EXPIRED');
    });

    it('a token not yet valid', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 3600_000);
      let early: string;
      try {
        early = await fx.token('erin');
      } finally {
        vi.useRealTimers();
      }
      await refusedWith(early, 'TOKEN_INVALID');
    });

    it('a token for another audience', async () => {
      await refusedWith(await fx.token('anna', `${fx.origin}/sandbox/dataverse`), 'TOKEN_INVALID');
    });

    it('a token signed by an unknown key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT(decodeJwt(await fx.token('anna'))).setProtectedHeader({ alg: 'RS256', kid: 'unknown-key' }).sign(privateKey);
      await refusedWith(forged, 'TOKEN_INVALID');
    });

    it("'alg: none' and a tampered payload", async () => {
      const [header, payload, signature] = (await fx.token('anna')).split('.') as [string, string, string];
      await refusedWith(`${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`, 'TOKEN_INVALID');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      await refusedWith(`${header}.${base64url.encode(JSON.stringify({ ...claims, oid: randomUUID() }))}.${signature}`, 'TOKEN_INVALID');
    });

    it("and an application's token with 403 USER_TOKEN_REQUIRED", async () => {
      const appToken = await acquireSandboxToken(`${fx.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, SANDBOX_GATEWAY_API_ID_URI, { kind: 'application' });
      const answer = await fx.request('GET', panel(annasAccount, 'credit'), { token: appToken });
      expect(answer.status).toBe(403);
      expect(codeOf(answer)).toBe('USER_TOKEN_REQUIRED');
      expect(answer.headers.get('www-authenticate')).toContain('insufficient_scope');
    });
  });

  describe('CORS', () => {
    it('answers a preflight from the CRM origin, and lets its pages read answers and headers', async () => {
      const preflight = await fetch(`${fx.origin}${panel(annasAccount, 'orders')}`, {
        method: 'OPTIONS',
        headers: { Origin: CRM, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-correlation-id' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(CRM);
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const answer = await fx.request('GET', panel(annasAccount, 'credit'), { as: 'anna', headers: { Origin: CRM } });
      expect(answer.headers.get('access-control-allow-origin')).toBe(CRM);
      expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After');
    });

    it("allows the gateway's own origin on the sandbox (the form preview)", async () => {
      const preflight = await fetch(`${fx.origin}${panel(annasAccount, 'orders')}`, { method: 'OPTIONS', headers: { Origin: fx.origin, 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(fx.origin);
    });

    it('refuses a preflight from a foreign origin, and gives its pages no CORS headers', async () => {
      const preflight = await fetch(`${fx.origin}${panel(annasAccount, 'orders')}`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(((await preflight.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_NOT_ALLOWED');
      const answer = await fx.request('GET', panel(annasAccount, 'credit'), { as: 'anna', headers: { Origin: 'https://evil.example' } });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('the panel API under load and a slow SAP', () => {
  let fx: PanelApiGateway;
  let account: string;

  beforeAll(async () => {
    fx = await startPanelApiGateway({ api: { rateLimit: { maxRequests: 5, windowSeconds: 60 } }, panels: { timeoutMs: 300 } });
    const customer = fx.scenario.customer();
    fx.scenario.creditAccount(customer, { limit: 1_000 });
    account = await fx.createAccount('dave', customer);
  }, 60_000);
  afterAll(() => fx?.close());

  it('answers 503 SAP_TIMEOUT with Retry-After when SAP is slower than the panel may wait, and keeps serving meanwhile', async () => {
    const cached = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'dave' });
    expect(cached.status).toBe(200);
    fx.gateway.sandbox!.ecc.setKnobs({ latencyMs: 2_000 });
    try {
      const slow = fx.request('GET', `/api/v1/accounts/${account}/sap/orders`, { as: 'dave' });
      const [health, fromCache] = await Promise.all([fetch(`${fx.origin}/healthz`), fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'dave' })]);
      expect(health.status).toBe(200);
      expect(fromCache.body).toMatchObject({ fromCache: true });
      const timedOut = await slow;
      expect(timedOut.status).toBe(503);
      expect(codeOf(timedOut)).toBe('SAP_TIMEOUT');
      expect(timedOut.headers.get('retry-after')).toBe('5');
    } finally {
      fx.gateway.sandbox!.ecc.setKnobs({ latencyMs: 0 });
    }
  });

  it('limits each user: beyond the limit 429 RATE_LIMITED with Retry-After, while another user goes on', async () => {
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const answer = await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'olivia' });
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(codeOf(limited!)).toBe('RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorSchema.parse(limited!.body).error.retryAfterSeconds).toBe(Number(limited!.headers.get('retry-after')));
    expect((await fx.request('GET', `/api/v1/accounts/${account}/sap/credit`, { as: 'carla' })).status).toBe(403);
  });
});

describe('the account panel routes on a gateway configured for the ecc365 SAP add-on (sap.addOn)', () => {
  let fx: PanelApiGateway;
  let account: string;
  let order: ScenarioOrder;

  beforeAll(async () => {
    fx = await startPanelApiGateway({ sap: { transport: 'sandbox', addOn: true } });
    const customer = fx.scenario.customer({ paymentTerms: 'NT30' });
    fx.scenario.creditAccount(customer, { limit: 15_000 });
    order = fx.scenario.order(customer, [{ quantity: 4, price: 950 }], { date: '2026-10-01' });
    fx.scenario.invoice(fx.scenario.deliver(order, { date: '2026-10-03', goodsIssue: '2026-10-03', carrier: 2 }), { date: '2026-10-04' });
    account = await fx.createAccount('anna', customer);
  }, 60_000);
  afterAll(() => fx?.close());

  it('reads each panel with one call of the add-on', async () => {
    const calls = fx.gateway.sandbox!.ecc.callCounts;
    // SAP's texts (payment terms, document types) are customizing, read once and kept: read them first.
    for (const name of ['orders', 'credit']) expect((await fx.request('GET', `/api/v1/accounts/${account}/sap/${name}`, { as: 'anna' })).status).toBe(200);
    const before = new Map(calls);
    const other = await fx.createAccount('anna', fx.scenario.customer());
    for (const name of ['orders', 'deliveries', 'invoices', 'credit']) {
      const answer = await fx.request('GET', `/api/v1/accounts/${other}/sap/${name}${name === 'credit' ? '' : '?from=2026-01-01'}`, { as: 'anna' });
      // The new customer has no credit account: SAP's answer is 404 SAP_NOT_FOUND.
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(name === 'credit' ? 404 : 200);
    }
    const made = [...calls].flatMap(([name, count]) => (count > (before.get(name) ?? 0) ? [`${name} ×${count - (before.get(name) ?? 0)}`] : [])).sort();
    expect(made).toEqual(['/ECC365/PANEL_CREDIT ×1', '/ECC365/PANEL_DELIVERIES ×1', '/ECC365/PANEL_INVOICES ×1', '/ECC365/PANEL_ORDERS ×1']);
    const orders = await fx.request('GET', `/api/v1/accounts/${account}/sap/orders?from=2026-01-01`, { as: 'anna' });
    expect(ordersPanelSchema.parse(orders.body).orders.map((o) => o.documentNumber)).toEqual([alphaOut(order.orderNumber)]);
  });
});
