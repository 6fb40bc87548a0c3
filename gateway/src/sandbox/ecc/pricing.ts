/**
 * Price determination of the simulated ECC, shared by the seed and the sales BAPIs so that a
 * seeded document and a fresh simulation of it agree to the cent.
 *
 * The pricing procedure is modelled on SAP's standard RVAA01: the price PR00, three discounts
 * (K004 material, K005 customer/material, K007 customer, the last a percentage of the gross
 * value), the net value, and output tax MWST as a percentage of the net value. Each condition
 * type finds its condition record through its condition table (A004, A005, A007, A002) by the
 * document's keys and the pricing date; the record's rate is in KONP. Percentages are stored
 * as SAP stores them: KBETR holds tenths of a percent (-30.00 is -3 %), because the rate unit
 * "%" has three decimals in TCURX while KBETR is a CURR field with two (public ABAP code reads
 * percentage rates as KBETR / 10 and values as base * KBETR / 1000).
 *
 * Subtotals follow RVAA01: KZWI1 gross value, KZWI2 net value, KZWI3 discount amount; 4 to 6
 * are unused.
 */

import type { Database, Row } from './database.js';

export type CalculationType = 'A' | 'C';

export interface ConditionTypeDef {
  type: string;
  /** Step of the pricing procedure (KONV-STUNR). */
  step: number;
  text: string;
  /** KRECH: A percentage, C amount per quantity. */
  calculation: CalculationType;
  /** KOAID: A discount or surcharge, B price, D tax. */
  conditionClass: 'A' | 'B' | 'D';
  /** KNTYP: the condition category; D is tax. */
  category: string;
  /** The condition table searched and its key fields after KAPPL and KSCHL. */
  table: 'A002' | 'A004' | 'A005' | 'A007';
  tableKey: string[];
  /** What a percentage applies to. */
  base?: 'gross' | 'net';
  /** Pricing is incomplete without this condition (V1 801). */
  mandatory?: boolean;
}

export const CONDITION_TYPES: Record<string, ConditionTypeDef> = {
  PR00: { type: 'PR00', step: 10, text: 'Price', calculation: 'C', conditionClass: 'B', category: '', table: 'A004', tableKey: ['VKORG', 'VTWEG', 'MATNR'], mandatory: true },
  K004: { type: 'K004', step: 101, text: 'Material', calculation: 'C', conditionClass: 'A', category: '', table: 'A004', tableKey: ['VKORG', 'VTWEG', 'MATNR'] },
  K005: { type: 'K005', step: 102, text: 'Customer/Material', calculation: 'C', conditionClass: 'A', category: '', table: 'A005', tableKey: ['VKORG', 'VTWEG', 'KUNNR', 'MATNR'] },
  K007: { type: 'K007', step: 103, text: 'Customer Discount', calculation: 'A', conditionClass: 'A', category: '', table: 'A007', tableKey: ['VKORG', 'VTWEG', 'SPART', 'KUNNR'], base: 'gross' },
  MWST: { type: 'MWST', step: 915, text: 'Output Tax', calculation: 'A', conditionClass: 'D', category: 'D', table: 'A002', tableKey: ['ALAND', 'TAXK1', 'TAXM1'], base: 'net' },
};

const PROCEDURE = ['PR00', 'K004', 'K005', 'K007', 'MWST'].map((type) => CONDITION_TYPES[type]!);

/** The condition table number (KONH-KOTABNR) of a condition table name. */
export const conditionTableNumber = (table: string): string => table.slice(1);

/** Rounds a currency amount to two decimals, halves away from zero (ABAP's commercial rounding). */
export function roundCurrency(value: number): number {
  const rounded = Math.round(Math.abs(value) * 100 + 1e-7) / 100;
  return value < 0 ? -rounded : rounded;
}

/** KBETR as stored: tenths of a percent for percentages, the amount otherwise. */
export const storedRate = (calculation: string, rate: number): number => (calculation === 'A' ? rate * 10 : rate);
/** The rate a stored KBETR means: a percentage or an amount. */
export const rateOfStored = (calculation: string, kbetr: number): number => (calculation === 'A' ? kbetr / 10 : kbetr);

