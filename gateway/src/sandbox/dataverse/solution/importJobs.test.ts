import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER, SANDBOX_PERSONAS } from '../../identities.js';
import { createSimulatedDataverse } from '../index.js';
import type { OperationContext, SimulatedDataverse } from '../simulatedDataverse.js';
import { WebApi, type ApiResponse } from '../webApi.js';
import { repositorySolutionZip, repositorySolutionZipWith } from '../testing/solutionZips.js';

const SERVICE_ROOT = 'http://127.0.0.1/sandbox/dataverse/api/data/v9.2/';
/** The repository's zip with customizations.xml replaced. */
/** Dataverse's hexadecimal error code as the Int32 errorcode holds it. */
const int32 = (hex: string) => Number.parseInt(hex, 16) - 2 ** 32;

let dataverse: SimulatedDataverse;
let webApi: WebApi;
let application: OperationContext;
beforeEach(() => {
  dataverse = createSimulatedDataverse();
  webApi = new WebApi(dataverse);
  application = dataverse.systemContext();
});

const importAsync = (context: OperationContext, body: Record<string, unknown>, message = 'ImportSolutionAsync'): Promise<ApiResponse> =>
  webApi.handle(context, { method: 'POST', target: message, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, SERVICE_ROOT);
const bodyOf = (response: ApiResponse) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;
const systemJob = (id: unknown) => dataverse.store.table('asyncoperation').get(String(id));

describe('ImportSolutionAsync in the simulated Dataverse', () => {
  it('answers at once with the system job queued for the caller, which then imports the solution and succeeds', async () => {
    const response = await importAsync(application, { CustomizationFile: Buffer.from(repositorySolutionZip()).toString('base64'), ImportJobId: '{7E1F0A2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B}', OverwriteUnmanagedCustomizations: false, PublishWorkflows: true });
    expect(response.status).toBe(200);
    const answer = bodyOf(response);
    expect(answer).toMatchObject({ '@odata.context': `${SERVICE_ROOT}$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse`, ImportJobKey: '7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' });
    expect(systemJob(answer.AsyncOperationId)).toMatchObject({
      operationtype: 203, messagename: 'ImportSolutionAsync', requestid: '7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', statecode: 0, statuscode: 0,
      ownerid: { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' },
    });
    expect(dataverse.registry.entity('ecc_syncresult')).toBeUndefined();

    await webApi.importJobs.settled();
    const done = systemJob(answer.AsyncOperationId)!;
    expect(done).toMatchObject({ statecode: 3, statuscode: 30, message: null, friendlymessage: null, errorcode: null });
    expect(done.startedon).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(done.completedon).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(dataverse.registry.entity('ecc_syncresult')?.attributes.map((a) => a.logicalName)).toContain('ecc_idempotencykey');
  });

  it("fails the job, not the request, when the import fails: Dataverse's message in message and friendlymessage, its code in errorcode", async () => {
    const response = await importAsync(application, { CustomizationFile: Buffer.from(repositorySolutionZipWith({ 'customizations.xml': '<ImportExportXml><Entities>' })).toString('base64') });
    expect(response.status).toBe(200);
    const { AsyncOperationId: id } = bodyOf(response);
    await webApi.importJobs.settled();
    const failed = systemJob(id)!;
    expect(failed).toMatchObject({ statecode: 3, statuscode: 31, errorcode: int32('80048013') });
    expect(failed.message).toMatch(/^Invalid customization file\. This file is not well formed\. \(customizations\.xml: /);
    expect(failed.friendlymessage).toBe(failed.message);
    expect(dataverse.registry.entity('ecc_syncresult')).toBeUndefined();
  });

  it('queues StageAndUpgradeAsync the same way, as a job of its own kind, and refuses HoldingSolution with it', async () => {
    const file = Buffer.from(repositorySolutionZip()).toString('base64');
    const response = await importAsync(application, { CustomizationFile: file, OverwriteUnmanagedCustomizations: false, PublishWorkflows: true }, 'StageAndUpgradeAsync');
    expect(response.status).toBe(200);
    const answer = bodyOf(response);
    expect(answer['@odata.context']).toBe(`${SERVICE_ROOT}$metadata#Microsoft.Dynamics.CRM.StageAndUpgradeAsyncResponse`);
    expect(systemJob(answer.AsyncOperationId)).toMatchObject({ operationtype: 211, messagename: 'StageAndUpgradeAsync', statuscode: 0 });
    await webApi.importJobs.settled();
    expect(systemJob(answer.AsyncOperationId)).toMatchObject({ statecode: 3, statuscode: 30 });
    expect(dataverse.registry.entity('ecc_syncresult')).toBeDefined();
    expect((await importAsync(application, { CustomizationFile: file, HoldingSolution: true }, 'StageAndUpgradeAsync')).status).toBe(400);
  });

  it('runs the import as the calling user: environment variable definitions are theirs', async () => {
    const { AsyncOperationId: id } = bodyOf(await importAsync(application, { CustomizationFile: Buffer.from(repositorySolutionZip()).toString('base64') }));
    await webApi.importJobs.settled();
    expect(systemJob(id)).toMatchObject({ statuscode: 30 });
    const definitions = [...dataverse.store.table('environmentvariabledefinition').rows.values()];
    expect(definitions.length).toBeGreaterThan(0);
    for (const row of definitions) expect(row.createdby).toEqual({ id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' });
  });

  it('refuses, without queuing a job, a caller without the import privilege, a request without the file and an ImportJobId that is no GUID', async () => {
    const rep = dataverse.security.byObjectId(SANDBOX_PERSONAS.find((p) => p.key === 'anna')!.objectId)!;
    const file = Buffer.from(repositorySolutionZip()).toString('base64');
    const refusals = [
      await importAsync({ caller: rep, callingUser: rep, correlationId: 'c1' }, { CustomizationFile: file }),
      await importAsync(application, {}),
      await importAsync(application, { CustomizationFile: file, ImportJobId: 'job-1' }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 400, 400]);
    expect(refusals[1]!.body).toContain('ImportSolutionAsync requires CustomizationFile');
    expect(dataverse.store.table('asyncoperation').rows.size).toBe(0);
  });
});
