import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditPanelSchema, deliveriesPanelSchema, invoicesPanelSchema, listQuerySchema, ordersPanelSchema, type ListQuery } from '../model/panelApi.js';
import { BillingScenario, type ScenarioCustomer, type ScenarioDelivery, type ScenarioInvoice, type ScenarioOrder } from '../sandbox/ecc/testing/billingScenario.js';
import { CARRIERS, PAYMENT_TERMS } from '../sandbox/ecc/seed/orgStructure.js';
import { alphaOut } from '../sap/alpha.js';
import { SapNotFoundError, SapTimeoutError } from '../sap/errors.js';
import { getCreditStatus } from '../sap/operations/getCreditStatus.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import type { RfcClient, RfcSession } from '../sap/rfc.js';
import { createTestEcc, FIXED_TODAY, SANDBOX_USER, type TestEcc } from '../sap/testing/transports.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import type { AccountSapLink } from './accountLink.js';
import { createAccountPanels, type AccountPanelsOptions } from './accountPanels.js';
import { PanelError } from './errors.js';
import { SapTexts } from './sapTexts.js';

let test: TestEcc;
let client: RfcClient;
let scenario: BillingScenario;
let clock = Date.parse(`${FIXED_TODAY}T09:00:00Z`);

let customer: ScenarioCustomer;
const orders: Record<'old' | 'partial' | 'recent', ScenarioOrder> = {} as never;
const deliveries: Record<'old' | 'partial' | 'waiting', ScenarioDelivery> = {} as never;
const invoices: Record<'paid' | 'overdue', ScenarioInvoice> = {} as never;

beforeAll(() => {
  test = createTestEcc();
  client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 10_000 });
  scenario = new BillingScenario(test);
  customer = scenario.customer({ paymentTerms: 'NT30' });
  scenario.creditAccount(customer, { limit: 20_000, riskCategory: '002', nextReview: '2027-01-15' });
  orders.old = scenario.order(customer, [{ quantity: 1, price: 4_100 }], { date: '2026-08-01' });
  deliveries.old = scenario.deliver(orders.old, { date: '2026-08-03', goodsIssue: '2026-08-03', carrier: 0, trackingReference: 'JJD000390007' });
  invoices.paid = scenario.invoice(deliveries.old, { date: '2026-08-04' });
  scenario.payInFull(invoices.paid, { date: '2026-08-20' });
  orders.partial = scenario.order(customer, [{ quantity: 6, price: 880 }, { quantity: 25, price: 14.2 }], { date: '2026-09-20' });
  deliveries.partial = scenario.deliver(orders.partial, { date: '2026-09-25', quantities: { '000010': 4, '000020': 25 }, goodsIssue: '2026-09-25', carrier: 1, trackingReference: 'SCH-4471-2209' });
  invoices.overdue = scenario.invoice(deliveries.partial, { date: '2026-09-26' });
  // Fully taken into a delivery (not yet picked): complete for SAP's order status.
  orders.recent = scenario.order(customer, [{ quantity: 3, price: 900 }], { date: '2026-11-20' });
  deliveries.waiting = scenario.deliver(orders.recent, { date: '2026-11-26', picked: false });
});

afterAll(async () => {
  await client.close();
});

const options = (overrides: Partial<AccountPanelsOptions> = {}): AccountPanelsOptions => ({
  sap: client,
  cacheSeconds: 60,
  timeoutMs: 5_000,
  customizingCacheSeconds: 3_600,
  texts: new SapTexts('E', { ttlMs: 3_600_000, maxEntries: 100, now: () => clock }),
  defaults: {},
  today: () => FIXED_TODAY,
  now: () => clock,
  ...overrides,
});

const linkOf = (who: ScenarioCustomer, overrides: Partial<AccountSapLink> = {}): AccountSapLink => ({
  accountId: randomUUID(),
  name: 'Scenario account',
  customerNumber: who.customerNumber,
  salesOrganization: who.salesOrg.salesOrg,
  distributionChannel: who.distributionChannel,
  division: who.division,
  companyCode: who.salesOrg.companyCode,
  creditControlArea: who.salesOrg.creditControlArea,
  ...overrides,
});

const query = (given: Partial<Record<keyof ListQuery, unknown>> = {}): ListQuery => listQuerySchema.parse(given);
const totalCalls = (): number => [...test.ecc.callCounts.values()].reduce((sum, count) => sum + count, 0);
const numberOf = (document: { orderNumber?: string; deliveryNumber?: string; invoiceNumber?: string }): string => alphaOut(document.orderNumber ?? document.deliveryNumber ?? document.invoiceNumber ?? '');

