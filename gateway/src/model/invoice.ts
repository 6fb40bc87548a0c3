/** Billing documents and open receivables in the canonical model: SAP's VBRK/VBRP and BSID/BSAD. */

export interface InvoiceItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  netValue: number;
  taxAmount: number;
  salesDocument: string;
  delivery: string;
}

/** What a billing document is (SAP's SD document category VBTYP). */
export type InvoiceCategory = 'invoice' | 'creditMemo' | 'debitMemo' | 'cancellation' | 'other';

/**
 * Where the money stands. `notPosted`: not yet released to accounting, so nothing is due yet;
 * `overdue`: something is still open after its net due date; `partiallyPaid`: part of the
 * amount was paid and the rest is not yet due.
 */
export type PaymentStatus = 'open' | 'partiallyPaid' | 'overdue' | 'paid' | 'cancelled' | 'notPosted';

export interface Invoice {
  invoiceNumber: string;
  billingType: string;
  category: InvoiceCategory;
  billingDate: string;
  payer: string;
  soldTo: string;
  companyCode: string;
  netValue: number;
  taxAmount: number;
  /** Net value plus tax: what the payer owes for the document. */
  grossValue: number;
  currency: string;
  paymentTerms: string;
  cancelled: boolean;
  /** FI accounting document the invoice was posted as; empty when not yet posted. */
  accountingDocument: string;
  /** Fiscal year of the accounting document. */
  fiscalYear: string;
  paymentStatus: PaymentStatus;
  /** What is still to be paid in document currency (for a credit memo: still to be paid out). */
  openBalance: number;
  /** Earliest net due date of what is still open; empty when nothing is open. */
  dueDate: string;
  /** The open receivables of this document: its own line item and any partial payments or residuals on it. */
  openItems: OpenItem[];
  items: InvoiceItem[];
}

export interface OpenItem {
  companyCode: string;
  customerNumber: string;
  documentNumber: string;
  fiscalYear: string;
  lineItem: number;
  documentType: string;
  postingDate: string;
  documentDate: string;
  /** Date the payment terms count from. */
  baselineDate: string;
  /** Net due date: baseline date plus the payment terms' net days. */
  dueDate: string;
  /** Positive for receivables (debit), negative for credits. */
  amount: number;
  currency: string;
  amountInLocalCurrency: number;
  localCurrency: string;
  reference: string;
  /** The billing document the item was posted from; empty for payments. */
  invoiceNumber: string;
  /** The accounting document (and its fiscal year) a partial payment or residual item belongs to; empty otherwise. */
  relatedDocument: string;
  relatedFiscalYear: string;
  paymentTerms: string;
  /** Days past the net due date on the key date; 0 when not yet due and for credits. */
  daysOverdue: number;
}

/** Days and cash discount days of a line item's payment terms (BSEG-ZBD1T/ZBD2T/ZBD3T). */
export interface ItemPaymentTerms {
  discountDays1: number;
  discountDays2: number;
  netDays: number;
}

const DAY_MS = 86_400_000;

function isoDay(iso: string): number {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(time)) throw new RangeError(`"${iso}" is not a date of the form YYYY-MM-DD`);
  return time / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoDay(to) - isoDay(from);
}

export function addDays(iso: string, days: number): string {
  return new Date((isoDay(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Net due date as SAP's DETERMINE_DUE_DATE computes it: the baseline date plus the net days,
 * or the longest cash discount period when the terms have no net days. A credit that does not
 * belong to an invoice (a credit memo, a payment on account) is due on its baseline date.
 */
export function netDueDate(baselineDate: string, terms: ItemPaymentTerms, options: { credit?: boolean; invoiceReference?: string } = {}): string {
  if (options.credit && !options.invoiceReference) return baselineDate;
  const days = terms.netDays > 0 ? terms.netDays : Math.max(terms.discountDays1, terms.discountDays2);
  return addDays(baselineDate, days);
}