export interface ConditionRecord {
  recordNumber: string;
  calculation: CalculationType;
  rate: number;
  /** Currency of an amount, or "%". */
  rateUnit: string;
  pricingUnit: number;
  conditionUnit: string;
}

/** Finds the condition record of a condition type valid on a date (DATS) for the given key. */
export function findConditionRecord(db: Database, def: ConditionTypeDef, key: Record<string, string>, date: string): ConditionRecord | undefined {
  const where: Row = { KAPPL: 'V', KSCHL: def.type };
  for (const field of def.tableKey) where[field] = key[field] ?? '';
  const candidates = db.table(def.table).select(where, (row) => String(row.DATAB) <= date && String(row.DATBI) >= date);
  candidates.sort((a, b) => (String(a.DATAB) < String(b.DATAB) ? 1 : -1));
  for (const candidate of candidates) {
    const item = db.table('KONP').get({ KNUMH: candidate.KNUMH!, KOPOS: '01' });
    if (!item || item.LOEVM_KO === 'X') continue;
    const calculation = (String(item.KRECH) === 'A' ? 'A' : 'C');
    return {
      recordNumber: String(candidate.KNUMH),
      calculation,
      rate: rateOfStored(calculation, Number(item.KBETR)),
      rateUnit: String(item.KONWA),
      pricingUnit: Number(item.KPEIN) || 1,
      conditionUnit: String(item.KMEIN ?? ''),
    };
  }
  return undefined;
}

/** How many base units one unit of a material is (MARM UMREZ / UMREN); undefined when the unit is not maintained. */
export function baseUnitsPer(db: Database, material: string, unit: string): number | undefined {
  const row = db.table('MARM').get({ MATNR: material, MEINH: unit });
  if (!row) return undefined;
  const numerator = Number(row.UMREZ);
  const denominator = Number(row.UMREN) || 1;
  return numerator / denominator;
}

/**
 * Converts an amount between currencies with exchange rate type M (TCURR) valid on a date:
 * the direct rate, or the inverse of the opposite rate; undefined when none is maintained.
 */
export function convertCurrency(db: Database, amount: number, from: string, to: string, date: string): number | undefined {
  if (from === to || amount === 0) return amount;
  const rate = (f: string, t: string): number | undefined => {
    const notBefore = 99999999 - Number(date);
    const rows = db.table('TCURR').select({ KURST: 'M', FCURR: f, TCURR: t }, (row) => Number(row.GDATU) >= notBefore);
    if (rows.length === 0) return undefined;
    rows.sort((a, b) => Number(a.GDATU) - Number(b.GDATU));
    const row = rows[0]!;
    const quoted = Number(row.UKURS);
    // A negative UKURS is an indirect quotation (units of the source currency per target unit).
    const direct = quoted < 0 ? 1 / -quoted : quoted;
    return (direct * (Number(row.TFACT) || 1)) / (Number(row.FFACT) || 1);
  };
  const direct = rate(from, to);
  if (direct !== undefined) return amount * direct;
  const inverse = rate(to, from);
  return inverse !== undefined && inverse !== 0 ? amount / inverse : undefined;
}

/** The document data prices are determined for. */
export interface PricingHeader {
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  soldTo: string;
  /** Country the goods leave from (the company code's country), key of output tax. */
  departureCountry: string;
  /** Customer tax classification (KNVI-TAXKD) for output tax. */
  customerTaxClass: string;
  currency: string;
  /** DATS. */
  pricingDate: string;
}

/** A condition given instead of the one SAP would find: entered by hand or copied from a reference document. */
export interface GivenCondition {
  type: string;
  /** Percentage for percentage conditions, amount per pricing unit otherwise. */
  rate: number;
  /** Currency of an amount; ignored for percentages. */
  rateUnit: string;
  pricingUnit: number;
  conditionUnit: string;
  recordNumber?: string;
}

export interface PricingItem {
  material: string;
  /** Quantity in the sales unit. */
  quantity: number;
  salesUnit: string;
  /** Conditions entered by hand; they replace what SAP would find. */
  manual?: GivenCondition[];
  /**
   * Conditions copied from a reference document (pricing type "copy"): when given, SAP searches
   * no records except output tax, which is always determined anew.
   */
  copied?: GivenCondition[];
}

