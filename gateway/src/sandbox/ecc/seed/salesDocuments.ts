/**
 * Inquiries, quotations and orders of the last eleven months. Each active customer gets a few:
 * inquiries (some answered by a quotation), quotations that are open, expired, rejected or taken
 * over fully or in part into an order, and orders whose age decides how far they got (open,
 * partly or fully delivered, partly or fully billed), some with rejected items or delivery and
 * billing blocks. Documents are priced with the pricing engine on their document date and
 * written with the same rows as the create BAPIs write, numbered in the order they were created.
 *
 * Volume grows with the number of customers up to about ACTIVE_CUSTOMERS customers with
 * documents; beyond that a share of the customers is active, as in a large customer master where
 * most accounts buy rarely.
 */

import type { Database } from '../database.js';
import { nextNumber } from '../numberRanges.js';
import { priceItem, storedConditions, type PricingHeader } from '../pricing.js';
import { ITEM_NUMBER_STEP, posnr, recomputedStatus, salesDocumentRows, type SalesDocumentCategory, type SalesDocumentDraft } from '../salesDocuments.js';
import { dats, insertAll, type SeedContext } from './context.js';
import type { SeededCustomer } from './customers.js';
import type { SeededMaterial } from './materials.js';
import type { Random } from '../../random.js';

/** About this many customers have documents; more customers spread the same volume thinner. */
export const ACTIVE_CUSTOMERS = 5000;
/** No document is older than this many days (the fiscal years with FI number ranges). */
export const HISTORY_DAYS = 330;

/** How far an order got; shipping and billing seed what it implies. */
export type OrderProgress = 'open' | 'partlyDelivered' | 'delivered' | 'partlyBilled' | 'billed';

export interface SeededItem {
  number: string;
  material: SeededMaterial;
  quantity: number;
  salesUnit: string;
  rejected: string;
}

export interface SeededDocument {
  number: string;
  category: SalesDocumentCategory;
  customer: SeededCustomer;
  salesArea: [string, string, string];
  shipTo: string;
  payer: string;
  /** Days before today the document was created (negative). */
  day: number;
  items: SeededItem[];
  progress: OrderProgress;
  deliveryBlock: string;
  billingBlock: string;
}

export interface SeededSalesDocuments {
  inquiries: string[];
  quotations: { open: string[]; expired: string[]; rejected: string[]; referenced: string[]; partlyReferenced: string[] };
  orders: SeededDocument[];
  ordersFromQuotations: string[];
}

interface ItemPlan {
  material: SeededMaterial;
  quantity: number;
  salesUnit: string;
  rejected: string;
  reference?: { plan: Plan; item: string };
}

interface Plan {
  category: SalesDocumentCategory;
  customer: SeededCustomer;
  salesArea: [string, string, string];
  shipTo: string;
  day: number;
  time: string;
  /** Requested delivery date, days before (negative) or after today. */
  requestedDay: number;
  validTo: number;
  purchaseOrder: string;
  contact: string;
  items: ItemPlan[];
  reference?: Plan;
  progress: OrderProgress;
  deliveryBlock: string;
  billingBlock: string;
  quotationScenario?: 'open' | 'expired' | 'rejected' | 'referenced' | 'partlyReferenced';
  number?: string;
}

const DOCUMENT_TYPE: Record<SalesDocumentCategory, string> = { A: 'AF', B: 'AG', C: 'TA' };
const NUMBER_RANGE: Record<SalesDocumentCategory, string> = { A: '11', B: '12', C: '01' };

/** A quantity in a unit a customer orders in: pieces, cartons and pallets whole, kilograms in steps of 5. */
function orderQuantity(random: Random, material: SeededMaterial): { quantity: number; salesUnit: string } {
  switch (material.line.materialGroup) {
    case '001':
    case '002':
      return random.chance(0.1) ? { quantity: random.int(1, 2), salesUnit: 'PAL' } : { quantity: random.int(1, 8), salesUnit: 'ST' };
    case '003':
      return random.chance(0.25) ? { quantity: random.int(1, 5), salesUnit: 'KAR' } : { quantity: random.int(2, 40), salesUnit: 'ST' };
    default:
      return { quantity: random.int(1, 40) * 5, salesUnit: material.line.baseUnit };
  }
}

