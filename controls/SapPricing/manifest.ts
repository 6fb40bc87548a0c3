/** SapPricing' manifest in code: its bound property and the keys of strings/SapPricing.*.resx. */

import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the quote's total in CRM (quote.totalamount). */
export const PROPERTIES = { quoteTotal: 'Currency' } as const;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

export const PRICING_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'empty',
  'listLabel',
  'totalsLabel',
  'netValue',
  'taxAmount',
  'grossValue',
  'crmTotal',
  'columnMaterial',
  'columnDescription',
  'columnQuantity',
  'columnNetPrice',
  'columnNetValue',
  'columnTax',
  'selectHint',
  'conditionsOf',
  'columnCondition',
  'columnKind',
  'columnRate',
  'columnValue',
  'kindPrice',
  'kindDiscount',
  'kindSurcharge',
  'kindTax',
  'kindOther',
  'apply',
  'applyConfirmTitle',
  'applyConfirmText',
  'applyConfirm',
  'applying',
  'applied',
  'readOnly',
] as const;

export type PricingStringKey = (typeof PRICING_STRING_KEYS)[number];
export type PricingStrings = Readonly<Record<PricingStringKey, string>>;