/** The client, recording each call's start and end (with the table RFC_READ_TABLE reads). */
function recording(target: RfcSession): { session: RfcSession; events: string[] } {
  const events: string[] = [];
  return {
    events,
    session: {
      call: async (functionModule, parameters, callOptions) => {
        const name = typeof parameters.QUERY_TABLE === 'string' ? `${functionModule}:${parameters.QUERY_TABLE}` : functionModule;
        events.push(`start ${name}`);
        try {
          return await target.call(functionModule, parameters, callOptions);
        } finally {
          events.push(`end ${name}`);
        }
      },
    },
  };
}

describe('the orders panel', () => {
  it("shows the customer's orders newest first with SAP's statuses, lines and values", async () => {
    const panel = await createAccountPanels(options()).orders(linkOf(customer), query({ from: '2026-01-01' }));
    expect(ordersPanelSchema.parse(panel)).toEqual(panel);
    expect(panel).toMatchObject({ customerNumber: alphaOut(customer.customerNumber), fromCache: false, retrievedAt: new Date(clock).toISOString(), page: { returned: 3, hasMore: false } });
    expect(panel.orders.map((order) => order.documentNumber)).toEqual([orders.recent, orders.partial, orders.old].map(numberOf));

    const reference = await getSalesDocuments(client, panel.orders.map((order) => order.documentNumber));
    for (const [index, order] of panel.orders.entries()) {
      const document = reference[index]!;
      expect(order.status).toEqual({ overall: document.status.overall, delivery: document.status.delivery, billing: document.status.billing, creditBlocked: document.status.creditBlocked });
      expect(order.lines.map((line) => [line.itemNumber, line.deliveryStatus, line.requestedDate])).toEqual(document.items.map((item) => [item.itemNumber, item.deliveryStatus, item.requestedDate]));
    }
    const partial = panel.orders[1]!;
    expect(partial).toMatchObject({ documentType: 'TA', documentDate: '2026-09-20', currency: 'EUR', status: { overall: 'partial', delivery: 'partial' } });
    expect(partial.lines.map((line) => [line.quantity, line.netValue, line.deliveryStatus, line.rejected])).toEqual([
      [6, orders.partial.items[0]!.netValue, 'partial', false],
      [25, orders.partial.items[1]!.netValue, 'complete', false],
    ]);
    expect(panel.orders[2]!.status).toMatchObject({ overall: 'complete', delivery: 'complete' });
  });

  it('keeps to the window, the row limit and the open filter', async () => {
    const panels = createAccountPanels(options());
    const newest = await panels.orders(linkOf(customer), query({ from: '2026-01-01', top: '1' }));
    expect(newest.orders.map((order) => order.documentNumber)).toEqual([numberOf(orders.recent)]);
    expect(newest.page).toEqual({ returned: 1, hasMore: true });
    const autumn = await panels.orders(linkOf(customer), query({ from: '2026-09-01', to: '2026-10-31' }));
    expect(autumn.orders.map((order) => order.documentNumber)).toEqual([numberOf(orders.partial)]);
    const open = await panels.orders(linkOf(customer), query({ from: '2026-01-01', status: 'open' }));
    expect(open.orders.map((order) => order.documentNumber)).toEqual([numberOf(orders.partial)]);
  });

  it('reads the orders shown last time alongside the next list: one round trip, the same two calls, a third only for new orders', async () => {
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    const link = linkOf(customer);
    await panels.orders(link, query({ from: '2026-01-01' }));
    // The document types' names are customizing: read alongside the first view only (the views below make no such call).
    const names = (event: string): boolean => event.endsWith(':TVAKT');
    expect(events.filter(names)).toEqual(['start RFC_READ_TABLE:TVAKT', 'end RFC_READ_TABLE:TVAKT']);
    expect(events.filter((event) => !names(event))).toEqual(['start BAPI_SALESORDER_GETLIST', 'end BAPI_SALESORDER_GETLIST', 'start BAPISDORDER_GETDETAILEDLIST', 'end BAPISDORDER_GETDETAILEDLIST']);

    events.length = 0;
    clock += 61_000;
    const again = await panels.orders(link, query({ from: '2026-01-01' }));
    expect(again.fromCache).toBe(false);
    expect(events.slice(0, 2).sort()).toEqual(['start BAPISDORDER_GETDETAILEDLIST', 'start BAPI_SALESORDER_GETLIST']);
    expect(events).toHaveLength(4);

    const added = scenario.order(customer, [{ quantity: 2, price: 120 }], { date: '2026-11-25' });
    events.length = 0;
    clock += 61_000;
    const withNew = await panels.orders(link, query({ from: '2026-01-01' }));
    expect(withNew.orders.map((order) => order.documentNumber)).toEqual([added, orders.recent, orders.partial, orders.old].map(numberOf));
    expect(events.filter((event) => event.startsWith('start'))).toEqual(['start BAPI_SALESORDER_GETLIST', 'start BAPISDORDER_GETDETAILEDLIST', 'start BAPISDORDER_GETDETAILEDLIST']);
    await panels.orders(link, query({ from: '2026-01-01' }));
    expect(events.filter((event) => event.startsWith('start'))).toHaveLength(3);
  });

  it("names the document types in the rep's language, and shows the orders without names when SAP gives none", async () => {
    const panels = createAccountPanels(options());
    const typeNames = async (languages?: string[]) => (await panels.orders(linkOf(customer), query({ from: '2026-01-01' }), languages)).orders.map((order) => order.documentTypeName);
    expect(new Set(await typeNames())).toEqual(new Set(['Standard Order']));
    expect(new Set(await typeNames(['de-DE']))).toEqual(new Set(['Terminauftrag']));
    const withoutNames: RfcSession = {
      call: (functionModule, parameters, callOptions) =>
        parameters.QUERY_TABLE === 'TVAKT' ? Promise.reject(new Error('no authorization for TVAKT')) : client.call(functionModule, parameters, callOptions),
    };
    const unnamed = await createAccountPanels(options({ sap: withoutNames })).orders(linkOf(customer), query({ from: '2026-01-01' }));
    expect(unnamed.orders.map((order) => [order.documentType, order.documentTypeName])).toEqual(unnamed.orders.map(() => ['TA', '']));
  });

  it("needs the account's sales organization", async () => {
    const before = totalCalls();
    const error = await createAccountPanels(options()).orders(linkOf(customer, { salesOrganization: '' }), query()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PanelError);
    expect(error).toMatchObject({ code: 'ACCOUNT_NOT_LINKED', message: expect.stringContaining('ecc_salesorganization') });
    expect(totalCalls()).toBe(before);
  });
});

