import { beforeAll, expect, it } from 'vitest';
import { BillingScenario, type ScenarioCustomer, type ScenarioInvoice } from '../../sandbox/ecc/testing/billingScenario.js';
import { alphaOut } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listOpenItems } from './listOpenItems.js';

describeOverTransports('listOpenItems', (sap) => {
  const test = sap.testEcc;
  const scenario = new BillingScenario(test);
  let customer: ScenarioCustomer;
  let september: ScenarioInvoice;
  let october: ScenarioInvoice;
  let november: ScenarioInvoice;
  let payment: string;

  const billed = (date: string, price: number): ScenarioInvoice =>
    scenario.invoice(scenario.deliver(scenario.order(customer, [{ quantity: 1, price }], { date }), { date, goodsIssue: date }), { date });

  beforeAll(async () => {
    customer = scenario.customer({ paymentTerms: '0003' });
    september = billed('2026-09-14', 1_500);
    october = billed('2026-10-09', 820);
    november = billed('2026-11-16', 2_030);
    scenario.payInFull(september, { date: '2026-10-12' });
    payment = scenario.payPartially(october, 200, { date: '2026-11-20' });
  });

  const items = (keyDate: string, options?: { maxRows?: number }) => listOpenItems(sap.client, alphaOut(customer.customerNumber), '1000', keyDate, options);

  it('lists what was open on each key date, oldest due date first', async () => {
    expect(await items('2026-09-13')).toEqual([]);
    expect((await items('2026-10-10')).map((item) => item.invoiceNumber)).toEqual([september, october].map((i) => alphaOut(i.invoiceNumber)));
    expect((await items('2026-10-12')).map((item) => item.invoiceNumber)).toEqual([alphaOut(october.invoiceNumber)]);
    expect((await items('2026-11-27')).map((item) => item.documentNumber)).toEqual([october.accountingDocument, payment, november.accountingDocument].map(alphaOut));
  });

  it('works out net due dates and days overdue from the terms at the key date', async () => {
    // Terms 0003: 3 % within 14 days, 2 % within 20, net in 30.
    const [octoberItem, paymentItem, novemberItem] = await items('2026-11-27');
    expect(octoberItem).toMatchObject({
      companyCode: '1000', customerNumber: alphaOut(customer.customerNumber), fiscalYear: '2026', lineItem: 1, documentType: 'RV', postingDate: '2026-10-09',
      documentDate: '2026-10-09', baselineDate: '2026-10-09', dueDate: '2026-11-08', daysOverdue: 19, amount: october.grossValue, currency: 'EUR',
      amountInLocalCurrency: october.grossValue, localCurrency: 'EUR', reference: october.invoiceNumber, paymentTerms: '0003', relatedDocument: '',
    });
    expect(paymentItem).toMatchObject({ documentType: 'DZ', amount: -200, daysOverdue: 0, invoiceNumber: '', relatedDocument: alphaOut(october.accountingDocument) });
    expect(novemberItem).toMatchObject({ dueDate: '2026-12-16', daysOverdue: 0 });
    expect((await items('2026-12-20')).find((item) => item.invoiceNumber === alphaOut(november.invoiceNumber))).toMatchObject({ daysOverdue: 4 });
  });

  it('keeps to the row limit', async () => {
    expect((await items('2026-11-27', { maxRows: 1 })).map((item) => item.documentNumber)).toEqual([alphaOut(october.accountingDocument)]);
  });

  it('raises SapNotFoundError for a company code the customer is not in and for an unknown customer', async () => {
    const elsewhere = listOpenItems(sap.client, customer.customerNumber, '3000', '2026-11-27');
    await expect(elsewhere).rejects.toBeInstanceOf(SapNotFoundError);
    await expect(elsewhere).rejects.toMatchObject({ sapMessages: [{ id: 'F2', number: '503' }] });
    await expect(listOpenItems(sap.client, '7777777', '1000', '2026-11-27')).rejects.toMatchObject({ code: 'SAP_NOT_FOUND', sapMessages: [{ id: 'F2', number: '502' }] });
  });

  it('rejects bad input before calling SAP', async () => {
    await expect(listOpenItems(sap.client, customer.customerNumber, '10000', '2026-11-27')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(listOpenItems(sap.client, customer.customerNumber, '1000', '20261127')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(items('2026-11-27', { maxRows: 0 })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
