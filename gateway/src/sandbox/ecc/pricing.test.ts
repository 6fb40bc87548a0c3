/**
 * The pricing engine on hand-made condition records, with values worked out by hand: record
 * validity, deleted records, pricing units and units of measure, percentages stored in tenths,
 * manual and copied conditions, exchange rates, and what it reports when something is missing.
 */

import { describe, expect, it } from 'vitest';
import { Database } from './database.js';
import { convertCurrency, PricingError, priceItem, roundCurrency, type PricingHeader } from './pricing.js';
import { writeConditionRecord } from './seed/pricing.js';

function pricedWorld(): Database {
  const db = new Database();
  db.table('NRIV').insert({ OBJECT: 'KONH', SUBOBJECT: '', NRRANGENR: '01', TOYEAR: '0000', FROMNUMBER: '0000000001', TONUMBER: '9999999999', NRLEVEL: '' });
  db.table('MARM').insert({ MATNR: 'PUMP', MEINH: 'ST', UMREZ: '1', UMREN: '1' });
  db.table('MARM').insert({ MATNR: 'PUMP', MEINH: 'PAL', UMREZ: '6', UMREN: '1' });
  db.table('MARM').insert({ MATNR: 'GREASE', MEINH: 'KG', UMREZ: '1', UMREN: '1' });
  db.table('MLAN').insert({ MATNR: 'PUMP', ALAND: 'DE', TAXM1: '1' });
  db.table('MLAN').insert({ MATNR: 'GREASE', ALAND: 'DE', TAXM1: '2' });
  const key = (material: string) => ({ VKORG: '1000', VTWEG: '10', MATNR: material });
  writeConditionRecord(db, { table: 'A004', type: 'PR00', key: key('PUMP'), validFrom: '20250101', validTo: '20260630', calculation: 'C', rate: 1000, rateUnit: 'EUR', pricingUnit: 1, conditionUnit: 'ST' });
  writeConditionRecord(db, { table: 'A004', type: 'PR00', key: key('PUMP'), validFrom: '20260701', validTo: '99991231', calculation: 'C', rate: 1050, rateUnit: 'EUR', pricingUnit: 1, conditionUnit: 'ST' });
  writeConditionRecord(db, { table: 'A004', type: 'K004', key: key('PUMP'), validFrom: '20260101', validTo: '20261231', calculation: 'C', rate: -20, rateUnit: 'EUR', pricingUnit: 1, conditionUnit: 'ST' });
  writeConditionRecord(db, { table: 'A004', type: 'PR00', key: key('GREASE'), validFrom: '20250101', validTo: '99991231', calculation: 'C', rate: 47.5, rateUnit: 'EUR', pricingUnit: 10, conditionUnit: 'KG' });
  writeConditionRecord(db, { table: 'A007', type: 'K007', key: { VKORG: '1000', VTWEG: '10', SPART: '01', KUNNR: 'C1' }, validFrom: '20250101', validTo: '99991231', calculation: 'A', rate: -3.5, rateUnit: '%' });
  writeConditionRecord(db, { table: 'A002', type: 'MWST', key: { ALAND: 'DE', TAXK1: '1', TAXM1: '1' }, validFrom: '20000101', validTo: '99991231', calculation: 'A', rate: 19, rateUnit: '%' });
  writeConditionRecord(db, { table: 'A002', type: 'MWST', key: { ALAND: 'DE', TAXK1: '1', TAXM1: '2' }, validFrom: '20000101', validTo: '99991231', calculation: 'A', rate: 7, rateUnit: '%' });
  db.table('TCURR').insert({ KURST: 'M', FCURR: 'EUR', TCURR: 'USD', GDATU: String(99999999 - 20260101), UKURS: '1.08000', FFACT: '1', TFACT: '1' });
  return db;
}

const header = (overrides: Partial<PricingHeader> = {}): PricingHeader => ({
  salesOrganization: '1000', distributionChannel: '10', division: '01', soldTo: 'C1', departureCountry: 'DE', customerTaxClass: '1',
  currency: 'EUR', pricingDate: '20261127', ...overrides,
});

const values = (line: ReturnType<typeof priceItem>): Record<string, number> => Object.fromEntries(line.conditions.map((c) => [c.type, c.value]));