describe('the deliveries panel', () => {
  it('shows dispatch status, progress, tracking reference, carrier and the orders shipped', async () => {
    const panel = await createAccountPanels(options()).deliveries(linkOf(customer), query({ from: '2026-01-01' }));
    expect(deliveriesPanelSchema.parse(panel)).toEqual(panel);
    expect(panel.deliveries).toEqual([
      {
        deliveryNumber: numberOf(deliveries.waiting), deliveryDate: expect.any(String), plannedGoodsIssueDate: '2026-11-26', actualGoodsIssueDate: '',
        progress: 'created', trackingReference: '', carrier: '', shippingPoint: '1000', salesOrders: [numberOf(orders.recent)],
      },
      {
        deliveryNumber: numberOf(deliveries.partial), deliveryDate: expect.any(String), plannedGoodsIssueDate: '2026-09-25', actualGoodsIssueDate: '2026-09-25',
        progress: 'billed', trackingReference: 'SCH-4471-2209', carrier: CARRIERS[1]!.name, shippingPoint: '1000', salesOrders: [numberOf(orders.partial)],
      },
      {
        deliveryNumber: numberOf(deliveries.old), deliveryDate: expect.any(String), plannedGoodsIssueDate: '2026-08-03', actualGoodsIssueDate: '2026-08-03',
        progress: 'billed', trackingReference: 'JJD000390007', carrier: CARRIERS[0]!.name, shippingPoint: '1000', salesOrders: [numberOf(orders.old)],
      },
    ]);
    expect(panel.page).toEqual({ returned: 3, hasMore: false });
  });

  it('shows only deliveries not yet shipped when asked, and keeps carrier names', async () => {
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    const open = await panels.deliveries(linkOf(customer), query({ from: '2026-01-01', status: 'open' }));
    expect(open.deliveries.map((delivery) => delivery.deliveryNumber)).toEqual([numberOf(deliveries.waiting)]);
    expect(events.filter((event) => event === 'start RFC_READ_TABLE:LFA1')).toHaveLength(1);
    clock += 61_000;
    events.length = 0;
    await panels.deliveries(linkOf(customer), query({ from: '2026-01-01', status: 'open' }));
    expect(events.filter((event) => event.startsWith('start')).sort()).toEqual(['start RFC_READ_TABLE:LIKP', 'start RFC_READ_TABLE:LIPS', 'start RFC_READ_TABLE:VBPA', 'start RFC_READ_TABLE:VBUK']);
  });

  it('answers SAP_NOT_FOUND for a customer SAP does not know, and keeps that answer for the cache time', async () => {
    const panels = createAccountPanels(options());
    const unknown = linkOf(customer, { customerNumber: '9999999' });
    const before = totalCalls();
    await expect(panels.deliveries(unknown, query())).rejects.toBeInstanceOf(SapNotFoundError);
    const calls = totalCalls() - before;
    await expect(panels.deliveries(unknown, query())).rejects.toBeInstanceOf(SapNotFoundError);
    expect(totalCalls() - before).toBe(calls);
    clock += 61_000;
    await expect(panels.deliveries(unknown, query())).rejects.toBeInstanceOf(SapNotFoundError);
    expect(totalCalls() - before).toBe(2 * calls);
  });

  it('checks an empty list against the customer master the first time only: a refresh costs one round trip', async () => {
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    const nothingShipped = scenario.customer();
    expect((await panels.deliveries(linkOf(nothingShipped), query())).deliveries).toEqual([]);
    expect(events).toEqual(['start RFC_READ_TABLE:LIKP', 'end RFC_READ_TABLE:LIKP', 'start RFC_READ_TABLE:KNA1', 'end RFC_READ_TABLE:KNA1']);
    events.length = 0;
    clock += 61_000;
    expect(await panels.deliveries(linkOf(nothingShipped), query())).toMatchObject({ deliveries: [], fromCache: false });
    expect(events).toEqual(['start RFC_READ_TABLE:LIKP', 'end RFC_READ_TABLE:LIKP']);
  });
});

