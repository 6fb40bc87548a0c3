import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSolution } from '../dataverse/solution/importSolution.js';
import { bearerFor, persona, serveTestDataverse, type TestDataverseServer } from '../dataverse/testing/testDataverse.js';
import { createSimulatedEcc } from '../ecc/index.js';
import { seedCrmFromEcc, seededCrm, type SeededCrm } from './index.js';

// What each rep persona may read of the seeded data, asked as Dataverse is asked: over the Web API with the persona's token.
let server: TestDataverseServer;
let crm: SeededCrm;
beforeAll(async () => {
  server = await serveTestDataverse();
  importSolution(server.dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
  const { ecc } = createSimulatedEcc({ seed: { customers: 150, seed: 4365 }, today: '2025-06-16' });
  await seedCrmFromEcc(server.dataverse, ecc);
  crm = seededCrm(server.dataverse);
}, 60_000);
afterAll(() => server.stop());

async function get(key: string, target: string): Promise<{ status: number; body: { value?: Record<string, unknown>[] } & Record<string, unknown> }> {
  const response = await fetch(`${server.serviceRoot}${target}`, { headers: { Accept: 'application/json', Authorization: bearerFor(persona(key).objectId) } });
  return { status: response.status, body: (await response.json()) as { value?: Record<string, unknown>[] } };
}

const readableAccounts = async (key: string): Promise<string[]> => {
  const answer = await get(key, 'accounts?$select=accountid');
  expect(answer.status).toBe(200);
  return answer.body.value!.map((row) => row.accountid as string).sort();
};
const ownedBy = (...owners: string[]) => crm.accounts.filter((account) => owners.includes(account.owner)).map((account) => account.id).sort();

describe('what the reps read of the seeded accounts', () => {
  it('anna reads her accounts and not ben\'s or dave\'s; ben and dave likewise read only theirs', async () => {
    expect(ownedBy('anna').length).toBeGreaterThan(0);
    expect(await readableAccounts('anna')).toEqual(ownedBy('anna'));
    expect(await readableAccounts('ben')).toEqual(ownedBy('ben'));
    expect(await readableAccounts('dave')).toEqual(ownedBy('dave'));
  });

  it('carla reads her business unit\'s accounts (anna\'s), olivia all of them, erin none', async () => {
    expect(await readableAccounts('carla')).toEqual(ownedBy('anna'));
    expect(await readableAccounts('olivia')).toEqual(crm.accounts.map((account) => account.id).sort());
    expect(await readableAccounts('erin')).toEqual([]);
  });

  it('erin is refused the account the seed names for her, as Dataverse refuses a record the caller may not read', async () => {
    const forbidden = crm.accountNotReadableBy('erin');
    const answer = await get('erin', `accounts(${forbidden.id})?$select=name`);
    expect(answer.status).toBe(403);
    expect((await get('dave', `accounts(${forbidden.id})?$select=name`)).status).toBe(200);
  });

  it('a rep reads an approved quote of theirs with its lines and its account\'s SAP numbers; another rep is refused it', async () => {
    const quote = crm.quoteOf('anna', 'approved');
    const answer = await get('anna', `quotes(${quote.id})?$select=statecode,statuscode,name&$expand=quote_details($select=quantity,priceperunit),customerid_account($select=ecc_customernumber,ecc_salesorganization)`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statecode: 1, statuscode: 2, customerid_account: { ecc_customernumber: quote.customerNumber } });
    expect((answer.body.quote_details as unknown[]).length).toBe(quote.lineIds.length);
    expect((await get('ben', `quotes(${quote.id})?$select=name`)).status).toBe(403);
  });
});
