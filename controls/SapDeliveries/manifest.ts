/** SapDeliveries' property and string names: the manifest's property, and the keys of strings/SapDeliveries.*.resx. */

import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

export const DELIVERIES_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'customer',
  'notLinked',
  'empty',
  'listLabel',
  'columnDelivery',
  'columnDeliveryDate',
  'columnPlannedGoodsIssue',
  'columnGoodsIssue',
  'columnProgress',
  'columnCarrier',
  'columnTracking',
  'columnShippingPoint',
  'columnOrders',
  'progressCreated',
  'progressInPicking',
  'progressPicked',
  'progressShipped',
  'progressBilled',
] as const;

export type DeliveriesStringKey = (typeof DELIVERIES_STRING_KEYS)[number];
export type DeliveriesStrings = Readonly<Record<DeliveriesStringKey, string>>;
