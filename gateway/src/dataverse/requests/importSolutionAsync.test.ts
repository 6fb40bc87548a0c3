import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER, SANDBOX_PERSONAS } from '../../sandbox/identities.js';
import { writePlatformRow } from '../../sandbox/dataverse/webhooks/platformRows.js';
import { DataverseAccessDeniedError, DataverseRequestError, DataverseSchemaError, DataverseTimeoutError } from '../errors.js';
import type { DataverseClient } from '../client.js';
import type { SystemJobStatus } from './systemJob.js';
import { repositorySolutionZip } from '../../sandbox/dataverse/testing/solutionZips.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../testing/simulatedEnvironment.js';

let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  environment = await startSimulatedEnvironment({ withSolution: false });
  client = environment.client();
});
afterAll(() => environment.close());

const systemJobCount = () => environment.dataverse.store.table('asyncoperation').rows.size;

describe('ImportSolutionAsync and the system job that runs it', () => {
  it('queues the import and follows its system job until it succeeded, after which the solution\'s tables exist', async () => {
    const key = { key: { ecc_idempotencykey: 'import-async-1' } };
    await expect(client.retrieve('ecc_syncresults', key)).rejects.toBeInstanceOf(DataverseSchemaError);

    const job = await client.importSolutionAsync(repositorySolutionZip(), { importJobId: '{0B6E2C1A-9D4F-4E3B-8A75-1C2D3E4F5A6B}' });
    expect(job.importJobId).toBe('0b6e2c1a-9d4f-4e3b-8a75-1c2d3e4f5a6b');
    expect(job.asyncOperationId).toMatch(/^[0-9a-f-]{36}$/);
    const seen: SystemJobStatus[] = [];
    const done = await client.waitForSystemJob(job.asyncOperationId, { intervalMs: 5, onStatus: (j) => seen.push(j.status) });

    expect(done).toMatchObject({ id: job.asyncOperationId, status: 'succeeded', completed: true, message: undefined, errorCode: undefined });
    expect(done.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(seen.at(-1)).toBe('succeeded');
    expect(new Set(seen).size).toBe(seen.length);
    const { id } = await client.upsert('ecc_syncresults', key, { ecc_name: 'after the import' });
    expect(await client.retrieve('ecc_syncresults', key, { select: ['ecc_name'] })).toMatchObject({ ecc_syncresultid: id, ecc_name: 'after the import' });
  });

  it('stages and upgrades with StageAndUpgradeAsync, followed the same way; not together with a holding solution', async () => {
    const job = await client.importSolutionAsync(repositorySolutionZip(), { stageAndUpgrade: true });
    expect(await client.waitForSystemJob(job.asyncOperationId, { intervalMs: 5 })).toMatchObject({ status: 'succeeded' });
    expect(environment.dataverse.store.table('asyncoperation').get(job.asyncOperationId)).toMatchObject({ messagename: 'StageAndUpgradeAsync' });
    await expect(client.importSolutionAsync(repositorySolutionZip(), { stageAndUpgrade: true, holdingSolution: true })).rejects.toBeInstanceOf(DataverseRequestError);
  });

  it("ends in a failed job with Dataverse's reason and code when the file is not a solution", async () => {
    const notASolution = zipSync({ 'readme.txt': strToU8('not a solution') });
    const job = await client.importSolutionAsync(notASolution);
    const done = await client.waitForSystemJob(job.asyncOperationId, { intervalMs: 5 });
    expect(done).toMatchObject({ status: 'failed', completed: true, errorCode: '0x80048060' });
    expect(done.message).toMatch(/^The solution file is invalid\..*missing at the root: \[Content_Types\]\.xml, solution\.xml, customizations\.xml/);
  });

  it('is refused to a CRM user without the privilege to import, and no job is queued', async () => {
    const before = systemJobCount();
    const rep = SANDBOX_PERSONAS.find((p) => p.key === 'anna')!;
    await expect(client.asUser(rep.objectId).importSolutionAsync(repositorySolutionZip())).rejects.toBeInstanceOf(DataverseAccessDeniedError);
    expect(systemJobCount()).toBe(before);
  });

  it('gives up waiting after maxWaitMs on a job that does not complete, saying it goes on in Dataverse', async () => {
    const jobId = '5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
    writePlatformRow(environment.dataverse, 'asyncoperation', jobId, { name: 'a job still waiting', operationtype: 203, depth: 1, executiontimespan: 0, statecode: 1, statuscode: 10 }, {
      userId: SANDBOX_APPLICATION_USER.systemUserId,
      businessUnitId: environment.dataverse.security.bySystemUserId(SANDBOX_APPLICATION_USER.systemUserId)!.businessUnitId,
    });
    const seen: SystemJobStatus[] = [];
    const waiting = client.waitForSystemJob(jobId, { intervalMs: 5, maxWaitMs: 30, onStatus: (j) => seen.push(j.status) });
    await expect(waiting).rejects.toBeInstanceOf(DataverseTimeoutError);
    await expect(waiting).rejects.toThrow(`System job ${jobId} is still waiting after 30 ms; it goes on in Dataverse`);
    expect(seen).toEqual(['waiting']);
  });
});
