/** SapOrders' manifest in code: its bound property and the keys of strings/SapOrders.*.resx. */

import { ACCOUNT_PANEL_PROPERTIES } from '../shared/pcf/accountPanelControl';
import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the account's SAP customer number (account.ecc_customernumber). */
export const PROPERTIES = ACCOUNT_PANEL_PROPERTIES;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

export const ORDERS_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'customer',
  'notLinked',
  'empty',
  'listLabel',
  'columnOrder',
  'columnType',
  'columnDate',
  'columnCustomerReference',
  'columnRequestedDelivery',
  'columnNetValue',
  'columnStatus',
  'columnDeliveryStatus',
  'columnBillingStatus',
  'statusNotRelevant',
  'statusNotStarted',
  'statusPartial',
  'statusComplete',
  'creditBlocked',
  'deliveryBlocked',
  'billingBlocked',
  'selectHint',
  'linesOf',
  'columnItem',
  'columnMaterial',
  'columnDescription',
  'columnQuantity',
  'columnRequestedDate',
  'lineRejected',
] as const;

export type OrdersStringKey = (typeof ORDERS_STRING_KEYS)[number];
export type OrdersStrings = Readonly<Record<OrdersStringKey, string>>;
