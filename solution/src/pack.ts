/**
 * Packs an unpacked solution (SolutionPackager's layout: Other/Solution.xml,
 * Other/Customizations.xml and the component folders) into the zip Dataverse imports:
 * [Content_Types].xml, solution.xml and customizations.xml at the root, and the environment
 * variable definitions in their folders. The same source always gives the same bytes: entries in
 * sorted order with one fixed timestamp.
 */

import { strToU8, zipSync, type Zippable } from 'fflate';
import path from 'node:path';
import { MANIFEST, customControlElement, packControls } from './controls.js';
import { packCustomizations } from './customizations.js';
import { packEnvironmentVariables } from './environmentVariables.js';
import { withPackedRootComponents } from './packedRootComponents.js';
import { readSolutionFiles } from './solutionFiles.js';
import { packWebResources } from './webResources.js';
import { UnpackedSolutionError, rootElement } from './xmlText.js';

export interface PackOptions {
  /** A managed solution (Managed 1) or an unmanaged one (Managed 0). */
  managed: boolean;
  /** The solution's version (major.minor.build.revision) in place of the source's <Version>; the source's by default. */
  version?: string;
  /**
   * The PCF controls' build output (controls/out/controls, one folder per control), packed as the
   * solution's custom controls. Without it the zip holds no controls, although its forms name them:
   * enough for the simulated Dataverse, not for a zip to import into an environment.
   */
  controlsDir?: string;
  /**
   * The web resources a build makes, by name (controls/out/webresources: ecc_/controls/msal-redirect.html …),
   * for the WebResources/<name>.data.xml of the source that have no content beside them. Without
   * it those web resources are left out, as the controls are without controlsDir.
   */
  webResourcesDir?: string;
}

/**
 * The content types of a plain solution export (reference/dataverse/solution-samples), byte order
 * mark included, with those of the packed controls' and web resources' files as a built PCF
 * solution has them: a default for each other extension, an override for each control manifest.
 */
function contentTypes(packedFiles: readonly string[]): string {
  const extensions = [...new Set(packedFiles.map((name) => path.posix.extname(name).slice(1).toLowerCase()).filter((extension) => extension && extension !== 'xml'))].sort();
  const defaults = extensions.map((extension) => `<Default Extension="${extension}" ContentType="application/octet-stream" />`);
  const overrides = packedFiles.filter((name) => name.endsWith(`/${MANIFEST}`)).map((name) => `<Override PartName="/${name}" ContentType="application/octet-stream" />`);
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" />${[...defaults, ...overrides].join('')}</Types>`;
}

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

/** The publisher's customization prefix, which names the custom controls (<prefix>_<namespace>.<constructor>). */
function customizationPrefix(solutionXml: string): string {
  const prefix = /<CustomizationPrefix>\s*([^<\s]+)\s*<\/CustomizationPrefix>/.exec(solutionXml)?.[1];
  if (!prefix) throw new UnpackedSolutionError('Other/Solution.xml', 'the publisher has no <CustomizationPrefix>');
  return prefix;
}

export function packSolution(sourceDir: string, options: PackOptions): Uint8Array {
  const files = readSolutionFiles(sourceDir);
  const solutionXml = files.text('Other/Solution.xml');
  const controls = options.controlsDir === undefined ? [] : packControls(options.controlsDir, customizationPrefix(solutionXml));
  const webResources = packWebResources(files, sourceDir, options.webResourcesDir);
  let manifest = withPackedRootComponents(solutionXml, 61, webResources.map((resource) => resource.name), 'web resources', 'Other/Solution.xml');
  manifest = withPackedRootComponents(manifest, 66, controls.map((control) => control.name), 'custom controls', 'Other/Solution.xml');
  const entries: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': contentTypes([...controls, ...webResources].flatMap((packed) => Object.keys(packed.files))),
    'customizations.xml': packCustomizations(files, {
      managed: options.managed,
      more: { WebResources: webResources.map((resource) => resource.element), CustomControls: controls.map(customControlElement) },
    }),
    'solution.xml': packSolutionManifest(manifest, options.managed, options.version),
    ...packEnvironmentVariables(files, solutionXml),
  };
  for (const packed of [...controls, ...webResources]) Object.assign(entries, packed.files);
  const zippable: Zippable = {};
  for (const name of Object.keys(entries).sort()) {
    const entry = entries[name]!;
    zippable[name] = [typeof entry === 'string' ? strToU8(entry) : entry, { mtime: FIXED_TIME }];
  }
  return zipSync(zippable, { level: 6 });
}
