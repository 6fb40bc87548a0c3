/** SapInvoices (account form): PCF glue only (shared/pcf/accountPanelControl.ts) around the invoices view. */

import { AccountPanelControl } from '../shared/pcf/accountPanelControl';
import { readStrings } from '../shared/pcf/strings';
import { InvoicesView } from './InvoicesView';
import { INVOICES_STRING_KEYS, type InvoicesStrings } from './manifest';

export class SapInvoices extends AccountPanelControl<InvoicesStrings> {
  public constructor() {
    super(InvoicesView, (resources) => readStrings(resources, INVOICES_STRING_KEYS));
  }
}
