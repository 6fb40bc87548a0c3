/**
 * A customer's outbound deliveries with items, status, carrier and tracking reference. ECC has no
 * released BAPI certain to read deliveries (sap-facts 1.13), so this reads the tables with
 * RFC_READ_TABLE: LIKP (headers of the sold-to party in the window, by delivery date), LIPS
 * (items), VBUK (picking, goods movement, billing and overall status), VBPA (the forwarding
 * agent, partner function SP internally) and LFA1 (the carrier's name). The tracking reference is
 * the bill of lading (LIKP-BOLNR). A customer without deliveries in the window gets an empty
 * list, an unknown customer SapNotFoundError.
 *
 * The reads are exported one by one for callers that need fewer of them or run them in
 * parallel, each on a connection of its own (the account panel: panels/deliveriesPanel.ts);
 * listDeliveries runs them one after another on one session.
 */

import { deliveryProgress, type Delivery, type DeliveryItem, type DeliveryStatus } from '../../model/delivery.js';
import { addDays } from '../../model/invoice.js';
import { fromDats, parseDecimal } from '../abapValues.js';
import { alphaIn, alphaOut, customerNumberIn, documentNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { assertCustomerExists } from './assertCustomerExists.js';
import { documentListWindow, todayIso, type CustomerDocumentListOptions, type DocumentListOptions } from './documentListQuery.js';
import { readNewestDocuments } from './newestDocuments.js';
import { processingStatusOf } from './processingStatus.js';
import { sqlLiteral, type TableRow } from './readTable.js';
import { readTableByKeys } from './readTableByKeys.js';

/** Forwarding agent (Spediteur), SAP's internal partner function code; shown as CR in English logons. */
const CARRIER_PARTNER_FUNCTION = 'SP';

const HEADER_FIELDS = ['VBELN', 'LFART', 'VKORG', 'VSTEL', 'KUNNR', 'KUNAG', 'LFDAT', 'WADAT', 'WADAT_IST', 'BTGEW', 'GEWEI', 'BOLNR'];
const ITEM_FIELDS = ['VBELN', 'POSNR', 'MATNR', 'ARKTX', 'LFIMG', 'VRKME', 'VGBEL', 'VGPOS', 'CHARG'];

export type DeliveryHeader = Omit<Delivery, 'carrierNumber' | 'carrier' | 'status' | 'progress' | 'items'>;

/** The carrier booked for a delivery: its vendor number, and its name once read. */
export interface DeliveryCarrier {
  number: string;
  name: string;
}

function itemOf(row: TableRow): DeliveryItem {
  return {
    itemNumber: Number(row.POSNR),
    materialNumber: alphaOut(row.MATNR ?? ''),
    description: row.ARKTX ?? '',
    quantity: parseDecimal(row.LFIMG),
    unit: row.VRKME ?? '',
    salesDocument: alphaOut(row.VGBEL ?? ''),
    salesDocumentItem: Number(row.VGPOS || 0),
    batch: row.CHARG ?? '',
  };
}

export function deliveryHeaderOf(header: TableRow): DeliveryHeader {
  return {
    deliveryNumber: alphaOut(header.VBELN ?? ''),
    deliveryType: header.LFART ?? '',
    salesOrganization: header.VKORG ?? '',
    shipTo: alphaOut(header.KUNNR ?? ''),
    soldTo: alphaOut(header.KUNAG ?? ''),
    shippingPoint: header.VSTEL ?? '',
    deliveryDate: fromDats(header.LFDAT),
    plannedGoodsIssueDate: fromDats(header.WADAT),
    actualGoodsIssueDate: fromDats(header.WADAT_IST),
    trackingReference: header.BOLNR ?? '',
    grossWeight: parseDecimal(header.BTGEW),
    weightUnit: header.GEWEI ?? '',
  };
}

const NOT_RELEVANT: DeliveryStatus = { picking: 'notRelevant', goodsMovement: 'notRelevant', billing: 'notRelevant', overall: 'notRelevant' };

/** A delivery from its header and what was read beside it; a missing status reads as not relevant. */
export function deliveryOf(header: DeliveryHeader, status: DeliveryStatus | undefined, items: DeliveryItem[], carrier: DeliveryCarrier | undefined): Delivery {
  const deliveryStatus = status ?? NOT_RELEVANT;
  return {
    ...header,
    carrierNumber: carrier ? alphaOut(carrier.number) : '',
    carrier: carrier?.name ?? '',
    status: deliveryStatus,
    progress: deliveryProgress(deliveryStatus),
    items: [...items].sort((a, b) => a.itemNumber - b.itemNumber),
  };
}

/** The sold-to party's delivery headers (LIKP) with a delivery date in the window, newest first, at most `maxRows`. */
export async function listDeliveryHeaders(session: RfcSession, customerNumber: string, options: CustomerDocumentListOptions = {}, today = todayIso()): Promise<DeliveryHeader[]> {
  const { customerKnown, ...listOptions } = options;
  const window = documentListWindow('listDeliveries', customerNumber, listOptions, today);
  const headers = await readNewestDocuments(session, {
    table: 'LIKP',
    fields: HEADER_FIELDS,
    where: [`KUNAG = ${sqlLiteral(customerNumberIn(window.customerNumber))}`],
    dateField: 'LFDAT',
    from: window.from,
    to: window.to,
    // Deliveries are planned ahead; an open-ended window reaches a year into the future.
    horizon: addDays(today, 365),
    maxRows: window.maxRows,
  });
  if (headers.length === 0 && !customerKnown) await assertCustomerExists(session, window.customerNumber);
  return headers.map(deliveryHeaderOf);
}

const keysOf = (deliveryNumbers: string[]): string[] => deliveryNumbers.map(documentNumberIn);
const byDelivery = <T>(rows: TableRow[], value: (row: TableRow) => T): Map<string, T> => new Map(rows.map((row) => [alphaOut(row.VBELN ?? ''), value(row)]));

/** Picking, goods movement, billing and overall status of deliveries (VBUK), by delivery number. */
export async function readDeliveryStatuses(session: RfcSession, deliveryNumbers: string[]): Promise<Map<string, DeliveryStatus>> {
  const rows = await readTableByKeys(session, { table: 'VBUK', fields: ['VBELN', 'KOSTK', 'WBSTK', 'FKSTK', 'GBSTK'], keyField: 'VBELN', keys: keysOf(deliveryNumbers) });
  return byDelivery(rows, deliveryStatusOf);
}

/** A delivery's status from its VBUK fields. */
export function deliveryStatusOf(row: TableRow): DeliveryStatus {
  return { picking: processingStatusOf(row.KOSTK), goodsMovement: processingStatusOf(row.WBSTK), billing: processingStatusOf(row.FKSTK), overall: processingStatusOf(row.GBSTK) };
}

/** The items of deliveries (LIPS), by delivery number. */
export async function readDeliveryItems(session: RfcSession, deliveryNumbers: string[]): Promise<Map<string, DeliveryItem[]>> {
  const rows = await readTableByKeys(session, { table: 'LIPS', fields: ITEM_FIELDS, keyField: 'VBELN', keys: keysOf(deliveryNumbers) });
  const items = new Map<string, DeliveryItem[]>();
  for (const row of rows) {
    const delivery = alphaOut(row.VBELN ?? '');
    items.set(delivery, [...(items.get(delivery) ?? []), itemOf(row)]);
  }
  return items;
}

/** The sales documents each delivery ships (LIPS-VGBEL), by delivery number, without the rest of the items. */
export async function readDeliveredSalesDocuments(session: RfcSession, deliveryNumbers: string[]): Promise<Map<string, string[]>> {
  const rows = await readTableByKeys(session, { table: 'LIPS', fields: ['VBELN', 'VGBEL'], keyField: 'VBELN', keys: keysOf(deliveryNumbers) });
  return salesDocumentsByDelivery(rows);
}

/** The sales documents (VGBEL) of delivery item rows, each once in item order, by delivery number (VBELN). */
export function salesDocumentsByDelivery(rows: TableRow[]): Map<string, string[]> {
  const documents = new Map<string, string[]>();
  for (const row of rows) {
    const delivery = alphaOut(row.VBELN ?? '');
    const document = alphaOut(row.VGBEL ?? '');
    const known = documents.get(delivery) ?? [];
    if (document !== '' && !known.includes(document)) documents.set(delivery, [...known, document]);
    else documents.set(delivery, known);
  }
  return documents;
}

/** The forwarding agent of deliveries (VBPA header partner), by delivery number: the vendor number, without its name. */
export async function readDeliveryCarriers(session: RfcSession, deliveryNumbers: string[]): Promise<Map<string, string>> {
  const rows = await readTableByKeys(session, {
    table: 'VBPA',
    fields: ['VBELN', 'LIFNR'],
    keyField: 'VBELN',
    keys: keysOf(deliveryNumbers),
    where: [`POSNR = '000000'`, `PARVW = ${sqlLiteral(CARRIER_PARTNER_FUNCTION)}`],
  });
  return byDelivery(
    rows.filter((row) => (row.LIFNR ?? '') !== ''),
    (row) => alphaOut(row.LIFNR ?? ''),
  );
}

/** Names of vendors (LFA1), by vendor number: carriers change rarely, so callers may keep them. */
export async function readVendorNames(session: RfcSession, vendorNumbers: string[]): Promise<Map<string, string>> {
  const rows = await readTableByKeys(session, { table: 'LFA1', fields: ['LIFNR', 'NAME1'], keyField: 'LIFNR', keys: vendorNumbers.map((vendor) => alphaIn(vendor, 10)) });
  return new Map(rows.map((row) => [alphaOut(row.LIFNR ?? ''), row.NAME1 ?? '']));
}

/** The sold-to party's deliveries with a delivery date in the window, newest first, at most `maxRows`. */
export async function listDeliveries(session: RfcSession, customerNumber: string, options: DocumentListOptions = {}): Promise<Delivery[]> {
  const headers = await listDeliveryHeaders(session, customerNumber, options);
  if (headers.length === 0) return [];
  const numbers = headers.map((header) => header.deliveryNumber);
  const items = await readDeliveryItems(session, numbers);
  const statuses = await readDeliveryStatuses(session, numbers);
  const carriers = await readDeliveryCarriers(session, numbers);
  const names = await readVendorNames(session, [...new Set(carriers.values())]);
  return headers.map((header) => {
    const carrier = carriers.get(header.deliveryNumber);
    return deliveryOf(header, statuses.get(header.deliveryNumber), items.get(header.deliveryNumber) ?? [], carrier ? { number: carrier, name: names.get(carrier) ?? '' } : undefined);
  });
}
