/** SapCredit (account form): PCF glue only (shared/pcf/accountPanelControl.ts) around the credit view. */

import { AccountPanelControl } from '../shared/pcf/accountPanelControl';
import { readStrings } from '../shared/pcf/strings';
import { CreditView } from './CreditView';
import { CREDIT_STRING_KEYS, type CreditStrings } from './manifest';

export class SapCredit extends AccountPanelControl<CreditStrings> {
  public constructor() {
    super(CreditView, (resources) => readStrings(resources, CREDIT_STRING_KEYS));
  }
}
