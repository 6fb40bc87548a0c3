/**
 * The simulated Dataverse importing the repository solution's security roles, service endpoint
 * and webhook steps: rows Dataverse keeps for them, the steps the webhooks then run, and what the
 * roles let the sandbox's reps read.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER, SANDBOX_PERSONAS } from '../../identities.js';
import { createSimulatedDataverse } from '../index.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { webhookStepsFor } from '../webhooks/registrations.js';
import { IMPORT_ERROR_CODES } from './importErrors.js';
import { importSolution } from './importSolution.js';
import { importFailureOf, repositorySolutionZip, repositorySolutionZipWithCustomizations } from '../testing/solutionZips.js';

/** The repository solution with its customizations.xml changed. */
const ENDPOINT_ID = '72a6e13c-2944-4d8b-bcbe-9a958bc36a83';
const persona = (key: string) => SANDBOX_PERSONAS.find((candidate) => candidate.key === key)!;

let dataverse: SimulatedDataverse;
beforeEach(() => {
  dataverse = createSimulatedDataverse();
});

describe('importSolution: the webhook', () => {
  it('stores the service endpoint as a webhook with the solution\'s URL and no key, and the steps enabled on their message and table', () => {
    const result = importSolution(dataverse, repositorySolutionZip());
    expect(result.serviceEndpoints).toEqual(['ecc365 gateway']);
    expect(result.steps.sort()).toEqual(['ecc365 gateway: Delete of account', 'ecc365 gateway: Update of account']);
    expect(dataverse.store.table('serviceendpoint').get(ENDPOINT_ID)).toMatchObject({ name: 'ecc365 gateway', contract: 8, authtype: 4, url: 'https://ecc365-gateway.invalid/api/v1/webhooks/dataverse' });
    expect(dataverse.store.table('serviceendpoint').get(ENDPOINT_ID)?.authvalue).toBeUndefined();

    const [update] = webhookStepsFor(dataverse, 'Update', 'account');
    expect(update).toMatchObject({ name: 'ecc365 gateway: Update of account', stage: 40, mode: 1, asyncAutoDelete: true, endpoint: { id: ENDPOINT_ID } });
    expect(update!.filteringAttributes).toEqual(['ecc_companycode', 'ecc_creditcontrolarea', 'ecc_customernumber', 'ecc_distributionchannel', 'ecc_division', 'ecc_salesorganization', 'ownerid']);
    expect(webhookStepsFor(dataverse, 'Delete', 'account').map((step) => step.name)).toEqual(['ecc365 gateway: Delete of account']);
    expect(webhookStepsFor(dataverse, 'Create', 'account')).toEqual([]);
  });

  it('keeps the key an admin set when the solution is imported again, and makes no second step', () => {
    importSolution(dataverse, repositorySolutionZip());
    const endpoints = dataverse.store.table('serviceendpoint');
    endpoints.get(ENDPOINT_ID)!.authvalue = 'the admin key';
    importSolution(dataverse, repositorySolutionZip());
    expect(endpoints.get(ENDPOINT_ID)?.authvalue).toBe('the admin key');
    expect(webhookStepsFor(dataverse, 'Update', 'account')).toHaveLength(1);
  });

  it('refuses a step a plug-in handles, which the simulator cannot run, and changes nothing', () => {
    const zip = repositorySolutionZipWithCustomizations((xml) => xml.replace('<EventHandlerTypeCode>4618</EventHandlerTypeCode>', '<EventHandlerTypeCode>4602</EventHandlerTypeCode>'));
    expect(() => importSolution(dataverse, zip)).toThrow(/is handled by a plug-in type/);
    expect(dataverse.store.table('serviceendpoint').rows.size).toBe(0);
    expect(dataverse.registry.entity('ecc_syncresult')).toBeUndefined();
  });
});

describe('importSolution: the security roles', () => {
  const syncResultOwnedByTheGateway = () => {
    const model = dataverse.model('ecc_syncresult');
    const row = { ecc_syncresultid: '5b0c9f5e-1d6a-4c1b-9a51-3f7e2d8c4a10', ownerid: { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' }, owningbusinessunit: { id: SANDBOX_APPLICATION_USER.businessUnitId, logicalName: 'businessunit' } };
    return (key: string) => dataverse.security.hasAccess(dataverse.security.bySystemUserId(persona(key).systemUserId)!, model, row, 'ReadAccess');
  };

  it('lets every rep holding ECC Sales Rep read sync results organization-wide (its Global read), not write them', () => {
    expect(importSolution(dataverse, repositorySolutionZip()).roles.sort()).toEqual(['ECC Gateway Service', 'ECC Integration Admin', 'ECC Sales Rep']);
    const mayRead = syncResultOwnedByTheGateway();
    expect(['anna', 'ben', 'dave', 'erin'].map(mayRead)).toEqual([true, true, true, true]);
    const model = dataverse.model('ecc_syncresult');
    const row = { ecc_syncresultid: '5b0c9f5e-1d6a-4c1b-9a51-3f7e2d8c4a10', ownerid: { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' } };
    expect(dataverse.security.hasAccess(dataverse.security.bySystemUserId(persona('anna').systemUserId)!, model, row, 'WriteAccess')).toBe(false);
  });

  it('lets a holder of ECC Integration Admin write (retry) any sync result whatever their own depth, and no more than the role grants', () => {
    importSolution(dataverse, repositorySolutionZip());
    const anna = dataverse.security.bySystemUserId(persona('anna').systemUserId)!;
    const roles = new Map([[anna.systemUserId, ['ECC Integration Admin']]]);
    const results = dataverse.model('ecc_syncresult');
    const row = { ecc_syncresultid: '5b0c9f5e-1d6a-4c1b-9a51-3f7e2d8c4a10', ownerid: { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' } };
    expect(dataverse.security.hasAccess(anna, results, row, 'WriteAccess')).toBe(false);
    dataverse.security.importSolutionRoles([], roles);
    expect(dataverse.security.hasAccess(anna, results, row, 'WriteAccess')).toBe(true);
    expect(dataverse.security.hasAccess(anna, results, row, 'DeleteAccess')).toBe(false);
  });

  it('grants reps nothing beyond their own rows when the solution brings no role granting it', () => {
    importSolution(dataverse, repositorySolutionZipWithCustomizations((xml) => xml.replaceAll('<RolePrivilege name="prvReadecc_SyncResult" level="Global" />', '<RolePrivilege name="prvReadecc_SyncResult" level="Basic" />')));
    expect(['anna', 'ben'].map(syncResultOwnedByTheGateway())).toEqual([false, false]);
  });

  it('refuses a privilege named after a table whose privileges Dataverse names otherwise (prvReadSalesOrder, not prvReadOrder)', () => {
    const zip = repositorySolutionZipWithCustomizations((xml) => xml.replace('name="prvReadOrder"', 'name="prvReadSalesOrder"'));
    expect(() => importSolution(dataverse, zip)).toThrow(/grants prvReadSalesOrder, a privilege of no table/);
  });

  it('refuses a privilege of a table neither the organization nor the solution has, and changes nothing', () => {
    const zip = repositorySolutionZipWithCustomizations((xml) => xml.replace('name="prvReadecc_SyncRun"', 'name="prvReadecc_SyncRuns"'));
    const failure = importFailureOf(dataverse, zip);
    expect(failure).toMatchObject({ code: IMPORT_ERROR_CODES.missingDependencies });
    expect(failure.message).toMatch(/grants prvReadecc_SyncRuns, a privilege of no table/);
    expect(dataverse.registry.entity('ecc_syncresult')).toBeUndefined();
  });
});
