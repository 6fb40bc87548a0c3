/**
 * Sales documents (inquiries, quotations, orders) as the simulated ECC stores them: the rows of
 * VBAK, VBKD, VBAP, VBEP, VBUK, VBUP, VBPA, KONV and VBFA a new document consists of, and the
 * status values (domain STATV: ' ' not relevant, A not yet, B partly, C completely processed)
 * derived from quantities. The seed and the create BAPIs build documents with the same code, so
 * seeded and created documents look alike.
 *
 * Status rules: an order item's delivery status follows the quantity delivered (LIPS); an
 * inquiry or quotation item's reference status follows the quantity taken over into follow-up
 * documents (VBFA); a rejected item (ABGRU) is completely processed and no longer relevant for
 * delivery or reference. Orders are billed from their deliveries, so the order's own billing
 * status fields stay "not relevant", as in SAP; the deliveries carry the billing status.
 */

import type { Database, Row } from './database.js';
import { conditionRows, type PricedLine } from './pricing.js';

export type SalesDocumentCategory = 'A' | 'B' | 'C';

export interface CategoryConfig {
  /** Object name in messages (V1 311 "&1 &2 has been saved"). */
  text: string;
  /** TRVOG: 0 order, 1 inquiry, 2 quotation (BAPI_SALESORDER_GETLIST TRANSACTION_GROUP). */
  transactionGroup: string;
  itemCategory: string;
  scheduleLineCategory: string;
  createTransaction: string;
}

export const SALES_DOCUMENT_CATEGORIES: Record<SalesDocumentCategory, CategoryConfig> = {
  A: { text: 'Inquiry', transactionGroup: '1', itemCategory: 'AFN', scheduleLineCategory: 'AT', createTransaction: 'VA11' },
  B: { text: 'Quotation', transactionGroup: '2', itemCategory: 'AGN', scheduleLineCategory: 'BN', createTransaction: 'VA21' },
  C: { text: 'Standard Order', transactionGroup: '0', itemCategory: 'TAN', scheduleLineCategory: 'CP', createTransaction: 'VA01' },
};

export const isSalesDocumentCategory = (value: string): value is SalesDocumentCategory => value === 'A' || value === 'B' || value === 'C';

export const ITEM_NUMBER_STEP = 10;
export const posnr = (item: number): string => String(item).padStart(6, '0');

export interface DraftItem {
  /** POSNR, NUMC6. */
  number: string;
  material: string;
  description: string;
  materialGroup: string;
  division: string;
  plant: string;
  shippingPoint: string;
  /** In the sales unit. */
  quantity: number;
  confirmedQuantity: number;
  salesUnit: string;
  baseUnit: string;
  /** Base units per sales unit as numerator / denominator (VBAP-UMVKZ / UMVKN). */
  unitNumerator: number;
  unitDenominator: number;
  requestedDate: string;
  rejectionReason: string;
  reference?: { number: string; item: string; category: SalesDocumentCategory };
  priced: PricedLine;
}

export interface SalesDocumentDraft {
  number: string;
  type: string;
  category: SalesDocumentCategory;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  salesOffice: string;
  salesGroup: string;
  soldTo: string;
  shipTo: string;
  billTo: string;
  payer: string;
  /** Contact person number (KNVK-PARNR); empty when none. */
  contact: string;
  createdOn: string;
  createdAt: string;
  createdBy: string;
  documentDate: string;
  requestedDate: string;
  pricingDate: string;
  validFrom: string;
  validTo: string;
  purchaseOrder: string;
  purchaseOrderDate: string;
  currency: string;
  paymentTerms: string;
  incoterms: string;
  incotermsLocation: string;
  customerGroup: string;
  priceGroup: string;
  priceList: string;
  deliveryBlock: string;
  billingBlock: string;
  creditControlArea: string;
  creditAccount: string;
  /** CMGST: ' ' not checked, A passed, B failed (credit block). */
  creditStatus: string;
  /** KNUMV: the document's condition number. */
  conditionNumber: string;
  reference?: { number: string; category: SalesDocumentCategory };
  incomplete: boolean;
  items: DraftItem[];
}

