/**
 * Sending quotes to SAP against the sandbox: the simulated ECC over SOAP-RFC and the simulated
 * Dataverse with the ecc365 solution, with real tokens. Documents are counted in the simulated
 * ECC's tables; what the gateway wrote is read back from Dataverse. Failures are made where they
 * happen in production: SAP down (the simulated ECC's knob), an answer lost after SAP committed
 * (the connection breaks after BAPI_TRANSACTION_COMMIT ran), Dataverse unavailable in front of the
 * simulator (503), and the gateway stopping between SAP and the write-back.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCorrelationId } from '../log/context.js';
import { SapCommunicationError } from '../sap/errors.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import type { RfcClient } from '../sap/rfc.js';
import type { QuoteSettings } from './dependencies.js';
import { createQuoteToSap, type QuoteToSap, type SubmissionResult } from './index.js';
import { idempotencyKeyOf } from './submissionKeys.js';
import { persona, startQuoteSandbox, type CreatedQuote, type QuoteSandbox } from './testing/quoteSandbox.js';

const STATUS = { succeeded: 363650000, failed: 363650001, retrying: 363650002 };
const CATEGORY = { quotation: 363650000, order: 363650001 };
const CAUSE = { sapError: 363650000, connectionOrTimeout: 363650004 };
const CREATE_BAPIS = ['BAPI_QUOTATION_CREATEFROMDATA2', 'BAPI_SALESORDER_CREATEFROMDAT2'];

interface SyncRow {
  ecc_syncresultid: string;
  ecc_name: string;
  ecc_flow: string;
  ecc_status: number;
  ecc_message: string;
  ecc_sapdocumentnumber: string | null;
  ecc_correlationid: string;
  ecc_startedon: string;
  ecc_finishedon: string | null;
  ecc_regardingtable: string;
  ecc_regardingid: string;
  ecc_idempotencykey: string;
  ecc_sourcesnapshot: string;
  ecc_targetsnapshot: string | null;
  ecc_cause: number | null;
  ecc_errorcode: string | null;
}

interface QuoteRow {
  ecc_sapdocumentnumber: string | null;
  ecc_sapdocumentcategory: number | null;
  ecc_sapstatus: string | null;
  ecc_sapsubmittedon: string | null;
  ecc_sapquotationnumber: string | null;
}

/** The same RFC client, except that SAP cannot be reached when a document is to be created. */
function unreachableForCreates(client: RfcClient): RfcClient {
  return {
    description: client.description,
    call: (functionModule, parameters, options) => client.call(functionModule, parameters, options),
    ping: (options) => client.ping(options),
    close: () => client.close(),
    inSession: (work) =>
      client.inSession((session) =>
        work({
          call: async (functionModule, parameters, options) => {
            if (CREATE_BAPIS.includes(functionModule)) throw new SapCommunicationError("Partner 'ecshost:sapgw00' not reached");
            return session.call(functionModule, parameters, options);
          },
        }),
      ),
  };
}

/** The same RFC client, except that the answers of the first `times` commits are lost after SAP committed. */
function losingCommitAnswers(client: RfcClient, times: number): RfcClient {
  let remaining = times;
  return {
    description: client.description,
    call: (functionModule, parameters, options) => client.call(functionModule, parameters, options),
    ping: (options) => client.ping(options),
    close: () => client.close(),
    inSession: (work) =>
      client.inSession((session) =>
        work({
          call: async (functionModule, parameters, options) => {
            const result = await session.call(functionModule, parameters, options);
            if (functionModule === 'BAPI_TRANSACTION_COMMIT' && remaining > 0) {
              remaining -= 1;
              throw new SapCommunicationError("Connection to partner 'ecshost:sapgw00' broken (the answer was lost after the call ran)");
            }
            return result;
          },
        }),
      ),
  };
}

