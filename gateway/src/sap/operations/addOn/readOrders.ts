/**
 * A customer's newest sales orders with items, status and document flow in one RFC call
 * (/ECC365/PANEL_ORDERS: BAPI_SALESORDER_GETLIST and BAPISDORDER_GETDETAILEDLIST inside SAP).
 */

import type { SalesDocument } from '../../../model/salesDocument.js';
import { alphaOut, customerNumberIn } from '../../alpha.js';
import { assertNoErrors } from '../../bapiReturn.js';
import { scalarOf } from '../../rfc.js';
import type { RfcSession } from '../../rfc.js';
import { salesDocumentsOf } from '../getSalesDocuments.js';
import { callAddOn, windowParameters, type DocumentWindow } from './addOnCall.js';

export interface OrdersQuery extends DocumentWindow {
  customerNumber: string;
  salesOrganization: string;
}

const newestFirst = (a: SalesDocument, b: SalesDocument): number =>
  b.documentDate.localeCompare(a.documentDate) || b.documentNumber.localeCompare(a.documentNumber, undefined, { numeric: true });

/** The orders newest first, and how many the window holds. */
export async function readOrdersWithAddOn(session: RfcSession, query: OrdersQuery): Promise<{ documents: SalesDocument[]; found: number }> {
  const customer = customerNumberIn(query.customerNumber);
  const result = await callAddOn(session, '/ECC365/PANEL_ORDERS', {
    CUSTOMER_NUMBER: customer,
    SALES_ORGANIZATION: query.salesOrganization,
    ...windowParameters(query),
    ORDER_HEADERS_OUT: [],
    ORDER_ITEMS_OUT: [],
    ORDER_SCHEDULES_OUT: [],
    ORDER_BUSINESS_OUT: [],
    ORDER_STATUSHEADERS_OUT: [],
    ORDER_STATUSITEMS_OUT: [],
    ORDER_FLOWS_OUT: [],
  });
  assertNoErrors(result, `the order list of customer ${alphaOut(customer)}`);
  return { documents: salesDocumentsOf(result).sort(newestFirst), found: Number(scalarOf(result, 'DOCUMENTS_FOUND') || 0) };
}
