import { describe, expect, it } from 'vitest';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { BillingScenario } from '../testing/billingScenario.js';

describe('BAPI_BILLINGDOC_GETDETAIL', () => {
  const test = createTestEcc();
  const scenario = new BillingScenario(test);
  const client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  const customer = scenario.customer();
  const order = scenario.order(customer, [{ quantity: 2, price: 640 }, { quantity: 10, price: 12.5 }]);
  const delivery = scenario.deliver(order, { goodsIssue: scenario.today });

  it('returns the header of a posted invoice', async () => {
    const invoice = scenario.invoice(delivery);
    const result = await client.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: invoice.invoiceNumber });
    expect(result.RETURN).toMatchObject({ TYPE: '' });
    expect(result.BILLINGDOCUMENTDETAIL).toMatchObject({
      BILLINGDOC: invoice.invoiceNumber, BILL_TYPE: 'F2', BILLCATEG: 'L', SD_DOC_CAT: 'M', CURRENCY: 'EUR', CURRENCY_ISO: 'EUR', ACCTSTATUS: 'C', CANCELLED: '',
    });
    const detail = result.BILLINGDOCUMENTDETAIL as Record<string, string>;
    expect(Number(detail.NET_VALUE)).toBe(invoice.netValue);
    expect(Number(detail.TAX_VALUE)).toBe(invoice.tax);
  });

  it('shows a cancelled invoice as cancelled and its cancellation document as category N', async () => {
    const cancelled = scenario.invoice(scenario.deliver(scenario.order(customer, [{ quantity: 1, price: 99 }]), { goodsIssue: scenario.today }));
    const cancellation = scenario.cancel(cancelled);
    expect((await client.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: cancelled.invoiceNumber })).BILLINGDOCUMENTDETAIL).toMatchObject({ CANCELLED: 'X' });
    expect((await client.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: cancellation })).BILLINGDOCUMENTDETAIL).toMatchObject({ BILL_TYPE: 'S1', SD_DOC_CAT: 'N' });
  });

  it('marks a document not yet passed to accounting', async () => {
    const unposted = scenario.invoice(scenario.deliver(scenario.order(customer, [{ quantity: 3, price: 10 }]), { goodsIssue: scenario.today }), { post: false });
    const result = await client.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: unposted.invoiceNumber });
    expect(result.BILLINGDOCUMENTDETAIL).toMatchObject({ ACCTSTATUS: 'A' });
  });

  it('answers an unknown document with an error in RETURN and an empty header', async () => {
    const result = await client.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: '0099999999' });
    expect(result.RETURN).toMatchObject({ TYPE: 'E', ID: 'VF', NUMBER: '056', MESSAGE_V1: '99999999' });
    expect(result.BILLINGDOCUMENTDETAIL).toMatchObject({ BILLINGDOC: '', NET_VALUE: '0.0000' });
  });
});
