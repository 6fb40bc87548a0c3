/**
 * The repository's solution as the import tests give it to the simulated Dataverse: the managed
 * zip the solution package builds, variants of it with files replaced or customizations.xml
 * edited, and the failure of importing one.
 */

import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { SolutionImportFailed } from '../solution/importErrors.js';
import { importSolution } from '../solution/importSolution.js';

let packed: Uint8Array | undefined;

/** The repository's solution, managed; packed once, a copy each time. */
export const repositorySolutionZip = (): Uint8Array => (packed ??= packSolution(SOLUTION_SOURCE_DIR, { managed: true })).slice();

/** The repository's zip with files added or replaced (paths in the zip). */
export function repositorySolutionZipWith(files: Record<string, string>): Uint8Array {
  return zipSync({ ...unzipSync(repositorySolutionZip()), ...Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])) });
}

/** The repository's zip with customizations.xml edited; the edit must change it. */
export function repositorySolutionZipWithCustomizations(edit: (xml: string) => string): Uint8Array {
  const before = strFromU8(unzipSync(repositorySolutionZip())['customizations.xml']!);
  const after = edit(before);
  expect(after, 'the edit changes customizations.xml').not.toBe(before);
  return repositorySolutionZipWith({ 'customizations.xml': after });
}

/** The SolutionImportFailed that importing `zip` into a Dataverse (or its metadata alone) throws; the test fails when the import does not. */
export function importFailureOf(target: Parameters<typeof importSolution>[0], zip: Uint8Array): SolutionImportFailed {
  try {
    importSolution(target, zip);
  } catch (error) {
    expect(error).toBeInstanceOf(SolutionImportFailed);
    return error as SolutionImportFailed;
  }
  throw new Error('the import was expected to fail');
}
