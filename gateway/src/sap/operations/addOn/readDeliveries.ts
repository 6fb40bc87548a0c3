/**
 * A customer's newest outbound deliveries with status, carrier and the sales documents they ship
 * in one RFC call (/ECC365/PANEL_DELIVERIES: LIKP, VBUK, VBPA, LFA1 and LIPS read inside SAP).
 */

import type { Delivery } from '../../../model/delivery.js';
import { alphaOut, customerNumberIn } from '../../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../../errors.js';
import { scalarOf, tableOf } from '../../rfc.js';
import type { RfcSession } from '../../rfc.js';
import { deliveryHeaderOf, deliveryOf, deliveryStatusOf, salesDocumentsByDelivery } from '../listDeliveries.js';
import { asTableRow, callAddOn, windowParameters, type DocumentWindow } from './addOnCall.js';

export interface DeliveriesQuery extends DocumentWindow {
  customerNumber: string;
}

/** A delivery, without its items, with the sales documents it ships. */
export type ShippedDelivery = Delivery & { salesOrders: string[] };

/** F2 502: the customer does not exist. */
const NO_CUSTOMER = 'F2502';

/** The deliveries newest first, and how many the window holds; SapNotFoundError for an unknown customer. */
export async function readDeliveriesWithAddOn(session: RfcSession, query: DeliveriesQuery): Promise<{ deliveries: ShippedDelivery[]; found: number }> {
  const customer = customerNumberIn(query.customerNumber);
  const result = await callAddOn(session, '/ECC365/PANEL_DELIVERIES', { CUSTOMER_NUMBER: customer, ...windowParameters(query), DELIVERIES: [], DELIVERED_DOCUMENTS: [] });
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => `${m.id}${m.number}` === NO_CUSTOMER)) {
    throw new SapNotFoundError(`Customer ${alphaOut(customer)} does not exist in SAP; check the SAP customer number on the account`, errors);
  }
  if (errors.length > 0) throw new SapBusinessError(`SAP refused the deliveries of customer ${alphaOut(customer)}: ${describeMessages(errors)}`, errors);

  const shipped = salesDocumentsByDelivery(tableOf(result, 'DELIVERED_DOCUMENTS').map(asTableRow));
  const deliveries = tableOf(result, 'DELIVERIES').map((structure) => {
    const row = asTableRow(structure);
    const header = deliveryHeaderOf(row);
    const carrier = row.CARRIER ? { number: row.CARRIER, name: row.CARRIER_NAME ?? '' } : undefined;
    const hasStatus = [row.KOSTK, row.WBSTK, row.FKSTK, row.GBSTK].some(Boolean);
    return { ...deliveryOf(header, hasStatus ? deliveryStatusOf(row) : undefined, [], carrier), salesOrders: shipped.get(header.deliveryNumber) ?? [] };
  });
  return { deliveries, found: Number(scalarOf(result, 'DOCUMENTS_FOUND') || 0) };
}
