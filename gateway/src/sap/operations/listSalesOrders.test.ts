import { expect, it } from 'vitest';
import type { Row } from '../../sandbox/ecc/database.js';
import { external, iso } from '../testing/salesDocumentFixtures.js';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listSalesOrders } from './listSalesOrders.js';

describeOverTransports('listSalesOrders', (sap) => {
  const test = sap.testEcc;
  const { db } = test.ecc;
  const ordersOf = (customer: string, salesOrg: string): Row[] =>
    db.table('VBAK').select({ KUNNR: customer }, (row) => row.VBTYP === 'C' && row.VKORG === salesOrg);
  const itemsOf = (orders: Row[]): string[] => orders.flatMap((vbak) => db.table('VBAP').select({ VBELN: vbak.VBELN! }).map((item) => `${external(vbak.VBELN)}/${Number(item.POSNR)}`)).sort();
  // The customer with the most orders, so that the filters have something to narrow.
  const customer = test.seeded.customers
    .map((c) => ({ c, orders: ordersOf(c.customerNumber, c.salesOrg.salesOrg) }))
    .sort((a, b) => b.orders.length - a.orders.length)[0]!;
  const salesOrganization = customer.c.salesOrg.salesOrg;
  const base = { customerNumber: external(customer.c.customerNumber), salesOrganization };

  it("lists every item of the customer's orders in the sales organisation, newest first, and no quotations", async () => {
    const list = await listSalesOrders(sap.client, base);
    expect(customer.orders.length).toBeGreaterThan(2);
    expect(list.truncated).toBe(false);
    expect(list.lines.map((l) => `${l.documentNumber}/${l.itemNumber}`).sort()).toEqual(itemsOf(customer.orders));
    const dates = list.lines.map((l) => l.documentDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const first = list.lines[0]!;
    const vbak = db.table('VBAK').get({ VBELN: first.documentNumber.padStart(10, '0') })!;
    const vbap = db.table('VBAP').get({ VBELN: vbak.VBELN!, POSNR: String(first.itemNumber).padStart(6, '0') })!;
    expect(first).toMatchObject({
      documentType: 'TA', documentDate: iso(vbak.AUDAT), materialNumber: external(vbap.MATNR), quantity: Number(vbap.KWMENG), unit: vbap.VRKME,
      netPrice: Number(vbap.NETPR), documentNetValue: Number(vbak.NETWR), currency: vbak.WAERK, salesOrganization, validFrom: '', validTo: '',
    });
    expect(['Not yet processed', 'Partially processed', 'Completely processed']).toContain(first.status);
  });

  it('narrows by document date range', async () => {
    const dates = customer.orders.map((o) => String(o.AUDAT)).sort();
    const from = dates[1]!;
    const to = dates[dates.length - 2]!;
    const list = await listSalesOrders(sap.client, { ...base, from: iso(from), to: iso(to) });
    expect(list.lines.map((l) => `${l.documentNumber}/${l.itemNumber}`).sort()).toEqual(itemsOf(customer.orders.filter((o) => String(o.AUDAT) >= from && String(o.AUDAT) <= to)));
  });

  it("finds an order by the customer's full purchase order number", async () => {
    const withReference = customer.orders.find((o) => db.table('VBKD').get({ VBELN: o.VBELN!, POSNR: '000000' })?.BSTKD)!;
    const reference = String(db.table('VBKD').get({ VBELN: withReference.VBELN!, POSNR: '000000' })!.BSTKD);
    const list = await listSalesOrders(sap.client, { ...base, customerReference: reference });
    expect(new Set(list.lines.map((l) => l.documentNumber))).toEqual(new Set([external(withReference.VBELN)]));
    expect(list.lines[0]!.customerReference).toBe(reference);
  });

  it("lists the customer's quotations instead of orders when asked for them", async () => {
    const quotations = db.table('VBAK').select({}, (row) => row.VBTYP === 'B');
    const quoted = quotations[0]!;
    const list = await listSalesOrders(sap.client, { customerNumber: external(quoted.KUNNR), salesOrganization: String(quoted.VKORG), category: 'quotation' });
    const expected = quotations.filter((q) => q.KUNNR === quoted.KUNNR && q.VKORG === quoted.VKORG).map((q) => external(q.VBELN));
    expect(new Set(list.lines.map((l) => l.documentNumber))).toEqual(new Set(expected));
    expect(list.lines.every((l) => l.documentType === 'AG')).toBe(true);
  });

  it('narrows by material', async () => {
    const material = String(db.table('VBAP').select({ VBELN: customer.orders[0]!.VBELN! })[0]!.MATNR);
    const list = await listSalesOrders(sap.client, { ...base, materialNumber: external(material) });
    const expected = customer.orders.flatMap((vbak) => db.table('VBAP').select({ VBELN: vbak.VBELN! }).filter((item) => item.MATNR === material).map((item) => `${external(vbak.VBELN)}/${Number(item.POSNR)}`)).sort();
    expect(list.lines.map((l) => `${l.documentNumber}/${l.itemNumber}`).sort()).toEqual(expected);
  });

  it('cuts the list at maxLines and says so', async () => {
    const list = await listSalesOrders(sap.client, { ...base, maxLines: 2 });
    expect(list.lines).toHaveLength(2);
    expect(list.truncated).toBe(true);
  });

  it('returns an empty list for a sales organisation the customer does not buy in', async () => {
    const other = salesOrganization === '1000' ? '3000' : '1000';
    expect(await listSalesOrders(sap.client, { ...base, salesOrganization: other })).toEqual({ lines: [], truncated: false });
  });

  it('checks the query before calling SAP', async () => {
    await expect(listSalesOrders(sap.client, { ...base, maxLines: 5000 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(listSalesOrders(sap.client, { ...base, from: '27.11.2026' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