describe('the invoices panel', () => {
  it('shows amounts, due dates, payment status and open balance, the open items and their totals', async () => {
    const panel = await createAccountPanels(options()).invoices(linkOf(customer), query({ from: '2026-01-01' }));
    expect(invoicesPanelSchema.parse(panel)).toEqual(panel);
    expect(panel.invoices).toEqual([
      {
        invoiceNumber: numberOf(invoices.overdue), billingDate: '2026-09-26', dueDate: '2026-10-26', netValue: invoices.overdue.netValue, taxAmount: invoices.overdue.tax,
        grossValue: invoices.overdue.grossValue, currency: 'EUR', paymentStatus: 'overdue', openBalance: invoices.overdue.grossValue,
      },
      {
        invoiceNumber: numberOf(invoices.paid), billingDate: '2026-08-04', dueDate: '', netValue: invoices.paid.netValue, taxAmount: invoices.paid.tax,
        grossValue: invoices.paid.grossValue, currency: 'EUR', paymentStatus: 'paid', openBalance: 0,
      },
    ]);
    expect(panel.openItems).toEqual([
      {
        documentNumber: alphaOut(invoices.overdue.accountingDocument), fiscalYear: '2026', invoiceNumber: numberOf(invoices.overdue), postingDate: '2026-09-26',
        dueDate: '2026-10-26', amount: invoices.overdue.grossValue, currency: 'EUR', daysOverdue: 32,
      },
    ]);
    expect(panel.totals).toEqual({ openBalance: invoices.overdue.grossValue, overdueAmount: invoices.overdue.grossValue, currency: 'EUR' });
  });

  it('reads the open items once, in parallel with the billing documents, and no billing items', async () => {
    const { session, events } = recording(client);
    const panel = await createAccountPanels(options({ sap: session })).invoices(linkOf(customer), query({ from: '2026-01-01', status: 'open' }));
    expect(panel.invoices.map((invoice) => invoice.invoiceNumber)).toEqual([numberOf(invoices.overdue)]);
    expect(events.slice(0, 2).sort()).toEqual(['start BAPI_AR_ACC_GETOPENITEMS', 'start RFC_READ_TABLE:VBRK']);
    expect(events).toHaveLength(4);
  });

  it("reads the open items of another payer it met last time alongside: a new payer costs a second round trip, a known one none", async () => {
    const billed = scenario.customer();
    const holding = scenario.customer({ name: 'Scenario Holding' });
    const order = scenario.order(billed, [{ quantity: 2, price: 310 }], { date: '2026-11-18' });
    const paidByHolding = scenario.invoice(scenario.deliver(order, { date: '2026-11-19', goodsIssue: '2026-11-19' }), { date: '2026-11-20', payer: holding });
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    const starts = (): string[] => events.filter((event) => event.startsWith('start'));

    const first = await panels.invoices(linkOf(billed), query({ from: '2026-01-01' }));
    expect(first.invoices).toEqual([expect.objectContaining({ invoiceNumber: numberOf(paidByHolding), paymentStatus: 'open', openBalance: paidByHolding.grossValue })]);
    // The holding's items only once the billing documents named it: after the first round trip ended.
    expect(events.slice(0, 2).sort()).toEqual(['start BAPI_AR_ACC_GETOPENITEMS', 'start RFC_READ_TABLE:VBRK']);
    expect(events.indexOf('end RFC_READ_TABLE:VBRK')).toBeLessThan(events.lastIndexOf('start BAPI_AR_ACC_GETOPENITEMS'));
    expect(starts()).toHaveLength(3);

    events.length = 0;
    clock += 61_000;
    const again = await panels.invoices(linkOf(billed), query({ from: '2026-01-01' }));
    expect(again.fromCache).toBe(false);
    expect(again.invoices).toEqual(first.invoices);
    // All three at once: the customer's items, the holding's and the billing documents.
    expect(events.slice(0, 3).every((event) => event.startsWith('start'))).toBe(true);
    expect(starts()).toHaveLength(3);
  });

  it('reads no customer master for an empty list: the open items read alongside fail for a customer SAP does not know', async () => {
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    expect((await panels.invoices(linkOf(scenario.customer()), query())).invoices).toEqual([]);
    expect(events.filter((event) => event.startsWith('start')).sort()).toEqual(['start BAPI_AR_ACC_GETOPENITEMS', 'start RFC_READ_TABLE:VBRK']);
    await expect(panels.invoices(linkOf(customer, { customerNumber: '9999999' }), query())).rejects.toBeInstanceOf(SapNotFoundError);
  });

  it('takes the company code from the configuration when the account has none', async () => {
    const link = linkOf(customer, { companyCode: '' });
    await expect(createAccountPanels(options()).invoices(link, query())).rejects.toMatchObject({ code: 'ACCOUNT_NOT_LINKED', message: expect.stringContaining('panels.companyCode') });
    const panel = await createAccountPanels(options({ defaults: { companyCode: '1000' } })).invoices(link, query({ from: '2026-01-01' }));
    expect(panel.invoices).toHaveLength(2);
  });
});

