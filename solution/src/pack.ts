/**
 * Packs an unpacked solution (SolutionPackager's layout: Other/Solution.xml,
 * Other/Customizations.xml and the component folders) into the zip Dataverse imports:
 * [Content_Types].xml, solution.xml and customizations.xml at the root, and the environment
 * variable definitions in their folders. The same source always gives the same bytes: entries in
 * sorted order with one fixed timestamp.
 */

import { strToU8, zipSync, type Zippable } from 'fflate';
import { packCustomizations } from './customizations.js';
import { packEnvironmentVariables } from './environmentVariables.js';
import { readSolutionFiles } from './solutionFiles.js';
import { UnpackedSolutionError, rootElement } from './xmlText.js';

export interface PackOptions {
  /** A managed solution (Managed 1) or an unmanaged one (Managed 0). */
  managed: boolean;
  /** The solution's version (major.minor.build.revision) in place of the source's <Version>; the source's by default. */
  version?: string;
}

// The content types of a plain solution export (reference/dataverse/solution-samples), byte order mark included.
const CONTENT_TYPES = '\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /></Types>';

// Zip timestamps are local times; a date built from local fields gives the same stored fields in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}\.\d{1,9}$/;

/** solution.xml with <Managed> set for the package type (the source says 2, "both", as SolutionPackager's does), and the version if given. */
function packSolutionManifest(source: string, managed: boolean, version: string | undefined): string {
  const file = 'Other/Solution.xml';
  const manifest = rootElement(source, 'ImportExportXml', file);
  if (!/<SolutionManifest>/.test(manifest.content)) throw new UnpackedSolutionError(file, 'there is no <SolutionManifest>');
  const managedElement = /<Managed>\s*[0-2]\s*<\/Managed>/;
  if (!managedElement.test(source)) throw new UnpackedSolutionError(file, 'the manifest has no <Managed> element with 0, 1 or 2');
  const packed = source.replace(managedElement, `<Managed>${managed ? 1 : 0}</Managed>`);
  if (version === undefined) return packed;
  if (!VERSION.test(version)) throw new UnpackedSolutionError(file, `the version to pack, ${version}, is not major.minor.build.revision`);
  const versionElement = /<Version>[^<]*<\/Version>/;
  if (!versionElement.test(packed)) throw new UnpackedSolutionError(file, 'the manifest has no <Version> element');
  return packed.replace(versionElement, `<Version>${version}</Version>`);
}

export function packSolution(sourceDir: string, options: PackOptions): Uint8Array {
  const files = readSolutionFiles(sourceDir);
  const solutionXml = files.text('Other/Solution.xml');
  const entries: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    'customizations.xml': packCustomizations(files, { managed: options.managed }),
    'solution.xml': packSolutionManifest(solutionXml, options.managed, options.version),
    ...packEnvironmentVariables(files, solutionXml),
  };
  const zippable: Zippable = {};
  for (const name of Object.keys(entries).sort()) zippable[name] = [strToU8(entries[name]!), { mtime: FIXED_TIME }];
  return zipSync(zippable, { level: 6 });
}
