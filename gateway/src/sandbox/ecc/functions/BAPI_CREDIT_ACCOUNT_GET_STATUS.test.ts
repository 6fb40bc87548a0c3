import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { BillingScenario, type ScenarioCustomer, type ScenarioInvoice, type ScenarioOrder } from '../testing/billingScenario.js';

const cents = (value: number): number => Math.round(value * 100) / 100;

describe('BAPI_CREDIT_ACCOUNT_GET_STATUS', () => {
  const test = createTestEcc();
  const scenario = new BillingScenario(test);
  const client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  const status = (customer: string, area = '1000') =>
    client.call('BAPI_CREDIT_ACCOUNT_GET_STATUS', { CREDITCONTROLAREA: area, CUSTOMER: customer, CREDIT_ACCOUNT_DETAIL: [], CREDIT_ACCOUNT_OPEN_ITEMS: [] });

  let customer: ScenarioCustomer;
  let openOrder: ScenarioOrder;
  let partlyDelivered: ScenarioOrder;
  let overdue: ScenarioInvoice;
  let notYetDue: ScenarioInvoice;
  let unposted: ScenarioInvoice;
  let cancelled: ScenarioInvoice;

  beforeAll(() => {
    customer = scenario.customer({ paymentTerms: 'NT30' });
    scenario.creditAccount(customer, { limit: 80_000, riskCategory: '002', nextReview: '2027-01-15' });
    openOrder = scenario.order(customer, [{ quantity: 3, price: 1_999.99 }]);
    partlyDelivered = scenario.order(customer, [{ quantity: 5, price: 420 }]);
    scenario.deliver(partlyDelivered, { quantities: { '000010': 2 }, goodsIssue: '2026-11-25' });
    const billedEarly = scenario.order(customer, [{ quantity: 2, price: 3_100 }], { date: '2026-09-20' });
    overdue = scenario.invoice(scenario.deliver(billedEarly, { date: '2026-09-25', goodsIssue: '2026-09-26' }), { date: '2026-10-01' });
    const billedLately = scenario.order(customer, [{ quantity: 1, price: 780 }], { date: '2026-11-15' });
    notYetDue = scenario.invoice(scenario.deliver(billedLately, { date: '2026-11-18', goodsIssue: '2026-11-19' }), { date: '2026-11-20' });
    cancelled = scenario.invoice(scenario.deliver(scenario.order(customer, [{ quantity: 1, price: 5_000 }]), { goodsIssue: '2026-11-26' }));
    scenario.cancel(cancelled);
    const awaitingRelease = scenario.order(customer, [{ quantity: 2, price: 250 }]);
    unposted = scenario.invoice(scenario.deliver(awaitingRelease, { goodsIssue: '2026-11-27' }), { post: false });
    scenario.payPartially(overdue, 1_000, { date: '2026-11-05' });
    scenario.specialGlItem(customer, { indicator: 'W', amount: 2_500, debit: true });
  });

  it('adds up receivables, special liabilities and the open order, delivery and billing values', async () => {
    const result = await status(customer.customerNumber);
    expect(result.RETURN).toMatchObject({ TYPE: '' });
    const [detail] = result.CREDIT_ACCOUNT_DETAIL as Record<string, string>[];
    const receivables = cents(overdue.grossValue - 1_000 + notYetDue.grossValue);
    const openOrderValue = cents(openOrder.items[0]!.creditPrice * 3 + partlyDelivered.items[0]!.creditPrice * 3);
    // A cancelled invoice makes its delivery due for billing again.
    const openDeliveryValue = cents(partlyDelivered.items[0]!.creditPrice * 2 + cancelled.items[0]!.creditPrice);
    const openBillingValue = cents(unposted.items[0]!.creditPrice * 2);
    expect(detail).toMatchObject({ CUSTMR_NO: customer.customerNumber, C_CTR_AREA: '1000', CURRENCY: 'EUR', RISK_CATEG: '002', CRED_BLOCK: '', NEXT_REVW: '20270115' });
    expect(Number(detail!.CRED_LIMIT)).toBe(80_000);
    expect(Number(detail!.RECEIVABLE)).toBe(receivables);
    expect(Number(detail!.SPEC_LIAB)).toBe(2_500);
    expect(Number(detail!.OPEN_ORDER)).toBe(openOrderValue);
    expect(Number(detail!.OPEN_DELIV)).toBe(openDeliveryValue);
    expect(Number(detail!.OPEN_BILL)).toBe(openBillingValue);
    expect(Number(detail!.EXPOSURE)).toBe(cents(receivables + 2_500 + openOrderValue + openDeliveryValue + openBillingValue));
  });

  it('lists the open items by days in arrears at the net due date', async () => {
    const rows = (await status(customer.customerNumber)).CREDIT_ACCOUNT_OPEN_ITEMS as Record<string, string>[];
    const byArrears = Object.fromEntries(rows.map((row) => [Number(row.NET_ARRERS), Number(row.OPEN_ITEMS)]));
    // Invoiced 1 Oct on NT30: due 31 Oct, 27 days late on 27 Nov; the partial payment of 5 Nov is due on its own date.
    expect(byArrears).toEqual({ 27: overdue.grossValue, 22: -1_000, [-23]: notYetDue.grossValue });
    expect(rows.every((row) => row.CURRENCY === 'EUR' && row.CUSTMR_NO === customer.customerNumber)).toBe(true);
  });

  it('reports the credit block and a limit that is exceeded', async () => {
    const strained = scenario.customer();
    scenario.creditAccount(strained, { limit: 1_000, blocked: true });
    const order = scenario.order(strained, [{ quantity: 2, price: 900 }]);
    const [detail] = (await status(strained.customerNumber)).CREDIT_ACCOUNT_DETAIL as Record<string, string>[];
    expect(detail!.CRED_BLOCK).toBe('X');
    expect(Number(detail!.EXPOSURE)).toBe(cents(order.items[0]!.creditPrice * 2));
    expect(Number(detail!.EXPOSURE)).toBeGreaterThan(Number(detail!.CRED_LIMIT));
  });

  it('answers with an error in RETURN when the customer has no credit account in the area', async () => {
    const withoutAccount = scenario.customer();
    const result = await status(withoutAccount.customerNumber);
    expect(result.RETURN).toMatchObject({ TYPE: 'E', ID: 'F5', NUMBER: '806', MESSAGE_V2: '1000' });
    expect(result.CREDIT_ACCOUNT_DETAIL).toEqual([]);
    const otherArea = await status(customer.customerNumber, '3000');
    expect(otherArea.RETURN).toMatchObject({ TYPE: 'E', NUMBER: '806' });
  });
});
