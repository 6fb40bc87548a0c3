import { beforeAll, expect, it } from 'vitest';
import { BillingScenario, type ScenarioCustomer, type ScenarioInvoice } from '../../sandbox/ecc/testing/billingScenario.js';
import { alphaOut } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listInvoices } from './listInvoices.js';
import { readCustomerOpenItems } from './customerOpenItems.js';

const cents = (value: number): number => Math.round(value * 100) / 100;

describeOverTransports('listInvoices', (sap) => {
  const test = sap.testEcc;
  const scenario = new BillingScenario(test);
  let customer: ScenarioCustomer;
  const invoices: Record<string, ScenarioInvoice> = {};

  /** An order of one or two items, delivered and billed on `date`. */
  const billed = (date: string, lines = [{ quantity: 2, price: 715.4 }]): ScenarioInvoice =>
    scenario.invoice(scenario.deliver(scenario.order(customer, lines, { date }), { date, goodsIssue: date }), { date });

  beforeAll(async () => {
    customer = scenario.customer({ paymentTerms: 'NT30' });
    invoices.paid = billed('2026-09-10');
    scenario.payInFull(invoices.paid, { date: '2026-10-05' });
    invoices.overdue = billed('2026-09-30', [{ quantity: 1, price: 2_480 }, { quantity: 12, price: 18.75 }]);
    invoices.cancelled = billed('2026-11-01');
    scenario.cancel(invoices.cancelled, { date: '2026-11-02' });
    invoices.residual = billed('2026-11-05');
    scenario.payWithResidual(invoices.residual, 400, { date: '2026-11-15' });
    invoices.partlyPaid = billed('2026-11-10');
    scenario.payPartially(invoices.partlyPaid, 300, { date: '2026-11-25' });
    invoices.open = billed('2026-11-20');
    const order = scenario.order(customer, [{ quantity: 1, price: 99 }], { date: '2026-11-26' });
    invoices.notPosted = scenario.invoice(scenario.deliver(order, { date: '2026-11-26', goodsIssue: '2026-11-26' }), { date: '2026-11-26', post: false });
  });

  const list = (options: Parameters<typeof listInvoices>[2] = {}) => listInvoices(sap.client, alphaOut(customer.customerNumber), { from: '2026-01-01', asOf: FIXED_TODAY, ...options });
  const find = async (key: string) => (await list()).find((invoice) => invoice.invoiceNumber === alphaOut(invoices[key]!.invoiceNumber))!;

  it('lists the invoices newest first and leaves out cancellation documents', async () => {
    const listed = await list();
    expect(listed.map((invoice) => invoice.invoiceNumber)).toEqual(
      ['notPosted', 'open', 'partlyPaid', 'residual', 'cancelled', 'overdue', 'paid'].map((key) => alphaOut(invoices[key]!.invoiceNumber)),
    );
  });

  it('maps header and items', async () => {
    const invoice = await find('overdue');
    const source = invoices.overdue!;
    expect(invoice).toMatchObject({
      billingType: 'F2', category: 'invoice', billingDate: '2026-09-30', payer: alphaOut(customer.customerNumber), soldTo: alphaOut(customer.customerNumber),
      companyCode: '1000', currency: 'EUR', paymentTerms: 'NT30', cancelled: false, accountingDocument: alphaOut(source.accountingDocument), fiscalYear: '2026',
      netValue: source.netValue, taxAmount: source.tax, grossValue: source.grossValue,
    });
    expect(invoice.items).toEqual(
      source.items.map((item) => ({
        itemNumber: Number(item.itemNumber), materialNumber: alphaOut(item.material), description: item.description, quantity: item.quantity, unit: item.unit,
        netValue: item.netValue, taxAmount: item.tax, salesDocument: alphaOut(item.orderNumber), delivery: alphaOut(item.deliveryNumber),
      })),
    );
  });

  it('works out paid, open, overdue and not yet posted', async () => {
    expect(await find('paid')).toMatchObject({ paymentStatus: 'paid', openBalance: 0, dueDate: '', openItems: [] });
    expect(await find('open')).toMatchObject({ paymentStatus: 'open', openBalance: invoices.open!.grossValue, dueDate: '2026-12-20' });
    const overdue = await find('overdue');
    expect(overdue).toMatchObject({ paymentStatus: 'overdue', openBalance: invoices.overdue!.grossValue, dueDate: '2026-10-30' });
    expect(overdue.openItems.map((item) => item.daysOverdue)).toEqual([28]);
    expect(await find('notPosted')).toMatchObject({ paymentStatus: 'notPosted', openBalance: invoices.notPosted!.grossValue, accountingDocument: '', openItems: [] });
  });

  it('nets partial payments and residual items against the invoice', async () => {
    const partly = await find('partlyPaid');
    expect(partly).toMatchObject({ paymentStatus: 'partiallyPaid', openBalance: cents(invoices.partlyPaid!.grossValue - 300), dueDate: '2026-12-10' });
    expect(partly.openItems.map((item) => item.amount)).toEqual([invoices.partlyPaid!.grossValue, -300]);
    const residual = await find('residual');
    expect(residual).toMatchObject({ paymentStatus: 'partiallyPaid', openBalance: cents(invoices.residual!.grossValue - 400), dueDate: '2026-12-05' });
    expect(residual.openItems).toHaveLength(1);
    expect(residual.openItems[0]).toMatchObject({ invoiceNumber: '', relatedDocument: alphaOut(invoices.residual!.accountingDocument), relatedFiscalYear: '2026' });
  });

  it('shows a cancelled invoice as cancelled with nothing to pay', async () => {
    expect(await find('cancelled')).toMatchObject({ paymentStatus: 'cancelled', cancelled: true, openBalance: 0, dueDate: '' });
  });

  it('works out the status as of an earlier day', async () => {
    const before = await list({ asOf: '2026-10-01', to: '2026-10-01' });
    expect(before.map((invoice) => [invoice.invoiceNumber, invoice.paymentStatus])).toEqual([
      [alphaOut(invoices.overdue!.invoiceNumber), 'open'],
      [alphaOut(invoices.paid!.invoiceNumber), 'open'],
    ]);
  });

  it('keeps to the window and the row limit', async () => {
    const november = await list({ from: '2026-11-05', to: '2026-11-10' });
    expect(november.map((invoice) => invoice.invoiceNumber)).toEqual([alphaOut(invoices.partlyPaid!.invoiceNumber), alphaOut(invoices.residual!.invoiceNumber)]);
    expect((await list({ maxRows: 2 })).map((invoice) => invoice.invoiceNumber)).toEqual([alphaOut(invoices.notPosted!.invoiceNumber), alphaOut(invoices.open!.invoiceNumber)]);
  });

  it('leaves out the items when asked, and takes the open items the caller is reading instead of reading them again', async () => {
    const calls = () => test.ecc.callCounts.get('BAPI_AR_ACC_GETOPENITEMS') ?? 0;
    const full = await list();
    const before = calls();
    const known = readCustomerOpenItems(sap.client, customer.customerNumber, '1000', FIXED_TODAY);
    const lean = await list({ withoutItems: true, knownOpenItems: [{ customerNumber: alphaOut(customer.customerNumber), companyCode: '1000', items: known }] });
    expect(calls() - before).toBe(1);
    expect(lean).toEqual(full.map((invoice) => ({ ...invoice, items: [] })));
    const elsewhere = await list({ knownOpenItems: [{ customerNumber: customer.customerNumber, companyCode: '3000', items: Promise.resolve([]) }] });
    expect(elsewhere).toEqual(full);
  });

  it('returns an empty list for a customer without invoices and SapNotFoundError for an unknown one', async () => {
    await expect(listInvoices(sap.client, scenario.customer().customerNumber, { asOf: FIXED_TODAY })).resolves.toEqual([]);
    await expect(listInvoices(sap.client, '8888888', { asOf: FIXED_TODAY })).rejects.toBeInstanceOf(SapNotFoundError);
  });

  it('rejects bad input before calling SAP', async () => {
    await expect(list({ maxRows: 1_000 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(list({ asOf: 'today' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
