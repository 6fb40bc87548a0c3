import { beforeAll, expect, it } from 'vitest';
import { BillingScenario, type ScenarioCustomer } from '../../sandbox/ecc/testing/billingScenario.js';
import { alphaOut } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { getInvoice } from './getInvoice.js';
import { InvalidInputError } from './inputValidation.js';

const cents = (value: number): number => Math.round(value * 100) / 100;

describeOverTransports('getInvoice', (sap) => {
  const test = sap.testEcc;
  const scenario = new BillingScenario(test);
  let customer: ScenarioCustomer;

  beforeAll(async () => {
    customer = scenario.customer({ salesOrg: '3000', paymentTerms: '0002' });
  });

  const billed = (date: string, lines = [{ quantity: 3, price: 1_240 }, { quantity: 40, price: 6.35 }]) =>
    scenario.invoice(scenario.deliver(scenario.order(customer, lines, { date }), { date, goodsIssue: date }), { date });

  it('reads a partly paid, overdue invoice of a US customer with its items and open items', async () => {
    const invoice = billed('2026-10-02');
    scenario.payPartially(invoice, 1_000, { date: '2026-11-02' });
    const read = await getInvoice(sap.client, alphaOut(invoice.invoiceNumber), { asOf: FIXED_TODAY });
    expect(read).toMatchObject({
      invoiceNumber: alphaOut(invoice.invoiceNumber), billingType: 'F2', category: 'invoice', companyCode: '3000', currency: 'USD', paymentTerms: '0002',
      netValue: invoice.netValue, taxAmount: invoice.tax, grossValue: invoice.grossValue, paymentStatus: 'overdue',
      openBalance: cents(invoice.grossValue - 1_000), dueDate: '2026-11-01',
    });
    expect(read.items.map((item) => [item.itemNumber, item.quantity, item.netValue])).toEqual(invoice.items.map((item) => [Number(item.itemNumber), item.quantity, item.netValue]));
    // Terms 0002: 2 % within 14 days, net in 30; the invoice item is 26 days late, the payment has no due date of its own to miss.
    expect(read.openItems.map((item) => [item.amount, item.dueDate, item.daysOverdue])).toEqual([
      [invoice.grossValue, '2026-11-01', 26],
      [-1_000, '2026-11-02', 0],
    ]);
  });

  it('reads a paid invoice, accepting the number with leading zeros', async () => {
    const invoice = billed('2026-11-03', [{ quantity: 1, price: 560 }]);
    scenario.payInFull(invoice, { date: '2026-11-12' });
    expect(await getInvoice(sap.client, invoice.invoiceNumber, { asOf: FIXED_TODAY })).toMatchObject({ paymentStatus: 'paid', openBalance: 0, openItems: [] });
  });

  it('reads a cancelled invoice and its cancellation document', async () => {
    const invoice = billed('2026-11-04', [{ quantity: 2, price: 75 }]);
    const cancellation = scenario.cancel(invoice, { date: '2026-11-05' });
    expect(await getInvoice(sap.client, invoice.invoiceNumber, { asOf: FIXED_TODAY })).toMatchObject({ paymentStatus: 'cancelled', cancelled: true, openBalance: 0 });
    expect(await getInvoice(sap.client, cancellation, { asOf: FIXED_TODAY })).toMatchObject({ billingType: 'S1', category: 'cancellation', paymentStatus: 'cancelled' });
  });

  it('raises SapNotFoundError for an invoice SAP does not have, and InvalidInputError for no number', async () => {
    const missing = getInvoice(sap.client, '91234567', { asOf: FIXED_TODAY });
    await expect(missing).rejects.toBeInstanceOf(SapNotFoundError);
    await expect(missing).rejects.toMatchObject({ code: 'SAP_NOT_FOUND', sapMessages: [{ type: 'E', id: 'VF', number: '056' }] });
    await expect(getInvoice(sap.client, ' ')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
