/** The files of a solution zip that ImportSolution reads, after checking it is one. */

import { strFromU8, unzipSync } from 'fflate';
import { importErrors } from './importErrors.js';

export interface SolutionPackage {
  solutionXml: string;
  customizationsXml: string;
  /** Environment variable definitions by their path in the zip, in path order. */
  environmentVariableDefinitions: { file: string; text: string }[];
}

const REQUIRED = ['[Content_Types].xml', 'solution.xml', 'customizations.xml'];
const ENVIRONMENT_VARIABLE_DEFINITION = /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/;

// Zip names are paths; Windows tools write backslashes.
const entryName = (name: string) => name.replace(/\\/g, '/');
const isRead = (name: string) => REQUIRED.includes(name) || ENVIRONMENT_VARIABLE_DEFINITION.test(name);

export function readSolutionPackage(zip: Uint8Array): SolutionPackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, { filter: (file) => isRead(entryName(file.name)) });
  } catch (error) {
    throw importErrors.badPackage(`not a zip archive: ${error instanceof Error ? error.message : String(error)}`);
  }
  const byName = new Map(Object.entries(entries).map(([name, data]) => [entryName(name), data]));
  const missing = REQUIRED.filter((name) => !byName.has(name));
  if (missing.length > 0) throw importErrors.badPackage(`missing at the root: ${missing.join(', ')}`);
  const text = (name: string) => strFromU8(byName.get(name)!).replace(/^\uFEFF/, '');
  return {
    solutionXml: text('solution.xml'),
    customizationsXml: text('customizations.xml'),
    environmentVariableDefinitions: [...byName.keys()].filter((name) => ENVIRONMENT_VARIABLE_DEFINITION.test(name)).sort().map((file) => ({ file, text: text(file) })),
  };
}
