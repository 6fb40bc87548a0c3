import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataverseNotFoundError, DataverseValidationError } from '../errors.js';
import { eq } from '../filter.js';
import type { DataverseClient } from '../client.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';
import { batchRequest, bindToContentId } from './batch.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());

const accountsNamed = async (name: string) =>
  (await client.retrieveMultiple<{ accountid: string }>('accounts', { select: ['name'], filter: eq('name', name) }, { maxRows: 10 }).collect()).rows;

describe('$batch', () => {
  it('commits a change set whose requests refer to each other by Content-ID, and answers a read outside it', async () => {
    const name = `Batch ${randomUUID()}`;
    const { id: existing } = await client.create('accounts', { name: `${name} (existing)` });
    const result = await client.executeBatch([
      {
        changeSet: [
          batchRequest.create('accounts', { name }, 'account'),
          batchRequest.create('contacts', { lastname: 'Batch', 'parentcustomerid_account@odata.bind': bindToContentId('account') }),
          batchRequest.update('accounts', { contentId: 'account' }, { telephone1: '555-0100' }),
        ],
      },
      batchRequest.retrieve('accounts', existing, ['name']),
    ]);

    expect(result.ok).toBe(true);
    expect(result.results.map((r) => [r.outcome, r.status, r.contentId])).toEqual([
      ['succeeded', 204, 'account'],
      ['succeeded', 204, '1'],
      ['succeeded', 204, '2'],
      ['succeeded', 200, undefined],
    ]);
    const [account, contact, , read] = result.results;
    expect(account!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(read!.body).toMatchObject({ accountid: existing, name: `${name} (existing)` });
    expect(await client.retrieve('accounts', account!.id!, { select: ['name', 'telephone1'] })).toMatchObject({ name, telephone1: '555-0100' });
    expect(await client.retrieve('contacts', contact!.id!, { select: ['_parentcustomerid_value'] })).toMatchObject({ _parentcustomerid_value: account!.id });
  });

  it('rolls the whole change set back when one request fails, and stops the batch there', async () => {
    const name = `Rollback ${randomUUID()}`;
    const result = await client.executeBatch([
      { changeSet: [batchRequest.create('accounts', { name }), batchRequest.create('accounts', { name: 'x'.repeat(161) }), batchRequest.create('contacts', { lastname: name })] },
      batchRequest.create('accounts', { name: `${name} after` }),
    ]);

    expect(result.ok).toBe(false);
    expect(result.results.map((r) => r.outcome)).toEqual(['rolled-back', 'failed', 'rolled-back', 'not-executed']);
    const failed = result.results[1]!;
    expect(failed.error).toBeInstanceOf(DataverseValidationError);
    expect(failed).toMatchObject({ status: 400, error: { dataverseCode: '0x80044331' } });
    expect(result.results[0]!.error).toBe(failed.error);
    expect(await accountsNamed(name)).toEqual([]);
    expect(await accountsNamed(`${name} after`)).toEqual([]);
  });

  it('with continueOnError runs every request and reports each outcome', async () => {
    const name = `Continue ${randomUUID()}`;
    const result = await client.executeBatch(
      [batchRequest.update('accounts', randomUUID(), { name: 'Ghost' }), batchRequest.create('accounts', { name }), batchRequest.delete('accounts', randomUUID())],
      { continueOnError: true },
    );
    expect(result.results.map((r) => r.outcome)).toEqual(['failed', 'succeeded', 'failed']);
    expect(result.results[0]!.error).toBeInstanceOf(DataverseNotFoundError);
    expect(result.results[0]!.error!.message).toContain('update accounts');
    expect(await accountsNamed(name)).toHaveLength(1);
  });

  it('upserts by alternate key inside a change set', async () => {
    const number = randomUUID().slice(0, 10);
    const result = await client.executeBatch([{ changeSet: [batchRequest.upsert('accounts', { key: { ecc_customernumber: number } }, { name: 'Batch upsert' })] }]);
    expect(result.ok).toBe(true);
    expect(await client.retrieve('accounts', { key: { ecc_customernumber: number } }, { select: ['name'] })).toMatchObject({ accountid: result.results[0]!.id, name: 'Batch upsert' });
  });
});
