/**
 * The simulated Dataverse served alone on 127.0.0.1 and a free port, for tests. Authentication
 * is a test double that accepts `Bearer test:<Entra object id>` and refuses anything else with a
 * 401 challenge; the product path always uses the sandbox identity provider's verifier.
 * TEST_ACCOUNT_EXTENSION stands in for the product solution's account column and alternate key
 * (ecc_customernumber) in tests that do not import the solution.
 */

import type { AddressInfo } from 'node:net';
import express from 'express';
import { SANDBOX_APPLICATION_USER, SANDBOX_PERSONAS } from '../../identities.js';
import type { DataverseHooks } from '../hooks.js';
import { createSimulatedDataverse } from '../index.js';
import type { EntityMetadata } from '../metadata.js';
import { createDataverseRouter, WEB_API_PATH } from '../router.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import type { SolutionImporter } from '../webApi.js';

export const TEST_MOUNT_PATH = '/sandbox/dataverse';

export const TEST_ACCOUNT_EXTENSION: EntityMetadata = {
  logicalName: 'account',
  schemaName: 'Account',
  entitySetName: 'accounts',
  primaryIdAttribute: 'accountid',
  primaryNameAttribute: 'name',
  ownershipType: 'UserOwned',
  changeTrackingEnabled: true,
  isCustomEntity: false,
  objectTypeCode: 1,
  attributes: [
    {
      logicalName: 'ecc_customernumber', schemaName: 'ecc_CustomerNumber', type: 'String', requiredLevel: 'None',
      validForCreate: true, validForUpdate: true, validForRead: true, maxLength: 10, format: 'Text', isCustomAttribute: true,
    },
  ],
  keys: [{ logicalName: 'ecc_customernumber', keyAttributes: ['ecc_customernumber'] }],
  lookups: [],
};

/** The Authorization header of a sandbox identity in tests. */
export const bearerFor = (objectId: string): string => `Bearer test:${objectId}`;

export const APPLICATION_AUTHORIZATION = bearerFor(SANDBOX_APPLICATION_USER.objectId);

export const persona = (key: string) => {
  const found = SANDBOX_PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`No sandbox persona '${key}'.`);
  return found;
};

export interface TestDataverseServer {
  dataverse: SimulatedDataverse;
  /** The service root: http://127.0.0.1:<port>/sandbox/dataverse/api/data/v9.2/ */
  serviceRoot: string;
  origin: string;
  stop(): Promise<void>;
}

export async function serveTestDataverse(options: { hooks?: DataverseHooks; importSolution?: SolutionImporter; clock?: () => Date } = {}): Promise<TestDataverseServer> {
  const dataverse = createSimulatedDataverse({ tables: [TEST_ACCOUNT_EXTENSION], ...options });
  const app = express();
  app.use(
    TEST_MOUNT_PATH,
    createDataverseRouter(dataverse, {
      authenticate: async (header) => {
        const match = /^Bearer test:(\S+)$/.exec(header ?? '');
        if (!match) throw Object.assign(new Error('no test token'), { headers: { 'WWW-Authenticate': 'Bearer authorization_uri=https://127.0.0.1/idp, resource_id=https://127.0.0.1/' } });
        return { objectId: match[1]! };
      },
      ...(options.importSolution ? { importSolution: options.importSolution } : {}),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dataverse,
    origin,
    serviceRoot: `${origin}${TEST_MOUNT_PATH}${WEB_API_PATH}/`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
