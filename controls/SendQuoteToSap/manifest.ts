/** SendQuoteToSap's manifest in code: its bound property and the keys of strings/SendQuoteToSap.*.resx. */

import type { InputsOf } from '../shared/pcf/properties';
import { COMMON_STRING_KEYS } from '../shared/ui/commonStrings';

/** The bound property: the quote's SAP document number (quote.ecc_sapdocumentnumber), also written back as output. */
export const PROPERTIES = { sapDocumentNumber: 'SingleLine.Text' } as const;

export type IInputs = InputsOf<typeof PROPERTIES>;
export interface IOutputs {
  sapDocumentNumber?: string;
}

export const SEND_STRING_KEYS = [
  ...COMMON_STRING_KEYS,
  'title',
  'notSent',
  'sentAlready',
  'sendAsOrder',
  'sendAsQuotation',
  'confirmOrderTitle',
  'confirmQuotationTitle',
  'confirmText',
  'confirmSend',
  'sending',
  'createdOrder',
  'createdQuotation',
  'alreadySubmitted',
  'resultLabel',
  'documentNumber',
  'category',
  'documentType',
  'status',
  'referenceQuotation',
  'categoryOrder',
  'categoryQuotation',
] as const;

export type SendStringKey = (typeof SEND_STRING_KEYS)[number];
export type SendStrings = Readonly<Record<SendStringKey, string>>;
