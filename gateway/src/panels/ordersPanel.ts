/**
 * The orders panel: a customer's sales orders in the account's sales organisation with lines,
 * quantities, requested dates and overall, delivery and billing status.
 *
 * Two SAP reads: BAPI_SALESORDER_GETLIST (listSalesOrders) is the only standard read that
 * selects orders by customer and date, but it returns no delivery, billing or credit status and
 * no item status or value; BAPISDORDER_GETDETAILEDLIST (getSalesDocuments) has all of them but
 * reads by document number only. A one-read panel from the list alone would have to leave the
 * statuses out or guess them from the overall status text (language-dependent and silent on
 * delivery, billing and credit), so the panel reads both, and readListedDocuments reads the
 * details of the orders listed last time in parallel with the list: the first view of a customer
 * costs two round trips, later refreshes one, and always two calls (three when new orders came).
 * With the ecc365 SAP add-on both reads run inside SAP: one call, one round trip.
 * The document types' names (TVAKT) are customizing, read alongside once per language and kept.
 */

import type { SalesDocument } from '../model/salesDocument.js';
import type { OrdersPanel } from '../model/panelApi.js';
import { alphaOut } from '../sap/alpha.js';
import { readOrdersWithAddOn } from '../sap/operations/addOn/readOrders.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import { listSalesOrders } from '../sap/operations/listSalesOrders.js';
import type { RfcSession } from '../sap/rfc.js';
import { readListedDocuments } from './listedDocuments.js';
import { firstRows, type PanelWindow } from './panelQuery.js';

/** Documents per BAPISDORDER_GETDETAILEDLIST call; the calls for more run in parallel. */
const DETAILS_PER_CALL = 50;
/** Lines of the order list: every line of the newest orders must be in it to tell them apart. */
const LIST_LINES = 1000;

export type OrdersPanelData = Omit<OrdersPanel, 'fromCache' | 'retrievedAt'>;

export interface OrdersRequest {
  customerNumber: string;
  salesOrganization: string;
  window: PanelWindow;
}

async function readOrderDetails(sap: RfcSession, numbers: string[]): Promise<Map<string, SalesDocument>> {
  const chunks: string[][] = [];
  for (let start = 0; start < numbers.length; start += DETAILS_PER_CALL) chunks.push(numbers.slice(start, start + DETAILS_PER_CALL));
  const read = await Promise.all(chunks.map((chunk) => getSalesDocuments(sap, chunk)));
  return new Map(read.flat().map((document) => [document.documentNumber, document]));
}

function orderOf(document: SalesDocument, typeNames: Map<string, string>): OrdersPanel['orders'][number] {
  return {
    documentNumber: document.documentNumber,
    documentType: document.documentType,
    documentTypeName: typeNames.get(document.documentType) ?? '',
    documentDate: document.documentDate,
    customerReference: document.customerReference,
    requestedDeliveryDate: document.requestedDeliveryDate,
    netValue: document.netValue,
    currency: document.currency,
    status: { overall: document.status.overall, delivery: document.status.delivery, billing: document.status.billing, creditBlocked: document.status.creditBlocked },
    deliveryBlock: document.status.deliveryBlock,
    billingBlock: document.status.billingBlock,
    lines: document.items.map((item) => ({
      itemNumber: item.itemNumber,
      materialNumber: item.materialNumber,
      description: item.description,
      quantity: item.quantity,
      unit: item.unit,
      requestedDate: item.requestedDate,
      netValue: item.netValue,
      deliveryStatus: item.deliveryStatus,
      rejected: item.rejectionReason !== '',
    })),
  };
}

/**
 * The panel, and the orders whose details were read (to read them alongside the list next time).
 * `typeNames` gives the document types' names (customizing, read alongside).
 */
export async function readOrdersPanel(
  sap: RfcSession,
  request: OrdersRequest,
  knownOrders: readonly string[],
  typeNames: () => Promise<Map<string, string>>,
): Promise<{ panel: OrdersPanelData; orders: string[] }> {
  const { window } = request;
  let scan = { scanned: 0, truncated: false };
  const list = listSalesOrders(sap, {
    customerNumber: request.customerNumber,
    salesOrganization: request.salesOrganization,
    from: window.from,
    ...(window.to !== undefined ? { to: window.to } : {}),
    maxLines: LIST_LINES,
  }).then(({ lines, truncated }) => {
    // Lines come newest document first; a document cut off by the line limit still gets all its lines from the details.
    const numbers = [...new Set(lines.map((line) => line.documentNumber))].slice(0, window.scan);
    scan = { scanned: numbers.length, truncated };
    return numbers;
  });
  const [{ documents }, names] = await Promise.all([readListedDocuments(list, knownOrders, (numbers) => readOrderDetails(sap, numbers)), typeNames()]);
  return {
    panel: ordersPanelOf(request, documents.map((document) => document.details), scan, names),
    orders: documents.map((document) => document.number),
  };
}

/** The panel in one RFC call with the ecc365 SAP add-on (docs/sap-addon.md). */
export async function readOrdersPanelWithAddOn(sap: RfcSession, request: OrdersRequest, typeNames: () => Promise<Map<string, string>>): Promise<OrdersPanelData> {
  const { window } = request;
  const [{ documents, found }, names] = await Promise.all([
    readOrdersWithAddOn(sap, { customerNumber: request.customerNumber, salesOrganization: request.salesOrganization, from: window.from, to: window.to, maxDocuments: window.scan }),
    typeNames(),
  ]);
  return ordersPanelOf(request, documents, { scanned: documents.length, truncated: found > documents.length }, names);
}

/** The panel from the orders read, newest first. */
function ordersPanelOf(request: OrdersRequest, documents: SalesDocument[], scan: { scanned: number; truncated: boolean }, names: Map<string, string>): OrdersPanelData {
  const { window } = request;
  const matching = documents.filter((document) => window.status === 'all' || document.status.overall !== 'complete');
  const { rows, page } = firstRows(matching, window, scan);
  return { customerNumber: alphaOut(request.customerNumber), orders: rows.map((row) => orderOf(row, names)), page };
}
