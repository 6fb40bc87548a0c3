import { expect, it } from 'vitest';
import type { ProcessingStatus } from '../../model/salesDocument.js';
import { dats, external, iso } from '../testing/salesDocumentFixtures.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { getSalesDocuments } from './getSalesDocuments.js';
import { InvalidInputError } from './inputValidation.js';

const byProgress = (done: number, due: number): ProcessingStatus => (done <= 0 ? 'open' : done >= due ? 'complete' : 'partial');

describeOverTransports('getSalesDocuments', (sap) => {
  const test = sap.testEcc;
  const { db } = test.ecc;
  const { sales, receivables } = test.seeded;
  const order = (progress: string) => sales.orders.find((o) => o.progress === progress && o.items.every((i) => !i.rejected))!;

  /** Delivered and invoiced quantities of an order's items, straight from LIPS and VBRP/VBRK. */
  function progressOf(vbeln: string): Map<string, { quantity: number; delivered: number; billed: number }> {
    const items = new Map(db.table('VBAP').select({ VBELN: vbeln }).map((row) => [String(row.POSNR), { quantity: Number(row.KWMENG), delivered: 0, billed: 0 }]));
    for (const line of db.table('LIPS').select({ VGBEL: vbeln })) items.get(String(line.VGPOS))!.delivered += Number(line.LFIMG);
    for (const line of db.table('VBRP').select({ AUBEL: vbeln })) {
      const invoice = db.table('VBRK').get({ VBELN: line.VBELN! })!;
      if (invoice.VBTYP === 'M' && invoice.FKSTO !== 'X') items.get(String(line.AUPOS))!.billed += Number(line.FKIMG);
    }
    return items;
  }

  it('reads orders at every stage with delivery and billing status that match their deliveries and invoices', async () => {
    const stages = ['open', 'partlyDelivered', 'delivered', 'partlyBilled', 'billed'].map(order);
    const documents = await getSalesDocuments(sap.client, stages.map((o) => external(o.number)));
    expect(documents.map((d) => d.documentNumber)).toEqual(stages.map((o) => external(o.number)));
    for (const document of documents) {
      const vbeln = document.documentNumber.padStart(10, '0');
      const progress = progressOf(vbeln);
      expect(document.category).toBe('order');
      for (const item of document.items) {
        const expected = progress.get(String(item.itemNumber).padStart(6, '0'))!;
        expect(item.quantity).toBe(expected.quantity);
        expect(item.deliveryStatus, `delivery of ${vbeln}/${item.itemNumber}`).toBe(byProgress(expected.delivered, expected.quantity));
        expect(item.billingStatus, `billing of ${vbeln}/${item.itemNumber}`).toBe(byProgress(expected.billed, expected.quantity));
      }
      const all = [...progress.values()];
      const delivered = all.every((p) => p.delivered >= p.quantity) ? 'complete' : all.every((p) => p.delivered === 0) ? 'open' : 'partial';
      expect(document.status.delivery).toBe(delivered);
      expect(document.status.overall).toBe(delivered);
    }
    expect(documents.map((d) => d.status.billing)).toEqual(['open', 'open', 'open', 'partial', 'complete']);
    expect(documents.map((d) => d.status.delivery)).toEqual(['open', 'partial', 'complete', 'complete', 'complete']);
  });

  it('lists the deliveries and invoices of a billed order in its document flow', async () => {
    const billed = order('billed');
    const [document] = await getSalesDocuments(sap.client, [external(billed.number)]);
    const deliveries = new Set(db.table('LIPS').select({ VGBEL: billed.number }).map((row) => external(row.VBELN)));
    const invoices = new Set(db.table('VBRP').select({ AUBEL: billed.number }).map((row) => external(row.VBELN)));
    const subsequent = document!.documentFlow.filter((entry) => entry.direction === 'subsequent');
    expect(new Set(subsequent.filter((e) => e.category === 'delivery').map((e) => e.documentNumber))).toEqual(deliveries);
    expect(new Set(subsequent.filter((e) => e.category !== 'delivery').map((e) => e.documentNumber))).toEqual(invoices);
    expect(document!.payer).toBe(external(billed.payer));
    expect(document!.shipTo).toBe(external(billed.shipTo));
  });

  it('shows blocks, rejected items and the credit block', async () => {
    const blockedDelivery = sales.orders.find((o) => o.deliveryBlock)!;
    const rejected = sales.orders.find((o) => o.items.some((i) => i.rejected) && o.items.some((i) => !i.rejected))!;
    const creditBlocked = receivables.credit.creditBlockedOrders[0]!;
    const [delivery, rejection, credit] = await getSalesDocuments(sap.client, [blockedDelivery.number, rejected.number, creditBlocked].map(external));
    expect(delivery!.status.deliveryBlock).toBe(blockedDelivery.deliveryBlock);
    expect(rejection!.status.rejection).toBe('partial');
    const rejectedItem = rejection!.items.find((i) => i.rejectionReason !== '')!;
    expect(rejectedItem).toMatchObject({ deliveryStatus: 'notRelevant', billingStatus: 'notRelevant' });
    expect(rejection!.netValue).toBeCloseTo(rejection!.items.filter((i) => !i.rejectionReason).reduce((sum, i) => sum + i.netValue, 0), 2);
    expect(credit!.status.creditBlocked).toBe(true);
    expect(credit!.status.delivery).toBe('open');
  });

  it('reads quotations: open, expired and taken over in full or in part', async () => {
    const { open, expired, referenced, partlyReferenced } = sales.quotations;
    const documents = await getSalesDocuments(sap.client, [open[0]!, expired[0]!, referenced[0]!, partlyReferenced[0]!].map(external));
    expect(documents.map((d) => d.category)).toEqual(['quotation', 'quotation', 'quotation', 'quotation']);
    expect(documents[0]!.validTo >= FIXED_TODAY).toBe(true);
    expect(documents[1]!.validTo < FIXED_TODAY).toBe(true);
    for (const document of documents) {
      const vbeln = document.documentNumber.padStart(10, '0');
      expect(document.validTo).toBe(iso(db.table('VBAK').get({ VBELN: vbeln })!.BNDDT));
      for (const item of document.items) {
        const posnr = String(item.itemNumber).padStart(6, '0');
        const vbap = db.table('VBAP').get({ VBELN: vbeln, POSNR: posnr })!;
        const factor = Number(vbap.UMVKZ) / Number(vbap.UMVKN);
        const taken = db.table('VBFA').select({ VBELV: vbeln }, (row) => row.POSNV === posnr && row.VBTYP_N === 'C').reduce((sum, row) => sum + Number(row.RFMNG) / factor, 0);
        expect(item.referenceStatus).toBe(item.rejectionReason ? 'notRelevant' : byProgress(taken, item.quantity));
      }
    }
    expect(documents[2]!.status.reference).toBe('complete');
    expect(documents[3]!.status.reference).toBe('partial');
    expect(documents[2]!.documentFlow.some((e) => e.direction === 'subsequent' && e.category === 'order')).toBe(true);
  });

  it('reads an inquiry and the quotation that answered it', async () => {
    const answered = sales.inquiries.find((inquiry) => db.table('VBFA').select({ VBELV: inquiry }).some((row) => row.VBTYP_N === 'B'))!;
    const quotation = db.table('VBFA').select({ VBELV: answered }).find((row) => row.VBTYP_N === 'B')!.VBELN!;
    const [inquiry, answer] = await getSalesDocuments(sap.client, [external(answered), external(quotation)]);
    expect(inquiry).toMatchObject({ category: 'inquiry', documentType: 'AF' });
    expect(answer).toMatchObject({ category: 'quotation', referenceDocument: external(answered) });
    expect(answer!.documentFlow).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'preceding', documentNumber: external(answered), category: 'inquiry' })]));
  });

  it('leaves out numbers SAP does not know and reads many documents in chunks', async () => {
    const numbers = sales.orders.slice(0, 60).map((o) => external(o.number));
    const documents = await getSalesDocuments(sap.client, ['1', ...numbers, '99999999']);
    expect(documents.map((d) => d.documentNumber)).toEqual(numbers);
    expect(documents.every((d) => d.documentDate <= FIXED_TODAY && dats(d.documentDate) === String(db.table('VBAK').get({ VBELN: d.documentNumber.padStart(10, '0') })!.AUDAT))).toBe(true);
  });

  it('checks the numbers before calling SAP', async () => {
    await expect(getSalesDocuments(sap.client, ['12345678901'])).rejects.toBeInstanceOf(InvalidInputError);
  });
});
