/**
 * What BAPI_SALESORDER_SIMULATE and the create BAPIs have in common: the checks SAP runs on a
 * new sales document (document type, sales area, sold-to party and its blocks, partners,
 * materials in the sales organisation, a reference quotation), partner determination from the
 * customer master (KNVP), and price determination. The BAPIs translate their own parameter
 * structures into a SalesRequest and report the findings in their own RETURN format.
 */

import type { Database, Row } from './database.js';
import { message, type Message } from './messages.js';
import { baseUnitsPer, PricingError, priceItem, storedConditions, type GivenCondition, type PricedLine, type PricingHeader } from './pricing.js';
import { isSalesDocumentCategory, ITEM_NUMBER_STEP, posnr, referencedQuantities, type DraftItem, type SalesDocumentCategory } from './salesDocuments.js';

export interface RequestPartner {
  role: string;
  number: string;
}

export interface RequestItem {
  /** POSNR as given; empty for numbering by SAP. */
  number: string;
  material: string;
  /** In the sales unit; 0 when not given. */
  quantity: number;
  salesUnit: string;
  plant: string;
  description: string;
  requestedDate: string;
  rejectionReason: string;
  manual: GivenCondition[];
  reference?: { number: string; item: string };
}

export interface SalesRequest {
  docType: string;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  salesOffice: string;
  salesGroup: string;
  purchaseOrder: string;
  purchaseOrderDate: string;
  requestedDate: string;
  pricingDate: string;
  currency: string;
  validFrom: string;
  validTo: string;
  deliveryBlock: string;
  billingBlock: string;
  reference?: { number: string; category: string };
  partners: RequestPartner[];
  items: RequestItem[];
}

/** A message and the input it is about (BAPIRET2 PARAMETER, ROW, FIELD). */
export interface Finding {
  message: Message;
  parameter?: string;
  row?: number;
  field?: string;
}

/** An item as checked and priced, before saving decides its shipping point and confirmed quantity. */
export interface PreparedItem extends Omit<DraftItem, 'shippingPoint' | 'confirmedQuantity'> {
  /** The item's row in the request (BAPIRET2 ROW). */
  row: number;
}

export interface PreparedDocument {
  docType: string;
  category: SalesDocumentCategory;
  numberRange: string;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  salesOffice: string;
  salesGroup: string;
  companyCode: string;
  soldTo: Row;
  salesArea: Row;
  shipTo: Row;
  billTo: string;
  payer: string;
  contact: string;
  currency: string;
  pricingDate: string;
  requestedDate: string;
  creditControlArea: string;
  customerTaxClass: string;
  reference?: { number: string; category: SalesDocumentCategory };
  items: PreparedItem[];
  /** Incompletion log entries: table, field, text, item (000000 for the header). */
  incompletion: { table: string; field: string; text: string; item: string }[];
}

export interface RequestContext {
  db: Database;
  /** Today, DATS. */
  today: string;
  /** Parameter names the findings refer to. */
  headerParameter: string;
  itemParameter: string;
}

/** Partner functions and document types in their external (English) form, as CONVERT = 'X' expects them [unconfirmed]. */
export const EXTERNAL_PARTNER_FUNCTIONS: Record<string, string> = { SP: 'AG', SH: 'WE', BP: 'RE', PY: 'RG', CP: 'AP' };
export const EXTERNAL_DOCUMENT_TYPES: Record<string, string> = { OR: 'TA', QT: 'AG', IN: 'AF' };

/** A DATS field's value, or "" when initial. */
export const dateOf = (value: string | number | undefined): string => {
  const text = String(value ?? '').trim();
  return text === '' || /^0+$/.test(text) ? '' : text;
};

/** A number as SAP's conversion exit shows it in message texts: numeric values without leading zeros. */
export const externalNumber = (value: string): string => (/^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, '') : value);

/** Customer master texts are in the customer's language; E when the language has none. */
function materialText(db: Database, material: string, language: string): string {
  return String(db.table('MAKT').get({ MATNR: material, SPRAS: language })?.MAKTX ?? db.table('MAKT').get({ MATNR: material, SPRAS: 'E' })?.MAKTX ?? '');
}

