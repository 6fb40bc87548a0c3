import { expect, it } from 'vitest';
import { SapBusinessError, SapInterfaceError } from '../errors.js';
import { cents, dats, expectedPrice, external, iso, orderingCustomers, sellableMaterials, type Candidate } from '../testing/salesDocumentFixtures.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { simulatePrices } from './simulatePrices.js';

const TODAY = dats(FIXED_TODAY);

describeOverTransports('simulatePrices', (sap) => {
  const test = sap.testEcc;
  const { db } = test.ecc;
  const candidates = orderingCustomers(test);
  const discounted = (c: Candidate): boolean =>
    db.table('A007').select({ KUNNR: c.customer.customerNumber }, (row) => row.VKORG === c.salesOrganization && String(row.DATAB) <= TODAY && String(row.DATBI) >= TODAY).length > 0;
  const candidate = candidates.find(discounted) ?? candidates[0]!;
  const materials = sellableMaterials(db, candidate.salesOrganization, candidate.distributionChannel, candidate.division);
  const area = { salesOrganization: candidate.salesOrganization, distributionChannel: candidate.distributionChannel, division: candidate.division };

  it("prices a customer's materials as the condition records say: price, discounts, tax", async () => {
    const chosen = materials.slice(0, 3);
    const result = await simulatePrices(sap.client, {
      category: 'order', ...area, soldTo: external(candidate.customer.customerNumber),
      items: chosen.map((material, index) => ({ materialNumber: external(material), quantity: index + 2 })),
    });
    expect(result.soldTo).toBe(external(candidate.customer.customerNumber));
    expect(result.items).toHaveLength(chosen.length);
    let net = 0;
    let tax = 0;
    chosen.forEach((material, index) => {
      const unit = String(db.table('MARA').get({ MATNR: material })!.MEINS);
      const expected = expectedPrice(db, candidate, material, index + 2, unit, TODAY);
      const item = result.items[index]!;
      expect(item).toMatchObject({ itemNumber: (index + 1) * 10, materialNumber: external(material), quantity: index + 2, unit, currency: candidate.customer.salesOrg.currency });
      expect(item.netValue).toBeCloseTo(expected.net, 2);
      expect(item.taxAmount).toBeCloseTo(expected.tax, 2);
      expect(item.undiscountedValue).toBeCloseTo(expected.undiscounted, 2);
      expect(item.netPrice).toBeCloseTo(cents(expected.net / (index + 2)), 2);
      expect(item.conditions.map((c) => c.conditionType)).toEqual(expected.conditions.map((c) => c.type));
      for (const condition of expected.conditions) {
        const actual = item.conditions.find((c) => c.conditionType === condition.type)!;
        expect(actual.value).toBeCloseTo(condition.value, 2);
        expect(actual.rate).toBeCloseTo(condition.rate, 4);
        expect(actual.kind).toBe(condition.type === 'PR00' ? 'price' : condition.type === 'MWST' ? 'tax' : 'discount');
        expect(actual.isPercentage).toBe(condition.type === 'K007' || condition.type === 'MWST');
        expect(actual.manual).toBe(false);
      }
      net += expected.net;
      tax += expected.tax;
    });
    expect(result.netValue).toBeCloseTo(net, 2);
    expect(result.taxAmount).toBeCloseTo(tax, 2);
    expect(result.grossValue).toBeCloseTo(cents(net + tax), 2);
    expect(result.messages.filter((m) => m.type === 'E')).toEqual([]);
  });

  it('gives a customer discount as a negative percentage SAP stores in tenths', async () => {
    expect(discounted(candidate), 'the seed has a customer with a customer discount').toBe(true);
    const result = await simulatePrices(sap.client, { category: 'quotation', ...area, soldTo: external(candidate.customer.customerNumber), items: [{ materialNumber: external(materials[0]), quantity: 1 }] });
    const discount = result.items[0]!.conditions.find((c) => c.conditionType === 'K007')!;
    const stored = db.table('A007').select({ KUNNR: candidate.customer.customerNumber }).map((row) => db.table('KONP').get({ KNUMH: row.KNUMH!, KOPOS: '01' })!)[0]!;
    expect(discount.rate).toBeCloseTo(Number(stored.KBETR) / 10, 4);
    expect(discount.rate).toBeLessThan(0);
    expect(discount).toMatchObject({ kind: 'discount', isPercentage: true, rateCurrency: '' });
  });

  it('converts a sales unit to base units (cartons of spare parts) before pricing', async () => {
    const pair = candidates.flatMap((c) => sellableMaterials(db, c.salesOrganization, c.distributionChannel, c.division).filter((m) => db.table('MARM').get({ MATNR: m, MEINH: 'KAR' })).map((m) => ({ c, m })))[0];
    expect(pair, 'the seed has a customer who may buy a material sold in cartons').toBeDefined();
    const { c, m } = pair!;
    const result = await simulatePrices(sap.client, { category: 'order', salesOrganization: c.salesOrganization, distributionChannel: c.distributionChannel, division: c.division, soldTo: external(c.customer.customerNumber), items: [{ materialNumber: external(m), quantity: 2, unit: 'KAR' }] });
    const expected = expectedPrice(db, c, m, 2, 'KAR', TODAY);
    expect(result.items[0]).toMatchObject({ quantity: 2, unit: 'KAR' });
    expect(result.items[0]!.netValue).toBeCloseTo(expected.net, 2);
    const price = result.items[0]!.conditions.find((cond) => cond.conditionType === 'PR00')!;
    expect(price.unit).toBe('ST');
    expect(price.value).toBeCloseTo(expected.undiscounted, 2);
  });

  it('takes a manual price instead of the price record', async () => {
    const currency = candidate.customer.salesOrg.currency;
    const result = await simulatePrices(sap.client, {
      category: 'order', ...area, soldTo: external(candidate.customer.customerNumber),
      items: [{ materialNumber: external(materials[1]), quantity: 4, manualPrice: { amount: 123.45, currency } }],
    });
    const price = result.items[0]!.conditions.find((c) => c.conditionType === 'PR00')!;
    expect(price).toMatchObject({ manual: true, rate: 123.45, rateCurrency: currency });
    expect(price.value).toBeCloseTo(493.8, 2);
    expect(result.items[0]!.undiscountedValue).toBeCloseTo(493.8, 2);
  });

  it('prices a seeded order again to the cent on its pricing date', async () => {
    const fromQuotation = new Set(test.seeded.sales.ordersFromQuotations);
    const order = test.seeded.sales.orders.find((o) => !fromQuotation.has(o.number) && o.items.length > 1 && o.items.every((i) => !i.rejected) && !o.customer.blockedForOrders)!;
    const vbak = db.table('VBAK').get({ VBELN: order.number })!;
    const lines = db.table('VBAP').select({ VBELN: order.number }).sort((a, b) => Number(a.POSNR) - Number(b.POSNR));
    const result = await simulatePrices(sap.client, {
      category: 'order', salesOrganization: String(vbak.VKORG), distributionChannel: String(vbak.VTWEG), division: String(vbak.SPART),
      soldTo: external(vbak.KUNNR), pricingDate: iso(vbak.AUDAT),
      items: lines.map((line) => ({ materialNumber: external(line.MATNR), quantity: Number(line.KWMENG), unit: String(line.VRKME) })),
    });
    expect(result.items.map((item) => [item.netValue, item.taxAmount])).toEqual(lines.map((line) => [Number(line.NETWR), Number(line.MWSBP)]));
    expect(result.netValue).toBeCloseTo(Number(vbak.NETWR), 2);
  });

  it('reports an unknown material with SAP message M3 305', async () => {
    const attempt = simulatePrices(sap.client, { category: 'order', ...area, soldTo: external(candidate.customer.customerNumber), items: [{ materialNumber: 'NOPE-4711', quantity: 1 }] });
    await expect(attempt).rejects.toBeInstanceOf(SapBusinessError);
    await expect(attempt).rejects.toMatchObject({ code: 'SAP_REJECTED', sapMessages: expect.arrayContaining([expect.objectContaining({ type: 'E', id: 'M3', number: '305' })]) });
  });

  it('reports a material not sold in the sales area with V1 382', async () => {
    const pair = candidates.flatMap((c) =>
      [...db.table('MARA').all()]
        .filter((mara) => mara.SPART === c.division && !db.table('MVKE').get({ MATNR: mara.MATNR!, VKORG: c.salesOrganization, VTWEG: c.distributionChannel }))
        .map((mara) => ({ c, material: String(mara.MATNR) })),
    )[0];
    expect(pair, 'the seed has a material not sold in some sales area').toBeDefined();
    const { c, material } = pair!;
    const attempt = simulatePrices(sap.client, { category: 'order', salesOrganization: c.salesOrganization, distributionChannel: c.distributionChannel, division: c.division, soldTo: external(c.customer.customerNumber), items: [{ materialNumber: external(material), quantity: 1 }] });
    await expect(attempt).rejects.toMatchObject({ sapMessages: expect.arrayContaining([expect.objectContaining({ id: 'V1', number: '382' })]) });
  });

  it('refuses a customer blocked for orders and names the block', async () => {
    const blocked = test.seeded.customers.find((c) => c.blockedForOrders);
    expect(blocked, 'the seed has a customer blocked for orders').toBeDefined();
    const [salesOrganization, distributionChannel, division] = blocked!.salesAreas[0]!;
    const material = sellableMaterials(db, salesOrganization, distributionChannel, division)[0]!;
    const attempt = simulatePrices(sap.client, { category: 'order', salesOrganization, distributionChannel, division, soldTo: external(blocked!.customerNumber), items: [{ materialNumber: external(material), quantity: 1 }] });
    await expect(attempt).rejects.toMatchObject({ sapMessages: expect.arrayContaining([expect.objectContaining({ type: 'E', id: 'VP', number: '200' })]), details: { orderBlock: '01' } });
  });

  it('refuses a sold-to party that is not in the sales area', async () => {
    const other = candidates.find((c) => c.salesOrganization !== candidate.salesOrganization)!;
    const attempt = simulatePrices(sap.client, { category: 'order', ...area, soldTo: external(other.customer.customerNumber), items: [{ materialNumber: external(materials[0]), quantity: 1 }] });
    await expect(attempt).rejects.toMatchObject({ sapMessages: expect.arrayContaining([expect.objectContaining({ id: 'V1', number: '384' })]) });
  });

  it('sends MATERIAL_LONG only when told, which an ECC 6.0 rejects as an unknown field', async () => {
    const attempt = simulatePrices(sap.client, { category: 'order', ...area, soldTo: external(candidate.customer.customerNumber), items: [{ materialNumber: external(materials[0]), quantity: 1 }] }, { longMaterialNumbers: true });
    await expect(attempt).rejects.toBeInstanceOf(SapInterfaceError);
  });

  it('checks the input before calling SAP', async () => {
    await expect(simulatePrices(sap.client, { category: 'order', ...area, soldTo: '', items: [] })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(simulatePrices(sap.client, { category: 'order', ...area, soldTo: '1000', items: [{ materialNumber: 'X', quantity: 0 }] })).rejects.toThrow(/quantity/);
  });
});
