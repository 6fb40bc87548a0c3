/** SapDeliveries (account form): PCF glue only (shared/pcf/accountPanelControl.ts) around the deliveries view. */

import { AccountPanelControl } from '../shared/pcf/accountPanelControl';
import { readStrings } from '../shared/pcf/strings';
import { DeliveriesView } from './DeliveriesView';
import { DELIVERIES_STRING_KEYS, type DeliveriesStrings } from './manifest';

export class SapDeliveries extends AccountPanelControl<DeliveriesStrings> {
  public constructor() {
    super(DeliveriesView, (resources) => readStrings(resources, DELIVERIES_STRING_KEYS));
  }
}
