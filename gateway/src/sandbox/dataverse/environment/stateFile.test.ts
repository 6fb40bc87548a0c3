import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packSolution, SOLUTION_SOURCE_DIR } from '@ecc365/solution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxIdentityProvider, type SandboxIdentityProvider } from '../../idp/index.js';
import { createSimulatedDataverse } from '../index.js';
import { persona } from '../testing/testDataverse.js';
import { serveDataverseEnvironment } from '../testing/environmentServer.js';
import { callWebApi, createdId, registerWebhook } from '../testing/webhookTesting.js';
import { createDataverseEnvironment } from './environment.js';

let idp: SandboxIdentityProvider;
let directory: string;
beforeAll(async () => {
  idp = await startSandboxIdentityProvider();
  directory = mkdtempSync(path.join(tmpdir(), 'ecc365-dataverse-state-'));
});
afterAll(async () => {
  await idp.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The path and query of a link below the service root, to follow it on another server. */
const belowServiceRoot = (link: string): string => link.slice(link.indexOf('/api/data/v9.2/') + '/api/data/v9.2/'.length);

describe('the simulated Dataverse state file', () => {
  it('brings back imported metadata, rows, shares, change tracking and webhook registrations after a restart', async () => {
    const stateFile = path.join(directory, 'dataverse.json');
    // Without the test extension: account.ecc_customernumber and its key exist only by the solution import.
    const first = await serveDataverseEnvironment({ idp, tables: [], environment: { stateFile } });
    expect(first.environment.restored).toBe(false);
    const zip = Buffer.from(packSolution(SOLUTION_SOURCE_DIR, { managed: true })).toString('base64');
    expect((await callWebApi(first, 'POST', 'ImportSolution', { CustomizationFile: zip, OverwriteUnmanagedCustomizations: true, PublishWorkflows: true })).status).toBe(204);
    const kept = createdId(await callWebApi(first, 'POST', 'accounts', { name: 'Kept Armaturen', ecc_customernumber: '0000100042' }));
    const removed = createdId(await callWebApi(first, 'POST', 'accounts', { name: 'Removed Ventile' }));
    const anna = persona('anna');
    const share = await callWebApi(first, 'POST', 'GrantAccess', {
      Target: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: kept },
      PrincipalAccess: { Principal: { '@odata.type': 'Microsoft.Dynamics.CRM.systemuser', systemuserid: anna.systemUserId }, AccessMask: 'ReadAccess' },
    });
    expect(share.status).toBe(204);
    const tracking = await callWebApi(first, 'GET', 'accounts?$select=name', undefined, { Prefer: 'odata.track-changes' });
    const deltaLink = belowServiceRoot(tracking.body['@odata.deltaLink'] as string);
    const added = createdId(await callWebApi(first, 'POST', 'accounts', { name: 'Added Pumpen' }));
    expect((await callWebApi(first, 'DELETE', `accounts(${removed})`)).status).toBe(204);
    const { stepId } = await registerWebhook(first, { name: 'kept hook', url: 'http://127.0.0.1:9/hook', authType: 4, authValue: 'k', table: 'account', message: 'Create', mode: 1 });
    first.environment.flush();
    await first.stop();

    const second = await serveDataverseEnvironment({ idp, tables: [], environment: { stateFile } });
    try {
      expect(second.environment.restored).toBe(true);
      const byKey = await callWebApi(second, 'GET', "accounts(ecc_customernumber='0000100042')?$select=name");
      expect(byKey.body).toMatchObject({ accountid: kept, name: 'Kept Armaturen' });

      const asAnna = await fetch(`${second.serviceRoot}accounts(${kept})?$select=name`, { headers: { Authorization: `Bearer ${await second.token('anna')}` } });
      expect(asAnna.status, 'the share with Anna survived').toBe(200);

      const delta = await callWebApi(second, 'GET', deltaLink);
      expect(delta.status).toBe(200);
      const changes = delta.body.value!;
      expect(changes.find((row) => row.accountid === added)).toMatchObject({ name: 'Added Pumpen' });
      expect(changes.find((row) => row.id === removed)).toMatchObject({ reason: 'deleted' });

      const step = await callWebApi(second, 'GET', `sdkmessageprocessingsteps(${stepId})?$select=name`);
      expect(step.body.name).toBe('kept hook: Create of account');
      const updates = await callWebApi(second, 'GET', "sdkmessages?$select=name&$filter=name eq 'Update'");
      expect(updates.body.value, 'the platform messages are not written twice').toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not a state file, saying how to start over', () => {
    const stateFile = path.join(directory, 'not-state.json');
    writeFileSync(stateFile, JSON.stringify({ version: 99 }));
    expect(() => createDataverseEnvironment(createSimulatedDataverse(), { stateFile })).toThrow(/delete it to start from the seed data/);
    writeFileSync(stateFile, '{ half a file');
    expect(() => createDataverseEnvironment(createSimulatedDataverse(), { stateFile })).toThrow(/is not a simulated Dataverse state file/);
  });
});
