/** SapCredit' manifest in code: its bound property and the keys of strings/SapCredit.*.resx. */

import { ACCOUNT_PANEL_PROPERTIES } from '../shared/pcf/accountPanelControl';
import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the account's SAP customer number (account.ecc_customernumber). */
export const PROPERTIES = ACCOUNT_PANEL_PROPERTIES;

export type IInputs = InputsOf<typeof PROPERTIES>;
export type IOutputs = Record<string, never>;

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
