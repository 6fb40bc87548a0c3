/**
 * A customer's sales orders in a sales organisation (BAPI_SALESORDER_GETLIST, transaction group
 * 0; or its quotations or inquiries, transaction groups 2 and 1 [unconfirmed]), one line per item, narrowed by document date range, the customer's PO number (the full
 * 35 characters, PURCHASE_ORDER_NUMBER) and material. SAP returns every match; the list is cut
 * to `maxLines` (newest documents first) and says so. RETURN (BAPIRETURN) with an error throws
 * SapBusinessError.
 */

import { z } from 'zod';
import type { SalesDocumentCategory, SalesDocumentList, SalesDocumentSummary } from '../../model/salesDocument.js';
import { fromDats, parseDecimal, toDats } from '../abapValues.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import { assertNoErrors } from '../bapiReturn.js';
import type { RfcSession, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { orgKey, rowLimit, sapKey, sapText, validInput } from './inputValidation.js';
import { materialIn, materialOut, type SalesDocumentOptions } from './salesDocumentMapping.js';

export interface SalesOrderQuery {
  customerNumber: string;
  salesOrganization: string;
  /** Document dates from and to (ISO), inclusive. */
  from?: string;
  to?: string;
  /** The customer's purchase order number, exactly. */
  customerReference?: string;
  materialNumber?: string;
  /** Which documents: orders (default), quotations or inquiries. */
  category?: SalesDocumentCategory;
  /** At most this many lines (default 200, at most 1000). */
  maxLines?: number;
}

const DEFAULT_LINES = 200;

/** The transaction group (TVAK-TRVOG) of each document category. */
const TRANSACTION_GROUPS: Record<SalesDocumentCategory, string> = { order: '0', inquiry: '1', quotation: '2' };
const MAX_LINES = 1000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

const querySchemaFor = (materialNumberLength: number) =>
  z.object({
    customerNumber: sapKey(10),
    salesOrganization: orgKey(4),
    from: isoDate.optional(),
    to: isoDate.optional(),
    customerReference: sapText(35).optional(),
    materialNumber: sapKey(materialNumberLength).optional(),
    category: z.enum(['order', 'quotation', 'inquiry']).optional(),
    maxLines: rowLimit(MAX_LINES).optional(),
  });
// Built once: the panels list orders on every refresh.
const QUERY_SCHEMAS = { short: querySchemaFor(18), long: querySchemaFor(40) };
const querySchema = (options: SalesDocumentOptions) => (options.longMaterialNumbers ? QUERY_SCHEMAS.long : QUERY_SCHEMAS.short);

const text = (row: RfcStructure, field: string): string => String(row[field] ?? '').trim();

function lineOf(row: RfcStructure, options: SalesDocumentOptions): SalesDocumentSummary {
  return {
    documentNumber: alphaOut(text(row, 'SD_DOC')),
    itemNumber: Number(text(row, 'ITM_NUMBER') || 0),
    documentType: text(row, 'DOC_TYPE'),
    documentDate: fromDats(row.DOC_DATE),
    materialNumber: materialOut(row, options),
    description: text(row, 'SHORT_TEXT'),
    quantity: parseDecimal(row.REQ_QTY),
    unit: text(row, 'SALES_UNIT'),
    requestedDate: fromDats(row.REQ_DATE),
    netPrice: parseDecimal(row.NET_PRICE),
    netPriceUnit: parseDecimal(row.COND_P_UNT) || 1,
    documentNetValue: parseDecimal(row.NET_VAL_HD),
    currency: text(row, 'CURRENCY'),
    customerReference: text(row, 'PURCH_NO_C') || text(row, 'PURCH_NO'),
    salesOrganization: text(row, 'SALES_ORG'),
    distributionChannel: text(row, 'DISTR_CHAN'),
    division: text(row, 'DIVISION'),
    validFrom: fromDats(row.VALID_FROM),
    validTo: fromDats(row.VALID_TO),
    deliveryBlock: text(row, 'DLV_BLOCK'),
    billingBlock: text(row, 'BILL_BLOCK'),
    status: text(row, 'DOC_STATUS'),
  };
}

export async function listSalesOrders(session: RfcSession, input: SalesOrderQuery, options: SalesDocumentOptions = {}): Promise<SalesDocumentList> {
  const query = validInput(querySchema(options), input, 'listSalesOrders');
  const parameters: Record<string, string | RfcStructure[]> = {
    CUSTOMER_NUMBER: customerNumberIn(query.customerNumber),
    SALES_ORGANIZATION: query.salesOrganization,
    TRANSACTION_GROUP: TRANSACTION_GROUPS[query.category ?? 'order'],
    SALES_ORDERS: [],
  };
  if (query.from) parameters.DOCUMENT_DATE = toDats(query.from);
  if (query.to) parameters.DOCUMENT_DATE_TO = toDats(query.to);
  if (query.customerReference) parameters.PURCHASE_ORDER_NUMBER = query.customerReference;
  if (query.materialNumber) {
    const material = materialIn(query.materialNumber, options);
    if (material.MATERIAL_LONG !== undefined) parameters.MATERIAL_LONG = String(material.MATERIAL_LONG);
    else parameters.MATERIAL = String(material.MATERIAL);
  }
  const result = await session.call('BAPI_SALESORDER_GETLIST', parameters);
  assertNoErrors(result, `the order list of customer ${alphaOut(customerNumberIn(query.customerNumber))}`);
  const lines = tableOf(result, 'SALES_ORDERS')
    .map((row) => lineOf(row, options))
    .sort((a, b) => b.documentDate.localeCompare(a.documentDate) || b.documentNumber.localeCompare(a.documentNumber, undefined, { numeric: true }) || a.itemNumber - b.itemNumber);
  const maxLines = query.maxLines ?? DEFAULT_LINES;
  return { lines: lines.slice(0, maxLines), truncated: lines.length > maxLines };
}
