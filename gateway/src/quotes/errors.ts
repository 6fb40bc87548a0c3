/**
 * Why a quote cannot be priced or sent to SAP, as stable codes with a message a rep or an admin
 * can act on. Problems with one quote line name the line (its number and product) in the message
 * and carry it in the details, so the form can point at it.
 */

import { AppError, type AppErrorOptions } from '../model/errors.js';

export type QuoteErrorCode =
  /** The user may not read the quote (or its account, or the sync result), or may not retry. */
  | 'NOT_AUTHORIZED'
  | 'QUOTE_NOT_FOUND'
  | 'SYNC_RESULT_NOT_FOUND'
  /** Submit: the quote is not active, or the configured approval column does not say approved. */
  | 'QUOTE_NOT_APPROVED'
  /** Price with apply: only a draft quote's lines can be changed. */
  | 'QUOTE_NOT_EDITABLE'
  | 'QUOTE_HAS_NO_LINES'
  | 'QUOTE_TOO_MANY_LINES'
  /** The quote's customer is not an account linked to SAP (customer number and sales area). */
  | 'ACCOUNT_NOT_LINKED'
  | 'LINE_WITHOUT_PRODUCT'
  | 'PRODUCT_WITHOUT_MATERIAL'
  | 'LINE_QUANTITY_INVALID'
  | 'UNIT_NOT_MAPPED'
  | 'MATERIAL_NOT_FOUND'
  | 'MATERIAL_NOT_SELLABLE'
  /** SAP prices in another currency than the quote's: its prices cannot be written onto the lines. */
  | 'CURRENCY_MISMATCH'
  /** Submit as order: the SAP quotation the quote refers to does not exist or is another customer's. */
  | 'SAP_QUOTATION_INVALID'
  /** SAP's answer to a price simulation left out a line. */
  | 'SAP_PRICE_INCOMPLETE'
  /** Another press (or gateway instance) is sending the same quote right now. */
  | 'SUBMIT_IN_PROGRESS'
  /** SAP or Dataverse failed while the quote was being sent; nothing is lost and sending again completes it. */
  | 'SUBMIT_INTERRUPTED'
  /** The sync result succeeded, or is not a quote submission. */
  | 'SYNC_RESULT_NOT_RETRYABLE'
  /** An admin switched the feature off (featureSwitches.ts). */
  | 'FEATURE_SWITCHED_OFF';

/** A quote line as messages name it. */
export interface LineReference {
  quoteDetailId: string;
  /** 1-based position of the line on the quote, as the rep sees it. */
  position: number;
  product: string;
}

export class QuoteError extends AppError {
  declare readonly code: QuoteErrorCode;

  constructor(code: QuoteErrorCode, message: string, options: Partial<AppErrorOptions> & { line?: LineReference } = {}) {
    const { line, ...rest } = options;
    super(code, message, { category: 'business', ...rest, details: { ...(line ? { line } : {}), ...rest.details } });
  }
}

/** "Line 2 (Pump housing P-200)" */
export const describeLine = (line: LineReference): string => `Line ${line.position}${line.product ? ` (${line.product})` : ''}`;

export const lineError = (code: QuoteErrorCode, line: LineReference, problem: string): QuoteError =>
  new QuoteError(code, `${describeLine(line)}: ${problem}`, { line });
