import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, contains, endsWith, eq, startsWith } from '../filter.js';
import type { DataverseClient } from '../client.js';
import { odataBind } from '../recordAddress.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;
/** Requests the simulated Dataverse received (path below the service root), per test. */
let received: string[] = [];

beforeAll(async () => {
  environment = await startSimulatedEnvironment();
  client = environment.client();
});
afterAll(() => environment.close());
beforeEach(() => {
  received = [];
  environment.setHooks({ beforeRequest: (request) => void received.push(`${request.method} ${request.path}`) });
});

interface Account {
  accountid: string;
  name: string;
}

const names = (rows: Account[]) => rows.map((row) => row.name);

describe('paging', () => {
  const tag = `Paging ${randomUUID().slice(0, 8)}`;
  const expected = Array.from({ length: 23 }, (_, i) => `${tag} ${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    await client.createMultiple({ entitySet: 'accounts', logicalName: 'account' }, expected.map((name) => ({ name })));
  });

  it('follows @odata.nextLink page by page with the same page size until Dataverse has no more', async () => {
    const pages = client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: startsWith('name', tag), orderBy: ['name'] }, { maxRows: 100, pageSize: 5 });
    const sizes: number[] = [];
    const rows: Account[] = [];
    for await (const page of pages) {
      sizes.push(page.rows.length);
      rows.push(...page.rows);
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(names(rows)).toEqual(expected);
    expect(received).toHaveLength(5);
    expect(received.slice(1).every((line) => line.includes('$skiptoken='))).toBe(true);
  });

  it('stops at maxRows, says the result is incomplete, and asks for no page it does not need', async () => {
    const result = await client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: startsWith('name', tag), orderBy: ['name'] }, { maxRows: 12, pageSize: 5 }).collect();
    expect(names(result.rows)).toEqual(expected.slice(0, 12));
    expect(result.complete).toBe(false);
    expect(received).toHaveLength(3);

    const all = await client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: startsWith('name', tag) }, { maxRows: 23 }).collect();
    expect(all).toMatchObject({ complete: true });
    expect(all.rows).toHaveLength(23);
  });

  it('reads rows one by one across pages', async () => {
    const rows: string[] = [];
    for await (const row of client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: startsWith('name', tag), orderBy: [{ column: 'name', descending: true }] }, { maxRows: 7, pageSize: 3 }).rows()) {
      rows.push(row.name);
    }
    expect(rows).toEqual([...expected].reverse().slice(0, 7));
  });

  it('with $top reads one answer of at most $top rows, and counts when asked', async () => {
    const result = await client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: startsWith('name', tag), orderBy: ['name'], top: 4, count: true }, { maxRows: 100 }).collect();
    expect(names(result.rows)).toEqual(expected.slice(0, 4));
    expect(result.count).toBe(23);
    expect(received).toHaveLength(1);
  });
});

describe('filters built from values with characters that mean something in OData or URLs', () => {
  const tag = randomUUID().slice(0, 6);
  const stored = [
    `${tag} O'Brien & Sons`,
    `${tag} O'Brien`,
    `${tag} 50% Off #1`,
    `${tag} 500 Offers`,
    `${tag} A+B Corp`,
    `${tag} A B Corp`,
    `${tag} Nr #1`,
    `${tag} Nr`,
    `${tag} x_y`,
    `${tag} xzy`,
    `${tag} [draft]`,
    `${tag} d`,
  ];

  beforeAll(async () => {
    await client.createMultiple({ entitySet: 'accounts', logicalName: 'account' }, stored.map((name) => ({ name })));
  });

  const find = async (filter: ReturnType<typeof eq>) =>
    names((await client.retrieveMultiple<Account>('accounts', { select: ['name'], filter: and(startsWith('name', tag), filter), orderBy: ['name'] }, { maxRows: 50 }).collect()).rows);

  it.each([
    ["O'Brien & Sons", [`${tag} O'Brien & Sons`]],
    ["O'Brien", [`${tag} O'Brien`]],
    ['50% Off #1', [`${tag} 50% Off #1`]],
    ['A+B Corp', [`${tag} A+B Corp`]],
    ['Nr #1', [`${tag} Nr #1`]],
  ])('eq %j returns exactly that row', async (value, rows) => {
    expect(await find(eq('name', `${tag} ${value}`))).toEqual(rows);
  });

  it.each([
    ["'Brien &", [`${tag} O'Brien & Sons`]],
    ['50%', [`${tag} 50% Off #1`]],
    ['A+B', [`${tag} A+B Corp`]],
    ['#1', [`${tag} 50% Off #1`, `${tag} Nr #1`]],
    ['x_y', [`${tag} x_y`]],
    ['[draft]', [`${tag} [draft]`]],
  ])('contains %j matches the text literally, not as a wildcard pattern', async (value, rows) => {
    expect(await find(contains('name', value))).toEqual(rows);
  });

  it('startswith and endswith escape the same way', async () => {
    expect(await find(startsWith('name', `${tag} 50%`))).toEqual([`${tag} 50% Off #1`]);
    expect(await find(endsWith('name', '& Sons'))).toEqual([`${tag} O'Brien & Sons`]);
  });
});

describe('$expand', () => {
  it('brings the related record of each row', async () => {
    const tag = `Expand ${randomUUID().slice(0, 8)}`;
    const { id } = await client.create('accounts', { name: `${tag} parent` });
    await client.create('contacts', { lastname: `${tag} child`, 'parentcustomerid_account@odata.bind': odataBind('accounts', id) });
    const { rows } = await client
      .retrieveMultiple('contacts', { select: ['lastname'], filter: startsWith('lastname', tag), expand: [{ navigation: 'parentcustomerid_account', select: ['name'] }] }, { maxRows: 5 })
      .collect();
    expect(rows).toMatchObject([{ lastname: `${tag} child`, parentcustomerid_account: { accountid: id, name: `${tag} parent` } }]);
  });
});
