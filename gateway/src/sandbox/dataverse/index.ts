/**
 * The simulated Dataverse, ready to serve: the standard tables, the sandbox's business units,
 * teams and users, and the hooks other parts of the sandbox plug into. Serve it with
 * createDataverseRouter (router.ts) mounted at /sandbox/dataverse.
 */

import type { DataverseHooks } from './hooks.js';
import { MetadataRegistry, type EntityMetadata } from './metadata.js';
import { seedOrganization } from './seed.js';
import { SimulatedDataverse } from './simulatedDataverse.js';
import { STANDARD_TABLES } from './standardTables/index.js';

export interface SimulatedDataverseSetup {
  /** Tables besides the standard ones (tests; the product's own come from ImportSolution). */
  tables?: EntityMetadata[];
  hooks?: DataverseHooks;
  clock?: () => Date;
}

export function createSimulatedDataverse(setup: SimulatedDataverseSetup = {}): SimulatedDataverse {
  const registry = new MetadataRegistry([...STANDARD_TABLES]);
  for (const table of setup.tables ?? []) registry.upsertEntity(table);
  const dataverse = new SimulatedDataverse({ registry, ...(setup.hooks ? { hooks: setup.hooks } : {}), ...(setup.clock ? { clock: setup.clock } : {}) });
  seedOrganization(dataverse);
  return dataverse;
}

export { createDataverseRouter, WEB_API_PATH, type DataverseRouterOptions } from './router.js';
export { SimulatedDataverse } from './simulatedDataverse.js';
export { DataverseFault } from './faults.js';
export type { CommittedWrite, DataverseHooks, IncomingRequest, RequestFinished } from './hooks.js';