function progressOf(random: Random, age: number): { progress: OrderProgress; deliveryBlock: string; billingBlock: string } {
  let progress: OrderProgress;
  if (age < 5) progress = 'open';
  else if (age < 20) progress = random.pickWeighted([['open', 35], ['partlyDelivered', 25], ['delivered', 40]] as const);
  else progress = random.pickWeighted([['billed', 70], ['partlyBilled', 10], ['delivered', 7], ['partlyDelivered', 5], ['open', 8]] as const);
  const deliveryBlock = progress === 'open' && (age >= 20 ? random.chance(0.6) : random.chance(0.05)) ? '01' : '';
  const billingBlock = progress === 'delivered' && age >= 20 && random.chance(0.5) ? '02' : '';
  return { progress, deliveryBlock, billingBlock };
}

const timeOfDay = (random: Random): string =>
  `${String(random.int(7, 17)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}`;

/** Plans the documents of one customer. */
function planCustomer(random: Random, customer: SeededCustomer, candidates: SeededMaterial[], oldestDay: number): Plan[] {
  const plans: Plan[] = [];
  const salesArea = customer.salesAreas[0]!;
  // A customer blocked for orders stopped buying two months ago; its last documents are older.
  const newestDay = customer.blockedForOrders ? -60 : -1;
  if (oldestDay > newestDay - 10) return plans;
  const day = (from: number, to: number): number => Math.max(oldestDay, Math.min(newestDay, -random.int(from, to)));
  const base = (category: SalesDocumentCategory, when: number): Plan => ({
    category, customer, salesArea, shipTo: random.pick(customer.shipTos), day: when, time: timeOfDay(random),
    requestedDay: when + (category === 'C' ? random.int(3, 21) : random.int(14, 60)), validTo: 0,
    purchaseOrder: '', contact: customer.contacts.length > 0 && random.chance(0.7) ? random.pick(customer.contacts) : '', items: [],
    progress: 'open', deliveryBlock: '', billingBlock: '',
  });
  const newItems = (): ItemPlan[] => {
    const count = random.pickWeighted([[1, 30], [2, 35], [3, 25], [4, 10]] as const);
    const chosen = new Set<SeededMaterial>();
    while (chosen.size < Math.min(count, candidates.length)) chosen.add(random.pick(candidates));
    return [...chosen].map((material) => ({ material, ...orderQuantity(random, material), rejected: '' }));
  };
  const copyItems = (source: Plan, share: number): ItemPlan[] =>
    source.items.flatMap((item, index) => {
      if (item.rejected) return [];
      const quantity = share >= 1 ? item.quantity : Math.max(1, Math.floor(item.quantity * share));
      return [{ material: item.material, quantity, salesUnit: item.salesUnit, rejected: '', reference: { plan: source, item: posnr((index + 1) * ITEM_NUMBER_STEP) } }];
    });
  const order = (when: number, items: ItemPlan[], reference?: Plan): Plan => {
    const plan = { ...base('C', when), items, ...(reference ? { reference, shipTo: reference.shipTo } : {}), ...progressOf(random, -when) };
    plan.purchaseOrder = random.chance(0.9) ? `PO-${customer.customerNumber.slice(-5)}-${String(random.int(1, 99999)).padStart(5, '0')}` : '';
    if (plan.items.length > 1 && random.chance(0.08)) plan.items[random.int(0, plan.items.length - 1)]!.rejected = random.pick(['03', '04']);
    if (customer.blockedForOrders) Object.assign(plan, { progress: 'billed', deliveryBlock: '', billingBlock: '' });
    return plan;
  };

  if (random.chance(0.3)) {
    const inquiry = { ...base('A', day(10, HISTORY_DAYS)), items: newItems() };
    inquiry.validTo = inquiry.day + 30;
    plans.push(inquiry);
    if (random.chance(0.5) && inquiry.day + 5 <= newestDay) {
      const quotation = { ...base('B', inquiry.day + random.int(1, 5)), items: copyItems(inquiry, 1), reference: inquiry, shipTo: inquiry.shipTo };
      quotation.validTo = quotation.day + random.int(30, 60);
      quotation.quotationScenario = quotation.validTo < 0 ? 'expired' : 'open';
      plans.push(quotation);
    }
  }
  const quotationCount = random.int(1, 2);
  for (let q = 0; q < quotationCount; q += 1) {
    const scenario = customer.blockedForOrders
      ? random.pickWeighted([['expired', 2], ['referenced', 1]] as const)
      : random.pickWeighted([['referenced', 30], ['partlyReferenced', 10], ['open', 25], ['expired', 20], ['rejected', 15]] as const);
    const when = scenario === 'open' ? day(1, 20) : scenario === 'expired' ? day(60, HISTORY_DAYS) : day(15, HISTORY_DAYS - 20);
    const quotation = { ...base('B', when), items: newItems(), quotationScenario: scenario };
    quotation.validTo = scenario === 'expired' ? when + random.int(14, 45) : when + random.int(30, 60);
    if (scenario === 'rejected') for (const item of quotation.items) item.rejected = random.pick(['03', '04']);
    // Taken over in part: at least one item stays open, or one item keeps a rest.
    if (scenario === 'partlyReferenced' && quotation.items.length === 1) quotation.items[0]!.quantity = Math.max(2, quotation.items[0]!.quantity);
    plans.push(quotation);
    if (scenario === 'referenced' || scenario === 'partlyReferenced') {
      const orderDay = Math.min(newestDay, when + random.int(2, 14));
      const items = scenario === 'referenced' ? copyItems(quotation, 1) : copyItems(quotation, 0.5).slice(0, Math.max(1, quotation.items.length - 1));
      plans.push(order(orderDay, items, quotation));
    }
  }
  const orderCount = random.int(1, 4);
  for (let o = 0; o < orderCount; o += 1) plans.push(order(day(1, HISTORY_DAYS), newItems()));
  return plans;
}

