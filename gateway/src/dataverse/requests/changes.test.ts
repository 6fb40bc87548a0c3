import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataverseDeltaTokenError } from '../errors.js';
import type { DataverseClient } from '../client.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';
import type { RowChange } from './changes.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());

interface Account {
  accountid: string;
  name: string;
}

async function readAll(deltaLink?: string, pageSize?: number) {
  const changes: RowChange<Account>[] = [];
  let next: string | undefined;
  let pages = 0;
  for await (const page of client.readChanges<Account>('accounts', { select: ['name'], ...(deltaLink ? { deltaLink } : {}), ...(pageSize ? { pageSize } : {}) })) {
    pages += 1;
    changes.push(...page.changes);
    next = page.deltaLink;
  }
  return { changes, deltaLink: next, pages };
}

describe('change tracking', () => {
  it('reads every row with a delta link, then only what was created, changed and deleted since', async () => {
    const { id: kept } = await client.create('accounts', { name: `Kept ${randomUUID()}` });
    const { id: changed } = await client.create('accounts', { name: 'Changed before' });
    const { id: deleted } = await client.create('accounts', { name: 'Deleted' });

    const start = await readAll(undefined, 2);
    expect(start.pages).toBeGreaterThan(1);
    expect(start.deltaLink).toContain('$deltatoken=');
    const startIds = start.changes.map((change) => (change.kind === 'changed' ? change.record.accountid : change.id));
    expect(startIds).toEqual(expect.arrayContaining([kept, changed, deleted]));

    const { id: created } = await client.create('accounts', { name: 'Created after' });
    await client.update('accounts', changed, { name: 'Changed after' });
    await client.delete('accounts', deleted);

    const delta = await readAll(start.deltaLink);
    expect(delta.changes).toEqual(
      expect.arrayContaining([
        { kind: 'changed', record: expect.objectContaining({ accountid: created, name: 'Created after' }) },
        { kind: 'changed', record: expect.objectContaining({ accountid: changed, name: 'Changed after' }) },
        { kind: 'deleted', id: deleted },
      ]),
    );
    expect(delta.changes).toHaveLength(3);
    expect(delta.deltaLink).toBeDefined();

    const quiet = await readAll(delta.deltaLink);
    expect(quiet.changes).toEqual([]);
  });

  it('reports a delta link Dataverse no longer accepts, so the caller reads everything again', async () => {
    const { deltaLink } = await readAll();
    const broken = deltaLink!.replace(/\$deltatoken=[^&]*/, '$deltatoken=999999999%2101%2f01%2f2020%2000%3a00%3a00');
    const error = await readAll(broken).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DataverseDeltaTokenError);
    expect((error as Error).message).toContain('read all rows again');
  });

  it('never follows a link to another host, which would receive the token', async () => {
    await expect(readAll('https://elsewhere.example.com/api/data/v9.2/accounts?$deltatoken=1')).rejects.toThrow(/outside its service root/);
  });
});
