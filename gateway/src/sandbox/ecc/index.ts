/**
 * Builds a simulated ECC: the function modules, a seeded database, and optionally a state
 * file, so that data created through the sandbox survives a restart.
 */

import { FUNCTION_MODULES } from './functions/index.js';
import { seedDatabase, type SeedOptions, type SeedResult } from './seed/index.js';
import { SimulatedEcc, type SimulatedEccOptions } from './simulatedEcc.js';
import { loadState, StateSaver } from './stateFile.js';

export interface CreateEccOptions extends SimulatedEccOptions {
  seed?: Partial<SeedOptions>;
  /** Keep the data in this file: loaded at start if present, saved after each commit. */
  stateFile?: string;
}

export interface SeededEcc {
  ecc: SimulatedEcc;
  /** What the seed generated; undefined when the data came from a state file. */
  seeded: SeedResult | undefined;
  /** Writes pending state to the state file (call at shutdown). */
  flush(): void;
}

/** A simulated ECC with the seed data set (a few hundred customers by default), or the data of a state file. */
export function createSimulatedEcc(options: CreateEccOptions = {}): SeededEcc {
  const ecc = new SimulatedEcc(FUNCTION_MODULES, options);
  const today = `${ecc.today().slice(0, 4)}-${ecc.today().slice(4, 6)}-${ecc.today().slice(6, 8)}`;
  const restored = options.stateFile !== undefined && loadState(ecc.db, options.stateFile);
  const seeded = restored ? undefined : seedDatabase(ecc.db, options.seed, today);
  const saver = options.stateFile !== undefined ? new StateSaver(ecc.db, options.stateFile) : undefined;
  if (saver) {
    if (!restored) saver.flush();
    ecc.onCommit(() => saver.changed());
  }
  return {
    ecc,
    seeded,
    flush: () => {
      ecc.flushUpdates();
      saver?.flush();
    },
  };
}

export { SimulatedEcc } from './simulatedEcc.js';
export type { EccKnobs } from './knobs.js';