describe('the credit panel', () => {
  it("shows SAP's credit status with payment terms and central blocks", async () => {
    const panel = await createAccountPanels(options()).credit(linkOf(customer));
    expect(creditPanelSchema.parse(panel)).toEqual(panel);
    const status = await getCreditStatus(client, customer.customerNumber, '1000');
    expect(panel).toEqual({
      customerNumber: alphaOut(customer.customerNumber),
      creditControlArea: '1000',
      currency: 'EUR',
      creditLimit: 20_000,
      exposure: status.exposure,
      availableCredit: status.availableCredit,
      utilizationPercent: status.utilizationPercent,
      overdueAmount: invoices.overdue.grossValue,
      riskCategory: '002',
      creditBlocked: false,
      nextReviewDate: '2027-01-15',
      paymentTerms: 'NT30',
      paymentTermsText: PAYMENT_TERMS.find((terms) => terms.key === 'NT30')!.text,
      blocks: { order: false, delivery: false, billing: false, posting: false },
      retrievedAt: new Date(clock).toISOString(),
      fromCache: false,
    });
    expect(status.exposure).toBeGreaterThan(0);
  });

  it('reads in one round: the credit account, blocks, payment terms key and (once) the texts', async () => {
    const { session, events } = recording(client);
    const panels = createAccountPanels(options({ sap: session }));
    await panels.credit(linkOf(customer));
    const starts = events.slice(0, 4).sort();
    expect(starts).toEqual(['start BAPI_CREDIT_ACCOUNT_GET_STATUS', 'start RFC_READ_TABLE:KNA1', 'start RFC_READ_TABLE:KNB1', 'start RFC_READ_TABLE:T052U']);
    clock += 61_000;
    events.length = 0;
    await panels.credit(linkOf(customer));
    expect(events.filter((event) => event.startsWith('start')).sort()).toEqual(['start BAPI_CREDIT_ACCOUNT_GET_STATUS', 'start RFC_READ_TABLE:KNA1', 'start RFC_READ_TABLE:KNB1']);
  });

  it("gives the payment terms in the rep's language where SAP has them, else in the configured one", async () => {
    const panels = createAccountPanels(options());
    const text = (key: string, german: boolean): string => {
      const terms = PAYMENT_TERMS.find((candidate) => candidate.key === key)!;
      return (german ? terms.textDe! : terms.text).slice(0, 50);
    };
    expect((await panels.credit(linkOf(customer), ['de-DE', 'en'])).paymentTermsText).toBe(text('NT30', true));
    // French is an SAP language (T002) without payment terms texts here; Klingon is none.
    expect((await panels.credit(linkOf(customer), ['fr'])).paymentTermsText).toBe(text('NT30', false));
    expect((await panels.credit(linkOf(customer), ['tlh', 'de'])).paymentTermsText).toBe(text('NT30', true));
    // Terms without a German text keep their English one.
    const sixtyDays = scenario.customer({ paymentTerms: 'NT60' });
    scenario.creditAccount(sixtyDays, { limit: 5_000 });
    expect((await panels.credit(linkOf(sixtyDays), ['de'])).paymentTermsText).toBe(text('NT60', false));
  });

  it('needs a credit control area from the account or the configuration', async () => {
    const link = linkOf(customer, { creditControlArea: '' });
    await expect(createAccountPanels(options()).credit(link)).rejects.toMatchObject({ code: 'ACCOUNT_NOT_LINKED', message: expect.stringContaining('ecc_creditcontrolarea') });
    await expect(createAccountPanels(options({ defaults: { creditControlArea: '1000' } })).credit(link)).resolves.toMatchObject({ creditLimit: 20_000 });
    await expect(createAccountPanels(options()).credit(linkOf(customer, { customerNumber: '10 00' }))).rejects.toMatchObject({ code: 'ACCOUNT_NOT_LINKED', message: expect.stringContaining('not an SAP key') });
  });
});

