/**
 * Environment variable definitions as SolutionPackager keeps them: one folder per variable,
 * environmentvariabledefinitions/<schema name>/environmentvariabledefinition.xml, which goes into
 * the zip at the same path (not into customizations.xml), and a root component of type 380
 * (environment variable definition) in solution.xml. A definition without its root component
 * would import without belonging to the solution, so it would not travel with it; both are
 * checked. Values (environmentvariablevalues.json) belong to an environment, not to the product,
 * and are not packed.
 */

import type { SolutionFiles } from './solutionFiles.js';
import { UnpackedSolutionError, rootElement } from './xmlText.js';

const DEFINITION_FILE = /^environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.xml$/;
const ROOT_COMPONENT_TYPE = '380';

export const isEnvironmentVariableDefinition = (file: string): boolean => DEFINITION_FILE.test(file);

/** The schema names solution.xml lists as environment variable definitions. */
function rootComponents(solutionXml: string): string[] {
  const names: string[] = [];
  for (const match of solutionXml.matchAll(/<RootComponent\b([^>]*)\/?>/g)) {
    const attributes = match[1]!;
    const type = /\btype\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    const schemaName = /\bschemaName\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    if (type === ROOT_COMPONENT_TYPE && schemaName) names.push(schemaName);
  }
  return names;
}

/** The definition files to put into the zip, by their path there, after checking them against solution.xml. */
export function packEnvironmentVariables(files: SolutionFiles, solutionXml: string): Record<string, string> {
  const packed: Record<string, string> = {};
  const listed = new Set(rootComponents(solutionXml).map((name) => name.toLowerCase()));
  const defined = new Set<string>();
  for (const file of files.names()) {
    const folder = DEFINITION_FILE.exec(file)?.[1];
    if (folder === undefined) continue;
    const text = files.text(file);
    const { startTag } = rootElement(text, 'environmentvariabledefinition', file);
    const schemaName = /\bschemaname\s*=\s*"([^"]*)"/.exec(startTag)?.[1];
    if (!schemaName) throw new UnpackedSolutionError(file, 'the definition has no schemaname attribute');
    if (schemaName !== folder) throw new UnpackedSolutionError(file, `the definition's schemaname "${schemaName}" is not its folder's name "${folder}"`);
    if (!listed.has(schemaName.toLowerCase())) {
      throw new UnpackedSolutionError(file, `Other/Solution.xml has no <RootComponent type="380" schemaName="${schemaName}" />, so the variable would not belong to the solution`);
    }
    defined.add(schemaName.toLowerCase());
    packed[file] = text;
  }
  const missing = rootComponents(solutionXml).filter((name) => !defined.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new UnpackedSolutionError('Other/Solution.xml', `root components of type 380 without a definition: ${missing.map((name) => `environmentvariabledefinitions/${name}/environmentvariabledefinition.xml`).join(', ')}`);
  }
  return packed;
}
