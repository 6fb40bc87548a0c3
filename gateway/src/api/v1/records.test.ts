/**
 * GET /api/v1/records/{table}/{id}/sync-results over HTTP on the gateway as it runs on the
 * sandbox: the rows of the record the rep may read, newest first, and nothing for a record the
 * rep may not read.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema, syncResultsSchema } from '../../model/panelApi.js';
import { SYNC_STATUS_VALUES } from '../../quotes/syncResults.js';
import { personaOf, startPanelApiGateway, type PanelApiGateway } from './testing/panelApiGateway.js';

describe('the sync results of a record', () => {
  let fx: PanelApiGateway;
  let account: string;
  const rows: Record<string, string> = {};

  /** A sync result row as the gateway writes it (as the application user), owned by `owner`. */
  const syncResult = async (owner: string, fields: Record<string, unknown>): Promise<string> =>
    (
      await fx.gateway.dataverse.client.create('ecc_syncresults', {
        ecc_name: 'Quote to SAP',
        ecc_regardingtable: 'account',
        ecc_regardingid: account,
        ecc_correlationid: randomUUID(),
        ecc_idempotencykey: randomUUID(),
        'ownerid@odata.bind': `/systemusers(${personaOf(owner).systemUserId})`,
        ...fields,
      })
    ).id;

  beforeAll(async () => {
    fx = await startPanelApiGateway();
    account = await fx.createAccount('anna', fx.scenario.customer());
    rows.failed = await syncResult('anna', {
      ecc_flow: 'quote-submit', ecc_status: SYNC_STATUS_VALUES.failed, ecc_message: 'SAP rejected the order: material not sellable', ecc_startedon: '2026-11-26T08:00:00Z', ecc_finishedon: '2026-11-26T08:00:02Z',
    });
    rows.succeeded = await syncResult('anna', {
      ecc_flow: 'quote-submit', ecc_status: SYNC_STATUS_VALUES.succeeded, ecc_message: 'Created sales order 5001', ecc_sapdocumentnumber: '5001', ecc_startedon: '2026-11-27T09:30:00Z', ecc_finishedon: '2026-11-27T09:30:01Z',
    });
    rows.running = await syncResult('anna', { ecc_flow: 'quote-submit', ecc_status: SYNC_STATUS_VALUES.retrying, ecc_startedon: '2026-11-27T10:00:00Z' });
    // Owned by Olivia, at the root business unit: the ECC Sales Rep role reads sync results organization-wide, so Anna sees it too.
    rows.others = await syncResult('olivia', { ecc_flow: 'customer-sync', ecc_status: SYNC_STATUS_VALUES.deadLettered, ecc_startedon: '2026-11-20T10:00:00Z' });
  }, 60_000);
  afterAll(() => fx?.close());

  const path = (table: string, id: string) => `/api/v1/records/${table}/${id}/sync-results`;

  it('lists the rows the rep may read, newest first, with whether an admin may retry them', async () => {
    const answer = await fx.request('GET', path('account', account), { as: 'anna' });
    expect(answer.status).toBe(200);
    const { results } = syncResultsSchema.parse(answer.body);
    expect(results.map((result) => result.id)).toEqual([rows.running, rows.succeeded, rows.failed, rows.others]);
    expect(results[1]).toEqual({
      id: rows.succeeded, flow: 'quote-submit', status: 'succeeded', message: 'Created sales order 5001', sapDocumentNumber: '5001', correlationId: expect.any(String),
      startedAt: '2026-11-27T09:30:00.000Z', finishedAt: '2026-11-27T09:30:01.000Z', retryable: false,
    });
    expect(results.map((result) => [result.status, result.retryable, result.finishedAt])).toEqual([
      ['retrying', false, ''], ['succeeded', false, expect.any(String)], ['failed', true, expect.any(String)], ['deadLettered', false, ''],
    ]);
  });

  it("shows an organization-wide reader every row; another flow's dead letter is not retried here", async () => {
    const { results } = syncResultsSchema.parse((await fx.request('GET', path('account', account), { as: 'olivia' })).body);
    expect(results).toHaveLength(4);
    expect(results.find((result) => result.id === rows.others)).toMatchObject({ status: 'deadLettered', retryable: false });
  });

  it("shows on a sync result's own form the results of the record it synced, itself among them, so a failed one can be retried there", async () => {
    const { results } = syncResultsSchema.parse((await fx.request('GET', path('ecc_syncresult', rows.failed!), { as: 'olivia' })).body);
    expect(results.map((result) => result.id)).toEqual([rows.running, rows.succeeded, rows.failed, rows.others]);
    expect(results.find((result) => result.id === rows.failed)).toMatchObject({ status: 'failed', retryable: true });
    const missing = await fx.request('GET', path('ecc_syncresult', randomUUID()), { as: 'olivia' });
    expect(missing.status).toBe(404);
    expect(errorSchema.parse(missing.body).error.code).toBe('RECORD_NOT_FOUND');
  });

  it('answers 403 for a record the rep may not read, 404 for one CRM does not have, 400 for a table without sync results', async () => {
    const refused = await fx.request('GET', path('account', account), { as: 'ben' });
    expect(refused.status).toBe(403);
    expect(errorSchema.parse(refused.body).error.code).toBe('NOT_AUTHORIZED');
    const missing = await fx.request('GET', path('quote', randomUUID()), { as: 'anna' });
    expect(missing.status).toBe(404);
    expect(errorSchema.parse(missing.body).error.code).toBe('RECORD_NOT_FOUND');
    const unknown = await fx.request('GET', path('systemuser', personaOf('anna').systemUserId), { as: 'anna' });
    expect(unknown.status).toBe(400);
    expect(errorSchema.parse(unknown.body).error).toMatchObject({ code: 'TABLE_NOT_SUPPORTED', message: expect.stringContaining('account') });
    const badName = await fx.request('GET', path('Account;drop', account), { as: 'anna' });
    expect(badName.status).toBe(400);
    expect(errorSchema.parse(badName.body).error.message).toMatch(/^Path parameter table: /);
  });
});