/** The partner of a function: as given, else the customer master's default (KNVP DEFPA), else the sold-to party. */
function partnerFunction(db: Database, given: RequestPartner[], role: string, soldTo: string, area: Row): string {
  const explicit = given.find((p) => p.role === role);
  if (explicit) return explicit.number;
  const defaults = db.table('KNVP').select({ KUNNR: soldTo }, (row) => row.PARVW === role && row.VKORG === area.VKORG && row.VTWEG === area.VTWEG && row.SPART === area.SPART);
  const partner = defaults.find((row) => row.DEFPA === 'X') ?? defaults[0];
  return partner ? String(partner.KUNN2) : soldTo;
}

type Prepared = { document?: PreparedDocument; findings: Finding[] };

/** Checks and prices a new sales document. Findings of type E mean SAP would not accept it. */
export function prepareSalesDocument(context: RequestContext, request: SalesRequest): Prepared {
  const { db } = context;
  const findings: Finding[] = [];
  const headerError = (m: Message, field?: string): Prepared => ({ findings: [...findings, { message: m, parameter: context.headerParameter, ...(field ? { field } : {}) }] });

  const required: [string, string, string][] = [
    [request.docType, 'sales document type', 'DOC_TYPE'],
    [request.salesOrganization, 'sales organization', 'SALES_ORG'],
    [request.distributionChannel, 'distribution channel', 'DISTR_CHAN'],
    [request.division, 'division', 'DIVISION'],
  ];
  for (const [value, text, field] of required) {
    if (value.trim() === '') return headerError(message('E', 'V1', '045', text), field);
  }
  const documentType = db.table('TVAK').get({ AUART: request.docType });
  if (!documentType || !isSalesDocumentCategory(String(documentType.VBTYP))) return headerError(message('E', 'V1', '751', request.docType), 'DOC_TYPE');
  const category = String(documentType.VBTYP) as SalesDocumentCategory;
  const salesAreaDef = db.table('TVTA').get({ VKORG: request.salesOrganization, VTWEG: request.distributionChannel, SPART: request.division });
  if (!salesAreaDef) return headerError(message('E', 'V1', '212', request.salesOrganization, request.distributionChannel, request.division));

  const soldToNumber = request.partners.find((p) => p.role === 'AG')?.number ?? '';
  if (!soldToNumber) return { findings: [...findings, { message: message('E', 'VP', '112'), parameter: 'PARTNERS' }] };
  const soldTo = db.table('KNA1').get({ KUNNR: soldToNumber });
  const salesArea = db.table('KNVV').get({ KUNNR: soldToNumber, VKORG: request.salesOrganization, VTWEG: request.distributionChannel, SPART: request.division });
  if (!soldTo || !salesArea || soldTo.LOEVM === 'X' || salesArea.LOEVM === 'X') {
    return { findings: [...findings, { message: message('E', 'V1', '384', externalNumber(soldToNumber), request.salesOrganization, request.distributionChannel, request.division), parameter: 'PARTNERS' }] };
  }
  const orderBlock = String(soldTo.AUFSD || salesArea.AUFSD || '');
  if (orderBlock) return { findings: [...findings, { message: message('E', 'VP', '200', externalNumber(soldToNumber), orderBlock), parameter: 'PARTNERS' }] };

  const shipToNumber = partnerFunction(db, request.partners, 'WE', soldToNumber, salesArea);
  const shipTo = db.table('KNA1').get({ KUNNR: shipToNumber });
  if (!shipTo) {
    return { findings: [...findings, { message: message('E', 'V1', '384', externalNumber(shipToNumber), request.salesOrganization, request.distributionChannel, request.division), parameter: 'PARTNERS' }] };
  }
  const salesOrg = db.table('TVKO').get({ VKORG: request.salesOrganization })!;
  const companyCode = String(salesOrg.BUKRS);
  const country = String(db.table('T001').get({ BUKRS: companyCode })?.LAND1 ?? '');
  const currency = request.currency || String(salesArea.WAERS || salesOrg.WAERS);
  const pricingDate = request.pricingDate || context.today;
  const customerTaxClass = String(db.table('KNVI').get({ KUNNR: soldToNumber, ALAND: country, TATYP: 'MWST' })?.TAXKD ?? '');
  const language = String(soldTo.SPRAS || 'E');

  /** Why a document cannot be referenced today: it does not exist, or its validity period excludes today. */
  const referenceProblem = (number: string, expectedCategory = ''): Message | undefined => {
    const referenced = db.table('VBAK').get({ VBELN: number });
    if (!referenced || (expectedCategory && expectedCategory !== referenced.VBTYP)) return message('E', 'V1', '302', externalNumber(number));
    const validTo = String(referenced.BNDDT ?? '');
    const validFrom = String(referenced.ANGDT ?? '');
    const isSet = (date: string): boolean => date !== '' && !/^0+$/.test(date);
    if ((isSet(validTo) && validTo < context.today) || (isSet(validFrom) && validFrom > context.today)) {
      return message('E', 'V1', '421', externalNumber(number), formatDate(context.today));
    }
    return undefined;
  };
  let reference: PreparedDocument['reference'];
  if (request.reference) {
    const problem = referenceProblem(request.reference.number, request.reference.category);
    if (problem) return headerError(problem, 'REF_DOC');
    reference = { number: request.reference.number, category: String(db.table('VBAK').get({ VBELN: request.reference.number })!.VBTYP) as SalesDocumentCategory };
  }

  const pricingHeader: PricingHeader = {
    salesOrganization: request.salesOrganization,
    distributionChannel: request.distributionChannel,
    division: request.division,
    soldTo: soldToNumber,
    departureCountry: country,
    customerTaxClass,
    currency,
    pricingDate,
  };
  const items: PreparedItem[] = [];
  const openReferenceQuantity = new Map<string, Map<string, number>>();
  let nextNumber = ITEM_NUMBER_STEP;
  request.items.forEach((input, index) => {
    const row = index + 1;
    const itemNumber = input.number && Number(input.number) > 0 ? input.number.padStart(6, '0') : posnr(nextNumber);
    nextNumber = Math.max(nextNumber, Number(itemNumber)) + ITEM_NUMBER_STEP;
    const itemError = (m: Message | undefined, field?: string): void => {
      if (m) findings.push({ message: m, parameter: context.itemParameter, row, ...(field ? { field } : {}) });
      findings.push({ message: message('E', 'V4', '248', itemNumber), parameter: context.itemParameter, row, ...(field ? { field } : {}) });
    };

    let material = input.material;
    let quantity = input.quantity;
    let salesUnit = input.salesUnit;
    let copied: GivenCondition[] | undefined;
    let itemReference: PreparedItem['reference'];
    const referenceNumber = input.reference?.number || (input.reference ? reference?.number ?? '' : '');
    if (input.reference && referenceNumber) {
      const problem = referenceNumber === reference?.number ? undefined : referenceProblem(referenceNumber);
      if (problem) return itemError(problem, 'REF_DOC');
      const source = db.table('VBAP').get({ VBELN: referenceNumber, POSNR: input.reference.item });
      const sourceHeader = db.table('VBAK').get({ VBELN: referenceNumber })!;
      // A rejected or completely referenced item is not copied (copy control); SAP names only the item.
      if (!source || source.ABGRU) return itemError(undefined, 'REF_DOC_IT');
      let open = openReferenceQuantity.get(referenceNumber);
      if (!open) {
        const done = referencedQuantities(db, referenceNumber);
        open = new Map(db.table('VBAP').select({ VBELN: referenceNumber }).map((item) => [String(item.POSNR), Number(item.KWMENG) - (done.get(String(item.POSNR)) ?? 0)]));
        openReferenceQuantity.set(referenceNumber, open);
      }
      material ||= String(source.MATNR);
      salesUnit ||= String(source.VRKME);
      if (quantity <= 0) quantity = Math.max(0, open.get(input.reference.item) ?? 0);
      if (quantity <= 0) return itemError(undefined, 'REF_DOC_IT');
      open.set(input.reference.item, (open.get(input.reference.item) ?? 0) - quantity);
      copied = storedConditions(db, String(sourceHeader.KNUMV), input.reference.item);
      itemReference = { number: referenceNumber, item: input.reference.item, category: String(sourceHeader.VBTYP) as SalesDocumentCategory };
    }

    if (!material) return itemError(message('E', 'V1', '045', 'material'), 'MATERIAL');
    const master = db.table('MARA').get({ MATNR: material });
    if (!master) return itemError(message('E', 'M3', '305', externalNumber(material)), 'MATERIAL');
    const sales = db.table('MVKE').get({ MATNR: material, VKORG: request.salesOrganization, VTWEG: request.distributionChannel });
    if (!sales) return itemError(message('E', 'V1', '382', externalNumber(material), request.salesOrganization, request.distributionChannel, language === 'D' ? 'DE' : 'EN'), 'MATERIAL');
    if (master.LVORM === 'X' || sales.LVORM === 'X') return itemError(message('E', 'M3', '306', externalNumber(material)), 'MATERIAL');
    if (sales.VMSTA) return itemError(message('E', 'V1', '403', externalNumber(material), String(sales.VMSTA)), 'MATERIAL');
    const baseUnit = String(master.MEINS);
    salesUnit ||= String(sales.VRKME || baseUnit);
    const perSalesUnit = baseUnitsPer(db, material, salesUnit);
    if (perSalesUnit === undefined) return itemError(message('E', 'V1', '045', 'sales unit'), 'SALES_UNIT');
    const marm = db.table('MARM').get({ MATNR: material, MEINH: salesUnit })!;

    let priced: PricedLine;
    try {
      priced = priceItem(db, pricingHeader, { material, quantity, salesUnit, manual: input.manual, ...(copied ? { copied } : {}) });
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      const failure = error.failure;
      return failure.kind === 'unit'
        ? itemError(message('E', 'V1', '045', 'sales unit'), 'SALES_UNIT')
        : itemError(message('E', 'SG', '105', failure.from, failure.to, 'M', formatDate(failure.date)));
    }
    for (const type of priced.missing) {
      findings.push({ message: message('W', 'V1', '801', type), parameter: context.itemParameter, row });
    }
    items.push({
      number: itemNumber,
      row,
      material,
      description: input.description || materialText(db, material, language),
      materialGroup: String(master.MATKL),
      division: String(master.SPART),
      plant: input.plant || String(sales.DWERK),
      quantity,
      salesUnit,
      baseUnit,
      unitNumerator: Number(marm.UMREZ),
      unitDenominator: Number(marm.UMREN) || 1,
      requestedDate: input.requestedDate || request.requestedDate || context.today,
      rejectionReason: input.rejectionReason,
      ...(itemReference ? { reference: itemReference } : {}),
      priced,
    });
  });
  if (findings.some((f) => f.message.type === 'E')) return { findings };

  const incompletion: PreparedDocument['incompletion'] = [];
  if (category === 'C' && !request.purchaseOrder) incompletion.push({ table: 'VBKD', field: 'BSTKD', text: 'Purchase order no.', item: '000000' });
  for (const item of items) {
    if (item.quantity <= 0) incompletion.push({ table: 'VBAP', field: 'KWMENG', text: 'Order quantity', item: item.number });
    if (item.priced.missing.length > 0) incompletion.push({ table: 'VBAP', field: 'PRSOK', text: 'Pricing', item: item.number });
  }
  return {
    findings,
    document: {
      docType: request.docType,
      category,
      numberRange: String(documentType.NUMKI),
      salesOrganization: request.salesOrganization,
      distributionChannel: request.distributionChannel,
      division: request.division,
      salesOffice: request.salesOffice || String(salesArea.VKBUR ?? ''),
      salesGroup: request.salesGroup || String(salesArea.VKGRP ?? ''),
      companyCode,
      soldTo,
      salesArea,
      shipTo,
      billTo: partnerFunction(db, request.partners, 'RE', soldToNumber, salesArea),
      payer: partnerFunction(db, request.partners, 'RG', soldToNumber, salesArea),
      contact: request.partners.find((p) => p.role === 'AP')?.number ?? '',
      currency,
      pricingDate,
      requestedDate: request.requestedDate || context.today,
      creditControlArea: String(salesAreaDef.KKBER ?? ''),
      customerTaxClass,
      ...(reference ? { reference } : {}),
      items,
      incompletion,
    },
  };
}

/** DATS as SAP's message texts show a date (DD.MM.YYYY). */
export const formatDate = (dats: string): string => `${dats.slice(6, 8)}.${dats.slice(4, 6)}.${dats.slice(0, 4)}`;
