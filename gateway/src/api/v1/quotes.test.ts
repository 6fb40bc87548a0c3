/**
 * The quote routes over HTTP in the panel API's router (CORS, bearer token, rate limit), with
 * real tokens of the sandbox identity provider's personas and the use cases on the sandbox
 * (simulated ECC over SOAP-RFC, simulated Dataverse): what each answers, in the contract's
 * shapes and with its status codes. The use cases' behaviour is tested in gateway/src/quotes/.
 */

import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteSigningKeys, type RemoteSigningKeys } from '../../auth/signingKeys.js';
import { createTokenValidator } from '../../auth/tokenValidator.js';
import { createLogger } from '../../log/logger.js';
import { errorSchema, quotePriceSchema, submitResultSchema } from '../../model/panelApi.js';
import { isoLanguages, SapTexts } from '../../panels/sapTexts.js';
import { createQuoteToSap } from '../../quotes/index.js';
import { persona, startQuoteSandbox, type QuoteSandbox } from '../../quotes/testing/quoteSandbox.js';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../../sandbox/identities.js';
import { SANDBOX_GATEWAY_API_ID_URI } from '../../sandbox/idp/index.js';
import { acquireSandboxToken } from '../../sandbox/idp/testing/identityProvider.js';
import { errorHandler, notFoundHandler } from '../errorHandler.js';
import { requestContext } from '../requestContext.js';
import { quotesRouter } from './quotes.js';
import { createPanelApiRouter } from './router.js';

const silent = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) });

