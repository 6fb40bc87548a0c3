/**
 * The simulated Dataverse as an environment behaves around its Web API: service protection
 * limits, latency, webhooks with their system jobs, and the state file, wired into the engine's
 * hooks, with the knobs to change them while it runs. The sandbox creates one per simulated
 * Dataverse, after the solution import, and mounts `knobsRouter` at /sandbox/dataverse/knobs.
 */

import type { Router } from 'express';
import { createKnobsRouter } from '../../knobsRouter.js';
import { SANDBOX_ORGANIZATION } from '../../identities.js';
import { Random } from '../../random.js';
import { ServiceProtection } from '../limits/serviceProtection.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { ensureSdkMessages } from '../webhooks/sdkMessages.js';
import { Webhooks } from '../webhooks/webhooks.js';
import { composeHooks } from './composeHooks.js';
import { dataverseKnobsSchema, serviceProtectionSettings, type DataverseKnobs, type DataverseSandboxConfig } from './knobs.js';
import { latencyHooks } from './latency.js';
import { DataverseStateSaver, loadDataverseState } from './stateFile.js';

export interface DataverseEnvironmentOptions {
  /** Start values of the knobs; the rest keep their defaults (Dataverse's limits, no latency). */
  knobs?: Partial<DataverseKnobs>;
  /** Keep the data in this file: loaded now if present, saved after each write and on flush. */
  stateFile?: string;
  /** Seed of the latency jitter. */
  randomSeed?: number;
  /** The clock service protection measures windows and execution time on, in milliseconds (tests). */
  clock?: () => number;
  /** How a request waits out its latency (tests). Default: a timer. */
  sleep?: (ms: number) => Promise<unknown>;
}

export interface DataverseEnvironment {
  knobs(): DataverseKnobs;
  setKnobs(changes: Partial<DataverseKnobs>): DataverseKnobs;
  /** GET the knobs, PATCH JSON to change them; mount at /sandbox/dataverse/knobs. */
  knobsRouter: Router;
  serviceProtection: ServiceProtection;
  webhooks: Webhooks;
  /** True when the data came from the state file. */
  restored: boolean;
  /**
   * Tells the environment the URL it is served at, once the server listens: webhooks name its
   * host in x-ms-dynamics-organization, as Dataverse names its domain.
   */
  attach(dataverseUrl: string): void;
  /** Writes pending state to the state file (call at shutdown, after webhooks settled if they matter). */
  flush(): void;
}

/** The options of the configuration's sandbox.dataverse section: the state file, and the knobs' start values. */
export function environmentOptionsFromConfig({ stateFile, ...knobs }: DataverseSandboxConfig): DataverseEnvironmentOptions {
  return { ...(stateFile !== undefined ? { stateFile } : {}), knobs };
}

export function createDataverseEnvironment(dataverse: SimulatedDataverse, options: DataverseEnvironmentOptions = {}): DataverseEnvironment {
  let knobs = dataverseKnobsSchema.parse(options.knobs ?? {});
  let organization = `${SANDBOX_ORGANIZATION.name}.crm.dynamics.com`;

  const restored = options.stateFile !== undefined && loadDataverseState(dataverse, options.stateFile);
  ensureSdkMessages(dataverse);
  const saver = options.stateFile !== undefined ? new DataverseStateSaver(dataverse, options.stateFile) : undefined;
  if (saver && !restored) saver.flush();

  const serviceProtection = new ServiceProtection(() => serviceProtectionSettings(knobs), options.clock);
  const webhooks = new Webhooks(dataverse, {
    settings: () => ({ timeoutMs: knobs.webhookTimeoutMs, retryDelayMs: knobs.webhookRetryDelayMs }),
    organization: () => organization,
    onRowsWritten: () => saver?.changed(),
  });
  let tables = dataverse.registry.entities().length;
  const afterWrites = {
    beforeRequest: (request: { method: string }) => {
      if (request.method === 'GET') return;
      return () => {
        // A solution import may have brought tables that need their SDK message filters.
        if (dataverse.registry.entities().length !== tables) {
          tables = dataverse.registry.entities().length;
          ensureSdkMessages(dataverse);
        }
        saver?.changed();
      };
    },
  };
  dataverse.hooks = composeHooks(
    serviceProtection.hooks(),
    latencyHooks(() => knobs, new Random(options.randomSeed ?? 4365), options.sleep),
    dataverse.hooks,
    afterWrites,
    webhooks.hooks(),
  );

  const setKnobs = (changes: Partial<DataverseKnobs>): DataverseKnobs => {
    knobs = dataverseKnobsSchema.parse({ ...knobs, ...changes });
    return knobs;
  };
  return {
    knobs: () => knobs,
    setKnobs,
    knobsRouter: createKnobsRouter({ schema: dataverseKnobsSchema, read: () => knobs, change: setKnobs }),
    serviceProtection,
    webhooks,
    restored,
    attach: (dataverseUrl) => {
      organization = new URL(dataverseUrl).host;
    },
    flush: () => saver?.flush(),
  };
}