/** Writes one planned document and returns its number. */
function writeDocument(db: Database, today: Date, plan: Plan, countryOf: Map<string, string>): string {
  const customer = plan.customer;
  const [salesOrg, channel, division] = plan.salesArea;
  const soldTo = customer.customerNumber;
  const master = db.table('KNA1').get({ KUNNR: soldTo })!;
  const area = db.table('KNVV').get({ KUNNR: soldTo, VKORG: salesOrg, VTWEG: channel, SPART: division })!;
  const country = countryOf.get(salesOrg)!;
  const date = dats(today, plan.day);
  const requestedDate = dats(today, plan.requestedDay);
  const header: PricingHeader = {
    salesOrganization: salesOrg, distributionChannel: channel, division, soldTo, departureCountry: country,
    customerTaxClass: String(db.table('KNVI').get({ KUNNR: soldTo, ALAND: country, TATYP: 'MWST' })?.TAXKD ?? ''),
    currency: String(area.WAERS), pricingDate: date,
  };
  const number = nextNumber(db, 'RV_BELEG', NUMBER_RANGE[plan.category]);
  const conditionNumber = nextNumber(db, 'KONV');
  const language = String(master.SPRAS || 'E');
  const draft: SalesDocumentDraft = {
    number, type: DOCUMENT_TYPE[plan.category], category: plan.category, salesOrganization: salesOrg, distributionChannel: channel, division,
    salesOffice: String(area.VKBUR ?? ''), salesGroup: String(area.VKGRP ?? ''), soldTo, shipTo: plan.shipTo,
    billTo: soldTo, payer: customer.payer, contact: plan.contact, createdOn: date, createdAt: plan.time, createdBy: 'SALES01',
    documentDate: date, requestedDate, pricingDate: date,
    validFrom: plan.category === 'C' ? '' : date, validTo: plan.category === 'C' ? '' : dats(today, plan.validTo),
    purchaseOrder: plan.purchaseOrder, purchaseOrderDate: plan.purchaseOrder ? date : '', currency: String(area.WAERS),
    paymentTerms: String(area.ZTERM ?? ''), incoterms: String(area.INCO1 ?? ''), incotermsLocation: String(area.INCO2 ?? ''),
    customerGroup: String(area.KDGRP ?? ''), priceGroup: String(area.KONDA ?? ''), priceList: String(area.PLTYP ?? ''),
    deliveryBlock: plan.deliveryBlock, billingBlock: plan.billingBlock,
    creditControlArea: plan.category === 'C' ? customer.salesOrg.creditControlArea : '', creditAccount: plan.category === 'C' ? customer.payer : '',
    creditStatus: plan.category === 'C' ? 'A' : '', conditionNumber,
    ...(plan.reference ? { reference: { number: plan.reference.number!, category: plan.reference.category } } : {}),
    incomplete: plan.category === 'C' && !plan.purchaseOrder,
    items: plan.items.map((item, index) => {
      const materialNumber = item.material.materialNumber;
      const mara = db.table('MARA').get({ MATNR: materialNumber })!;
      const marm = db.table('MARM').get({ MATNR: materialNumber, MEINH: item.salesUnit })!;
      const itemNumber = posnr((index + 1) * ITEM_NUMBER_STEP);
      const copied = item.reference ? storedConditions(db, String(db.table('VBAK').get({ VBELN: item.reference.plan.number! })!.KNUMV), item.reference.item) : undefined;
      const priced = priceItem(db, header, { material: materialNumber, quantity: item.quantity, salesUnit: item.salesUnit, ...(copied ? { copied } : {}) });
      return {
        number: itemNumber, material: materialNumber,
        description: String(db.table('MAKT').get({ MATNR: materialNumber, SPRAS: language })?.MAKTX ?? db.table('MAKT').get({ MATNR: materialNumber, SPRAS: 'E' })?.MAKTX ?? ''),
        materialGroup: String(mara.MATKL), division: String(mara.SPART), plant: customer.salesOrg.plant, shippingPoint: customer.salesOrg.shippingPoint,
        quantity: item.quantity, confirmedQuantity: plan.category === 'C' ? item.quantity : 0, salesUnit: item.salesUnit, baseUnit: String(mara.MEINS),
        unitNumerator: Number(marm.UMREZ), unitDenominator: Number(marm.UMREN) || 1, requestedDate, rejectionReason: item.rejected,
        ...(item.reference ? { reference: { number: item.reference.plan.number!, item: item.reference.item, category: item.reference.plan.category } } : {}),
        priced,
      };
    }),
  };
  const rows = salesDocumentRows(db, draft);
  db.table('VBAK').insert(rows.VBAK);
  db.table('VBKD').insert(rows.VBKD);
  db.table('VBUK').insert(rows.VBUK);
  insertAll(db, 'VBAP', rows.VBAP);
  insertAll(db, 'VBEP', rows.VBEP);
  insertAll(db, 'VBUP', rows.VBUP);
  insertAll(db, 'VBPA', rows.VBPA);
  insertAll(db, 'KONV', rows.KONV);
  insertAll(db, 'VBFA', rows.VBFA);
  return number;
}