export interface SalesDocumentRows {
  VBAK: Row;
  VBKD: Row;
  VBAP: Row[];
  VBEP: Row[];
  VBUK: Row;
  VBUP: Row[];
  VBPA: Row[];
  KONV: Row[];
  VBFA: Row[];
}

const amount = (value: number): string => value.toFixed(2);
/** DATS as stored: an empty date is the initial value 00000000, which selections compare against. */
export const storedDate = (value: string): string => value || '00000000';
const quantity = (value: number): string => value.toFixed(3);

/** Aggregates item statuses into a header status: blank when none is relevant, A/C when all agree, B otherwise. */
export function aggregateStatus(values: string[]): string {
  const relevant = values.filter((v) => v.trim() !== '');
  if (relevant.length === 0) return '';
  if (relevant.every((v) => v === 'A')) return 'A';
  if (relevant.every((v) => v === 'C')) return 'C';
  return 'B';
}

/** A quantity's processing status against what is due: A nothing, B part, C all of it. */
export const quantityStatus = (done: number, due: number): string => (done <= 1e-9 ? 'A' : done + 1e-9 >= due ? 'C' : 'B');

export interface ItemProgress {
  rejected: boolean;
  quantity: number;
  /** Quantity taken over into follow-up documents (inquiries, quotations). */
  referenced: number;
  /** Quantity delivered (orders). */
  delivered: number;
}

/** VBUP status fields of an item from its progress. */
export function itemStatus(category: SalesDocumentCategory, progress: ItemProgress): Row {
  const blank = { RFSTA: '', RFGSA: '', GBSTA: '', LFSTA: '', LFGSA: '', KOSTA: '', WBSTA: '', FKSTA: '', FKSAA: '' };
  if (progress.rejected) return { ...blank, GBSTA: 'C', ABSTA: 'C' };
  if (category === 'C') {
    const delivery = quantityStatus(progress.delivered, progress.quantity);
    return { ...blank, LFSTA: delivery, LFGSA: delivery, GBSTA: delivery, ABSTA: 'A' };
  }
  const reference = quantityStatus(progress.referenced, progress.quantity);
  return { ...blank, RFSTA: reference, RFGSA: reference, GBSTA: reference, ABSTA: 'A' };
}

/** VBUK status fields from the items' VBUP rows (CMGST and UVALL are kept by the caller). */
export function headerStatus(items: Row[]): Row {
  const of = (field: string): string => aggregateStatus(items.map((row) => String(row[field] ?? '')));
  return {
    RFSTK: of('RFSTA'),
    RFGSK: of('RFGSA'),
    GBSTK: of('GBSTA'),
    LFSTK: of('LFSTA'),
    LFGSK: of('LFGSA'),
    KOSTK: of('KOSTA'),
    WBSTK: of('WBSTA'),
    FKSTK: of('FKSTA'),
    FKSAK: of('FKSAA'),
    ABSTK: of('ABSTA'),
  };
}

