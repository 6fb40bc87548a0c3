import { expect, it } from 'vitest';
import type { NewSalesDocument } from '../../model/salesDocument.js';
import { SapBusinessError } from '../errors.js';
import { scalarOf, tableOf } from '../rfc.js';
import {
  creditHeadroomAtLeast, creditHeadroomAtMost, dats, expectedPrice, external, orderingCustomers, sellableMaterials,
} from '../testing/salesDocumentFixtures.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { createSalesDocument } from './createSalesDocument.js';
import { getSalesDocuments } from './getSalesDocuments.js';

const TODAY = dats(FIXED_TODAY);
const internal = (number: string): string => number.padStart(10, '0');

describeOverTransports('createSalesDocument', (sap) => {
  const test = sap.testEcc;
  const { db } = test.ecc;
  const candidates = orderingCustomers(test);
  const roomy = candidates.find((c) => creditHeadroomAtLeast(db, c.customer.payer, c.customer.salesOrg.creditControlArea) > 100_000 && db.table('KNKK').get({ KUNNR: c.customer.payer, KKBER: c.customer.salesOrg.creditControlArea })?.CRBLB !== 'X')!;
  const materials = sellableMaterials(db, roomy.salesOrganization, roomy.distributionChannel, roomy.division);
  const newDocument = (category: NewSalesDocument['category'], extra: Partial<NewSalesDocument> = {}): NewSalesDocument => ({
    category,
    salesOrganization: roomy.salesOrganization,
    distributionChannel: roomy.distributionChannel,
    division: roomy.division,
    soldTo: external(roomy.customer.customerNumber),
    customerReference: 'CRM-QUOTE-2026-000123-REV2-FINAL-OK',
    items: [{ materialNumber: external(materials[0]), quantity: 2 }, { materialNumber: external(materials[1]), quantity: 5 }],
    ...extra,
  });

  it('creates an order, commits it and reads it back with the prices SAP determined', async () => {
    const highestSeeded = Math.max(...[...db.table('VBAK').all()].filter((row) => row.AUART === 'TA').map((row) => Number(row.VBELN)));
    const created = await createSalesDocument(sap.client, newDocument('order'));
    expect(created).toMatchObject({ category: 'order', testRun: false, creditBlocked: false, incomplete: false });
    expect(Number(created.documentNumber)).toBeGreaterThan(highestSeeded);
    expect(created.messages).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'S', id: 'V1', number: '311' })]));

    const vbak = db.table('VBAK').get({ VBELN: internal(created.documentNumber) })!;
    expect(vbak).toMatchObject({ AUART: 'TA', VBTYP: 'C', KUNNR: roomy.customer.customerNumber, BSTNK: 'CRM-QUOTE-2026-000123-REV2-FINAL-OK'.slice(0, 20) });
    expect(db.table('CDHDR').select({ OBJECTCLAS: 'VERKBELEG' }, (row) => row.OBJECTID === internal(created.documentNumber))).toEqual([expect.objectContaining({ CHANGE_IND: 'I', TCODE: 'VA01' })]);

    const [document] = await getSalesDocuments(sap.client, [created.documentNumber]);
    expect(document).toMatchObject({ documentNumber: created.documentNumber, category: 'order', documentType: 'TA', customerReference: 'CRM-QUOTE-2026-000123-REV2-FINAL-OK', documentDate: FIXED_TODAY });
    expect(document!.status).toMatchObject({ overall: 'open', delivery: 'open', billing: 'open', creditBlocked: false });
    const expected = [expectedPrice(db, roomy, materials[0]!, 2, String(db.table('MARA').get({ MATNR: materials[0]! })!.MEINS), TODAY), expectedPrice(db, roomy, materials[1]!, 5, String(db.table('MARA').get({ MATNR: materials[1]! })!.MEINS), TODAY)];
    expect(document!.items.map((item) => item.netValue)).toEqual(expected.map((e) => e.net));
    expect(document!.items.map((item) => item.taxAmount)).toEqual(expected.map((e) => e.tax));
    expect(document!.netValue).toBeCloseTo(expected[0]!.net + expected[1]!.net, 2);
  });

  it('saves nothing before BAPI_TRANSACTION_COMMIT and nothing after a rollback', async () => {
    const number = await sap.client.inSession(async (session) => {
      const result = await session.call('BAPI_SALESORDER_CREATEFROMDAT2', {
        ORDER_HEADER_IN: { DOC_TYPE: 'TA', SALES_ORG: roomy.salesOrganization, DISTR_CHAN: roomy.distributionChannel, DIVISION: roomy.division, PURCH_NO_C: 'LUW' },
        ORDER_PARTNERS: [{ PARTN_ROLE: 'AG', PARTN_NUMB: roomy.customer.customerNumber }],
        ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', MATERIAL: materials[0]! }],
        ORDER_SCHEDULES_IN: [{ ITM_NUMBER: '000010', REQ_QTY: '1.000' }],
        RETURN: [],
      });
      const salesDocument = scalarOf(result, 'SALESDOCUMENT');
      expect(salesDocument).toMatch(/^\d{10}$/);
      expect(tableOf(result, 'RETURN').some((row) => row.TYPE === 'E')).toBe(false);
      expect(db.table('VBAK').get({ VBELN: salesDocument })).toBeUndefined();
      await session.call('BAPI_TRANSACTION_ROLLBACK', {});
      return salesDocument;
    });
    expect(db.table('VBAK').get({ VBELN: number })).toBeUndefined();
    expect(db.table('VBAP').select({ VBELN: number })).toEqual([]);
  });

  it('checks and prices in a test run without saving or drawing a number', async () => {
    const documents = db.table('VBAK').size;
    const level = db.table('NRIV').get({ OBJECT: 'RV_BELEG', SUBOBJECT: '', NRRANGENR: '01', TOYEAR: '0000' })!.NRLEVEL;
    const created = await createSalesDocument(sap.client, newDocument('order'), { testRun: true });
    expect(created).toMatchObject({ documentNumber: '', testRun: true });
    expect(created.messages).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'S', id: 'V4', number: '233' })]));
    expect(created.messages.some((m) => m.id === 'V1' && m.number === '311')).toBe(false);
    expect(db.table('VBAK').size).toBe(documents);
    expect(db.table('NRIV').get({ OBJECT: 'RV_BELEG', SUBOBJECT: '', NRRANGENR: '01', TOYEAR: '0000' })!.NRLEVEL).toBe(level);
  });

  it('creates a quotation with its validity, and an order from it with its items and prices', async () => {
    const quotation = await createSalesDocument(sap.client, newDocument('quotation', { validFrom: FIXED_TODAY, validTo: '2026-12-31' }));
    expect(Number(quotation.documentNumber)).toBeGreaterThanOrEqual(20_000_000);
    const [quoted] = await getSalesDocuments(sap.client, [quotation.documentNumber]);
    expect(quoted).toMatchObject({ category: 'quotation', documentType: 'AG', validFrom: FIXED_TODAY, validTo: '2026-12-31' });
    expect(quoted!.status.reference).toBe('open');

    const order = await createSalesDocument(sap.client, newDocument('order', { referenceDocument: quotation.documentNumber, items: [] }));
    const [ordered, quotedAfter] = await getSalesDocuments(sap.client, [order.documentNumber, quotation.documentNumber]);
    expect(ordered!.referenceDocument).toBe(quotation.documentNumber);
    expect(ordered!.items.map((item) => [item.materialNumber, item.quantity, item.netValue, item.referenceDocument, item.referenceItem])).toEqual(
      quoted!.items.map((item) => [item.materialNumber, item.quantity, item.netValue, quotation.documentNumber, item.itemNumber]),
    );
    expect(quotedAfter!.status.reference).toBe('complete');
    expect(quotedAfter!.documentFlow).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'subsequent', documentNumber: order.documentNumber, category: 'order' })]));
    expect(db.table('VBFA').select({ VBELV: internal(quotation.documentNumber) }).map((row) => row.VBTYP_N)).toEqual(['C', 'C']);
  });

  it('takes over part of a quotation item and leaves the quotation partly referenced', async () => {
    const quotation = await createSalesDocument(sap.client, newDocument('quotation', { validTo: '2027-01-31' }));
    const order = await createSalesDocument(sap.client, newDocument('order', { referenceDocument: quotation.documentNumber, items: [{ referenceItem: 20, quantity: 3 } as NewSalesDocument['items'][number]] }));
    const [ordered, quoted] = await getSalesDocuments(sap.client, [order.documentNumber, quotation.documentNumber]);
    expect(ordered!.items).toHaveLength(1);
    expect(ordered!.items[0]).toMatchObject({ materialNumber: external(materials[1]), quantity: 3, referenceItem: 20 });
    expect(quoted!.status.reference).toBe('partial');
    expect(quoted!.items.map((item) => item.referenceStatus)).toEqual(['open', 'partial']);
  });

  it('refuses an order from an expired quotation (V1 421)', async () => {
    const expired = test.seeded.sales.quotations.expired[0]!;
    const vbak = db.table('VBAK').get({ VBELN: expired })!;
    expect(String(vbak.BNDDT) < TODAY).toBe(true);
    const attempt = createSalesDocument(sap.client, {
      category: 'order', salesOrganization: String(vbak.VKORG), distributionChannel: String(vbak.VTWEG), division: String(vbak.SPART),
      soldTo: external(vbak.KUNNR), referenceDocument: external(expired), items: [],
    });
    await expect(attempt).rejects.toBeInstanceOf(SapBusinessError);
    await expect(attempt).rejects.toMatchObject({ sapMessages: expect.arrayContaining([expect.objectContaining({ type: 'E', id: 'V1', number: '421' })]) });
    expect(db.table('VBFA').select({ VBELV: expired }).filter((row) => row.ERDAT === TODAY)).toEqual([]);
  });

  it('blocks an order over the credit limit for credit management and warns (V1 150)', async () => {
    const tight = candidates.find((c) => c !== roomy && creditHeadroomAtMost(db, c.customer.payer, c.customer.salesOrg.creditControlArea) < 1_000_000)!;
    const headroom = creditHeadroomAtMost(db, tight.customer.payer, tight.customer.salesOrg.creditControlArea);
    const material = sellableMaterials(db, tight.salesOrganization, tight.distributionChannel, tight.division)[0]!;
    const unitPrice = expectedPrice(db, tight, material, 1, String(db.table('MARA').get({ MATNR: material })!.MEINS), TODAY).net;
    const quantity = Math.ceil((Math.max(headroom, 0) + 1) / unitPrice) + 1;
    const created = await createSalesDocument(sap.client, {
      category: 'order', salesOrganization: tight.salesOrganization, distributionChannel: tight.distributionChannel, division: tight.division,
      soldTo: external(tight.customer.customerNumber), customerReference: 'BIG-ORDER', items: [{ materialNumber: external(material), quantity }],
    });
    expect(created.creditBlocked).toBe(true);
    expect(created.messages).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'W', id: 'V1' })]));
    expect(db.table('VBUK').get({ VBELN: internal(created.documentNumber) })!.CMGST).toBe('B');
    const [document] = await getSalesDocuments(sap.client, [created.documentNumber]);
    expect(document!.status.creditBlocked).toBe(true);
  });

  it('creates an inquiry with BAPI_INQUIRY_CREATEFROMDATA2', async () => {
    const created = await createSalesDocument(sap.client, newDocument('inquiry', { validTo: '2026-12-15' }));
    expect(Number(created.documentNumber)).toBeGreaterThanOrEqual(10_000_000);
    expect(db.table('VBAK').get({ VBELN: internal(created.documentNumber) })).toMatchObject({ AUART: 'AF', VBTYP: 'A', BNDDT: '20261215' });
    expect(db.table('CDHDR').select({ OBJECTCLAS: 'VERKBELEG' }, (row) => row.OBJECTID === internal(created.documentNumber))[0]).toMatchObject({ TCODE: 'VA11' });
  });

  it('reports an order without customer PO number as saved but incomplete (V1 555)', async () => {
    const created = await createSalesDocument(sap.client, newDocument('order', { customerReference: undefined }));
    expect(created.incomplete).toBe(true);
    expect(db.table('VBUK').get({ VBELN: internal(created.documentNumber) })!.UVALL).toBe('A');
  });

  it('rolls back and reports SAP\'s messages when an item is wrong', async () => {
    const documents = db.table('VBAK').size;
    const attempt = createSalesDocument(sap.client, newDocument('order', { items: [{ materialNumber: 'NOPE-4711', quantity: 1 }] }));
    await expect(attempt).rejects.toMatchObject({
      code: 'SAP_REJECTED',
      sapMessages: expect.arrayContaining([expect.objectContaining({ id: 'M3', number: '305' }), expect.objectContaining({ id: 'V4', number: '219' })]),
    });
    expect(db.table('VBAK').size).toBe(documents);
  });

  it('refuses a customer blocked for orders', async () => {
    const blocked = test.seeded.customers.find((c) => c.blockedForOrders)!;
    const [salesOrganization, distributionChannel, division] = blocked.salesAreas[0]!;
    const material = sellableMaterials(db, salesOrganization, distributionChannel, division)[0]!;
    const attempt = createSalesDocument(sap.client, { category: 'order', salesOrganization, distributionChannel, division, soldTo: external(blocked.customerNumber), items: [{ materialNumber: external(material), quantity: 1 }] });
    await expect(attempt).rejects.toMatchObject({ sapMessages: expect.arrayContaining([expect.objectContaining({ id: 'VP', number: '200' })]) });
  });
});
