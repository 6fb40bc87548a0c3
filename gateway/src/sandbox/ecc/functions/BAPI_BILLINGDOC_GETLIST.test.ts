import { describe, expect, it } from 'vitest';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { BillingScenario } from '../testing/billingScenario.js';

describe('BAPI_BILLINGDOC_GETLIST', () => {
  const test = createTestEcc();
  const scenario = new BillingScenario(test);
  const client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  const customer = scenario.customer();
  const order = scenario.order(customer, [{ quantity: 4, price: 250 }, { quantity: 2, price: 75.5 }]);
  const firstDelivery = scenario.deliver(order, { quantities: { '000010': 1, '000020': 2 }, goodsIssue: scenario.today });
  const secondDelivery = scenario.deliver(order, { quantities: { '000010': 3, '000020': 0 }, goodsIssue: scenario.today });
  const first = scenario.invoice(firstDelivery);
  const second = scenario.invoice(secondDelivery);
  const unrelated = scenario.invoice(scenario.deliver(scenario.order(customer, [{ quantity: 1, price: 5 }]), { goodsIssue: scenario.today }));

  const list = (range: Record<string, string>) => client.call('BAPI_BILLINGDOC_GETLIST', { REFDOCRANGE: range, SUCCESS: [], BILLINGDOCUMENTDETAIL: [] });

  it('finds every billing document of an order with its items and headers', async () => {
    const result = await list({ SIGN: 'I', OPTION: 'EQ', REF_DOC_LOW: order.orderNumber });
    const success = result.SUCCESS as Record<string, string>[];
    expect(success.map((row) => [row.BILL_DOC, row.BILL_DOC_ITEM, row.REF_DOC, row.REF_DOC_ITEM])).toEqual([
      [first.invoiceNumber, '000010', order.orderNumber, '000010'],
      [first.invoiceNumber, '000020', order.orderNumber, '000020'],
      [second.invoiceNumber, '000010', order.orderNumber, '000010'],
    ]);
    const item = success[1]!;
    expect(Number(item.NET_VALUE_ITEM)).toBe(first.items[1]!.netValue);
    expect(Number(item.GRO_VALUE_ITEM)).toBe(Math.round((first.items[1]!.netValue + first.items[1]!.tax) * 100) / 100);
    expect(Number(item.NET_VALUE)).toBe(first.netValue);
    const headers = result.BILLINGDOCUMENTDETAIL as Record<string, string>[];
    expect(headers.map((header) => header.BILLINGDOC)).toEqual([first.invoiceNumber, second.invoiceNumber]);
    expect(headers.map((header) => header.BILLINGDOC)).not.toContain(unrelated.invoiceNumber);
  });

  it('selects by delivery, and by a range of deliveries', async () => {
    const byDelivery = await list({ SIGN: 'I', OPTION: 'EQ', REF_DOC_LOW: secondDelivery.deliveryNumber });
    expect((byDelivery.SUCCESS as Record<string, string>[]).map((row) => [row.BILL_DOC, row.REF_DOC])).toEqual([[second.invoiceNumber, secondDelivery.deliveryNumber]]);
    const range = await list({ SIGN: 'I', OPTION: 'BT', REF_DOC_LOW: firstDelivery.deliveryNumber, REF_DOC_HIGH: secondDelivery.deliveryNumber });
    expect((range.BILLINGDOCUMENTDETAIL as Record<string, string>[]).map((header) => header.BILLINGDOC)).toEqual([first.invoiceNumber, second.invoiceNumber]);
  });

  it('returns nothing for a document that was never billed', async () => {
    const result = await list({ SIGN: 'I', OPTION: 'EQ', REF_DOC_LOW: '0000000001' });
    expect(result.SUCCESS).toEqual([]);
    expect(result.BILLINGDOCUMENTDETAIL).toEqual([]);
    expect(result.RETURN).toMatchObject({ TYPE: '' });
  });

  it('rejects a range with an invalid sign or option', async () => {
    expect((await list({ SIGN: 'X', OPTION: 'EQ', REF_DOC_LOW: order.orderNumber })).RETURN).toMatchObject({ TYPE: 'E', ID: 'S&', NUMBER: '026' });
    expect((await list({ SIGN: 'I', OPTION: 'ZZ', REF_DOC_LOW: order.orderNumber })).RETURN).toMatchObject({ TYPE: 'E', ID: 'S&', NUMBER: '027' });
  });
});