/** Applies recomputed statuses of a stored document (after follow-up documents were added). */
export function refreshStatus(db: Database, vbeln: string): void {
  const status = recomputedStatus(db, vbeln);
  if (!status) return;
  db.table('VBUK').update({ VBELN: vbeln }, status.header);
  for (const item of status.items) db.table('VBUP').update({ VBELN: vbeln, POSNR: item.POSNR! }, item);
}

export function seedSalesDocuments(context: SeedContext, customers: SeededCustomer[], materials: SeededMaterial[]): SeededSalesDocuments {
  const { db, today } = context;
  const random = context.random.fork('salesDocuments');
  const activeShare = Math.min(1, ACTIVE_CUSTOMERS / Math.max(1, customers.length));
  const candidatesOf = new Map<string, SeededMaterial[]>();
  for (const material of materials) {
    for (const [org, channel] of material.sellableIn) {
      const key = `${org}/${channel}/${material.line.division}`;
      const list = candidatesOf.get(key) ?? [];
      list.push(material);
      candidatesOf.set(key, list);
    }
  }
  const yearStart = new Date(Date.UTC(today.getUTCFullYear() - 1, 0, 1));
  const oldestAllowed = Math.max(-HISTORY_DAYS, Math.ceil((yearStart.getTime() - today.getTime()) / 86_400_000));

  const plans: Plan[] = [];
  for (const customer of customers) {
    if (!random.chance(activeShare)) continue;
    const master = db.table('KNA1').get({ KUNNR: customer.customerNumber })!;
    if (master.LOEVM === 'X') continue;
    const [org, channel, division] = customer.salesAreas[0]!;
    const candidates = candidatesOf.get(`${org}/${channel}/${division}`) ?? [];
    if (candidates.length === 0) continue;
    const createdDaysAgo = Math.round((Date.UTC(Number(String(master.ERDAT).slice(0, 4)), Number(String(master.ERDAT).slice(4, 6)) - 1, Number(String(master.ERDAT).slice(6, 8))) - today.getTime()) / 86_400_000);
    plans.push(...planCustomer(random, customer, candidates, Math.max(oldestAllowed, createdDaysAgo + 1)));
  }
  // A document follows its reference; on the same day it is created after it.
  for (const plan of plans) if (plan.reference && plan.reference.day === plan.day && plan.time <= plan.reference.time) plan.time = laterTime(plan.reference.time);
  plans.sort((a, b) => a.day - b.day || depth(a) - depth(b) || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const countryOf = new Map(db.table('TVKO').select().map((org) => [String(org.VKORG), String(db.table('T001').get({ BUKRS: String(org.BUKRS) })?.LAND1 ?? '')]));
  for (const plan of plans) plan.number = writeDocument(db, today, plan, countryOf);
  for (const plan of plans) if (plan.category !== 'C') refreshStatus(db, plan.number!);

  const numbersOf = (filter: (plan: Plan) => boolean): string[] => plans.filter(filter).map((plan) => plan.number!);
  return {
    inquiries: numbersOf((p) => p.category === 'A'),
    quotations: {
      open: numbersOf((p) => p.quotationScenario === 'open'),
      expired: numbersOf((p) => p.quotationScenario === 'expired'),
      rejected: numbersOf((p) => p.quotationScenario === 'rejected'),
      referenced: numbersOf((p) => p.quotationScenario === 'referenced'),
      partlyReferenced: numbersOf((p) => p.quotationScenario === 'partlyReferenced'),
    },
    orders: plans
      .filter((p) => p.category === 'C')
      .map((p) => ({
        number: p.number!, category: p.category, customer: p.customer, salesArea: p.salesArea, shipTo: p.shipTo, payer: p.customer.payer, day: p.day,
        items: p.items.map((item, index) => ({ number: posnr((index + 1) * ITEM_NUMBER_STEP), material: item.material, quantity: item.quantity, salesUnit: item.salesUnit, rejected: item.rejected })),
        progress: p.progress, deliveryBlock: p.deliveryBlock, billingBlock: p.billingBlock,
      })),
    ordersFromQuotations: numbersOf((p) => p.category === 'C' && p.reference !== undefined),
  };
}

/** How many documents precede a document in its chain (inquiry → quotation → order). */
const depth = (plan: Plan): number => (plan.reference ? 1 + depth(plan.reference) : 0);

/** A time a few minutes after another (HHMMSS), at most 23:59:59. */
function laterTime(time: string): string {
  const seconds = Math.min(86_399, Number(time.slice(0, 2)) * 3600 + Number(time.slice(2, 4)) * 60 + Number(time.slice(4, 6)) + 300);
  return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((part) => String(part).padStart(2, '0')).join('');
}