export interface ConditionLine {
  step: number;
  counter: number;
  type: string;
  calculation: CalculationType;
  conditionClass: string;
  category: string;
  /** Quantity in the condition unit for amount conditions, the value a percentage applies to otherwise. */
  base: number;
  rate: number;
  rateUnit: string;
  pricingUnit: number;
  conditionUnit: string;
  /** Value in document currency. */
  value: number;
  recordNumber: string;
  /** KHERK: A automatic, C entered by hand. */
  origin: 'A' | 'C';
}

export interface PricedLine {
  conditions: ConditionLine[];
  quantity: number;
  salesUnit: string;
  baseQuantity: number;
  gross: number;
  discount: number;
  net: number;
  tax: number;
  /** KZWI1 to KZWI6. */
  subtotals: number[];
  /** Net price per pricing unit of the price condition (VBAP-NETPR / KPEIN / KMEIN). */
  netPrice: number;
  pricingUnit: number;
  conditionUnit: string;
  /** Net value plus tax per sales unit (VBAP-CMPRE), what credit management counts. */
  creditPrice: number;
  /** Condition types that are mandatory but were found nowhere. */
  missing: string[];
}

export type PricingFailure =
  | { kind: 'unit'; unit: string; material: string }
  | { kind: 'exchangeRate'; from: string; to: string; date: string };

export class PricingError extends Error {
  constructor(readonly failure: PricingFailure) {
    super(failure.kind === 'unit' ? `unit ${failure.unit} is not maintained for material ${failure.material}` : `no exchange rate ${failure.from}/${failure.to} on ${failure.date}`);
  }
}

function keyOf(header: PricingHeader, material: string, materialTaxClass: string): Record<string, string> {
  return {
    VKORG: header.salesOrganization,
    VTWEG: header.distributionChannel,
    SPART: header.division,
    KUNNR: header.soldTo,
    MATNR: material,
    ALAND: header.departureCountry,
    TAXK1: header.customerTaxClass,
    TAXM1: materialTaxClass,
  };
}

/** Prices one item; throws PricingError when a unit or exchange rate is missing. */
export function priceItem(db: Database, header: PricingHeader, item: PricingItem): PricedLine {
  const perSalesUnit = baseUnitsPer(db, item.material, item.salesUnit);
  if (perSalesUnit === undefined) throw new PricingError({ kind: 'unit', unit: item.salesUnit, material: item.material });
  const baseQuantity = item.quantity * perSalesUnit;
  const taxClass = String(db.table('MLAN').get({ MATNR: item.material, ALAND: header.departureCountry })?.TAXM1 ?? '');
  const key = keyOf(header, item.material, taxClass);

  const conditionFor = (def: ConditionTypeDef): (GivenCondition & { origin: 'A' | 'C' }) | undefined => {
    const manual = item.manual?.find((c) => c.type === def.type);
    if (manual) return { ...manual, origin: 'C' };
    if (item.copied && def.type !== 'MWST') {
      const copied = item.copied.find((c) => c.type === def.type);
      return copied ? { ...copied, origin: 'A' } : undefined;
    }
    const record = findConditionRecord(db, def, key, header.pricingDate);
    return record ? { type: def.type, rate: record.rate, rateUnit: record.rateUnit, pricingUnit: record.pricingUnit, conditionUnit: record.conditionUnit, recordNumber: record.recordNumber, origin: 'A' } : undefined;
  };

  const conditions: ConditionLine[] = [];
  const missing: string[] = [];
  let gross = 0;
  let discount = 0;
  let tax = 0;
  let priceCondition: ConditionLine | undefined;
  for (const def of PROCEDURE) {
    const given = conditionFor(def);
    if (!given) {
      if (def.mandatory) missing.push(def.type);
      continue;
    }
    let base: number;
    let value: number;
    if (def.calculation === 'A') {
      base = def.base === 'net' ? gross + discount : gross;
      value = roundCurrency((base * given.rate) / 100);
    } else {
      const unit = given.conditionUnit || item.salesUnit;
      const perConditionUnit = baseUnitsPer(db, item.material, unit);
      if (perConditionUnit === undefined) throw new PricingError({ kind: 'unit', unit, material: item.material });
      base = baseQuantity / perConditionUnit;
      const rateInDocumentCurrency = convertCurrency(db, given.rate, given.rateUnit, header.currency, header.pricingDate);
      if (rateInDocumentCurrency === undefined) throw new PricingError({ kind: 'exchangeRate', from: given.rateUnit, to: header.currency, date: header.pricingDate });
      value = roundCurrency((rateInDocumentCurrency * base) / (given.pricingUnit || 1));
    }
    const line: ConditionLine = {
      step: def.step,
      counter: 1,
      type: def.type,
      calculation: def.calculation,
      conditionClass: def.conditionClass,
      category: def.category,
      base,
      rate: given.rate,
      rateUnit: def.calculation === 'A' ? '%' : given.rateUnit,
      pricingUnit: def.calculation === 'A' ? 0 : given.pricingUnit || 1,
      conditionUnit: def.calculation === 'A' ? '' : given.conditionUnit || item.salesUnit,
      value,
      recordNumber: given.recordNumber ?? '',
      origin: given.origin,
    };
    conditions.push(line);
    if (def.conditionClass === 'B') {
      gross += value;
      priceCondition ??= line;
    } else if (def.conditionClass === 'A') {
      discount += value;
    } else {
      tax += value;
    }
  }
  gross = roundCurrency(gross);
  discount = roundCurrency(discount);
  tax = roundCurrency(tax);
  const net = roundCurrency(gross + discount);
  const pricingUnit = priceCondition?.pricingUnit ?? 1;
  const netPrice = priceCondition && priceCondition.base > 0 ? roundCurrency((net / priceCondition.base) * pricingUnit) : 0;
  return {
    conditions,
    quantity: item.quantity,
    salesUnit: item.salesUnit,
    baseQuantity,
    gross,
    discount,
    net,
    tax,
    subtotals: [gross, net, discount, 0, 0, 0],
    netPrice,
    pricingUnit,
    conditionUnit: priceCondition?.conditionUnit ?? item.salesUnit,
    creditPrice: item.quantity > 0 ? roundCurrency((net + tax) / item.quantity) : 0,
    missing,
  };
}