/** The rows of a new sales document. */
export function salesDocumentRows(db: Database, draft: SalesDocumentDraft): SalesDocumentRows {
  const config = SALES_DOCUMENT_CATEGORIES[draft.category];
  const created = { ERDAT: draft.createdOn, ERZET: draft.createdAt, ERNAM: draft.createdBy };
  const open = draft.items.filter((item) => !item.rejectionReason);
  const VBAK: Row = {
    VBELN: draft.number, ...created, AUDAT: draft.documentDate, VBTYP: draft.category, AUART: draft.type, AUGRU: '',
    NETWR: amount(open.reduce((sum, item) => sum + item.priced.net, 0)), WAERK: draft.currency,
    VKORG: draft.salesOrganization, VTWEG: draft.distributionChannel, SPART: draft.division, VKBUR: draft.salesOffice, VKGRP: draft.salesGroup,
    ANGDT: storedDate(draft.validFrom), BNDDT: storedDate(draft.validTo), BSTNK: draft.purchaseOrder.slice(0, 20), BSTDK: storedDate(draft.purchaseOrderDate),
    KUNNR: draft.soldTo, VDATU: storedDate(draft.requestedDate), LIFSK: draft.deliveryBlock, FAKSK: draft.billingBlock, KNUMV: draft.conditionNumber,
    VGBEL: draft.reference?.number ?? '', VGTYP: draft.reference?.category ?? '', ZTERM: draft.paymentTerms, INCO1: draft.incoterms,
    INCO2: draft.incotermsLocation, KKBER: draft.creditControlArea, KNKLI: draft.creditAccount, AEDAT: '00000000',
  };
  const VBKD: Row = {
    VBELN: draft.number, POSNR: '000000', KONDA: draft.priceGroup, KDGRP: draft.customerGroup, PLTYP: draft.priceList, PRSDT: draft.pricingDate,
    BSTKD: draft.purchaseOrder, BSTDK: storedDate(draft.purchaseOrderDate), ZTERM: draft.paymentTerms, INCO1: draft.incoterms, INCO2: draft.incotermsLocation,
  };
  const VBAP = draft.items.map((item): Row => ({
    VBELN: draft.number, POSNR: item.number, MATNR: item.material, MATKL: item.materialGroup, ARKTX: item.description, PSTYV: config.itemCategory,
    ABGRU: item.rejectionReason, SPART: item.division, KWMENG: quantity(item.quantity), VRKME: item.salesUnit, MEINS: item.baseUnit,
    UMVKZ: String(item.unitNumerator), UMVKN: String(item.unitDenominator), NETWR: amount(item.priced.net), NETPR: amount(item.priced.netPrice),
    KPEIN: String(item.priced.pricingUnit), KMEIN: item.priced.conditionUnit, WAERK: draft.currency, MWSBP: amount(item.priced.tax),
    KZWI1: amount(item.priced.subtotals[0]!), KZWI2: amount(item.priced.subtotals[1]!), KZWI3: amount(item.priced.subtotals[2]!),
    KZWI4: amount(item.priced.subtotals[3]!), KZWI5: amount(item.priced.subtotals[4]!), KZWI6: amount(item.priced.subtotals[5]!),
    CMPRE: amount(item.priced.creditPrice), WERKS: item.plant, VSTEL: item.shippingPoint,
    VGBEL: item.reference?.number ?? '', VGPOS: item.reference?.item ?? '000000', VGTYP: item.reference?.category ?? '', ...created,
  }));
  const VBEP = draft.items.map((item): Row => ({
    VBELN: draft.number, POSNR: item.number, ETENR: '0001', ETTYP: config.scheduleLineCategory, EDATU: storedDate(item.requestedDate),
    WMENG: quantity(item.quantity), BMENG: quantity(item.confirmedQuantity), VRKME: item.salesUnit, LIFSP: '',
  }));
  const VBUP = draft.items.map((item): Row => ({
    VBELN: draft.number, POSNR: item.number,
    ...itemStatus(draft.category, { rejected: item.rejectionReason !== '', quantity: item.quantity, referenced: 0, delivered: 0 }),
  }));
  const VBUK: Row = {
    VBELN: draft.number, VBTYP: draft.category, ...headerStatus(VBUP), BUCHK: '', CMGST: draft.creditStatus, UVALL: draft.incomplete ? 'A' : 'C',
  };
  const partner = (role: string, customer: string): Row => {
    const master = db.table('KNA1').get({ KUNNR: customer });
    return { VBELN: draft.number, POSNR: '000000', PARVW: role, KUNNR: customer, LIFNR: '', PARNR: '0000000000', ADRNR: String(master?.ADRNR ?? ''), LAND1: String(master?.LAND1 ?? '') };
  };
  const VBPA: Row[] = [partner('AG', draft.soldTo), partner('WE', draft.shipTo), partner('RE', draft.billTo), partner('RG', draft.payer)];
  if (draft.contact) {
    VBPA.push({ VBELN: draft.number, POSNR: '000000', PARVW: 'AP', KUNNR: '', LIFNR: '', PARNR: draft.contact, ADRNR: '', LAND1: VBPA[0]!.LAND1! });
  }
  const KONV = draft.items.flatMap((item) => conditionRows(draft.conditionNumber, item.number, draft.pricingDate, item.priced));
  const VBFA = draft.items.flatMap((item): Row[] =>
    item.reference
      ? [{
          VBELV: item.reference.number, POSNV: item.reference.item, VBELN: draft.number, POSNN: item.number, VBTYP_N: draft.category,
          VBTYP_V: item.reference.category, RFMNG: quantity(item.quantity * (item.unitNumerator / item.unitDenominator)), MEINS: item.baseUnit,
          RFWRT: amount(item.priced.net), WAERS: draft.currency, ERDAT: draft.createdOn, ERZET: draft.createdAt,
        }]
      : [],
  );
  return { VBAK, VBKD, VBAP, VBEP, VBUK, VBUP, VBPA, KONV, VBFA };
}

