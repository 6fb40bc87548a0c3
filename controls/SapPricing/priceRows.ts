/** How the pricing panel reads SAP's conditions: what kind each is, and its rate as a percentage or an amount. */

import type { ConditionKind, PriceCondition } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { PricingStrings } from './manifest';

export function conditionKindText(kind: ConditionKind, strings: PricingStrings): string {
  switch (kind) {
    case 'price':
      return strings.kindPrice;
    case 'discount':
      return strings.kindDiscount;
    case 'surcharge':
      return strings.kindSurcharge;
    case 'tax':
      return strings.kindTax;
    case 'other':
      return strings.kindOther;
  }
}

export function conditionRateText(condition: PriceCondition, currency: string, formatter: Formatter): string {
  return condition.isPercentage ? formatter.percent(condition.rate) : formatter.amount(condition.rate, currency);
}
