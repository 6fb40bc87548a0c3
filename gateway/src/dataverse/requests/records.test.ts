import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataverseConcurrencyError,
  DataverseDuplicateKeyError,
  DataverseNotFoundError,
  DataverseRequestError,
  DataverseSchemaError,
  DataverseValidationError,
} from '../errors.js';
import { odataBind } from '../recordAddress.js';
import type { DataverseClient } from '../client.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());

/** A customer number no other test uses (the key is 10 characters). */
const customerNumber = () => randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase();

interface Account {
  accountid: string;
  name: string;
  ecc_customernumber: string | null;
  telephone1: string | null;
  '@odata.etag': string;
}

describe('create and retrieve', () => {
  it('creates a record and returns its id from OData-EntityId; retrieve reads the columns asked for', async () => {
    const { id, record } = await client.create('accounts', { name: 'Create Co', telephone1: '+49 40 123' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).toBeUndefined();
    const read = await client.retrieve<Account>('accounts', id, { select: ['name', 'telephone1'] });
    expect(read).toMatchObject({ accountid: id, name: 'Create Co', telephone1: '+49 40 123' });
    expect(read).not.toHaveProperty('ecc_customernumber');
  });

  it('returns the created record when asked (Prefer: return=representation)', async () => {
    const { id, record } = await client.create<Account>('accounts', { name: 'Represented Co' }, { returnRepresentation: { select: ['name'] } });
    expect(record).toMatchObject({ accountid: id, name: 'Represented Co' });
  });

  it('sets lookups with @odata.bind by id and by alternate key, and expands them', async () => {
    const number = customerNumber();
    const { id: accountId } = await client.create('accounts', { name: 'Parent Co', ecc_customernumber: number });
    const byId = await client.create('contacts', { lastname: 'By Id', 'parentcustomerid_account@odata.bind': odataBind('accounts', accountId) });
    const byKey = await client.create('contacts', { lastname: 'By Key', 'parentcustomerid_account@odata.bind': odataBind('accounts', { key: { ecc_customernumber: number } }) });
    for (const contact of [byId, byKey]) {
      const read = await client.retrieve<Record<string, unknown>>('contacts', contact.id, {
        select: ['lastname', '_parentcustomerid_value'],
        expand: [{ navigation: 'parentcustomerid_account', select: ['name'] }],
      });
      expect(read._parentcustomerid_value).toBe(accountId);
      expect(read.parentcustomerid_account).toMatchObject({ name: 'Parent Co' });
    }
  });

  it('reports a missing record, a value Dataverse refuses, and a column the environment lacks as typed errors', async () => {
    await expect(client.retrieve('accounts', randomUUID())).rejects.toBeInstanceOf(DataverseNotFoundError);
    const tooLong = await client.create('accounts', { name: 'x'.repeat(161) }).catch((error: unknown) => error);
    expect(tooLong).toBeInstanceOf(DataverseValidationError);
    expect(tooLong).toMatchObject({ status: 400, dataverseCode: '0x80044331' });
    expect((tooLong as Error).message).toContain("'name'");
    await expect(client.create('accounts', { name: 'x', ecc_doesnotexist: 1 })).rejects.toBeInstanceOf(DataverseSchemaError);
    await expect(client.retrieve('accounts', 'not-a-guid')).rejects.toBeInstanceOf(DataverseRequestError);
  });
});

describe('update', () => {
  it('changes only the columns sent and never creates a record (If-Match: *)', async () => {
    const { id } = await client.create('accounts', { name: 'Before', telephone1: '1' });
    await client.update('accounts', id, { name: 'After' });
    expect(await client.retrieve<Account>('accounts', id, { select: ['name', 'telephone1'] })).toMatchObject({ name: 'After', telephone1: '1' });

    const missing = randomUUID();
    await expect(client.update('accounts', missing, { name: 'Ghost' })).rejects.toBeInstanceOf(DataverseNotFoundError);
    await expect(client.retrieve('accounts', missing)).rejects.toBeInstanceOf(DataverseNotFoundError);
  });

  it('applies a change only to the version read when given its ETag', async () => {
    const { id } = await client.create('accounts', { name: 'Versioned' });
    const read = await client.retrieve<Account>('accounts', id, { select: ['name'] });
    await client.update('accounts', id, { telephone1: 'first' }, { ifMatchEtag: read['@odata.etag'] });
    const stale = await client.update('accounts', id, { telephone1: 'second' }, { ifMatchEtag: read['@odata.etag'] }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(DataverseConcurrencyError);
    expect(stale).toMatchObject({ status: 412, category: 'business' });
    expect(await client.retrieve<Account>('accounts', id, { select: ['telephone1'] })).toMatchObject({ telephone1: 'first' });
  });
});

describe('upsert by alternate key', () => {
  it('creates the record the first time and updates the same record the second time', async () => {
    const key = { key: { ecc_customernumber: customerNumber() } };
    const first = await client.upsert<Account>('accounts', key, { name: 'Upserted' }, { returnRepresentation: { select: ['name', 'ecc_customernumber'] } });
    expect(first).toMatchObject({ created: true, record: { name: 'Upserted', ecc_customernumber: key.key.ecc_customernumber } });
    const second = await client.upsert('accounts', key, { name: 'Upserted again' });
    expect(second.id).toBe(first.id);
    expect(await client.retrieve<Account>('accounts', key, { select: ['name'] })).toMatchObject({ accountid: first.id, name: 'Upserted again' });
  });

  it('create-only refuses an existing key; update-only refuses a missing one and creates nothing', async () => {
    const key = { key: { ecc_customernumber: customerNumber() } };
    await client.upsert('accounts', key, { name: 'Original' }, { mode: 'createOnly' });
    const duplicate = await client.upsert('accounts', key, { name: 'Duplicate' }, { mode: 'createOnly' }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(DataverseDuplicateKeyError);
    expect(duplicate).toMatchObject({ status: 412 });
    expect(await client.retrieve<Account>('accounts', key, { select: ['name'] })).toMatchObject({ name: 'Original' });

    const absent = { key: { ecc_customernumber: customerNumber() } };
    await expect(client.upsert('accounts', absent, { name: 'Nope' }, { mode: 'updateOnly' })).rejects.toBeInstanceOf(DataverseNotFoundError);
    await expect(client.retrieve('accounts', absent)).rejects.toBeInstanceOf(DataverseNotFoundError);
  });

  it("addresses a key with a quote, spaces and non-ASCII letters exactly", async () => {
    const key = { key: { ecc_customernumber: "O'Ü 1 ''x" } };
    const { id } = await client.upsert('accounts', key, { name: 'Quoted key' });
    const read = await client.retrieve<Account>('accounts', key, { select: ['ecc_customernumber'] });
    expect(read).toMatchObject({ accountid: id, ecc_customernumber: "O'Ü 1 ''x" });
  });
});

describe('delete', () => {
  it('deletes a record; deleting it again reports it missing', async () => {
    const { id } = await client.create('accounts', { name: 'Doomed' });
    await client.delete('accounts', id);
    await expect(client.retrieve('accounts', id)).rejects.toBeInstanceOf(DataverseNotFoundError);
    await expect(client.delete('accounts', id)).rejects.toBeInstanceOf(DataverseNotFoundError);
  });

  it('deletes by alternate key', async () => {
    const key = { key: { ecc_customernumber: customerNumber() } };
    await client.upsert('accounts', key, { name: 'Doomed by key' });
    await client.delete('accounts', key);
    await expect(client.retrieve('accounts', key)).rejects.toBeInstanceOf(DataverseNotFoundError);
  });
});
