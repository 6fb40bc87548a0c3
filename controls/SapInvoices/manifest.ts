/** SapInvoices' manifest in code: its bound property and the keys of strings/SapInvoices.*.resx. */

import { ACCOUNT_PANEL_PROPERTIES } from '../shared/pcf/accountPanelControl';
import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the account's SAP customer number (account.ecc_customernumber). */
export const PROPERTIES = ACCOUNT_PANEL_PROPERTIES;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

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
