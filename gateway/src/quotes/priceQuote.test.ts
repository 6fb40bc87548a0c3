/**
 * Pricing a quote against the sandbox: the simulated ECC over SOAP-RFC and the simulated Dataverse
 * with the ecc365 solution, with real tokens. What SAP answers is compared with a simulation of
 * the same lines made directly; what is written is read back from Dataverse.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataverseClient } from '../dataverse/client.js';
import { simulatePrices } from '../sap/operations/simulatePrices.js';
import { createQuoteToSap, type QuoteToSap } from './index.js';
import { persona, startQuoteSandbox, type QuoteSandbox } from './testing/quoteSandbox.js';

interface StoredLine {
  priceperunit: number | null;
  ispriceoverridden: boolean;
  tax: number | null;
  manualdiscountamount: number | null;
  ecc_sapnetprice: number | null;
  ecc_saptaxamount: number | null;
  ecc_sappricedon: string | null;
}

describe('pricing a quote with SAP', () => {
  let fx: QuoteSandbox;
  let quotes: QuoteToSap;
  let accountId: string;
  let products: string[];
  const anna = persona('anna').objectId;

  const sapCalls = (): number => [...fx.sandbox.ecc.callCounts.values()].reduce((sum, count) => sum + count, 0);
  const storedLine = (id: string): Promise<StoredLine> =>
    fx.dataverse.retrieve<StoredLine>('quotedetails', id, { select: ['priceperunit', 'ispriceoverridden', 'tax', 'manualdiscountamount', 'ecc_sapnetprice', 'ecc_saptaxamount', 'ecc_sappricedon'] });
  const refusal = async (work: Promise<unknown>) => work.then(() => expect.fail('expected a refusal'), (error: unknown) => error as { code: string; message: string; details: Record<string, unknown> });

  beforeAll(async () => {
    fx = await startQuoteSandbox();
    quotes = createQuoteToSap({ sap: fx.sap, dataverse: fx.dataverse, settings: { abandonedAfterSeconds: 120 } });
    const { customer, salesArea } = fx.customer();
    accountId = await fx.createAccount(customer, salesArea, 'anna');
    products = await Promise.all(fx.sellable(salesArea, 2).map((m, i) => fx.createProduct(m.materialNumber, `Product ${i + 1}`)));
  }, 60_000);
  afterAll(async () => fx?.close());

  it("answers SAP's simulation line by line, with every condition and the totals, and writes nothing without apply", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 3 }, { productId: products[1]!, quantity: 7 }] });
    const { customer, salesArea } = fx.customer();
    const materials = fx.sellable(salesArea, 2).map((m) => m.materialNumber);
    const sap = await simulatePrices(fx.sap, { category: 'order', soldTo: customer.customerNumber, ...salesArea, items: [{ materialNumber: materials[0]!, quantity: 3 }, { materialNumber: materials[1]!, quantity: 7 }] });

    const price = await quotes.price(quote.quoteId, anna, { apply: false });

    expect(price).toMatchObject({ quoteId: quote.quoteId, customerNumber: sap.soldTo, currency: sap.currency, netValue: sap.netValue, taxAmount: sap.taxAmount, grossValue: sap.grossValue, applied: false });
    expect(price.lines.map((l) => l.quoteDetailId)).toEqual(quote.lineIds);
    expect(price.lines).toEqual(
      sap.items.map((item, index) => ({
        quoteDetailId: quote.lineIds[index],
        materialNumber: item.materialNumber,
        description: item.description,
        quantity: item.quantity,
        unit: item.unit,
        netPrice: item.netPrice,
        netValue: item.netValue,
        taxAmount: item.taxAmount,
        conditions: item.conditions.map((c) => ({ conditionType: c.conditionType, kind: c.kind, rate: c.rate, isPercentage: c.isPercentage, value: c.value })),
      })),
    );
    expect(price.lines.every((l) => l.conditions.some((c) => c.kind === 'price') && l.conditions.some((c) => c.kind === 'tax'))).toBe(true);
    expect(price.netValue).toBeCloseTo(price.lines.reduce((sum, l) => sum + l.netValue, 0), 2);
    for (const id of quote.lineIds) expect(await storedLine(id)).toMatchObject({ ecc_sapnetprice: null, priceperunit: null, ispriceoverridden: false });
  });

  it("with apply writes SAP's price, tax and pricing date onto every line of the draft quote", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 2 }, { productId: products[1]!, quantity: 11 }] });
    const price = await quotes.price(quote.quoteId, anna, { apply: true });
    expect(price.applied).toBe(true);
    for (const [index, id] of quote.lineIds.entries()) {
      const line = price.lines[index]!;
      expect(await storedLine(id)).toEqual(
        expect.objectContaining({
          priceperunit: line.netPrice,
          ispriceoverridden: true,
          tax: line.taxAmount,
          manualdiscountamount: 0,
          ecc_sapnetprice: line.netPrice,
          ecc_saptaxamount: line.taxAmount,
          ecc_sappricedon: price.pricedAt.replace(/\.\d{3}Z$/, 'Z'),
        }),
      );
    }
  });

  it('writes all lines or none: when one line cannot be written, the others keep their prices', async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }, { productId: products[1]!, quantity: 1 }] });
    // Someone deletes the second line in CRM after the gateway read the quote, before it writes.
    const deletingFirst: DataverseClient = {
      ...fx.dataverse,
      asUser: (objectId) => fx.dataverse.asUser(objectId),
      executeBatch: async (items, options) => {
        await fx.dataverse.delete('quotedetails', quote.lineIds[1]!);
        return fx.dataverse.executeBatch(items, options);
      },
    };
    const racing = createQuoteToSap({ sap: fx.sap, dataverse: deletingFirst, settings: { abandonedAfterSeconds: 120 } });
    const error = await refusal(racing.price(quote.quoteId, anna, { apply: true }));
    expect(error.code).toBe('DATAVERSE_NOT_FOUND');
    expect(await storedLine(quote.lineIds[0]!)).toMatchObject({ ecc_sapnetprice: null, priceperunit: null });
  });

  it("lets whoever CRM lets read the quote price it: the rep's manager in the same business unit", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 4 }] });
    const price = await quotes.price(quote.quoteId, persona('carla').objectId, { apply: false });
    expect(price.lines).toHaveLength(1);
  });

  describe('refusals before SAP is called', () => {
    it('a rep who may not read the quote: NOT_AUTHORIZED', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }] });
      const before = sapCalls();
      const error = await refusal(quotes.price(quote.quoteId, persona('ben').objectId, { apply: true }));
      expect(error.code).toBe('NOT_AUTHORIZED');
      expect(sapCalls()).toBe(before);
      expect(await storedLine(quote.lineIds[0]!)).toMatchObject({ ecc_sapnetprice: null });
    });

    it('a write-in line, naming it: LINE_WITHOUT_PRODUCT', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }, { quantity: 1 }] });
      const before = sapCalls();
      const error = await refusal(quotes.price(quote.quoteId, anna, { apply: false }));
      expect(error.code).toBe('LINE_WITHOUT_PRODUCT');
      expect(error.message).toMatch(/^Line 2 \(Installation on site\)/);
      expect(error.details.line).toMatchObject({ quoteDetailId: quote.lineIds[1], position: 2 });
      expect(sapCalls()).toBe(before);
    });

    it('a product without SAP material number, naming the line: PRODUCT_WITHOUT_MATERIAL', async () => {
      const unlinked = await fx.createProduct('', 'Spare parts kit');
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: unlinked, quantity: 1 }] });
      const before = sapCalls();
      const error = await refusal(quotes.price(quote.quoteId, anna, { apply: false }));
      expect([error.code, error.message]).toEqual(['PRODUCT_WITHOUT_MATERIAL', expect.stringMatching(/^Line 1 \(Spare parts kit\): product Spare parts kit has no SAP material number/)]);
      expect(sapCalls()).toBe(before);
    });

    it('applying to an active quote, whose lines CRM does not let change: QUOTE_NOT_EDITABLE', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }], active: true });
      const before = sapCalls();
      expect((await refusal(quotes.price(quote.quoteId, anna, { apply: true }))).code).toBe('QUOTE_NOT_EDITABLE');
      expect(sapCalls()).toBe(before);
    });

    it('an account without its SAP sales area: ACCOUNT_NOT_LINKED', async () => {
      const { customer } = fx.customer(1);
      const unlinked = await fx.createAccount(customer, undefined, 'anna');
      const quote = await fx.createQuote({ accountId: unlinked, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }] });
      const before = sapCalls();
      const error = await refusal(quotes.price(quote.quoteId, anna, { apply: false }));
      expect([error.code, error.message]).toEqual(['ACCOUNT_NOT_LINKED', expect.stringContaining('has no sales organization, distribution channel, division')]);
      expect(sapCalls()).toBe(before);
    });
  });

  describe("SAP's refusal, with the line named", () => {
    it('a material blocked for sales in the sales area: MATERIAL_NOT_SELLABLE, and no line is written', async () => {
      const material = fx.blocked(fx.customer().salesArea);
      expect(material, 'the seed has a material blocked for sales').toBeDefined();
      const unsellable = await fx.createProduct(material!.materialNumber, 'Blocked pump');
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }, { productId: unsellable, quantity: 1 }] });
      const error = await refusal(quotes.price(quote.quoteId, anna, { apply: true }));
      expect(error.code).toBe('MATERIAL_NOT_SELLABLE');
      expect(error.message).toMatch(/^Line 2 \(Blocked pump\): material .* is blocked for sales in sales organization 1000, distribution channel \d\d \(SAP sales status \w+\)/);
      expect(await storedLine(quote.lineIds[0]!)).toMatchObject({ ecc_sapnetprice: null });
    });

    it("a material not sold in the account's sales organisation: MATERIAL_NOT_SELLABLE", async () => {
      const { customer, salesArea } = fx.customer(0, '3000');
      const material = fx.notInSalesArea(salesArea);
      expect(material, 'the seed has a material not sold in the USA').toBeDefined();
      const american = await fx.createAccount(customer, salesArea, 'dave');
      const [sold, notSold] = await Promise.all([fx.createProduct(fx.sellable(salesArea, 1)[0]!.materialNumber, 'Sold pump'), fx.createProduct(material!.materialNumber, 'European pump')]);
      const quote = await fx.createQuote({ accountId: american, owner: 'dave', currency: 'USD', lines: [{ productId: sold, quantity: 1 }, { productId: notSold, quantity: 2 }] });
      const error = await refusal(quotes.price(quote.quoteId, persona('dave').objectId, { apply: false }));
      expect([error.code, error.message]).toEqual(['MATERIAL_NOT_SELLABLE', expect.stringMatching(/^Line 2 \(European pump\): material .* is not sold in the account's sales area \(sales organization 3000, distribution channel 10\)/)]);
    });

    it('SAP prices in another currency than the quote: CURRENCY_MISMATCH on apply, nothing written', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }], currency: 'USD' });
      const shown = await quotes.price(quote.quoteId, anna, { apply: false });
      expect(shown.currency).toBe('EUR');
      const error = await refusal(quotes.price(quote.quoteId, anna, { apply: true }));
      expect([error.code, error.message]).toEqual(['CURRENCY_MISMATCH', expect.stringContaining('in EUR, but quote')]);
      expect(await storedLine(quote.lineIds[0]!)).toMatchObject({ ecc_sapnetprice: null });
    });
  });
});
