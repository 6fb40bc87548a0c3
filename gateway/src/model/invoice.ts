/** Billing documents and open receivables in the canonical model: SAP's VBRK/VBRP and BSID/BSAD. */

export interface InvoiceItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  netValue: number;
  salesDocument: string;
  delivery: string;
}

export interface Invoice {
  invoiceNumber: string;
  billingType: string;
  billingDate: string;
  payer: string;
  soldTo: string;
  netValue: number;
  taxAmount: number;
  currency: string;
  paymentTerms: string;
  cancelled: boolean;
  /** FI accounting document the invoice was posted as; empty when not yet posted. */
  accountingDocument: string;
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
  /** Net due date: baseline date plus the payment terms' net days. */
  dueDate: string;
  /** Positive for receivables (debit), negative for credits. */
  amount: number;
  currency: string;
  amountInLocalCurrency: number;
  reference: string;
  invoiceNumber: string;
  paymentTerms: string;
  daysOverdue: number;
}
