import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PERSONAS } from '../../sandbox/identities.js';
import { DataverseAccessDeniedError, DataverseRequestError, DataverseSchemaError } from '../errors.js';
import type { DataverseClient } from '../client.js';
import { repositorySolutionZip } from '../../sandbox/dataverse/testing/solutionZips.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment({ withSolution: false });
  client = environment.client();
});
afterAll(() => environment.close());

describe('ImportSolution', () => {
  it("imports the repository's solution, after which its alternate key addresses accounts", async () => {
    const key = { key: { ecc_customernumber: '0000001000' } };
    await expect(client.upsert('accounts', key, { name: 'Before import' })).rejects.toBeInstanceOf(DataverseSchemaError);

    const jobId = await client.importSolution(repositorySolutionZip(), { importJobId: '{5A3C0E1D-7B2F-4C86-9D41-2E6F8A0B3C57}' });
    expect(jobId).toBe('5a3c0e1d-7b2f-4c86-9d41-2e6f8a0b3c57');

    const { id } = await client.upsert('accounts', key, { name: 'After import' });
    expect(await client.retrieve('accounts', key, { select: ['name', 'ecc_customernumber'] })).toMatchObject({ accountid: id, name: 'After import', ecc_customernumber: '0000001000' });
  });

  it('is refused for a CRM user without the privilege to import', async () => {
    const rep = SANDBOX_PERSONAS.find((p) => p.key === 'anna')!;
    await expect(client.asUser(rep.objectId).importSolution(repositorySolutionZip())).rejects.toBeInstanceOf(DataverseAccessDeniedError);
  });

  it('refuses an empty file before sending it', async () => {
    await expect(client.importSolution(new Uint8Array())).rejects.toBeInstanceOf(DataverseRequestError);
  });
});
