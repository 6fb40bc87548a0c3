/**
 * The invoices panel: a customer's billing documents with amount, due date, payment status and
 * open balance, its open items, and the totals of what is open and overdue.
 *
 * One round trip in the usual case: the customer's open items in the account's company code are
 * read in parallel with the billing headers, and the headers' payment status is worked out from
 * those same items (listInvoices' knownOpenItems). Invoices with another payer or company code
 * need that payer's items: those of the payers the panel met last time are read alongside too,
 * so only a payer new to the customer costs a second round trip. Billing items are not read: the
 * panel shows none. With the ecc365 SAP add-on all payers' open items are read inside SAP: one
 * call, one round trip.
 */

import type { Invoice, OpenItem, PaymentStatus } from '../model/invoice.js';
import type { InvoicesPanel } from '../model/panelApi.js';
import { roundAmount } from '../sap/abapValues.js';
import { alphaOut, customerNumberIn } from '../sap/alpha.js';
import { readCustomerOpenItems } from '../sap/operations/customerOpenItems.js';
import { readInvoicesWithAddOn } from '../sap/operations/addOn/readInvoices.js';
import { listInvoices } from '../sap/operations/listInvoices.js';
import type { RfcSession } from '../sap/rfc.js';
import { firstRows, MAX_DOCUMENTS_SCANNED, type PanelWindow } from './panelQuery.js';

export type InvoicesPanelData = Omit<InvoicesPanel, 'fromCache' | 'retrievedAt'>;

export interface InvoicesRequest {
  customerNumber: string;
  companyCode: string;
  window: PanelWindow;
  /** Key date of the payment status and the days overdue. */
  today: string;
}

/** Still to be paid: everything but paid and cancelled (an invoice not yet posted is not paid either). */
const UNPAID: ReadonlySet<PaymentStatus> = new Set(['open', 'partiallyPaid', 'overdue', 'notPosted']);

const byDueDate = (a: OpenItem, b: OpenItem): number =>
  a.dueDate.localeCompare(b.dueDate) || `${a.fiscalYear}${a.documentNumber.padStart(10, '0')}`.localeCompare(`${b.fiscalYear}${b.documentNumber.padStart(10, '0')}`) || a.lineItem - b.lineItem;

/** A payer of the customer's invoices other than the customer in the account's company code. */
export interface OtherPayer {
  customerNumber: string;
  companyCode: string;
}

/** The panel, and the other payers its invoices had (to read their open items alongside the list next time). */
export async function readInvoicesPanel(sap: RfcSession, request: InvoicesRequest, knownPayers: readonly OtherPayer[]): Promise<{ panel: InvoicesPanelData; payers: OtherPayer[] }> {
  const { window, customerNumber, companyCode, today } = request;
  const openItems = readCustomerOpenItems(sap, customerNumber, companyCode, today);
  const otherPayers = knownPayers.map((payer) => ({ ...payer, items: readCustomerOpenItems(sap, payer.customerNumber, payer.companyCode, today) }));
  // A payer the invoices no longer have is read in vain, and its failure is nobody's: handled here, so it is not an unhandled rejection.
  for (const payer of otherPayers) payer.items.catch(() => undefined);
  const invoices = listInvoices(sap, customerNumber, {
    from: window.from,
    ...(window.to !== undefined ? { to: window.to } : {}),
    maxRows: window.scan,
    asOf: today,
    withoutItems: true,
    // The open items read alongside fail for a customer SAP does not have: no customer master read after an empty list.
    customerKnown: true,
    knownOpenItems: [{ customerNumber, companyCode, items: openItems }, ...otherPayers],
  });
  const [items, listed] = await Promise.all([openItems, invoices]);
  const panel = invoicesPanelOf(request, items, listed, { scanned: listed.length });
  const self = customerNumberIn(customerNumber);
  const payers = new Map<string, OtherPayer>();
  for (const invoice of listed) {
    if (invoice.paymentStatus === 'notPosted') continue;
    const payer = { customerNumber: customerNumberIn(invoice.payer), companyCode: invoice.companyCode.toUpperCase() };
    if (payer.customerNumber !== self || payer.companyCode !== companyCode.toUpperCase()) payers.set(`${payer.companyCode}/${payer.customerNumber}`, payer);
  }
  return { panel, payers: [...payers.values()] };
}

/** The panel in one RFC call with the ecc365 SAP add-on (docs/sap-addon.md): the other payers' open items are read inside SAP. */
export async function readInvoicesPanelWithAddOn(sap: RfcSession, request: InvoicesRequest): Promise<InvoicesPanelData> {
  const { window, customerNumber, companyCode, today } = request;
  const { invoices, openItems, found } = await readInvoicesWithAddOn(sap, { customerNumber, companyCode, keyDate: today, from: window.from, to: window.to, maxDocuments: window.scan });
  return invoicesPanelOf(request, openItems, invoices, { scanned: invoices.length, truncated: found > invoices.length });
}

/** The panel from the customer's open items and its billing documents, newest first. */
function invoicesPanelOf(request: InvoicesRequest, items: OpenItem[], listed: Invoice[], scan: { scanned: number; truncated?: boolean }): InvoicesPanelData {
  const matching = listed.filter((invoice) => request.window.status === 'all' || UNPAID.has(invoice.paymentStatus));
  const { rows, page } = firstRows(matching, request.window, scan);
  const sorted = [...items].sort(byDueDate);
  // Totals in the company code's currency: a customer's items may be in several document currencies.
  const local = (selected: OpenItem[]): number => roundAmount(selected.reduce((sum, item) => sum + item.amountInLocalCurrency, 0));
  return {
    customerNumber: alphaOut(request.customerNumber),
    invoices: rows.map((invoice) => ({
      invoiceNumber: invoice.invoiceNumber,
      billingDate: invoice.billingDate,
      dueDate: invoice.dueDate,
      netValue: invoice.netValue,
      taxAmount: invoice.taxAmount,
      grossValue: invoice.grossValue,
      currency: invoice.currency,
      paymentStatus: invoice.paymentStatus,
      openBalance: invoice.openBalance,
    })),
    openItems: sorted.slice(0, MAX_DOCUMENTS_SCANNED).map((item) => ({
      documentNumber: item.documentNumber,
      fiscalYear: item.fiscalYear,
      invoiceNumber: item.invoiceNumber,
      postingDate: item.postingDate,
      dueDate: item.dueDate,
      amount: item.amount,
      currency: item.currency,
      daysOverdue: item.daysOverdue,
    })),
    totals: {
      openBalance: local(items),
      overdueAmount: local(items.filter((item) => item.daysOverdue > 0)),
      currency: items[0]?.localCurrency ?? listed[0]?.currency ?? '',
    },
    page,
  };
}