/** The conditions of a priced line as they are copied into a follow-up document. */
export function givenConditions(line: Pick<PricedLine, 'conditions'>): GivenCondition[] {
  return line.conditions.map((c) => ({ type: c.type, rate: c.rate, rateUnit: c.rateUnit, pricingUnit: c.pricingUnit, conditionUnit: c.conditionUnit, recordNumber: c.recordNumber }));
}

/** Reads back the conditions of one item of a document from KONV. */
export function storedConditions(db: Database, knumv: string, posnr: string): GivenCondition[] {
  return db
    .table('KONV')
    .select({ KNUMV: knumv }, (row) => row.KPOSN === posnr)
    .sort((a, b) => Number(a.STUNR) - Number(b.STUNR))
    .map((row) => ({
      type: String(row.KSCHL),
      rate: rateOfStored(String(row.KRECH), Number(row.KBETR)),
      rateUnit: String(row.WAERS),
      pricingUnit: Number(row.KPEIN) || 1,
      conditionUnit: String(row.KMEIN ?? ''),
      recordNumber: String(row.KNUMH ?? ''),
    }));
}

/** KONV rows of one priced item of a document. */
export function conditionRows(knumv: string, posnr: string, pricingDate: string, line: PricedLine): Row[] {
  return line.conditions.map((c) => ({
    KNUMV: knumv,
    KPOSN: posnr,
    STUNR: String(c.step).padStart(3, '0'),
    ZAEHK: String(c.counter).padStart(2, '0'),
    KAPPL: 'V',
    KSCHL: c.type,
    KRECH: c.calculation,
    KAWRT: c.base.toFixed(2),
    KBETR: storedRate(c.calculation, c.rate).toFixed(2),
    WAERS: c.rateUnit,
    KPEIN: String(c.pricingUnit),
    KMEIN: c.conditionUnit,
    KWERT: c.value.toFixed(2),
    KINAK: '',
    KOAID: c.conditionClass,
    KSTAT: '',
    MWSK1: c.type === 'MWST' ? 'A1' : '',
    KNUMH: c.recordNumber,
    KDATU: pricingDate,
    KHERK: c.origin,
  }));
}
