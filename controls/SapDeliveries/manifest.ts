/** SapDeliveries' manifest in code: its bound property and the keys of strings/SapDeliveries.*.resx. */

import { ACCOUNT_PANEL_PROPERTIES } from '../shared/pcf/accountPanelControl';
import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the account's SAP customer number (account.ecc_customernumber). */
export const PROPERTIES = ACCOUNT_PANEL_PROPERTIES;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

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
