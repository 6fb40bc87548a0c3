/**
 * A customer's newest billing documents with payment status, and its open items, in one RFC
 * call (/ECC365/PANEL_INVOICES: VBRK and BAPI_AR_ACC_GETOPENITEMS for every payer inside SAP).
 */

import type { Invoice, OpenItem } from '../../../model/invoice.js';
import { customerNumberIn } from '../../alpha.js';
import { toDats } from '../../abapValues.js';
import { scalarOf, tableOf } from '../../rfc.js';
import type { RfcSession } from '../../rfc.js';
import { openItemsIn } from '../customerOpenItems.js';
import { invoiceOf } from '../invoiceMapping.js';
import { asTableRow, callAddOn, windowParameters, type DocumentWindow } from './addOnCall.js';

export interface InvoicesQuery extends DocumentWindow {
  customerNumber: string;
  companyCode: string;
  /** Key date (ISO) of the open items and the payment status. */
  keyDate: string;
}

const payerKey = (companyCode: string, customerNumber: string): string => `${companyCode.toUpperCase()}/${customerNumberIn(customerNumber)}`;

/**
 * The billing documents newest first, the customer's own open items in the company code, and how
 * many documents the window holds; SapNotFoundError when the customer is not in the company code.
 */
export async function readInvoicesWithAddOn(session: RfcSession, query: InvoicesQuery): Promise<{ invoices: Invoice[]; openItems: OpenItem[]; found: number }> {
  const customer = customerNumberIn(query.customerNumber);
  const result = await callAddOn(session, '/ECC365/PANEL_INVOICES', {
    CUSTOMER_NUMBER: customer,
    COMPANY_CODE: query.companyCode,
    KEY_DATE: toDats(query.keyDate),
    ...windowParameters(query),
    INVOICES: [],
    OPEN_ITEMS: [],
  });
  // RETURN is the customer's own open items read: an error there is the panel's error.
  const byPayer = new Map<string, OpenItem[]>();
  for (const item of openItemsIn(result, customer, query.companyCode, query.keyDate, 'OPEN_ITEMS')) {
    const key = payerKey(item.companyCode, item.customerNumber);
    byPayer.set(key, [...(byPayer.get(key) ?? []), item]);
  }
  const invoices = tableOf(result, 'INVOICES').map((structure) => {
    const header = asTableRow(structure);
    return invoiceOf(header, [], byPayer.get(payerKey(header.BUKRS ?? '', header.KUNRG ?? '')) ?? []);
  });
  return { invoices, openItems: byPayer.get(payerKey(query.companyCode, customer)) ?? [], found: Number(scalarOf(result, 'DOCUMENTS_FOUND') || 0) };
}
