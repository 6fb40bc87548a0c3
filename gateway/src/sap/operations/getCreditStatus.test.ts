import { expect, it } from 'vitest';
import { PAYMENT_TERMS } from '../../sandbox/ecc/seed/orgStructure.js';
import { BillingScenario } from '../../sandbox/ecc/testing/billingScenario.js';
import { alphaOut } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports } from '../testing/transports.js';
import { readCustomerBlocks } from './customerBlocks.js';
import { getCreditStatus, readCreditAccount } from './getCreditStatus.js';
import { readPaymentTermsKey, readPaymentTermsTexts } from './paymentTerms.js';
import { InvalidInputError } from './inputValidation.js';

const cents = (value: number): number => Math.round(value * 100) / 100;

describeOverTransports('getCreditStatus', (sap) => {
  const test = sap.testEcc;
  const scenario = new BillingScenario(test);

  it('shows a customer near its limit with receivables, an overdue invoice and open orders', async () => {
    const customer = scenario.customer({ paymentTerms: '0002' });
    scenario.creditAccount(customer, { limit: 11_000, riskCategory: '003', nextReview: '2027-02-01' });
    const late = scenario.order(customer, [{ quantity: 2, price: 1_800 }], { date: '2026-09-01' });
    const lateInvoice = scenario.invoice(scenario.deliver(late, { date: '2026-09-02', goodsIssue: '2026-09-02' }), { date: '2026-09-03' });
    const recent = scenario.order(customer, [{ quantity: 1, price: 2_200 }], { date: '2026-11-20' });
    const recentInvoice = scenario.invoice(scenario.deliver(recent, { date: '2026-11-21', goodsIssue: '2026-11-21' }), { date: '2026-11-22' });
    const open = scenario.order(customer, [{ quantity: 3, price: 900 }]);

    const status = await getCreditStatus(sap.client, alphaOut(customer.customerNumber), '1000');
    const exposure = cents(lateInvoice.grossValue + recentInvoice.grossValue + open.items[0]!.creditPrice * 3);
    expect(status).toEqual({
      customerNumber: alphaOut(customer.customerNumber),
      creditControlArea: '1000',
      currency: 'EUR',
      creditLimit: 11_000,
      exposure,
      receivables: cents(lateInvoice.grossValue + recentInvoice.grossValue),
      specialLiabilities: 0,
      openOrderValue: cents(open.items[0]!.creditPrice * 3),
      openDeliveryValue: 0,
      openBillingValue: 0,
      availableCredit: cents(11_000 - exposure),
      utilizationPercent: Math.round((exposure / 11_000) * 1000) / 10,
      riskCategory: '003',
      blocked: false,
      overdueAmount: lateInvoice.grossValue,
      nextReviewDate: '2027-02-01',
      paymentTerms: '0002',
      // T052U-TEXT1 holds 50 characters.
      paymentTermsText: PAYMENT_TERMS.find((terms) => terms.key === '0002')!.text.slice(0, 50),
      customerBlocks: { order: false, delivery: false, billing: false, posting: false },
    });
    expect(status.availableCredit).toBeGreaterThan(0);
    expect(status.utilizationPercent).toBeGreaterThan(90);
  });

  it('shows a blocked customer over its limit with its central blocks', async () => {
    const customer = scenario.customer({ salesOrg: '3000', paymentTerms: 'NT60' });
    scenario.creditAccount(customer, { limit: 5_000, blocked: true });
    const order = scenario.order(customer, [{ quantity: 4, price: 1_750 }]);
    scenario.deliver(order, { quantities: { '000010': 1 }, goodsIssue: '2026-11-27' });
    test.ecc.db.table('KNA1').update({ KUNNR: customer.customerNumber }, { AUFSD: '01', SPERR: 'X' });

    const status = await getCreditStatus(sap.client, customer.customerNumber, '3000');
    const price = order.items[0]!.creditPrice;
    expect(status).toMatchObject({
      currency: 'USD', blocked: true, openOrderValue: cents(price * 3), openDeliveryValue: cents(price), exposure: cents(price * 4),
      availableCredit: cents(5_000 - price * 4), overdueAmount: 0, paymentTerms: 'NT60',
      customerBlocks: { order: true, delivery: false, billing: false, posting: true },
    });
    expect(status.utilizationPercent).toBeGreaterThan(100);
  });

  it('gives the same status from its parts read in parallel with the company code known', async () => {
    const customer = scenario.customer({ salesOrg: '3000', paymentTerms: '0003' });
    scenario.creditAccount(customer, { limit: 8_000, riskCategory: '002' });
    scenario.order(customer, [{ quantity: 2, price: 640 }]);
    test.ecc.db.table('KNA1').update({ KUNNR: customer.customerNumber }, { LIFSD: '02' });
    const [account, customerBlocks, paymentTerms, texts] = await Promise.all([
      readCreditAccount(sap.client, customer.customerNumber, '3000'),
      readCustomerBlocks(sap.client, customer.customerNumber),
      readPaymentTermsKey(sap.client, customer.customerNumber, '3000'),
      readPaymentTermsTexts(sap.client, 'E'),
    ]);
    expect({ ...account, customerBlocks, paymentTerms, paymentTermsText: texts.get(paymentTerms) }).toEqual(await getCreditStatus(sap.client, customer.customerNumber, '3000'));
    expect(customerBlocks).toEqual({ order: false, delivery: true, billing: false, posting: false });
  });

  it('reads every payment terms text of a language, and no key where the customer is not created', async () => {
    const texts = await readPaymentTermsTexts(sap.client, 'E');
    for (const terms of PAYMENT_TERMS) expect(texts.get(terms.key)).toBe(terms.text.slice(0, 50));
    expect(await readPaymentTermsTexts(sap.client, 'Q')).toEqual(new Map());
    const customer = scenario.customer({ paymentTerms: 'NT30' });
    expect(await readPaymentTermsKey(sap.client, customer.customerNumber, '1000')).toBe('NT30');
    expect(await readPaymentTermsKey(sap.client, customer.customerNumber, '3000')).toBe('');
    await expect(readPaymentTermsTexts(sap.client, 'EN')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(readPaymentTermsKey(sap.client, customer.customerNumber, '10000')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('reports no utilization when there is no limit to measure against', async () => {
    const customer = scenario.customer();
    scenario.creditAccount(customer, { limit: 0 });
    scenario.order(customer, [{ quantity: 1, price: 10 }]);
    expect(await getCreditStatus(sap.client, customer.customerNumber, '1000')).toMatchObject({ creditLimit: 0, utilizationPercent: null });
  });

  it('raises SapNotFoundError without a credit account in the area, and for an unknown customer', async () => {
    const customer = scenario.customer();
    const missing = getCreditStatus(sap.client, customer.customerNumber, '1000');
    await expect(missing).rejects.toBeInstanceOf(SapNotFoundError);
    await expect(missing).rejects.toMatchObject({ sapMessages: [{ type: 'E', id: 'F5', number: '806' }] });
    scenario.creditAccount(customer, { limit: 1_000 });
    await expect(getCreditStatus(sap.client, customer.customerNumber, '3000')).rejects.toBeInstanceOf(SapNotFoundError);
    await expect(getCreditStatus(sap.client, '6666666', '1000')).rejects.toBeInstanceOf(SapNotFoundError);
  });

  it('rejects bad input before calling SAP', async () => {
    await expect(getCreditStatus(sap.client, '', '1000')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(getCreditStatus(sap.client, '1000', '10 00')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(getCreditStatus(sap.client, '1000', '1000', { language: 'EN' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
