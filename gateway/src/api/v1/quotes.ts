/**
 * The quote routes of the panel API (docs/quote-to-sap.md), behind authenticate():
 *
 *   POST /quotes/{quoteid}/sap/price    {"apply": boolean}               → QuotePrice
 *   POST /quotes/{quoteid}/sap/submit   {"as": "quotation" | "order"}    → SubmitResult
 *   POST /sync-results/{id}/retry                                        → SubmitResult
 *
 * Each validates its input with the contract's schemas and hands the signed-in user to the use
 * case, which reads the quote (or sync result) as that user: that read is the access check, so
 * these routes need no record access check of their own. Errors go to the error handler.
 */

import { Router, type Request, type Response } from 'express';
import { priceRequestSchema, quoteParamsSchema, submitRequestSchema, syncResultParamsSchema } from '../../model/panelApi.js';
import type { QuoteToSap } from '../../quotes/index.js';
import { userOf } from './authenticate.js';
import { parsed } from './validation.js';

export function quotesRouter(quotes: QuoteToSap): Router {
  const router = Router();

  router.post('/quotes/:quoteid/sap/price', async (request: Request, response: Response) => {
    const { quoteid } = parsed(quoteParamsSchema, request.params, 'path');
    const { apply } = parsed(priceRequestSchema, request.body, 'body');
    response.json(await quotes.price(quoteid, userOf(response).objectId, { apply }));
  });

  router.post('/quotes/:quoteid/sap/submit', async (request: Request, response: Response) => {
    const { quoteid } = parsed(quoteParamsSchema, request.params, 'path');
    const { as } = parsed(submitRequestSchema, request.body, 'body');
    response.json(await quotes.submit(quoteid, userOf(response).objectId, { as }));
  });

  router.post('/sync-results/:id/retry', async (request: Request, response: Response) => {
    const { id } = parsed(syncResultParamsSchema, request.params, 'path');
    response.json(await quotes.retry(id, userOf(response).objectId));
  });

  return router;
}
