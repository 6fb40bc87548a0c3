/**
 * Pricing condition records (KONH header, KONP rate) and the condition tables that find them:
 * A004 material prices PR00 and material discounts K004 per sales organisation and channel,
 * A005 customer/material discounts K005, A007 customer discounts K007 per sales area, and A002
 * output tax MWST by country, customer and material tax class. Prices are in the sales
 * organisation's currency and changed some months ago, so older documents were priced with the
 * older record. Percentages are stored as SAP stores them (pricing.ts: tenths of a percent,
 * negative for discounts).
 */

import type { Database, Row } from '../database.js';
import { nextNumber } from '../numberRanges.js';
import { conditionTableNumber, roundCurrency, storedRate } from '../pricing.js';
import { dats, type SeedContext } from './context.js';
import type { SeededCustomer } from './customers.js';
import type { SeededMaterial } from './materials.js';
import { SALES_ORGANIZATIONS } from './orgStructure.js';

const UNLIMITED = '99991231';

/** Output tax rates (%) by country, customer tax class and material tax class. */
const OUTPUT_TAX: [string, string, string, number][] = [
  ['DE', '1', '1', 19], ['DE', '1', '2', 7], ['DE', '0', '1', 0], ['DE', '0', '2', 0],
  ['US', '1', '1', 6.25], ['US', '1', '2', 6.25], ['US', '0', '1', 0], ['US', '0', '2', 0],
];

/** Prices of the US organisation and the resale channel relative to the EUR list price. */
const CURRENCY_FACTOR: Record<string, number> = { EUR: 1, USD: 1.1 };
const CHANNEL_FACTOR: Record<string, number> = { '10': 1, '12': 0.9 };

interface RecordSpec {
  table: 'A002' | 'A004' | 'A005' | 'A007';
  type: string;
  key: Record<string, string>;
  validFrom: string;
  validTo: string;
  calculation: 'A' | 'C';
  rate: number;
  rateUnit: string;
  pricingUnit?: number;
  conditionUnit?: string;
}

/** Writes a condition record: KONH, KONP and the condition table row pointing at it. */
export function writeConditionRecord(db: Database, spec: RecordSpec): string {
  const knumh = nextNumber(db, 'KONH');
  const variableKey = Object.values(spec.key).join('');
  db.table('KONH').insert({
    KNUMH: knumh, ERNAM: 'MIGRATION', ERDAT: spec.validFrom, KVEWE: 'A', KOTABNR: conditionTableNumber(spec.table), KAPPL: 'V',
    KSCHL: spec.type, VAKEY: variableKey, DATAB: spec.validFrom, DATBI: spec.validTo,
  });
  db.table('KONP').insert({
    KNUMH: knumh, KOPOS: '01', KAPPL: 'V', KSCHL: spec.type, KRECH: spec.calculation, KBETR: storedRate(spec.calculation, spec.rate).toFixed(2),
    KONWA: spec.calculation === 'A' ? '%' : spec.rateUnit, KPEIN: String(spec.pricingUnit ?? (spec.calculation === 'A' ? 0 : 1)),
    KMEIN: spec.conditionUnit ?? '', MWSK1: spec.type === 'MWST' ? 'A1' : '', LOEVM_KO: '',
  });
  const row: Row = { KAPPL: 'V', KSCHL: spec.type, ...spec.key, DATBI: spec.validTo, DATAB: spec.validFrom, KNUMH: knumh };
  db.table(spec.table).insert(row);
  return knumh;
}

