/** SapCredit's property and string names: the manifest's property, and the keys of strings/SapCredit.*.resx. */

import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

export const CREDIT_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'customer',
  'notLinked',
  'figuresLabel',
  'creditLimit',
  'exposure',
  'availableCredit',
  'utilization',
  'noCreditLimit',
  'overdueAmount',
  'riskCategory',
  'paymentTerms',
  'nextReview',
  'creditControlArea',
  'creditBlocked',
  'blockedFor',
  'blockOrder',
  'blockDelivery',
  'blockBilling',
  'blockPosting',
  'noBlocks',
] as const;

export type CreditStringKey = (typeof CREDIT_STRING_KEYS)[number];
export type CreditStrings = Readonly<Record<CreditStringKey, string>>;
