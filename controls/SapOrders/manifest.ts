/** SapOrders' property and string names: the manifest's property, and the keys of strings/SapOrders.*.resx. */

import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the account's SAP customer number (account.ecc_customernumber). */
export const CUSTOMER_NUMBER_PROPERTY = 'customerNumber';

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
