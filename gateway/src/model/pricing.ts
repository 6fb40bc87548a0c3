/** SAP's price for a prospective order (BAPI_SALESORDER_SIMULATE) in the canonical model. */

import type { SapMessage } from './errors.js';

export type ConditionKind = 'price' | 'discount' | 'surcharge' | 'tax' | 'other';

export interface PriceCondition {
  /** SAP condition type, e.g. PR00, K004, K005, K007, MWST. */
  conditionType: string;
  kind: ConditionKind;
  /** Rate: an amount per pricing unit, or a percentage for percent conditions. */
  rate: number;
  isPercentage: boolean;
  /** Currency of an amount rate; empty for percentages. */
  rateCurrency: string;
  pricingUnit: number;
  unit: string;
  /** The condition's value for the item, in document currency. */
  value: number;
  /** Whether the condition was entered by hand instead of found in SAP's condition records. */
  manual: boolean;
}

export interface PricedItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  /** The item's value before discounts (SAP's "gross value" subtotal). */
  undiscountedValue: number;
  /** Net value of the item divided by its quantity. */
  netPrice: number;
  netValue: number;
  taxAmount: number;
  currency: string;
  plant: string;
  /** The date SAP confirmed for the item's delivery. */
  deliveryDate: string;
  conditions: PriceCondition[];
}

export interface PriceResult {
  soldTo: string;
  currency: string;
  netValue: number;
  taxAmount: number;
  /** Net value plus tax: what the customer pays. */
  grossValue: number;
  items: PricedItem[];
  /** SAP's warnings and information messages about the simulation. */
  messages: SapMessage[];
}
