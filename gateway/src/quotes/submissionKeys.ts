/**
 * The two names that make sending a quote idempotent. The idempotency key names one submission
 * of one quote (record) as one SAP document category: the sync result row's alternate key, so
 * Dataverse holds at most one row per submission, whichever press or gateway instance writes it.
 * The customer reference is what the SAP document carries as the customer's purchase order number
 * (PURCH_NO_C, 35 characters): the CRM quote number, so that a document whose creation answer was
 * lost can be found in SAP by it before a second one would be created. A revision (same quote
 * number, new quote record) gets its own reference, "<number>/<revision>".
 */

import type { SalesDocumentCategory } from '../model/salesDocument.js';

export type SubmissionCategory = Extract<SalesDocumentCategory, 'quotation' | 'order'>;

export const SUBMIT_FLOW = 'quote-submit';

/** SAP's customer purchase order number field holds 35 characters. */
const CUSTOMER_REFERENCE_LENGTH = 35;

/** e.g. quote-submit-order-7d0f…; no characters Dataverse refuses in an alternate key in a URL. */
export const idempotencyKeyOf = (quoteId: string, category: SubmissionCategory): string => `${SUBMIT_FLOW}-${category}-${quoteId.toLowerCase()}`;

/** The quote id and category an idempotency key names, or undefined for another flow's key. */
export function submissionOfKey(key: string): { quoteId: string; category: SubmissionCategory } | undefined {
  const match = /^quote-submit-(quotation|order)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(key);
  return match ? { category: match[1] as SubmissionCategory, quoteId: match[2]! } : undefined;
}

/** The quote number (with "/<revision>" for a revision), or the quote id when that does not fit SAP's field. */
export function customerReferenceOf(quote: { id: string; quoteNumber: string; revision: number }): string {
  const reference = `${quote.quoteNumber.trim()}${quote.revision > 0 ? `/${quote.revision}` : ''}`;
  return reference !== '' && reference.length <= CUSTOMER_REFERENCE_LENGTH ? reference : quote.id.replaceAll('-', '').toUpperCase();
}
