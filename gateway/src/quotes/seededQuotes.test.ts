/**
 * The quotes the sandbox starts with (its CRM seed from the simulated ECC) work with quote to SAP
 * as their owners use them: drafts price, approved quotes go to SAP as orders, and a quote that
 * stands for an open SAP quotation becomes an order with reference to it.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCrm, type SeededCrm } from '../sandbox/crmSeed/index.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import { createQuoteToSap, type QuoteToSap } from './index.js';
import { persona, startQuoteSandbox, type QuoteSandbox } from './testing/quoteSandbox.js';

describe("the sandbox's seeded quotes", () => {
  let fx: QuoteSandbox;
  let crm: SeededCrm;
  let quotes: QuoteToSap;

  beforeAll(async () => {
    fx = await startQuoteSandbox();
    crm = seededCrm(fx.sandbox.dataverse);
    quotes = createQuoteToSap({ sap: fx.sap, dataverse: fx.dataverse, settings: { abandonedAfterSeconds: 300 } });
  }, 60_000);
  afterAll(async () => fx?.close());

  const blockedForOrders = (customerNumber: string): boolean => {
    const { db } = fx.sandbox.ecc;
    return Boolean(db.table('KNA1').get({ KUNNR: customerNumber })?.AUFSD) || db.table('KNVV').select({ KUNNR: customerNumber }).some((area) => Boolean(area.AUFSD));
  };

  it("price, every line, for their owners; drafts take SAP's prices", async () => {
    const drafts = crm.quotes.filter((quote) => quote.role === 'draft' && quote.owner !== '' && !blockedForOrders(quote.customerNumber));
    expect(drafts.length).toBeGreaterThan(0);
    for (const quote of drafts) {
      const price = await quotes.price(quote.id, persona(quote.owner).objectId, { apply: true });
      expect(price.lines.map((line) => line.quoteDetailId).sort(), quote.name).toEqual(quote.lineIds);
      expect(price.netValue, quote.name).toBeGreaterThan(0);
    }
  });

  it("of a customer SAP blocks for orders answer SAP's refusal with SAP's message", async () => {
    const quote = crm.quotes.find((candidate) => candidate.role === 'draft' && candidate.owner !== '' && blockedForOrders(candidate.customerNumber));
    expect(quote, 'the seed has a draft quote of a blocked customer').toBeDefined();
    const error = await quotes.price(quote!.id, persona(quote!.owner).objectId, { apply: false }).then(
      () => expect.fail('SAP should refuse'),
      (refusal: unknown) => refusal as { code: string; sapMessages: { id: string; number: string }[] },
    );
    expect(error.code).toBe('SAP_REJECTED');
    expect(error.sapMessages).toContainEqual(expect.objectContaining({ id: 'VP', number: '200' }));
  });

  it('approved ones go to SAP as sales orders', async () => {
    const quote = crm.quoteOf('anna', 'approved');
    const order = await quotes.submit(quote.id, persona('anna').objectId, { as: 'order' });
    const [inSap] = await getSalesDocuments(fx.sap, [order.documentNumber]);
    expect(inSap!.items).toHaveLength(quote.lineIds.length);
  });

  it('one standing for an open SAP quotation becomes an order with reference to it, every line taking over its item', async () => {
    const quote = crm.quoteOf('dave', 'sapQuotation');
    const order = await quotes.submit(quote.id, persona('dave').objectId, { as: 'order' });
    expect(order.referenceQuotation).toBe(quote.sapQuotationNumber!.replace(/^0+/, ''));
    const [inSap] = await getSalesDocuments(fx.sap, [order.documentNumber]);
    expect(inSap!.items.map((item) => item.referenceDocument)).toEqual(quote.lineIds.map(() => order.referenceQuotation));
  });
});