/** Base units per sales unit of a stored item. */
const itemFactor = (item: Row): number => (Number(item.UMVKZ) || 1) / (Number(item.UMVKN) || 1);

/** Quantity of each item (sales units) taken over into follow-up sales documents, from VBFA. */
export function referencedQuantities(db: Database, vbeln: string): Map<string, number> {
  const items = new Map(db.table('VBAP').select({ VBELN: vbeln }).map((item) => [String(item.POSNR), item]));
  const result = new Map<string, number>();
  for (const flow of db.table('VBFA').select({ VBELV: vbeln })) {
    if (!isSalesDocumentCategory(String(flow.VBTYP_N))) continue;
    const item = items.get(String(flow.POSNV));
    if (!item) continue;
    result.set(String(flow.POSNV), (result.get(String(flow.POSNV)) ?? 0) + Number(flow.RFMNG) / itemFactor(item));
  }
  return result;
}

/** Quantity of each order item (sales units) in deliveries, from LIPS. */
export function deliveredQuantities(db: Database, vbeln: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of db.table('LIPS').select({ VGBEL: vbeln })) {
    result.set(String(line.VGPOS), (result.get(String(line.VGPOS)) ?? 0) + Number(line.LFIMG));
  }
  return result;
}

/**
 * The VBUP and VBUK status fields of a stored sales document recomputed from its flow:
 * referenced quantities for inquiries and quotations, delivered quantities for orders.
 */
export function recomputedStatus(db: Database, vbeln: string): { header: Row; items: Row[] } | undefined {
  const header = db.table('VBAK').get({ VBELN: vbeln });
  if (!header || !isSalesDocumentCategory(String(header.VBTYP))) return undefined;
  const category = String(header.VBTYP) as SalesDocumentCategory;
  const referenced = category === 'C' ? new Map<string, number>() : referencedQuantities(db, vbeln);
  const delivered = category === 'C' ? deliveredQuantities(db, vbeln) : new Map<string, number>();
  const items = db.table('VBAP').select({ VBELN: vbeln }).map((item): Row => ({
    VBELN: vbeln,
    POSNR: String(item.POSNR),
    ...itemStatus(category, {
      rejected: String(item.ABGRU ?? '') !== '',
      quantity: Number(item.KWMENG),
      referenced: referenced.get(String(item.POSNR)) ?? 0,
      delivered: delivered.get(String(item.POSNR)) ?? 0,
    }),
  }));
  return { header: { VBELN: vbeln, ...headerStatus(items) }, items };
}
