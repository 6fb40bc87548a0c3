/**
 * A customer's outbound deliveries with items, status, carrier and tracking reference. ECC has no
 * released BAPI certain to read deliveries (sap-facts 1.13), so this reads the tables with
 * RFC_READ_TABLE: LIKP (headers of the sold-to party in the window, by delivery date), LIPS
 * (items), VBUK (picking, goods movement, billing and overall status), VBPA (the forwarding
 * agent, partner function SP internally) and LFA1 (the carrier's name). The tracking reference is
 * the bill of lading (LIKP-BOLNR). A customer without deliveries in the window gets an empty
 * list, an unknown customer SapNotFoundError.
 */

import { deliveryProgress, type Delivery, type DeliveryItem } from '../../model/delivery.js';
import { addDays } from '../../model/invoice.js';
import { fromDats, parseDecimal } from '../abapValues.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { assertCustomerExists } from './assertCustomerExists.js';
import { documentListWindow, todayIso, type DocumentListOptions } from './documentListQuery.js';
import { readNewestDocuments } from './newestDocuments.js';
import { processingStatusOf } from './processingStatus.js';
import { sqlLiteral, type TableRow } from './readTable.js';
import { readTableByKeys } from './readTableByKeys.js';

/** Forwarding agent (Spediteur), SAP's internal partner function code; shown as CR in English logons. */
const CARRIER_PARTNER_FUNCTION = 'SP';

const HEADER_FIELDS = ['VBELN', 'LFART', 'VKORG', 'VSTEL', 'KUNNR', 'KUNAG', 'LFDAT', 'WADAT', 'WADAT_IST', 'BTGEW', 'GEWEI', 'BOLNR'];
const ITEM_FIELDS = ['VBELN', 'POSNR', 'MATNR', 'ARKTX', 'LFIMG', 'VRKME', 'VGBEL', 'VGPOS', 'CHARG'];

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

function deliveryOf(header: TableRow, items: DeliveryItem[], status: TableRow | undefined, carrier: { number: string; name: string } | undefined): Delivery {
  const deliveryStatus = {
    picking: processingStatusOf(status?.KOSTK),
    goodsMovement: processingStatusOf(status?.WBSTK),
    billing: processingStatusOf(status?.FKSTK),
    overall: processingStatusOf(status?.GBSTK),
  };
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
    carrierNumber: carrier ? alphaOut(carrier.number) : '',
    carrier: carrier?.name ?? '',
    grossWeight: parseDecimal(header.BTGEW),
    weightUnit: header.GEWEI ?? '',
    status: deliveryStatus,
    progress: deliveryProgress(deliveryStatus),
    items: items.sort((a, b) => a.itemNumber - b.itemNumber),
  };
}

/** The sold-to party's deliveries with a delivery date in the window, newest first, at most `maxRows`. */
export async function listDeliveries(session: RfcSession, customerNumber: string, options: DocumentListOptions = {}): Promise<Delivery[]> {
  const today = todayIso();
  const window = documentListWindow('listDeliveries', customerNumber, options, today);
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
  if (headers.length === 0) {
    await assertCustomerExists(session, window.customerNumber);
    return [];
  }

  const numbers = headers.map((header) => header.VBELN ?? '');
  const items = await readTableByKeys(session, { table: 'LIPS', fields: ITEM_FIELDS, keyField: 'VBELN', keys: numbers });
  const statuses = await readTableByKeys(session, { table: 'VBUK', fields: ['VBELN', 'KOSTK', 'WBSTK', 'FKSTK', 'GBSTK'], keyField: 'VBELN', keys: numbers });
  const carriers = await readTableByKeys(session, {
    table: 'VBPA',
    fields: ['VBELN', 'LIFNR'],
    keyField: 'VBELN',
    keys: numbers,
    where: [`POSNR = '000000'`, `PARVW = ${sqlLiteral(CARRIER_PARTNER_FUNCTION)}`],
  });
  const vendors = carriers.map((row) => row.LIFNR ?? '').filter((vendor) => vendor !== '');
  const names = await readTableByKeys(session, { table: 'LFA1', fields: ['LIFNR', 'NAME1'], keyField: 'LIFNR', keys: vendors });
  const nameOf = new Map(names.map((row) => [row.LIFNR, row.NAME1 ?? '']));

  return headers.map((header) => {
    const carrier = carriers.find((row) => row.VBELN === header.VBELN);
    return deliveryOf(
      header,
      items.filter((row) => row.VBELN === header.VBELN).map(itemOf),
      statuses.find((row) => row.VBELN === header.VBELN),
      carrier ? { number: carrier.LIFNR ?? '', name: nameOf.get(carrier.LIFNR) ?? '' } : undefined,
    );
  });
}
