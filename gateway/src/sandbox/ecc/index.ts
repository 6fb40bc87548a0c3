/**
 * Builds a simulated ECC: the function modules, a seeded database, and optionally a state
 * file, so that data created through the sandbox survives a restart.
 */

import { FUNCTION_MODULES } from './functions/index.js';
import { seedDatabase, type SeedOptions, type SeedResult } from './seed/index.js';
import { SimulatedEcc, type SimulatedEccOptions } from './simulatedEcc.js';

export interface CreateEccOptions extends SimulatedEccOptions {
  seed?: Partial<SeedOptions>;
}

export interface SeededEcc {
  ecc: SimulatedEcc;
  seeded: SeedResult;
}

/** A simulated ECC with the seed data set (a few hundred customers by default). */
export function createSimulatedEcc(options: CreateEccOptions = {}): SeededEcc {
  const ecc = new SimulatedEcc(FUNCTION_MODULES, options);
  const today = `${ecc.today().slice(0, 4)}-${ecc.today().slice(4, 6)}-${ecc.today().slice(6, 8)}`;
  const seeded = seedDatabase(ecc.db, options.seed, today);
  return { ecc, seeded };
}

export { SimulatedEcc } from './simulatedEcc.js';
export type { EccKnobs } from './knobs.js';
