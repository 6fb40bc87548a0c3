/**
 * Billing documents between SAP's shapes (VBRK and VBRP rows, BAPIVBRKOUT) and the canonical
 * Invoice, with the payment status worked out from the payer's open items: the invoice's own
 * line item (BSID-VBELN) and the partial payments and residual items that refer to its
 * accounting document (BSID-REBZG/REBZJ). Pure functions; values arrive in SAP's internal format.
 */

import type { Invoice, InvoiceCategory, InvoiceItem, OpenItem, PaymentStatus } from '../../model/invoice.js';
import { fromDats, isFlagSet, parseDecimal, roundAmount } from '../abapValues.js';
import { alphaOut } from '../alpha.js';
import type { RfcStructure } from '../rfc.js';
import type { TableRow } from './readTable.js';

export const INVOICE_HEADER_FIELDS = ['VBELN', 'FKART', 'VBTYP', 'FKDAT', 'KUNAG', 'KUNRG', 'BUKRS', 'NETWR', 'MWSBK', 'WAERK', 'ZTERM', 'FKSTO', 'RFBSK', 'BELNR', 'GJAHR'];
export const INVOICE_ITEM_FIELDS = ['VBELN', 'POSNR', 'MATNR', 'ARKTX', 'FKIMG', 'VRKME', 'NETWR', 'MWSBP', 'AUBEL', 'VGBEL'];

/** Billing document categories a customer's invoice list shows: invoices, credit memos, debit memos. */
export const LISTED_CATEGORIES = ['M', 'O', 'P'];

const CATEGORY_OF: Record<string, InvoiceCategory> = { M: 'invoice', O: 'creditMemo', P: 'debitMemo', N: 'cancellation', S: 'cancellation' };

/** Posting status of a billing document: C = accounting document created. */
const POSTED = 'C';

const text = (row: TableRow | RfcStructure, field: string): string => String(row[field] ?? '').trim();

/** A billing header as the list reads it from VBRK, with BAPI_BILLINGDOC_GETDETAIL's values where it was called. */
export function headerWithDetail(vbrk: TableRow, detail: RfcStructure): TableRow {
  return {
    ...vbrk,
    FKART: text(detail, 'BILL_TYPE'),
    VBTYP: text(detail, 'SD_DOC_CAT'),
    WAERK: text(detail, 'CURRENCY'),
    RFBSK: text(detail, 'ACCTSTATUS'),
    NETWR: text(detail, 'NET_VALUE'),
    MWSBK: text(detail, 'TAX_VALUE'),
    FKSTO: text(detail, 'CANCELLED'),
  };
}

export function invoiceItemOf(row: TableRow): InvoiceItem {
  const order = alphaOut(text(row, 'AUBEL'));
  const reference = alphaOut(text(row, 'VGBEL'));
  return {
    itemNumber: Number(text(row, 'POSNR') || 0),
    materialNumber: alphaOut(text(row, 'MATNR')),
    description: text(row, 'ARKTX'),
    quantity: parseDecimal(row.FKIMG),
    unit: text(row, 'VRKME'),
    netValue: parseDecimal(row.NETWR),
    taxAmount: parseDecimal(row.MWSBP),
    salesDocument: order,
    // Order-related billing refers to the order itself; only delivery-related billing has a delivery.
    delivery: reference === order ? '' : reference,
  };
}

/** The payer's open items that belong to this billing document. */
export function openItemsOfInvoice(invoiceNumber: string, accountingDocument: string, fiscalYear: string, payerItems: OpenItem[]): OpenItem[] {
  return payerItems.filter(
    (item) =>
      item.invoiceNumber === invoiceNumber ||
      (accountingDocument !== '' && item.relatedDocument === accountingDocument && (item.relatedFiscalYear === '' || /^0+$/.test(item.relatedFiscalYear) || item.relatedFiscalYear === fiscalYear)),
  );
}

interface PaymentState {
  paymentStatus: PaymentStatus;
  openBalance: number;
  dueDate: string;
}

function paymentStateOf(category: InvoiceCategory, header: TableRow, grossValue: number, openItems: OpenItem[]): PaymentState {
  if (isFlagSet(header.FKSTO) || category === 'cancellation') return { paymentStatus: 'cancelled', openBalance: 0, dueDate: '' };
  if (text(header, 'RFBSK') !== POSTED || text(header, 'BELNR') === '') return { paymentStatus: 'notPosted', openBalance: grossValue, dueDate: '' };
  // A credit memo's balance is what is still to be paid out to the customer.
  const direction = category === 'creditMemo' ? -1 : 1;
  const openBalance = roundAmount(direction * openItems.reduce((sum, item) => sum + item.amount, 0));
  if (openBalance <= 0) return { paymentStatus: 'paid', openBalance: 0, dueDate: '' };
  const owed = openItems.filter((item) => Math.sign(item.amount) === direction && item.dueDate !== '');
  const dueDate = owed.map((item) => item.dueDate).sort()[0] ?? '';
  if (owed.some((item) => item.daysOverdue > 0)) return { paymentStatus: 'overdue', openBalance, dueDate };
  return { paymentStatus: openBalance < grossValue ? 'partiallyPaid' : 'open', openBalance, dueDate };
}

/** An invoice from its header and item rows and the payer's open items in its company code. */
export function invoiceOf(header: TableRow, items: TableRow[], payerItems: OpenItem[]): Invoice {
  const invoiceNumber = alphaOut(text(header, 'VBELN'));
  const accountingDocument = alphaOut(text(header, 'BELNR'));
  const fiscalYear = text(header, 'GJAHR');
  const category = CATEGORY_OF[text(header, 'VBTYP')] ?? 'other';
  const netValue = parseDecimal(header.NETWR);
  const taxAmount = parseDecimal(header.MWSBK);
  const grossValue = roundAmount(netValue + taxAmount);
  const openItems = openItemsOfInvoice(invoiceNumber, accountingDocument, fiscalYear, payerItems);
  return {
    invoiceNumber,
    billingType: text(header, 'FKART'),
    category,
    billingDate: fromDats(header.FKDAT),
    payer: alphaOut(text(header, 'KUNRG')),
    soldTo: alphaOut(text(header, 'KUNAG')),
    companyCode: text(header, 'BUKRS'),
    netValue,
    taxAmount,
    grossValue,
    currency: text(header, 'WAERK'),
    paymentTerms: text(header, 'ZTERM'),
    cancelled: isFlagSet(header.FKSTO),
    accountingDocument,
    fiscalYear,
    ...paymentStateOf(category, header, grossValue, openItems),
    openItems,
    items: items.map(invoiceItemOf).sort((a, b) => a.itemNumber - b.itemNumber),
  };
}
