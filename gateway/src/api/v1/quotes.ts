/**
 * The quote routes of the panel API (docs/quote-to-sap.md), behind authenticate():
 *
 *   POST /quotes/{quoteid}/sap/price    {"apply": boolean}               → QuotePrice
 *   POST /quotes/{quoteid}/sap/submit   {"as": "quotation" | "order"}    → SubmitResult
 *   POST /sync-results/{id}/retry                                        → SubmitResult
 *
 * Each validates its input with the contract's schemas and hands the signed-in user to the use
 * case, which reads the quote (or sync result) as that user: that read is the access check, so
 * these routes need no record access check of their own. Errors go to the error handler. A send's
 * answer names the SAP document type in the languages the rep's control asks for (Accept-Language).
 */

import { Router, type Request, type Response } from 'express';
import { priceRequestSchema, quoteParamsSchema, submitRequestSchema, syncResultParamsSchema, type SubmitResult } from '../../model/panelApi.js';
import type { QuoteToSap, SubmissionResult } from '../../quotes/index.js';
import { userOf } from './authenticate.js';
import { parsed } from './validation.js';

export interface QuotesRouterOptions {
  quotes: QuoteToSap;
  /** SAP's names of sales document types in the first of the rep's languages SAP has (Accept-Language, best first); never fails, empty when SAP gives none. */
  documentTypeNames: (languages: readonly string[]) => Promise<Map<string, string>>;
}

export function quotesRouter({ quotes, documentTypeNames }: QuotesRouterOptions): Router {
  const router = Router();
  const named = async (result: SubmissionResult, request: Request, response: Response): Promise<SubmitResult> => {
    response.vary('Accept-Language');
    const names = await documentTypeNames(request.acceptsLanguages());
    return { ...result, documentTypeName: names.get(result.documentType) ?? '' };
  };

  router.post('/quotes/:quoteid/sap/price', async (request: Request, response: Response) => {
    const { quoteid } = parsed(quoteParamsSchema, request.params, 'path');
    const { apply } = parsed(priceRequestSchema, request.body, 'body');
    response.json(await quotes.price(quoteid, userOf(response).objectId, { apply }));
  });

  router.post('/quotes/:quoteid/sap/submit', async (request: Request, response: Response) => {
    const { quoteid } = parsed(quoteParamsSchema, request.params, 'path');
    const { as } = parsed(submitRequestSchema, request.body, 'body');
    response.json(await named(await quotes.submit(quoteid, userOf(response).objectId, { as }), request, response));
  });

  router.post('/sync-results/:id/retry', async (request: Request, response: Response) => {
    const { id } = parsed(syncResultParamsSchema, request.params, 'path');
    response.json(await named(await quotes.retry(id, userOf(response).objectId), request, response));
  });

  return router;
}