describe('the quote routes', () => {
  let fx: QuoteSandbox;
  let keys: RemoteSigningKeys;
  let api: string;
  let close: () => void;
  let accountId: string;
  let productId: string;
  const tokens = new Map<string, string>();

  const tokenOf = async (key: string): Promise<string> => {
    if (!tokens.has(key)) {
      const who = persona(key);
      tokens.set(key, await acquireSandboxToken(`${fx.origin}/sandbox/idp/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, SANDBOX_GATEWAY_API_ID_URI, { kind: 'persona', username: who.username, password: who.password }));
    }
    return tokens.get(key)!;
  };
  const post = async (path: string, as: string | undefined, body?: unknown, language?: string): Promise<{ status: number; body: unknown; headers: Headers }> => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: {
        ...(as ? { Authorization: `Bearer ${await tokenOf(as)}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(language !== undefined ? { 'Accept-Language': language } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  const codeOf = (answer: { body: unknown }): string => errorSchema.parse(answer.body).error.code;

  beforeAll(async () => {
    fx = await startQuoteSandbox();
    keys = createRemoteSigningKeys({ jwksUrl: fx.sandbox.idp.urls.jwksUri, caPem: fx.sandbox.idp.caCertificatePem });
    const validator = createTokenValidator({
      issuers: [fx.sandbox.idp.issuer],
      audiences: [SANDBOX_GATEWAY_API_ID_URI, SANDBOX_APPLICATIONS.gateway.clientId],
      keys: keys.getKey,
      requiredScopes: ['user_impersonation'],
      clockSkewSeconds: 60,
    });
    const app = express();
    app.use(requestContext(silent));
    app.use('/api', express.json());
    const quotes = createQuoteToSap({ sap: fx.sap, dataverse: fx.dataverse, settings: { abandonedAfterSeconds: 300 } });
    const texts = new SapTexts('E', { ttlMs: 60_000, maxEntries: 100 });
    const documentTypeNames = (languages: readonly string[]): Promise<Map<string, string>> => texts.read(fx.sap, 'documentTypes', isoLanguages(languages));
    app.use('/api/v1', createPanelApiRouter({ validator, isAllowedOrigin: () => false, rateLimit: { maxRequests: 1_000, windowSeconds: 60 }, routes: [quotesRouter({ quotes, documentTypeNames })] }));
    app.use(notFoundHandler);
    app.use(errorHandler(silent));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    close = () => server.close();

    const { customer, salesArea } = fx.customer(3);
    accountId = await fx.createAccount(customer, salesArea, 'anna');
    productId = await fx.createProduct(fx.sellable(salesArea, 1)[0]!.materialNumber, 'Pump');
  }, 60_000);
  afterAll(async () => {
    close?.();
    keys?.close();
    await fx?.close();
  });

  it("prices a quote: 200 with the contract's QuotePrice; apply defaults to false", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId, quantity: 2 }] });
    const shown = await post(`/quotes/${quote.quoteId}/sap/price`, 'anna');
    expect(shown.status).toBe(200);
    expect(quotePriceSchema.parse(shown.body)).toMatchObject({ quoteId: quote.quoteId, applied: false, lines: [{ quoteDetailId: quote.lineIds[0], quantity: 2 }] });
    const applied = await post(`/quotes/${quote.quoteId}/sap/price`, 'anna', { apply: true });
    expect([applied.status, quotePriceSchema.parse(applied.body).applied]).toEqual([200, true]);
  });

  it('sends a quote: 200 with the SubmitResult, the same document on a second press', async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId, quantity: 3 }] });
    const first = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna', { as: 'quotation' });
    expect(first.status).toBe(200);
    const result = submitResultSchema.parse(first.body);
    expect(result).toMatchObject({ category: 'quotation', documentType: 'AG', documentTypeName: 'Quotation', alreadySubmitted: false });
    const second = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna', { as: 'quotation' });
    expect(submitResultSchema.parse(second.body)).toEqual({ ...result, alreadySubmitted: true });
    expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(1);
    const byDefault = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna');
    expect(submitResultSchema.parse(byDefault.body)).toMatchObject({ category: 'order', referenceQuotation: result.documentNumber });
  });

  it("names the SAP document type in the rep's language", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId, quantity: 2 }] });
    const german = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna', { as: 'order' }, 'de-DE,de;q=0.9');
    expect(submitResultSchema.parse(german.body)).toMatchObject({ documentType: 'TA', documentTypeName: 'Terminauftrag' });
    expect(german.headers.get('vary')).toContain('Accept-Language');
    const english = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna', { as: 'order' }, 'en-US');
    expect(submitResultSchema.parse(english.body)).toMatchObject({ documentType: 'TA', documentTypeName: 'Standard Order', alreadySubmitted: true });
  });

  it('refuses what the contract does not allow with 400 REQUEST_INVALID, before anything runs', async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId, quantity: 1 }] });
    for (const [path, body] of [
      [`/quotes/${quote.quoteId}/sap/price`, { apply: 'yes' }],
      [`/quotes/${quote.quoteId}/sap/price`, { apply: true, discount: 5 }],
      [`/quotes/${quote.quoteId}/sap/submit`, { as: 'invoice' }],
      ['/quotes/not-a-guid/sap/submit', { as: 'order' }],
      ['/sync-results/42/retry', undefined],
    ] as const) {
      const answer = await post(path, 'anna', body);
      expect([answer.status, codeOf(answer)], path).toEqual([400, 'REQUEST_INVALID']);
    }
    expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(0);
  });

  it('needs a token: 401', async () => {
    const answer = await post('/quotes/00000000-0000-4000-8000-000000000000/sap/price', undefined, {});
    expect(answer.status).toBe(401);
  });

  it("answers the use cases' refusals with their codes and statuses", async () => {
    const draft = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId, quantity: 1 }] });
    const notReadable = await post(`/quotes/${draft.quoteId}/sap/submit`, 'ben', { as: 'order' });
    expect([notReadable.status, codeOf(notReadable)]).toEqual([403, 'NOT_AUTHORIZED']);
    const notApproved = await post(`/quotes/${draft.quoteId}/sap/submit`, 'anna', { as: 'order' });
    expect([notApproved.status, codeOf(notApproved)]).toEqual([409, 'QUOTE_NOT_APPROVED']);
    const missing = await post('/quotes/00000000-0000-4000-8000-000000000000/sap/price', 'anna', {});
    expect([missing.status, codeOf(missing)]).toEqual([404, 'QUOTE_NOT_FOUND']);
    const writeIn = await fx.createQuote({ accountId, owner: 'anna', lines: [{ quantity: 1 }] });
    const unpriceable = await post(`/quotes/${writeIn.quoteId}/sap/price`, 'anna', {});
    expect([unpriceable.status, codeOf(unpriceable)]).toEqual([422, 'LINE_WITHOUT_PRODUCT']);
  });

  it('retries a failed submission for the integration admin and refuses a rep', async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId, quantity: 1 }] });
    fx.dataverseOutage((method, path) => method === 'POST' && path === '$batch');
    const interrupted = await post(`/quotes/${quote.quoteId}/sap/submit`, 'anna', { as: 'order' }).finally(() => fx.dataverseOutage(undefined));
    expect([interrupted.status, codeOf(interrupted), interrupted.headers.get('retry-after')]).toEqual([503, 'SUBMIT_INTERRUPTED', expect.stringMatching(/^\d+$/)]);
    const { syncResultId } = (interrupted.body as { error: { details: { syncResultId: string } } }).error.details;

    const byRep = await post(`/sync-results/${syncResultId}/retry`, 'anna');
    expect([byRep.status, codeOf(byRep)]).toEqual([403, 'NOT_AUTHORIZED']);
    const byAdmin = await post(`/sync-results/${syncResultId}/retry`, 'olivia');
    expect(byAdmin.status).toBe(200);
    expect(submitResultSchema.parse(byAdmin.body)).toMatchObject({ syncResultId, category: 'order', alreadySubmitted: true });
    const again = await post(`/sync-results/${syncResultId}/retry`, 'olivia');
    expect([again.status, codeOf(again)]).toEqual([409, 'SYNC_RESULT_NOT_RETRYABLE']);
    expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(1);
  });
});
