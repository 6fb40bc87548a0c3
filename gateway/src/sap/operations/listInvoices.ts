/**
 * A customer's billing documents (invoices, credit and debit memos where it is the sold-to party)
 * with items, payment status and open balance. No released BAPI lists billing documents by
 * customer (BAPI_BILLINGDOC_GETLIST selects by preceding document), so headers (VBRK, by billing
 * date in the window, newest first) and items (VBRP) are read with RFC_READ_TABLE; the payment
 * status comes from the payers' open items at `asOf` (BAPI_AR_ACC_GETOPENITEMS).
 *
 * A caller that needs no items, or has already started reading payers' open items, says so
 * (`withoutItems`, `knownOpenItems`): the account panel reads the customer's open items, and
 * those of the other payers it saw last time, in parallel with the headers, so the list costs
 * one round trip to SAP unless a new payer appears.
 */

import { z } from 'zod';
import type { Invoice } from '../../model/invoice.js';
import { customerNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { assertCustomerExists } from './assertCustomerExists.js';
import { documentListWindow, isoDateInput, todayIso, type CustomerDocumentListOptions } from './documentListQuery.js';
import { validInput } from './inputValidation.js';
import { INVOICE_HEADER_FIELDS, INVOICE_ITEM_FIELDS, invoiceOf, LISTED_CATEGORIES } from './invoiceMapping.js';
import { PayerOpenItems, type KnownOpenItems } from './payerOpenItems.js';
import { readNewestDocuments } from './newestDocuments.js';
import { sqlIn, sqlLiteral } from './readTable.js';
import { readTableByKeys } from './readTableByKeys.js';

export interface InvoiceListOptions extends CustomerDocumentListOptions {
  /** Day (ISO date) the payment status is worked out for; today when absent. */
  asOf?: string;
  /** Leave out the billing items: one SAP read less. */
  withoutItems?: boolean;
  /** Open items at `asOf` of payers in company codes that the caller is already reading; used instead of reading them again. */
  knownOpenItems?: readonly KnownOpenItems[];
}

const asOfSchema = z.strictObject({ asOf: isoDateInput.optional() });

export async function listInvoices(session: RfcSession, customerNumber: string, options: InvoiceListOptions = {}): Promise<Invoice[]> {
  const { asOf, withoutItems, knownOpenItems, customerKnown, ...listOptions } = options;
  const keyDate = validInput(asOfSchema, { asOf }, 'listInvoices').asOf ?? todayIso();
  const window = documentListWindow('listInvoices', customerNumber, listOptions, keyDate);
  const headers = await readNewestDocuments(session, {
    table: 'VBRK',
    fields: INVOICE_HEADER_FIELDS,
    where: [`KUNAG = ${sqlLiteral(customerNumberIn(window.customerNumber))}`, sqlIn('VBTYP', LISTED_CATEGORIES)],
    dateField: 'FKDAT',
    from: window.from,
    to: window.to,
    horizon: keyDate,
    maxRows: window.maxRows,
  });
  if (headers.length === 0) {
    if (!customerKnown) await assertCustomerExists(session, window.customerNumber);
    return [];
  }
  const items = withoutItems ? [] : await readTableByKeys(session, { table: 'VBRP', fields: INVOICE_ITEM_FIELDS, keyField: 'VBELN', keys: headers.map((h) => h.VBELN ?? '') });
  const openItems = await PayerOpenItems.read(session, headers, keyDate, knownOpenItems);
  return headers.map((header) => invoiceOf(header, items.filter((item) => item.VBELN === header.VBELN), openItems.of(header)));
}
