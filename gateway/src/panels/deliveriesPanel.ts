/**
 * The deliveries panel: a customer's outbound deliveries with dispatch status, shipment progress,
 * tracking reference and carrier, and the sales orders each ships.
 *
 * The headers are the only read that selects by customer and date; status (VBUK), carrier
 * (partner) and the orders shipped (the items' reference, nothing else of the items) are read by
 * delivery number, in parallel with one another, and alongside the headers for the deliveries
 * shown last time (readListedDocuments).
 * Carrier names change rarely and are kept (`carrierNames`), so a known carrier costs no read.
 * With the ecc365 SAP add-on all of it is read inside SAP: one call, one round trip.
 */

import type { DeliveryStatus } from '../model/delivery.js';
import type { DeliveriesPanel } from '../model/panelApi.js';
import { alphaOut } from '../sap/alpha.js';
import { readDeliveriesWithAddOn, type ShippedDelivery } from '../sap/operations/addOn/readDeliveries.js';
import { deliveryOf, listDeliveryHeaders, readDeliveredSalesDocuments, readDeliveryCarriers, readDeliveryStatuses, readVendorNames } from '../sap/operations/listDeliveries.js';
import type { RfcSession } from '../sap/rfc.js';
import { readListedDocuments } from './listedDocuments.js';
import { firstRows, type PanelWindow } from './panelQuery.js';
import type { ReadThroughCache } from './readThroughCache.js';

export type DeliveriesPanelData = Omit<DeliveriesPanel, 'fromCache' | 'retrievedAt'>;

export interface DeliveriesRequest {
  customerNumber: string;
  window: PanelWindow;
  today: string;
  /** The customer's deliveries were read lately, so the customer exists: an empty list needs no customer master read. */
  customerKnown: boolean;
}

interface DeliveryDetails {
  status: DeliveryStatus | undefined;
  salesOrders: string[];
  carrier: string | undefined;
}

async function readDeliveryDetails(sap: RfcSession, numbers: string[]): Promise<Map<string, DeliveryDetails>> {
  const [statuses, salesOrders, carriers] = await Promise.all([readDeliveryStatuses(sap, numbers), readDeliveredSalesDocuments(sap, numbers), readDeliveryCarriers(sap, numbers)]);
  return new Map(numbers.map((number) => [number, { status: statuses.get(number), salesOrders: salesOrders.get(number) ?? [], carrier: carriers.get(number) }]));
}

/** Names of the carriers, from `carrierNames` where kept, the others in one read. */
async function carrierNamesOf(sap: RfcSession, vendors: string[], carrierNames: ReadThroughCache<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const vendor of new Set(vendors)) {
    const name = carrierNames.peek(vendor);
    if (name === undefined) missing.push(vendor);
    else names.set(vendor, name);
  }
  if (missing.length > 0) {
    const read = await readVendorNames(sap, missing);
    for (const vendor of missing) {
      const name = read.get(vendor) ?? '';
      carrierNames.set(vendor, name);
      names.set(vendor, name);
    }
  }
  return names;
}

export async function readDeliveriesPanel(
  sap: RfcSession,
  request: DeliveriesRequest,
  knownDeliveries: readonly string[],
  carrierNames: ReadThroughCache<string>,
): Promise<{ panel: DeliveriesPanelData; deliveries: string[] }> {
  const { window } = request;
  const headers = listDeliveryHeaders(sap, request.customerNumber, { from: window.from, ...(window.to !== undefined ? { to: window.to } : {}), maxRows: window.scan, customerKnown: request.customerKnown }, request.today);
  const { documents } = await readListedDocuments(
    headers.then((rows) => rows.map((header) => header.deliveryNumber)),
    knownDeliveries,
    (numbers) => readDeliveryDetails(sap, numbers),
  );
  const byNumber = new Map((await headers).map((header) => [header.deliveryNumber, header]));
  const names = await carrierNamesOf(sap, documents.flatMap(({ details }) => (details.carrier !== undefined ? [details.carrier] : [])), carrierNames);
  const deliveries = documents.map(({ number, details }) => ({
    ...deliveryOf(byNumber.get(number)!, details.status, [], details.carrier !== undefined ? { number: details.carrier, name: names.get(details.carrier) ?? '' } : undefined),
    salesOrders: details.salesOrders,
  }));
  return { panel: deliveriesPanelOf(request, deliveries, { scanned: byNumber.size }), deliveries: documents.map((document) => document.number) };
}

/** The panel in one RFC call with the ecc365 SAP add-on (docs/sap-addon.md). */
export async function readDeliveriesPanelWithAddOn(sap: RfcSession, request: Pick<DeliveriesRequest, 'customerNumber' | 'window'>): Promise<DeliveriesPanelData> {
  const { window } = request;
  const { deliveries, found } = await readDeliveriesWithAddOn(sap, { customerNumber: request.customerNumber, from: window.from, to: window.to, maxDocuments: window.scan });
  return deliveriesPanelOf(request, deliveries, { scanned: deliveries.length, truncated: found > deliveries.length });
}

/** The panel from the deliveries read, newest first. */
function deliveriesPanelOf(request: Pick<DeliveriesRequest, 'customerNumber' | 'window'>, deliveries: ShippedDelivery[], scan: { scanned: number; truncated?: boolean }): DeliveriesPanelData {
  const { window } = request;
  // Not yet shipped: goods issue not posted in full.
  const matching = deliveries.filter((delivery) => window.status === 'all' || delivery.status.goodsMovement !== 'complete');
  const { rows, page } = firstRows(matching, window, scan);
  return {
    customerNumber: alphaOut(request.customerNumber),
    deliveries: rows.map((delivery) => ({
      deliveryNumber: delivery.deliveryNumber,
      deliveryDate: delivery.deliveryDate,
      plannedGoodsIssueDate: delivery.plannedGoodsIssueDate,
      actualGoodsIssueDate: delivery.actualGoodsIssueDate,
      progress: delivery.progress,
      trackingReference: delivery.trackingReference,
      carrier: delivery.carrier,
      shippingPoint: delivery.shippingPoint,
      salesOrders: delivery.salesOrders,
    })),
    page,
  };
}
