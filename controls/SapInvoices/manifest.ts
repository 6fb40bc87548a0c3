/** SapInvoices' property and string names: the manifest's property, and the keys of strings/SapInvoices.*.resx. */

import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

export const INVOICES_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'customer',
  'notLinked',
  'empty',
  'listLabel',
  'totalsLabel',
  'totalOpenBalance',
  'totalOverdue',
  'columnInvoice',
  'columnBillingDate',
  'columnDueDate',
  'columnNetValue',
  'columnTax',
  'columnGrossValue',
  'columnPaymentStatus',
  'columnOpenBalance',
  'paymentOpen',
  'paymentPartiallyPaid',
  'paymentOverdue',
  'paymentPaid',
  'paymentCancelled',
  'paymentNotPosted',
  'openItemsTitle',
  'openItemsLabel',
  'openItemsEmpty',
  'columnDocument',
  'columnFiscalYear',
  'columnPostingDate',
  'columnAmount',
  'columnDaysOverdue',
] as const;

export type InvoicesStringKey = (typeof INVOICES_STRING_KEYS)[number];
export type InvoicesStrings = Readonly<Record<InvoicesStringKey, string>>;
