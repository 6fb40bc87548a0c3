import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { BillingScenario, type ScenarioCustomer, type ScenarioInvoice } from '../testing/billingScenario.js';

describe('BAPI_AR_ACC_GETOPENITEMS', () => {
  const test = createTestEcc();
  const scenario = new BillingScenario(test);
  const client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  let customer: ScenarioCustomer;
  let paidLater: ScenarioInvoice;
  let partlyPaid: ScenarioInvoice;
  let partialPayment: string;

  const openItems = (keyDate: string, who = customer.customerNumber, companyCode = '1000') =>
    client.call('BAPI_AR_ACC_GETOPENITEMS', { COMPANYCODE: companyCode, CUSTOMER: who, KEYDATE: keyDate, LINEITEMS: [] });
  const documents = (result: Record<string, unknown>) => (result.LINEITEMS as Record<string, string>[]).map((item) => item.DOC_NO);

  beforeAll(() => {
    customer = scenario.customer({ paymentTerms: '0002' });
    const first = scenario.order(customer, [{ quantity: 2, price: 1250 }], { date: '2026-08-25' });
    paidLater = scenario.invoice(scenario.deliver(first, { date: '2026-08-28', goodsIssue: '2026-08-29' }), { date: '2026-09-01' });
    scenario.payInFull(paidLater, { date: '2026-10-20' });
    const second = scenario.order(customer, [{ quantity: 4, price: 310.5 }, { quantity: 1, price: 99 }], { date: '2026-10-10' });
    partlyPaid = scenario.invoice(scenario.deliver(second, { date: '2026-10-12', goodsIssue: '2026-10-13' }), { date: '2026-10-15' });
    partialPayment = scenario.payPartially(partlyPaid, 500, { date: '2026-11-10' });
  });

  it('returns nothing before the first posting', async () => {
    const result = await openItems('20260831');
    expect(result.LINEITEMS).toEqual([]);
    expect(result.RETURN).toMatchObject({ TYPE: '' });
  });

  it('counts an item cleared after the key date as open on that date', async () => {
    expect(documents(await openItems('20260915'))).toEqual([paidLater.accountingDocument]);
    expect(documents(await openItems('20261019'))).toEqual([paidLater.accountingDocument, partlyPaid.accountingDocument]);
    expect(documents(await openItems('20261020'))).toEqual([partlyPaid.accountingDocument]);
  });

  it('shows the invoice item with its terms and a partial payment that refers to it', async () => {
    const result = await openItems('20261127');
    const [invoiceItem, payment] = result.LINEITEMS as Record<string, string>[];
    expect(invoiceItem).toMatchObject({
      COMP_CODE: '1000', CUSTOMER: customer.customerNumber, DOC_NO: partlyPaid.accountingDocument, FISC_YEAR: '2026', ITEM_NUM: '001',
      PSTNG_DATE: '20261015', BLINE_DATE: '20261015', DB_CR_IND: 'S', DOC_TYPE: 'RV', BILL_DOC: partlyPaid.invoiceNumber,
      REF_DOC_NO: partlyPaid.invoiceNumber, PMNTTRMS: '0002', DSCT_DAYS1: '14', DSCT_DAYS2: '30', NETTERMS: '0', DSCT_PCT1: '2.000',
      CURRENCY: 'EUR', LOC_CURRCY: 'EUR', CLEAR_DATE: '00000000', CLR_DOC_NO: '',
    });
    expect(Number(invoiceItem!.AMT_DOCCUR)).toBe(partlyPaid.grossValue);
    expect(Number(invoiceItem!.LC_AMOUNT)).toBe(partlyPaid.grossValue);
    expect(payment).toMatchObject({ DOC_NO: partialPayment, DB_CR_IND: 'H', DOC_TYPE: 'DZ', INV_REF: partlyPaid.accountingDocument, BILL_DOC: '' });
    expect(Number(payment!.AMT_DOCCUR)).toBe(500);
  });

  it('reports a customer that does not exist and one without data in the company code', async () => {
    const unknown = await openItems('20261127', '0009999999');
    expect(unknown.RETURN).toMatchObject({ TYPE: 'E', CODE: 'F2502', MESSAGE_V1: '9999999' });
    expect(unknown.LINEITEMS).toEqual([]);
    const elsewhere = await openItems('20261127', customer.customerNumber, '3000');
    expect(elsewhere.RETURN).toMatchObject({ TYPE: 'E', CODE: 'F2503', MESSAGE_V2: '3000' });
  });

  it('answers with an empty list for a customer without open items', async () => {
    const quiet = scenario.customer();
    const result = await openItems('20261127', quiet.customerNumber);
    expect(result.LINEITEMS).toEqual([]);
    expect(result.RETURN).toMatchObject({ TYPE: '', MESSAGE: '' });
  });
});
