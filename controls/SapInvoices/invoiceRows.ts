/** How the invoices panel reads an invoice: its payment status text and the texts the filter searches. */

import type { Invoice, PaymentStatus } from '../shared/api/panelApi';
import type { InvoicesStrings } from './manifest';

export function paymentStatusText(status: PaymentStatus, strings: InvoicesStrings): string {
  switch (status) {
    case 'open':
      return strings.paymentOpen;
    case 'partiallyPaid':
      return strings.paymentPartiallyPaid;
    case 'overdue':
      return strings.paymentOverdue;
    case 'paid':
      return strings.paymentPaid;
    case 'cancelled':
      return strings.paymentCancelled;
    case 'notPosted':
      return strings.paymentNotPosted;
  }
}

export function invoiceTexts(strings: InvoicesStrings): (invoice: Invoice) => string[] {
  return (invoice) => [invoice.invoiceNumber, paymentStatusText(invoice.paymentStatus, strings)];
}
