/**
 * Test helpers for the sales document operations: find seeded customers and materials that fit a
 * test, and work out the price SAP must quote straight from the condition records (A004, A005,
 * A007, A002 → KONP), following the pricing procedure as documented (PR00 amount per pricing
 * unit, K004/K005 amounts, K007 percent of the gross value, MWST percent of the net value,
 * percentages stored in tenths in KBETR) — independently of the simulator's pricing code, so the
 * tests can catch it going wrong.
 */

import type { Database, Row } from '../../sandbox/ecc/database.js';
import type { SeededCustomer } from '../../sandbox/ecc/seed/customers.js';
import type { TestEcc } from './transports.js';

/** Commercial rounding to cents, halves away from zero. */
export const cents = (value: number): number => Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-7) / 100;

export const dats = (iso: string): string => iso.replaceAll('-', '');
export const iso = (value: string | number | undefined): string => {
  const text = String(value ?? '');
  return /^0*$/.test(text) ? '' : `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
};
export const external = (value: string | number | undefined): string => String(value ?? '').replace(/^0+(?=.)/, '');

export interface Candidate {
  customer: SeededCustomer;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
}

/** Customers that may order in their first sales area: no blocks, no deletion flag. */
export function orderingCustomers(test: TestEcc): Candidate[] {
  const { db } = test.ecc;
  return test.seeded.customers.flatMap((customer) => {
    const [salesOrganization, distributionChannel, division] = customer.salesAreas[0]!;
    const master = db.table('KNA1').get({ KUNNR: customer.customerNumber })!;
    const area = db.table('KNVV').get({ KUNNR: customer.customerNumber, VKORG: salesOrganization, VTWEG: distributionChannel, SPART: division })!;
    if (master.AUFSD || master.LOEVM || area.AUFSD || area.LOEVM) return [];
    return [{ customer, salesOrganization, distributionChannel, division }];
  });
}

/** Materials sold in a sales organisation and channel, in the division, not blocked or deleted. */
export function sellableMaterials(db: Database, salesOrganization: string, distributionChannel: string, division: string): string[] {
  return [...db.table('MVKE').all()]
    .filter((row) => row.VKORG === salesOrganization && row.VTWEG === distributionChannel && !row.VMSTA && row.LVORM !== 'X')
    .map((row) => String(row.MATNR))
    .filter((material) => {
      const mara = db.table('MARA').get({ MATNR: material })!;
      return mara.SPART === division && mara.LVORM !== 'X';
    })
    .sort();
}

/** The KONP row of the record a condition table finds for a key on a date. */
function record(db: Database, table: 'A002' | 'A004' | 'A005' | 'A007', type: string, key: Row, date: string): Row | undefined {
  const hit = [...db.table(table).all()].find((row) => row.KSCHL === type && Object.entries(key).every(([f, v]) => row[f] === v) && String(row.DATAB) <= date && String(row.DATBI) >= date);
  return hit ? db.table('KONP').get({ KNUMH: hit.KNUMH!, KOPOS: '01' }) : undefined;
}

export interface ExpectedCondition {
  type: string;
  value: number;
  /** Percent for percentages, amount per pricing unit otherwise. */
  rate: number;
}

export interface ExpectedPrice {
  conditions: ExpectedCondition[];
  undiscounted: number;
  net: number;
  tax: number;
}

/** What SAP must charge for `quantity` `unit` of a material on `date` (DATS), from the condition records. */
export function expectedPrice(db: Database, candidate: Candidate, material: string, quantity: number, unit: string, date: string): ExpectedPrice {
  const { customer, salesOrganization: VKORG, distributionChannel: VTWEG, division: SPART } = candidate;
  const KUNNR = customer.customerNumber;
  const factor = (meinh: string): number => {
    const marm = db.table('MARM').get({ MATNR: material, MEINH: meinh })!;
    return Number(marm.UMREZ) / Number(marm.UMREN);
  };
  const baseQuantity = quantity * factor(unit);
  const amount = (konp: Row): number => cents((Number(konp.KBETR) * (baseQuantity / factor(String(konp.KMEIN)))) / Number(konp.KPEIN));
  const conditions: ExpectedCondition[] = [];
  const price = record(db, 'A004', 'PR00', { VKORG, VTWEG, MATNR: material }, date);
  if (!price) throw new Error(`no price for ${material} in ${VKORG}/${VTWEG} on ${date}`);
  const undiscounted = amount(price);
  conditions.push({ type: 'PR00', value: undiscounted, rate: Number(price.KBETR) });
  for (const [type, table, key] of [['K004', 'A004', { VKORG, VTWEG, MATNR: material }], ['K005', 'A005', { VKORG, VTWEG, KUNNR, MATNR: material }]] as const) {
    const discount = record(db, table, type, key, date);
    if (discount) conditions.push({ type, value: amount(discount), rate: Number(discount.KBETR) });
  }
  const customerDiscount = record(db, 'A007', 'K007', { VKORG, VTWEG, SPART, KUNNR }, date);
  if (customerDiscount) conditions.push({ type: 'K007', value: cents((undiscounted * Number(customerDiscount.KBETR)) / 1000), rate: Number(customerDiscount.KBETR) / 10 });
  const net = cents(conditions.reduce((sum, c) => sum + c.value, 0));
  const country = customer.salesOrg.country;
  const taxClass = String(db.table('KNVI').get({ KUNNR, ALAND: country, TATYP: 'MWST' })?.TAXKD ?? '');
  const materialClass = String(db.table('MLAN').get({ MATNR: material, ALAND: country })?.TAXM1 ?? '');
  const tax = record(db, 'A002', 'MWST', { ALAND: country, TAXK1: taxClass, TAXM1: materialClass }, date);
  const taxValue = tax ? cents((net * Number(tax.KBETR)) / 1000) : 0;
  if (tax) conditions.push({ type: 'MWST', value: taxValue, rate: Number(tax.KBETR) / 10 });
  return { conditions, undiscounted, net, tax: taxValue };
}

/** Credit limit left for new orders, at least: the limit less receivables and the credit value of every order of the payer. */
export function creditHeadroomAtLeast(db: Database, payer: string, creditControlArea: string): number {
  const account = db.table('KNKK').get({ KUNNR: payer, KKBER: creditControlArea })!;
  const orders = db.table('VBAK').select({ KNKLI: payer }).filter((vbak) => vbak.VBTYP === 'C');
  const ordered = orders.reduce((sum, vbak) => sum + db.table('VBAP').select({ VBELN: vbak.VBELN! }).reduce((s, item) => s + Number(item.NETWR) + Number(item.MWSBP), 0), 0);
  return Number(account.KLIMK) - Number(account.SKFOR) - ordered;
}

/** Credit limit left for new orders, at most: the limit less receivables (open sales values only add to the exposure). */
export function creditHeadroomAtMost(db: Database, payer: string, creditControlArea: string): number {
  const account = db.table('KNKK').get({ KUNNR: payer, KKBER: creditControlArea })!;
  return Number(account.KLIMK) - Number(account.SKFOR);
}
