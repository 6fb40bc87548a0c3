/**
 * What the solution's tests share: temporary solution folders (removed after each test),
 * reading a packed zip, and Microsoft's schema 9.0 of customizations.xml with xmllint to check
 * against (reference/dataverse/xsd-libxml, the libxml2-loadable copy; ECC365_REFERENCE_DIR
 * overrides where the reference folder is).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, it } from 'vitest';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** customizations.xml's frame as a PCF solution build writes it (reference/dataverse/solution-samples). */
export const CUSTOMIZATIONS_FRAME = `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Entities />
  <Roles />
  <Workflows />
  <FieldSecurityProfiles />
  <Templates />
  <EntityMaps />
  <EntityRelationships />
  <OrganizationSettings />
  <optionsets />
  <CustomControls />
  <EntityDataProviders />
  <Languages>
    <Language>1033</Language>
  </Languages>
</ImportExportXml>
`;

const temporaryDirectories: string[] = [];
afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** An empty directory that is removed after the test. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'ecc365-solution-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

/** A temporary directory holding these files (paths relative to it, / separated). */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const directory = temporaryDirectory();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

/** Every entry of a zip as text, by its path. */
export const textOf = (zip: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name, strFromU8(data)]));

export const customizationsOf = (zip: Uint8Array): string => strFromU8(unzipSync(zip, { filter: (entry) => entry.name === 'customizations.xml' })['customizations.xml']!);

export const REFERENCE_DIRECTORY = process.env.ECC365_REFERENCE_DIR ?? path.resolve(REPOSITORY_ROOT, '../shared/reference');

/** Microsoft's schema 9.0 of customizations.xml, made loadable by libxml2. */
export const SCHEMA = path.join(REFERENCE_DIRECTORY, 'dataverse', 'xsd-libxml', 'CustomizationsSolution.xsd');

const xmllintInstalled = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Why a check against this schema cannot run here, or undefined when xmllint and the schema are at hand. */
export function schemaUnavailable(schema = SCHEMA): string | undefined {
  if (!xmllintInstalled) return 'xmllint is not installed (Debian: libxml2-utils)';
  if (!existsSync(schema)) return `the schema is not at ${schema} (set ECC365_REFERENCE_DIR to the reference folder)`;
  return undefined;
}

/** A test that needs xmllint and the schema: skipped, saying why, when either is missing. */
export function itWithSchema(title: string, test: () => void, options: { schema?: string; timeoutMs?: number } = {}): void {
  const missing = schemaUnavailable(options.schema);
  it.skipIf(missing !== undefined)(missing === undefined ? title : `${title} (skipped: ${missing})`, test, options.timeoutMs);
}

/** Validates a document against the schema with xmllint; throws with xmllint's messages when it does not validate. */
export function validateXml(xml: string | Uint8Array, schema = SCHEMA): void {
  const file = path.join(temporaryDirectory(), 'document.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
}
