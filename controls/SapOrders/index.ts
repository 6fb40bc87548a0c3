/** SapOrders (account form): PCF glue only (shared/pcf/accountPanelControl.ts) around the orders view. */

import { AccountPanelControl } from '../shared/pcf/accountPanelControl';
import { readStrings } from '../shared/pcf/strings';
import { OrdersView } from './OrdersView';
import { ORDERS_STRING_KEYS, type OrdersStrings } from './manifest';

export class SapOrders extends AccountPanelControl<OrdersStrings> {
  public constructor() {
    super(OrdersView, (resources) => readStrings(resources, ORDERS_STRING_KEYS));
  }
}