describe('caching, coalescing and the deadline', () => {
  it('serves a second view within the cache time without calling SAP, and reads again after it', async () => {
    const panels = createAccountPanels(options());
    const first = await panels.credit(linkOf(customer));
    const calls = totalCalls();
    clock += 30_000;
    const second = await panels.credit(linkOf(customer, { accountId: randomUUID() }));
    expect(totalCalls()).toBe(calls);
    expect(second).toEqual({ ...first, fromCache: true });
    clock += 31_000;
    const third = await panels.credit(linkOf(customer));
    expect(totalCalls()).toBeGreaterThan(calls);
    expect(third).toMatchObject({ fromCache: false, retrievedAt: new Date(clock).toISOString() });
  });

  it('makes one set of SAP calls for twenty identical requests at once', async () => {
    const single = totalCalls();
    await createAccountPanels(options()).orders(linkOf(customer), query({ from: '2026-02-01' }));
    const perRead = totalCalls() - single;
    // The list, the details, and (once per language) the document types' names.
    expect(perRead).toBe(3);

    const panels = createAccountPanels(options());
    const before = totalCalls();
    const answers = await Promise.all(Array.from({ length: 20 }, () => panels.orders(linkOf(customer), query({ from: '2026-02-01' }))));
    expect(totalCalls() - before).toBe(perRead);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]!.fromCache).toBe(false);
  });

  it('fails a panel SAP does not answer in time with SAP_TIMEOUT, and does not keep the failure', async () => {
    const panels = createAccountPanels(options({ timeoutMs: 100 }));
    test.ecc.setKnobs({ latencyMs: 400 });
    try {
      const error = await panels.orders(linkOf(customer), query()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SapTimeoutError);
      expect(error).toMatchObject({ code: 'SAP_TIMEOUT', message: expect.stringContaining('the orders panel') });
    } finally {
      test.ecc.setKnobs({ latencyMs: 0 });
    }
    await expect(panels.orders(linkOf(customer), query())).resolves.toMatchObject({ fromCache: false, customerNumber: alphaOut(customer.customerNumber) });
  });
});