export function seedPricing(context: SeedContext, materials: SeededMaterial[], customers: SeededCustomer[]): void {
  const { db, today } = context;
  const random = context.random.fork('pricing');
  const currencyOf = new Map(SALES_ORGANIZATIONS.map((org) => [org.salesOrg, org.currency]));

  for (const [country, customerClass, materialClass, rate] of OUTPUT_TAX) {
    writeConditionRecord(db, {
      table: 'A002', type: 'MWST', key: { ALAND: country, TAXK1: customerClass, TAXM1: materialClass }, validFrom: '20000101', validTo: UNLIMITED,
      calculation: 'A', rate, rateUnit: '%',
    });
  }

  /** Current list price per pricing unit of a material in a sales organisation and channel. */
  const listPrices = new Map<string, { rate: number; pricingUnit: number; unit: string; currency: string }>();
  for (const material of materials) {
    // Consumables sold by the kilogram are priced per 10 KG.
    const pricingUnit = material.line.baseUnit === 'KG' ? 10 : 1;
    for (const sales of db.table('MVKE').select({ MATNR: material.materialNumber })) {
      const salesOrg = String(sales.VKORG);
      const channel = String(sales.VTWEG);
      const currency = currencyOf.get(salesOrg)!;
      const rate = roundCurrency(material.basePrice * pricingUnit * CURRENCY_FACTOR[currency]! * (CHANNEL_FACTOR[channel] ?? 1));
      const changedOn = -random.int(30, 330);
      const key = { VKORG: salesOrg, VTWEG: channel, MATNR: material.materialNumber };
      const unit = { pricingUnit, conditionUnit: material.line.baseUnit, rateUnit: currency };
      writeConditionRecord(db, {
        table: 'A004', type: 'PR00', key, validFrom: dats(today, changedOn - random.int(360, 720)), validTo: dats(today, changedOn - 1),
        calculation: 'C', rate: roundCurrency(rate / (1 + random.int(2, 6) / 100)), ...unit,
      });
      writeConditionRecord(db, { table: 'A004', type: 'PR00', key, validFrom: dats(today, changedOn), validTo: UNLIMITED, calculation: 'C', rate, ...unit });
      listPrices.set(`${salesOrg}/${channel}/${material.materialNumber}`, { rate, pricingUnit, unit: material.line.baseUnit, currency });
      if (random.chance(0.15)) {
        const expired = random.chance(0.15);
        const validFrom = expired ? -random.int(200, 400) : -random.int(10, 300);
        const validTo = expired ? -random.int(10, 150) : random.int(30, 400);
        writeConditionRecord(db, {
          table: 'A004', type: 'K004', key, validFrom: dats(today, validFrom), validTo: dats(today, validTo), calculation: 'C',
          rate: -roundCurrency(rate * random.int(2, 6) / 100), ...unit,
        });
      }
    }
  }

  const sellable = new Map<string, SeededMaterial[]>();
  for (const material of materials) {
    for (const [org, ch] of material.sellableIn) {
      const list = sellable.get(`${org}/${ch}`) ?? [];
      list.push(material);
      sellable.set(`${org}/${ch}`, list);
    }
  }
  for (const customer of customers) {
    const [salesOrg, channel] = customer.salesAreas[0]!;
    if (random.chance(0.2)) {
      const candidates = sellable.get(`${salesOrg}/${channel}`) ?? [];
      const count = random.int(1, 2);
      for (let i = 0; i < count && candidates.length > 0; i += 1) {
        const material = random.pick(candidates);
        const price = listPrices.get(`${salesOrg}/${channel}/${material.materialNumber}`);
        const key = { VKORG: salesOrg, VTWEG: channel, KUNNR: customer.customerNumber, MATNR: material.materialNumber };
        if (!price || db.table('A005').select(key).length > 0) continue;
        writeConditionRecord(db, {
          table: 'A005', type: 'K005', key, validFrom: dats(today, -random.int(30, 500)), validTo: UNLIMITED, calculation: 'C',
          rate: -roundCurrency(price.rate * random.int(3, 8) / 100), rateUnit: price.currency, pricingUnit: price.pricingUnit, conditionUnit: price.unit,
        });
      }
    }
    for (const [org, ch, division] of customer.salesAreas) {
      if (!random.chance(0.3)) continue;
      const created = String(db.table('KNVV').get({ KUNNR: customer.customerNumber, VKORG: org, VTWEG: ch, SPART: division })?.ERDAT ?? dats(today, -900));
      writeConditionRecord(db, {
        table: 'A007', type: 'K007', key: { VKORG: org, VTWEG: ch, SPART: division, KUNNR: customer.customerNumber }, validFrom: created,
        validTo: UNLIMITED, calculation: 'A', rate: -random.int(2, 10) / 2, rateUnit: '%',
      });
    }
  }
}
