import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataverseRequestError, DataverseValidationError } from '../errors.js';
import { startsWith } from '../filter.js';
import type { DataverseClient } from '../client.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;
const accounts = { entitySet: 'accounts', logicalName: 'account' };

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());

const named = async (prefix: string) =>
  (await client.retrieveMultiple<{ accountid: string; name: string; ecc_customernumber: string }>('accounts', { select: ['name', 'ecc_customernumber'], filter: startsWith('name', prefix), orderBy: ['name'] }, { maxRows: 50 }).collect()).rows;

describe('CreateMultiple', () => {
  it('creates every record in one request and returns their ids in order', async () => {
    const prefix = `Bulk ${randomUUID().slice(0, 8)}`;
    const ids = await client.createMultiple(accounts, [{ name: `${prefix} 1` }, { name: `${prefix} 2` }, { name: `${prefix} 3` }]);
    expect(ids).toHaveLength(3);
    const rows = await named(prefix);
    expect(rows.map((row) => [row.accountid, row.name])).toEqual(ids.map((id, i) => [id, `${prefix} ${i + 1}`]));
  });

  it('creates none when one record is refused', async () => {
    const prefix = `Bulk none ${randomUUID().slice(0, 8)}`;
    await expect(client.createMultiple(accounts, [{ name: `${prefix} ok` }, { name: `${prefix} ${'x'.repeat(160)}` }])).rejects.toBeInstanceOf(DataverseValidationError);
    expect(await named(prefix)).toEqual([]);
  });

  it('refuses an empty or oversized request before sending it', async () => {
    await expect(client.createMultiple(accounts, [])).rejects.toBeInstanceOf(DataverseRequestError);
    await expect(client.createMultiple(accounts, Array.from({ length: 1001 }, (_, i) => ({ name: String(i) })))).rejects.toThrow(/at most 1000/);
  });
});

describe('UpsertMultiple', () => {
  it('creates the records whose key is new and updates the one whose key exists', async () => {
    const prefix = `Upsert ${randomUUID().slice(0, 8)}`;
    const numbers = [randomUUID().slice(0, 10), randomUUID().slice(0, 10), randomUUID().slice(0, 10)];
    const { id: existing } = await client.upsert('accounts', { key: { ecc_customernumber: numbers[0]! } }, { name: `${prefix} old` });
    await client.upsertMultiple(
      accounts,
      numbers.map((number, i) => ({ ref: { key: { ecc_customernumber: number } }, values: { name: `${prefix} ${i}` } })),
    );
    const rows = await named(prefix);
    expect(rows.map((row) => [row.name, row.ecc_customernumber])).toEqual(numbers.map((number, i) => [`${prefix} ${i}`, number]));
    expect(rows[0]!.accountid).toBe(existing);
  });
});