describe('sending a quote to SAP', () => {
  let fx: QuoteSandbox;
  let accountId: string;
  let products: string[];
  let customerNumber: string;
  let clockOffsetMs = 0;
  const settings: QuoteSettings = { abandonedAfterSeconds: 120 };
  const anna = persona('anna').objectId;
  const olivia = persona('olivia').objectId;

  const clock = (): Date => new Date(Date.now() + clockOffsetMs);
  const service = (overrides: { sap?: RfcClient; settings?: Partial<QuoteSettings> } = {}): QuoteToSap =>
    createQuoteToSap({ sap: overrides.sap ?? fx.sap, dataverse: fx.dataverse, settings: { ...settings, ...overrides.settings }, now: clock });
  const calls = (names: string[]): number => names.reduce((sum, name) => sum + (fx.sandbox.ecc.callCounts.get(name) ?? 0), 0);
  const sapCalls = (): number => [...fx.sandbox.ecc.callCounts.values()].reduce((sum, count) => sum + count, 0);
  const quoteRow = (id: string): Promise<QuoteRow> =>
    fx.dataverse.retrieve<QuoteRow>('quotes', id, { select: ['ecc_sapdocumentnumber', 'ecc_sapdocumentcategory', 'ecc_sapstatus', 'ecc_sapsubmittedon', 'ecc_sapquotationnumber'] });
  const syncRowOf = async (quoteId: string, category: 'quotation' | 'order'): Promise<SyncRow | undefined> =>
    fx.dataverse.retrieve<SyncRow>('ecc_syncresults', { key: { ecc_idempotencykey: idempotencyKeyOf(quoteId, category) } }).catch(() => undefined);
  const refusal = async (work: Promise<unknown>) =>
    work.then(
      () => expect.fail('expected a refusal'),
      (error: unknown) => error as { code: string; message: string; retryable: boolean; retryAfterSeconds?: number; details: Record<string, unknown>; sapMessages: unknown[] },
    );
  const activeQuote = (lines = 2): Promise<CreatedQuote> =>
    fx.createQuote({ accountId, owner: 'anna', active: true, lines: products.slice(0, lines).map((productId, index) => ({ productId, quantity: index + 2 })) });

  beforeAll(async () => {
    fx = await startQuoteSandbox();
    const { customer, salesArea } = fx.customer(2);
    customerNumber = customer.customerNumber;
    accountId = await fx.createAccount(customer, salesArea, 'anna');
    products = await Promise.all(fx.sellable(salesArea, 3).map((m, i) => fx.createProduct(m.materialNumber, `Pump ${i + 1}`)));
  }, 60_000);
  afterAll(async () => fx?.close());

  describe('as a quotation, then as a sales order with reference to it', () => {
    let quote: CreatedQuote;
    let quotation: SubmissionResult;

    it("creates the SAP quotation, writes its number and status onto the quote and a sync result row with both snapshots", async () => {
      quote = await activeQuote(2);
      const before = calls(CREATE_BAPIS);
      quotation = await withCorrelationId('submit-quotation-1', () => service().submit(quote.quoteId, anna, { as: 'quotation' }));

      expect(quotation).toMatchObject({ quoteId: quote.quoteId, category: 'quotation', documentType: 'AG', referenceQuotation: '', alreadySubmitted: false, status: 'Open' });
      expect(quotation.messages).toContainEqual(expect.objectContaining({ type: 'S', id: 'V1', number: '311' }));
      expect(calls(CREATE_BAPIS) - before).toBe(1);
      const [inSap] = await getSalesDocuments(fx.sap, [quotation.documentNumber]);
      expect(inSap).toMatchObject({ category: 'quotation', customerReference: quote.quoteNumber });
      expect(inSap!.soldTo.replace(/^0+/, '')).toBe(customerNumber.replace(/^0+/, ''));
      expect(inSap!.items.map((item) => item.quantity)).toEqual([2, 3]);

      const written = await quoteRow(quote.quoteId);
      expect(written).toMatchObject({ ecc_sapdocumentnumber: quotation.documentNumber, ecc_sapdocumentcategory: CATEGORY.quotation, ecc_sapstatus: 'Open', ecc_sapquotationnumber: quotation.documentNumber });
      expect(written.ecc_sapsubmittedon).not.toBeNull();

      const row = (await syncRowOf(quote.quoteId, 'quotation'))!;
      expect(row).toMatchObject({
        ecc_syncresultid: quotation.syncResultId, ecc_flow: 'quote-submit', ecc_status: STATUS.succeeded, ecc_sapdocumentnumber: quotation.documentNumber,
        ecc_correlationid: 'submit-quotation-1', ecc_regardingtable: 'quote', ecc_regardingid: quote.quoteId, ecc_idempotencykey: idempotencyKeyOf(quote.quoteId, 'quotation'),
      });
      expect(row.ecc_message).toContain(`SAP quotation ${quotation.documentNumber} (AG) created`);
      expect(Date.parse(row.ecc_finishedon!)).toBeGreaterThanOrEqual(Date.parse(row.ecc_startedon));
      const source = JSON.parse(row.ecc_sourcesnapshot) as { quote: { quoteNumber: string }; sapDocument: { customerReference: string; items: { quantity: number }[] } };
      expect(source.quote.quoteNumber).toBe(quote.quoteNumber);
      expect(source.sapDocument.customerReference).toBe(quote.quoteNumber);
      expect(source.sapDocument.items.map((item) => item.quantity)).toEqual([2, 3]);
      expect(JSON.parse(row.ecc_targetsnapshot!)).toMatchObject({ documentNumber: quotation.documentNumber, documentType: 'AG', createdByThisSubmission: true });
    });

    it('creates the sales order with reference to the SAP quotation: each line takes over its quotation item', async () => {
      const order = await service().submit(quote.quoteId, anna, { as: 'order' });
      expect(order).toMatchObject({ category: 'order', documentType: 'TA', referenceQuotation: quotation.documentNumber, alreadySubmitted: false });
      expect(order.documentNumber).not.toBe(quotation.documentNumber);
      const [inSap] = await getSalesDocuments(fx.sap, [order.documentNumber]);
      expect(inSap!.referenceDocument).toBe(quotation.documentNumber);
      expect(inSap!.items.map((item) => [item.referenceDocument, item.referenceItem, item.quantity])).toEqual([[quotation.documentNumber, 10, 2], [quotation.documentNumber, 20, 3]]);
      expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: order.documentNumber, ecc_sapdocumentcategory: CATEGORY.order, ecc_sapquotationnumber: quotation.documentNumber });
    });
  });

  describe('idempotency', () => {
    it('a second press answers the same SAP document and creates none', async () => {
      const quote = await activeQuote();
      const first = await service().submit(quote.quoteId, anna, { as: 'order' });
      const creates = calls(CREATE_BAPIS);
      const second = await service().submit(quote.quoteId, anna, { as: 'order' });
      expect(second).toEqual({ ...first, alreadySubmitted: true });
      expect(calls(CREATE_BAPIS)).toBe(creates);
      expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(1);
    });

    it('ten concurrent presses make one SAP document, and all answer it', async () => {
      const quote = await activeQuote();
      const quotes = service();
      const results = await Promise.all(Array.from({ length: 10 }, () => quotes.submit(quote.quoteId, anna, { as: 'order' })));
      expect(new Set(results.map((r) => r.documentNumber)).size).toBe(1);
      expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
      expect(fx.documentsWithReference(quote.quoteNumber)).toEqual([results[0]!.documentNumber.padStart(10, '0')]);
    });

    it('concurrent presses on two gateway instances make one SAP document; the other instance says it is in progress', async () => {
      const quote = await activeQuote();
      const [east, west] = [service(), service()];
      const settled = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? east : west).submit(quote.quoteId, anna, { as: 'order' })));
      const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.documentNumber] : []));
      const refused = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as { code: string }).code] : []));
      expect(answered.length).toBeGreaterThan(0);
      expect(new Set(answered).size).toBe(1);
      expect(new Set(refused)).toEqual(new Set(refused.length > 0 ? ['SUBMIT_IN_PROGRESS'] : []));
      expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(1);
      expect((await west.submit(quote.quoteId, anna, { as: 'order' })).documentNumber).toBe(answered[0]);
    });

    it("an answer lost after SAP committed: the press fails as retryable, and the next press finds SAP's document instead of creating another", async () => {
      const quote = await activeQuote();
      const error = await refusal(service({ sap: losingCommitAnswers(fx.sap, 1) }).submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.retryable]).toEqual(['SUBMIT_INTERRUPTED', true]);
      expect(error.message).toContain('(the answer was lost after the call ran). Nothing is lost. Send it again');
      const created = fx.documentsWithReference(quote.quoteNumber);
      expect(created, 'SAP created the order before the answer was lost').toHaveLength(1);
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.failed, ecc_message: expect.stringContaining('broken') });
      expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: null });

      const creates = calls(CREATE_BAPIS);
      const again = await service().submit(quote.quoteId, anna, { as: 'order' });
      expect(calls(CREATE_BAPIS)).toBe(creates);
      expect(again).toMatchObject({ documentNumber: created[0]!.replace(/^0+/, ''), alreadySubmitted: true });
      expect(fx.documentsWithReference(quote.quoteNumber)).toEqual(created);
      expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: again.documentNumber });
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.succeeded, ecc_message: expect.stringContaining('found in SAP (created by an earlier attempt') });
    });

    it("answers lost at random (the simulated ECC's lostResponseRate): pressing until each quote goes through makes one document each", async () => {
      const pressed = await Promise.all(Array.from({ length: 4 }, () => activeQuote(1)));
      const failures: string[] = [];
      const results: SubmissionResult[] = [];
      fx.sandbox.ecc.setKnobs({ lostResponseRate: 0.2 });
      try {
        for (const quote of pressed) {
          let result: SubmissionResult | undefined;
          for (let press = 0; press < 100 && !result; press += 1) {
            result = await service()
              .submit(quote.quoteId, anna, { as: 'order' })
              .catch((error: { code: string }) => void failures.push(error.code));
          }
          expect(result, `quote ${quote.quoteNumber} never went through`).toBeDefined();
          results.push(result!);
        }
      } finally {
        fx.sandbox.ecc.setKnobs({ lostResponseRate: 0 });
      }
      expect(failures.length, 'presses that lost an answer').toBeGreaterThan(0);
      expect(new Set(failures)).toEqual(new Set(['SUBMIT_INTERRUPTED']));
      for (const [index, quote] of pressed.entries()) {
        expect(fx.documentsWithReference(quote.quoteNumber), quote.quoteNumber).toEqual([results[index]!.documentNumber.padStart(10, '0')]);
        expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: results[index]!.documentNumber });
      }
    });

    it('Dataverse failing the write-back: retryable, the row keeps the SAP document number, and the next press records it without a second document', async () => {
      const quote = await activeQuote();
      fx.dataverseOutage((method, path) => method === 'POST' && path === '$batch');
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }).finally(() => fx.dataverseOutage(undefined)));
      expect([error.code, error.retryable, error.details.causeCode]).toEqual(['SUBMIT_INTERRUPTED', true, 'DATAVERSE_UNAVAILABLE']);
      const created = fx.documentsWithReference(quote.quoteNumber);
      expect(created).toHaveLength(1);
      const failed = (await syncRowOf(quote.quoteId, 'order'))!;
      expect(failed).toMatchObject({ ecc_status: STATUS.failed, ecc_sapdocumentnumber: created[0]!.replace(/^0+/, '') });
      expect(failed.ecc_message).toContain('a retry records it on the quote without creating another');

      const again = await service().submit(quote.quoteId, anna, { as: 'order' });
      expect(again.documentNumber).toBe(failed.ecc_sapdocumentnumber);
      expect(fx.documentsWithReference(quote.quoteNumber)).toEqual(created);
      expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: again.documentNumber });
    });

    it('the gateway stopping between SAP and the write-back: presses meanwhile are told it is in progress; once abandoned, a press completes it with the same document', async () => {
      const quote = await activeQuote();
      // Neither the write-back nor the failure mark reaches Dataverse: as if the gateway had stopped.
      fx.dataverseOutage((method, path) => (method === 'POST' && path === '$batch') || (method === 'PATCH' && /^ecc_syncresults\([0-9a-f-]{36}\)$/.test(path)));
      await refusal(service().submit(quote.quoteId, anna, { as: 'order' }).finally(() => fx.dataverseOutage(undefined)));
      const created = fx.documentsWithReference(quote.quoteNumber);
      expect(created).toHaveLength(1);
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.retrying, ecc_finishedon: null });

      const meanwhile = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
      expect([meanwhile.code, meanwhile.retryable, meanwhile.retryAfterSeconds]).toEqual(['SUBMIT_IN_PROGRESS', true, 5]);

      clockOffsetMs = (settings.abandonedAfterSeconds + 1) * 1000;
      try {
        const completed = await service().submit(quote.quoteId, anna, { as: 'order' });
        expect(completed).toMatchObject({ documentNumber: created[0]!.replace(/^0+/, ''), alreadySubmitted: true });
      } finally {
        clockOffsetMs = 0;
      }
      expect(fx.documentsWithReference(quote.quoteNumber)).toEqual(created);
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.succeeded });
    });
  });

  describe('SAP down, and the integration admin\'s retry', () => {
    let quote: CreatedQuote;
    let syncResultId: string;

    it('SAP unreachable before the quote is checked: retryable, nothing sent and no row written', async () => {
      const quote = await activeQuote();
      fx.sandbox.ecc.setKnobs({ down: true });
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }).finally(() => fx.sandbox.ecc.setKnobs({ down: false })));
      expect([error.code, error.retryable, error.details.causeCode]).toEqual(['SUBMIT_INTERRUPTED', true, 'SAP_COMMUNICATION']);
      expect(error.message).toContain('Nothing was sent to SAP.');
      expect(await syncRowOf(quote.quoteId, 'order')).toBeUndefined();
    });

    it('SAP unreachable when the document is to be created: retryable, nothing created, the sync result row says failed and why', async () => {
      quote = await activeQuote();
      const error = await refusal(service({ sap: unreachableForCreates(fx.sap) }).submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.retryable, error.details.causeCode]).toEqual(['SUBMIT_INTERRUPTED', true, 'SAP_COMMUNICATION']);
      expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(0);
      const row = (await syncRowOf(quote.quoteId, 'order'))!;
      expect(row).toMatchObject({ ecc_status: STATUS.failed, ecc_sapdocumentnumber: null, ecc_message: expect.stringContaining('not reached') });
      expect(row).toMatchObject({ ecc_cause: CAUSE.connectionOrTimeout, ecc_errorcode: 'SAP_COMMUNICATION' });
      expect(error.details.syncResultId).toBe(row.ecc_syncresultid);
      syncResultId = row.ecc_syncresultid;
    });

    it('a rep may not retry it: NOT_AUTHORIZED, and nothing runs', async () => {
      const before = sapCalls();
      const error = await refusal(service().retry(syncResultId, anna));
      expect(error.code).toBe('NOT_AUTHORIZED');
      expect(sapCalls()).toBe(before);
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.failed });
    });

    it('the integration admin retries it: the same submission completes, once', async () => {
      const retried = await withCorrelationId('admin-retry-1', () => service().retry(syncResultId, olivia));
      expect(retried).toMatchObject({ quoteId: quote.quoteId, category: 'order', syncResultId, alreadySubmitted: false });
      expect(fx.documentsWithReference(quote.quoteNumber)).toEqual([retried.documentNumber.padStart(10, '0')]);
      // The failure's cause and code go with the failure.
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.succeeded, ecc_correlationid: 'admin-retry-1', ecc_sapdocumentnumber: retried.documentNumber, ecc_cause: null, ecc_errorcode: null });
      expect(await quoteRow(quote.quoteId)).toMatchObject({ ecc_sapdocumentnumber: retried.documentNumber });
    });

    it('a succeeded submission, or a row that does not exist, is not retried', async () => {
      expect((await refusal(service().retry(syncResultId, olivia))).code).toBe('SYNC_RESULT_NOT_RETRYABLE');
      expect((await refusal(service().retry('00000000-0000-4000-8000-000000000000', olivia))).code).toBe('SYNC_RESULT_NOT_FOUND');
    });
  });

  describe('refusals', () => {
    it('a draft quote: QUOTE_NOT_APPROVED, before SAP and before any row is written', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[0]!, quantity: 1 }] });
      const before = sapCalls();
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.message]).toEqual(['QUOTE_NOT_APPROVED', expect.stringContaining('is draft; only an active (approved) quote can be sent to SAP. Activate the quote')]);
      expect(sapCalls()).toBe(before);
      expect(await syncRowOf(quote.quoteId, 'order')).toBeUndefined();
    });

    it("an active quote whose configured approval column does not say approved: QUOTE_NOT_APPROVED; approved, it goes", async () => {
      const quote = await activeQuote(1);
      // The installation's approval: status reason 3 of an active quote.
      const approving = service({ settings: { approvalColumn: 'statuscode', approvedValue: 3 } });
      const before = sapCalls();
      const error = await refusal(approving.submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.message]).toEqual(['QUOTE_NOT_APPROVED', expect.stringContaining('its column statuscode does not say approved (3)')]);
      expect(sapCalls()).toBe(before);
      await fx.dataverse.update('quotes', quote.quoteId, { statuscode: 3 });
      expect((await approving.submit(quote.quoteId, anna, { as: 'order' })).documentNumber).not.toBe('');
    });

    it('a rep who may not read the quote: NOT_AUTHORIZED, SAP not called', async () => {
      const quote = await activeQuote(1);
      const before = sapCalls();
      expect((await refusal(service().submit(quote.quoteId, persona('ben').objectId, { as: 'order' }))).code).toBe('NOT_AUTHORIZED');
      expect(sapCalls()).toBe(before);
      expect(await syncRowOf(quote.quoteId, 'order')).toBeUndefined();
    });

    it('a write-in line or a product without material, naming the line, SAP not called', async () => {
      const unlinked = await fx.createProduct('', 'Service hours');
      for (const [lines, code] of [
        [[{ productId: products[0]!, quantity: 1 }, { quantity: 1 }], 'LINE_WITHOUT_PRODUCT'],
        [[{ productId: unlinked, quantity: 1 }], 'PRODUCT_WITHOUT_MATERIAL'],
      ] as const) {
        const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [...lines] });
        const before = sapCalls();
        const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
        expect([error.code, error.details.line]).toEqual([code, expect.objectContaining({ quoteDetailId: quote.lineIds[lines.length - 1] })]);
        expect(sapCalls()).toBe(before);
      }
    });

    it('a material SAP does not sell in the sales area, naming the line: MATERIAL_NOT_SELLABLE; no document, no row', async () => {
      const blocked = await fx.createProduct(fx.blocked(fx.customer(2).salesArea)!.materialNumber, 'Blocked pump');
      const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId: products[0]!, quantity: 1 }, { productId: blocked, quantity: 1 }] });
      const creates = calls(CREATE_BAPIS);
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.message]).toEqual(['MATERIAL_NOT_SELLABLE', expect.stringMatching(/^Line 2 \(Blocked pump\): material .* is blocked for sales/)]);
      expect(calls(CREATE_BAPIS)).toBe(creates);
      expect(await syncRowOf(quote.quoteId, 'order')).toBeUndefined();
    });

    it('an SAP quotation number that is not a quotation of this customer: SAP_QUOTATION_INVALID', async () => {
      const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, quotationNumber: '99999999', lines: [{ productId: products[0]!, quantity: 1 }] });
      const creates = calls(CREATE_BAPIS);
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.message]).toEqual(['SAP_QUOTATION_INVALID', expect.stringContaining('SAP has no document 99999999')]);
      expect(calls(CREATE_BAPIS)).toBe(creates);
    });

    it("SAP's own refusal (a customer blocked for orders): SAP_REJECTED with SAP's messages, and the row says failed", async () => {
      const blockedCustomer = fx.seeded.customers.find((c) => c.blockedForOrders && c.salesOrg.salesOrg === '1000');
      expect(blockedCustomer, 'the seed has a customer blocked for orders').toBeDefined();
      const [org, channel, division] = blockedCustomer!.salesAreas[0]!;
      const salesArea = { salesOrganization: org, distributionChannel: channel, division };
      const blockedAccount = await fx.createAccount(blockedCustomer!, salesArea, 'anna');
      const product = await fx.createProduct(fx.sellable(salesArea, 1)[0]!.materialNumber, 'Pump 1');
      const quote = await fx.createQuote({ accountId: blockedAccount, owner: 'anna', active: true, lines: [{ productId: product, quantity: 1 }] });
      const error = await refusal(service().submit(quote.quoteId, anna, { as: 'order' }));
      expect([error.code, error.retryable]).toEqual(['SAP_REJECTED', false]);
      expect(error.sapMessages).toContainEqual(expect.objectContaining({ type: 'E' }));
      expect(fx.documentsWithReference(quote.quoteNumber)).toHaveLength(0);
      expect(await syncRowOf(quote.quoteId, 'order')).toMatchObject({ ecc_status: STATUS.failed, ecc_message: expect.stringContaining('SAP rejected'), ecc_cause: CAUSE.sapError, ecc_errorcode: 'SAP_REJECTED' });
    });
  });
});