describe('pricing engine', () => {
  const db = pricedWorld();

  it('applies the procedure: price, amount and percentage discounts, net value, tax', () => {
    const line = priceItem(db, header(), { material: 'PUMP', quantity: 3, salesUnit: 'ST' });
    // 3 × 1050 = 3150; K004 3 × -20 = -60; K007 -3.5 % of 3150 = -110.25; net 2979.75; tax 19 % = 566.1525 → 566.15
    expect(values(line)).toEqual({ PR00: 3150, K004: -60, K007: -110.25, MWST: 566.15 });
    expect([line.gross, line.discount, line.net, line.tax]).toEqual([3150, -170.25, 2979.75, 566.15]);
    expect(line.subtotals).toEqual([3150, 2979.75, -170.25, 0, 0, 0]);
    expect(line.netPrice).toBe(993.25);
    expect(line.creditPrice).toBe(roundCurrency((2979.75 + 566.15) / 3));
  });

  it('takes the record valid on the pricing date', () => {
    const line = priceItem(db, header({ pricingDate: '20250601' }), { material: 'PUMP', quantity: 1, salesUnit: 'ST' });
    // The old price; K004 starts only in 2026.
    expect(values(line)).toEqual({ PR00: 1000, K007: -35, MWST: 183.35 });
  });

  it('converts the sales unit to the condition unit and divides by the pricing unit', () => {
    expect(values(priceItem(db, header(), { material: 'PUMP', quantity: 2, salesUnit: 'PAL' })).PR00).toBe(12 * 1050);
    const grease = priceItem(db, header(), { material: 'GREASE', quantity: 25, salesUnit: 'KG' });
    // 47.50 per 10 KG × 25 KG = 118.75; K007 -4.16 (4.15625 rounded half up); 7 % tax on 114.59
    expect(values(grease)).toEqual({ PR00: 118.75, K007: -4.16, MWST: 8.02 });
    expect(grease.netPrice).toBe(45.84);
  });

  it('lets a manual price replace the record and keeps it marked as entered by hand', () => {
    const line = priceItem(db, header(), { material: 'PUMP', quantity: 2, salesUnit: 'ST', manual: [{ type: 'PR00', rate: 900, rateUnit: 'EUR', pricingUnit: 1, conditionUnit: 'ST' }] });
    expect(line.conditions.find((c) => c.type === 'PR00')).toMatchObject({ value: 1800, origin: 'C', recordNumber: '' });
  });

  it('copies conditions of a reference without searching records, but determines tax anew', () => {
    const line = priceItem(db, header(), {
      material: 'PUMP', quantity: 4, salesUnit: 'ST',
      copied: [{ type: 'PR00', rate: 990, rateUnit: 'EUR', pricingUnit: 1, conditionUnit: 'ST', recordNumber: '0000000001' }],
    });
    expect(values(line)).toEqual({ PR00: 3960, MWST: 752.4 });
  });

  it('converts a price in another currency with the exchange rate of the pricing date', () => {
    const line = priceItem(db, header({ currency: 'USD' }), { material: 'PUMP', quantity: 1, salesUnit: 'ST' });
    expect(values(line).PR00).toBe(1134);
    expect(line.conditions[0]).toMatchObject({ rate: 1050, rateUnit: 'EUR' });
    expect(convertCurrency(db, 108, 'USD', 'EUR', '20261127')).toBeCloseTo(100, 6);
    expect(() => priceItem(db, header({ currency: 'USD', pricingDate: '20251231' }), { material: 'PUMP', quantity: 1, salesUnit: 'ST' })).toThrow(PricingError);
  });

  it('reports a missing price and a unit the material does not have', () => {
    const other = header({ distributionChannel: '12' });
    expect(priceItem(db, other, { material: 'PUMP', quantity: 1, salesUnit: 'ST' }).missing).toEqual(['PR00']);
    expect(() => priceItem(db, header(), { material: 'PUMP', quantity: 1, salesUnit: 'KAR' })).toThrow(/KAR/);
  });

  it('ignores a condition record marked for deletion', () => {
    const world = pricedWorld();
    for (const item of world.table('KONP').select({ KSCHL: 'K004' })) world.table('KONP').update(item, { LOEVM_KO: 'X' });
    expect(values(priceItem(world, header(), { material: 'PUMP', quantity: 1, salesUnit: 'ST' }))).not.toHaveProperty('K004');
  });
});
