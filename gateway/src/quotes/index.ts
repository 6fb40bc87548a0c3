/**
 * Quote to SAP: the use cases behind the quote form's SAP pricing and Send to SAP, and the
 * integration admin's retry. One instance per gateway process (it holds the submissions running
 * in this process, so that concurrent presses share one attempt). An admin can switch sending
 * and writing prices off (featureSwitches.ts). docs/quote-to-sap.md describes them for admins.
 */

import type { QuotePrice } from '../model/panelApi.js';
import type { QuoteToSapDependencies } from './dependencies.js';
import { FeatureSwitches } from './featureSwitches.js';
import { priceQuote } from './priceQuote.js';
import { QuoteSubmissions, type SubmissionResult } from './quoteSubmissions.js';
import type { SubmissionCategory } from './submissionKeys.js';

export interface QuoteToSap {
  /** SAP's price for every line of the quote; with apply, written onto the (draft) quote's lines. */
  price(quoteId: string, userObjectId: string, options: { apply: boolean }): Promise<QuotePrice>;
  /** Sends the approved quote to SAP as a quotation or a sales order, once. */
  submit(quoteId: string, userObjectId: string, options: { as: SubmissionCategory }): Promise<SubmissionResult>;
  /** Runs a failed quote submission again, for an integration admin. */
  retry(syncResultId: string, userObjectId: string): Promise<SubmissionResult>;
}

export function createQuoteToSap(deps: QuoteToSapDependencies): QuoteToSap {
  const submissions = new QuoteSubmissions(deps);
  const switches = new FeatureSwitches(deps.dataverse, deps.now);
  return {
    price: async (quoteId, userObjectId, options) => {
      if (options.apply) await switches.assertOn('pricingWriteBack');
      return priceQuote(deps, quoteId, userObjectId, options);
    },
    submit: async (quoteId, userObjectId, options) => {
      await switches.assertOn('sendToSap');
      return submissions.submit(quoteId, userObjectId, options.as);
    },
    retry: async (syncResultId, userObjectId) => {
      await switches.assertOn('sendToSap');
      return submissions.retry(syncResultId, userObjectId);
    },
  };
}

export type { QuoteSettings, QuoteToSapDependencies } from './dependencies.js';
export { QuoteError, type QuoteErrorCode } from './errors.js';
export type { SubmissionCategory } from './submissionKeys.js';
export type { SubmissionResult } from './quoteSubmissions.js';
