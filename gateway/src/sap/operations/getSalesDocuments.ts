/**
 * Sales documents by number (BAPISDORDER_GETDETAILEDLIST) with items, status and document flow.
 * The view asks for header, items, schedule lines, business data, partners, header and item
 * status and flow; numbers are read in chunks so one call stays small. Numbers SAP does not know
 * are left out of the result; the order of the result is the order asked for.
 *
 * Statuses are SAP's (domain STATV): overall GBSTK (PRC_STAT_H), delivery LFGSK (DLV_STAT_H),
 * rejection ABSTK, reference RFGSK, credit CMGST (TOTSTATCCH: B or C is a credit block). Orders
 * are billed from their deliveries, so SAP keeps no billing status on the order; the billing
 * status here is worked out from the document flow: quantity invoiced (VBTYP M) less cancelled
 * (N), in base units (REF_QTY), against the ordered quantity.
 */

import { z } from 'zod';
import type {
  DocumentFlowEntry, ProcessingStatus, SalesDocument, SalesDocumentCategory, SalesDocumentItem, SalesDocumentStatus,
} from '../../model/salesDocument.js';
import { fromDats, parseDecimal, roundAmount } from '../abapValues.js';
import { alphaOut, documentNumberIn } from '../alpha.js';
import type { RfcParameters, RfcSession, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { sapKey, validInput } from './inputValidation.js';
import { processingStatusOf } from './processingStatus.js';
import { categoryOf, flowCategoryOf, materialOut, type SalesDocumentOptions } from './salesDocumentMapping.js';

/** Documents per BAPI call. */
const CHUNK = 50;
/** Documents per request. */
const MAX_DOCUMENTS = 500;

const VIEW = { HEADER: 'X', ITEM: 'X', SDSCHEDULE: 'X', BUSINESS: 'X', PARTNER: 'X', STATUS_H: 'X', STATUS_I: 'X', FLOW: 'X' };

const text = (row: RfcStructure | undefined, field: string): string => String(row?.[field] ?? '').trim();

/** Aggregates item statuses as SAP does for the header: blank if none relevant, A/C when all agree, B otherwise. */
function aggregate(statuses: ProcessingStatus[]): ProcessingStatus {
  const relevant = statuses.filter((s) => s !== 'notRelevant');
  if (relevant.length === 0) return 'notRelevant';
  if (relevant.every((s) => s === 'open')) return 'open';
  if (relevant.every((s) => s === 'complete')) return 'complete';
  return 'partial';
}

/** Quantity invoiced per item (sales units): invoices less cancellations in the flow from the order. */
function billedQuantities(vbeln: string, flows: RfcStructure[], items: RfcStructure[]): Map<string, number> {
  const factor = new Map(items.map((item) => [text(item, 'ITM_NUMBER'), (parseDecimal(item.SALES_QTY1) || 1) / (parseDecimal(item.SALES_QTY2) || 1)]));
  const billed = new Map<string, number>();
  for (const flow of flows) {
    if (text(flow, 'PRECSDDOC') !== vbeln) continue;
    const category = text(flow, 'DOCCATEGOR');
    if (category !== 'M' && category !== 'N') continue;
    const item = text(flow, 'PREDITDOC');
    const quantity = parseDecimal(flow.REF_QTY) / (factor.get(item) ?? 1);
    billed.set(item, (billed.get(item) ?? 0) + (category === 'M' ? quantity : -quantity));
  }
  return billed;
}

function billingStatus(category: SalesDocumentCategory, item: RfcStructure, billed: number): ProcessingStatus {
  if (category !== 'order' || text(item, 'REA_FOR_RE')) return 'notRelevant';
  const quantity = parseDecimal(item.REQ_QTY);
  if (billed <= 1e-9) return 'open';
  return billed + 1e-9 >= quantity ? 'complete' : 'partial';
}

function flowEntry(vbeln: string, row: RfcStructure): DocumentFlowEntry {
  const subsequent = text(row, 'PRECSDDOC') === vbeln;
  return {
    direction: subsequent ? 'subsequent' : 'preceding',
    documentNumber: alphaOut(text(row, subsequent ? 'SUBSSDDOC' : 'PRECSDDOC')),
    itemNumber: Number(text(row, subsequent ? 'SUBSITDOC' : 'PREDITDOC') || 0),
    category: flowCategoryOf(text(row, subsequent ? 'DOCCATEGOR' : 'DOC_CAT_SD')),
    ownItemNumber: Number(text(row, subsequent ? 'PREDITDOC' : 'SUBSITDOC') || 0),
    quantity: parseDecimal(row.REF_QTY),
    value: parseDecimal(row.REFERENVAL),
    currency: text(row, 'STATISCURR'),
    createdOn: fromDats(row.CREAT_DATE),
  };
}

interface Rows {
  items: RfcStructure[];
  schedules: RfcStructure[];
  business: RfcStructure[];
  partners: RfcStructure[];
  statusItems: RfcStructure[];
  flows: RfcStructure[];
}

function documentOf(header: RfcStructure, status: RfcStructure | undefined, rows: Rows, options: SalesDocumentOptions): SalesDocument | undefined {
  const vbeln = text(header, 'DOC_NUMBER');
  const category = categoryOf(text(header, 'SD_DOC_CAT'));
  if (!category) return undefined;
  const billed = billedQuantities(vbeln, rows.flows, rows.items);
  const items = rows.items.map((item): SalesDocumentItem => {
    const itemNumber = text(item, 'ITM_NUMBER');
    const itemStatus = rows.statusItems.find((row) => text(row, 'ITM_NUMBER') === itemNumber);
    const schedule = rows.schedules.find((row) => text(row, 'ITM_NUMBER') === itemNumber);
    return {
      itemNumber: Number(itemNumber),
      materialNumber: materialOut(item, options),
      description: text(item, 'SHORT_TEXT'),
      quantity: parseDecimal(item.REQ_QTY),
      confirmedQuantity: parseDecimal(item.CUM_CF_QTY),
      unit: text(item, 'SALES_UNIT'),
      netValue: parseDecimal(item.NET_VALUE),
      taxAmount: parseDecimal(item.TAX_AMOUNT),
      netPrice: parseDecimal(item.NET_PRICE),
      netPriceUnit: parseDecimal(item.COND_P_UNT) || 1,
      currency: text(item, 'CURRENCY'),
      plant: text(item, 'PLANT'),
      itemCategory: text(item, 'ITEM_CATEG'),
      requestedDate: fromDats(schedule?.REQ_DATE),
      rejectionReason: text(item, 'REA_FOR_RE'),
      deliveryStatus: processingStatusOf(itemStatus?.DLV_STAT_I),
      billingStatus: billingStatus(category, item, billed.get(itemNumber) ?? 0),
      referenceStatus: processingStatusOf(itemStatus?.REFTOTSTAT),
      referenceDocument: alphaOut(text(item, 'REF_DOC')),
      referenceItem: Number(text(item, 'POSNR_VOR') || 0),
    };
  });
  const credit = text(status, 'TOTSTATCCH');
  const documentStatus: SalesDocumentStatus = {
    overall: processingStatusOf(status?.PRC_STAT_H),
    delivery: processingStatusOf(status?.DLV_STAT_H),
    billing: aggregate(items.map((item) => item.billingStatus)),
    rejection: processingStatusOf(status?.OVERALLREJ),
    reference: processingStatusOf(status?.TOTREFSTAT),
    creditBlocked: credit === 'B' || credit === 'C',
    deliveryBlock: text(header, 'DLV_BLOCK'),
    billingBlock: text(header, 'BILL_BLOCK'),
  };
  const partner = (role: string): string => alphaOut(text(rows.partners.find((p) => text(p, 'PARTN_ROLE') === role && /^0*$/.test(text(p, 'ITM_NUMBER'))), 'CUSTOMER'));
  const business = rows.business.find((row) => /^0*$/.test(text(row, 'ITM_NUMBER')));
  return {
    documentNumber: alphaOut(vbeln),
    category,
    documentType: text(header, 'DOC_TYPE'),
    salesOrganization: text(header, 'SALES_ORG'),
    distributionChannel: text(header, 'DISTR_CHAN'),
    division: text(header, 'DIVISION'),
    soldTo: alphaOut(text(header, 'SOLD_TO')),
    shipTo: partner('WE'),
    payer: partner('RG'),
    customerReference: text(business, 'PURCH_NO_C') || text(header, 'PURCH_NO'),
    documentDate: fromDats(header.DOC_DATE),
    requestedDeliveryDate: fromDats(header.REQ_DATE_H),
    validFrom: fromDats(header.QT_VALID_F),
    validTo: fromDats(header.QT_VALID_T),
    netValue: parseDecimal(header.NET_VAL_HD),
    taxAmount: roundAmount(items.filter((item) => !item.rejectionReason).reduce((sum, item) => sum + item.taxAmount, 0)),
    currency: text(header, 'CURRENCY'),
    createdOn: fromDats(header.REC_DATE),
    createdBy: text(header, 'CREATED_BY'),
    referenceDocument: alphaOut(text(header, 'REF_DOC')),
    status: documentStatus,
    items,
    documentFlow: rows.flows.map((row) => flowEntry(vbeln, row)),
  };
}

/** The documents of a BAPISDORDER_GETDETAILEDLIST result (or a result with its tables), in the order of its headers. */
export function salesDocumentsOf(result: RfcParameters, options: SalesDocumentOptions = {}): SalesDocument[] {
  const of = (table: string, field: string, vbeln: string): RfcStructure[] => tableOf(result, table).filter((row) => text(row, field) === vbeln);
  return tableOf(result, 'ORDER_HEADERS_OUT').flatMap((header) => {
    const vbeln = text(header, 'DOC_NUMBER');
    const document = documentOf(header, of('ORDER_STATUSHEADERS_OUT', 'SD_DOC', vbeln)[0], {
      items: of('ORDER_ITEMS_OUT', 'DOC_NUMBER', vbeln),
      schedules: of('ORDER_SCHEDULES_OUT', 'DOC_NUMBER', vbeln),
      business: of('ORDER_BUSINESS_OUT', 'SD_DOC', vbeln),
      partners: of('ORDER_PARTNERS_OUT', 'SD_DOC', vbeln),
      statusItems: of('ORDER_STATUSITEMS_OUT', 'SD_DOC', vbeln),
      flows: of('ORDER_FLOWS_OUT', 'SD_DOC', vbeln),
    }, options);
    return document ? [document] : [];
  });
}

const requestSchema = z.array(sapKey(10)).max(MAX_DOCUMENTS, `must list at most ${MAX_DOCUMENTS} documents`);

export async function getSalesDocuments(session: RfcSession, documentNumbers: string[], options: SalesDocumentOptions = {}): Promise<SalesDocument[]> {
  const numbers = [...new Set(validInput(requestSchema, documentNumbers, 'getSalesDocuments').map(documentNumberIn))];
  const found = new Map<string, SalesDocument>();
  for (let start = 0; start < numbers.length; start += CHUNK) {
    const chunk = numbers.slice(start, start + CHUNK);
    const result = await session.call('BAPISDORDER_GETDETAILEDLIST', {
      I_BAPI_VIEW: VIEW,
      SALES_DOCUMENTS: chunk.map((VBELN) => ({ VBELN })),
      ORDER_HEADERS_OUT: [],
      ORDER_ITEMS_OUT: [],
      ORDER_SCHEDULES_OUT: [],
      ORDER_BUSINESS_OUT: [],
      ORDER_PARTNERS_OUT: [],
      ORDER_STATUSHEADERS_OUT: [],
      ORDER_STATUSITEMS_OUT: [],
      ORDER_FLOWS_OUT: [],
    });
    for (const document of salesDocumentsOf(result, options)) found.set(documentNumberIn(document.documentNumber), document);
  }
  return numbers.flatMap((vbeln) => found.get(vbeln) ?? []);
}
