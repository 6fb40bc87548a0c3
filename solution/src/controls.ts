/**
 * The PCF controls as solution components, from pcf-scripts' build output (controls/out/controls/
 * <Constructor>/: ControlManifest.xml, bundle.js, strings/*.resx, css …), laid out as a built PCF
 * solution has them (reference/dataverse/solution-samples/CodeInterpreterControlSolution_pcf):
 * - every file of the control's build folder at Controls/<prefix>_<namespace>.<constructor>/…,
 *   where <prefix> is the publisher's customization prefix;
 * - <CustomControl><Name>…</Name><FileName>/Controls/…/ControlManifest.xml</FileName></CustomControl>
 *   under <CustomControls> in customizations.xml;
 * - <RootComponent type="66" schemaName="<prefix>_<namespace>.<constructor>" behavior="0" /> in
 *   solution.xml (66: custom control; packedRootComponents.ts);
 * - a content type for each file extension, and an override for each manifest, in [Content_Types].xml
 *   (pack.ts).
 * A build folder that lacks a resource its manifest lists is refused: the control would not load.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UnpackedSolutionError } from './xmlText.js';

export const MANIFEST = 'ControlManifest.xml';
const BUILD_HINT = 'build the controls first (npm run build -w @ecc365/controls)';

export interface PackedControl {
  /** The control's name in Dataverse: <prefix>_<namespace>.<constructor>. */
  name: string;
  /** Its files by their path in the zip. */
  files: Record<string, Uint8Array>;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function packControl(folder: string, prefix: string): PackedControl {
  const manifestFile = path.join(folder, MANIFEST);
  const manifest = readFileSync(manifestFile, 'utf8');
  const controlTag = /<control\b[^>]*>/.exec(manifest)?.[0];
  const namespace = controlTag && attribute(controlTag, 'namespace');
  const constructorName = controlTag && attribute(controlTag, 'constructor');
  if (!namespace || !constructorName) throw new UnpackedSolutionError(manifestFile, 'the manifest has no <control namespace=… constructor=…>');
  const present = filesUnder(folder);
  const resources = [...manifest.matchAll(/<(?:code|css|resx|img|html)\b[^>]*\spath\s*=\s*"([^"]*)"/g)].map((match) => match[1]!.replace(/\\/g, '/'));
  const missing = resources.filter((resource) => !present.includes(resource));
  if (missing.length > 0) throw new UnpackedSolutionError(manifestFile, `the manifest lists ${missing.join(', ')}, which the build folder does not hold: ${BUILD_HINT}`);
  const name = `${prefix}_${namespace}.${constructorName}`;
  const files: Record<string, Uint8Array> = {};
  for (const file of present) files[`Controls/${name}/${file}`] = new Uint8Array(readFileSync(path.join(folder, file)));
  return { name, files };
}

/** Every control built into `controlsDir` (one folder per control holding its ControlManifest.xml), in name order. */
export function packControls(controlsDir: string, prefix: string): PackedControl[] {
  if (!existsSync(controlsDir) || !statSync(controlsDir).isDirectory()) throw new UnpackedSolutionError(controlsDir, `there is no controls build output here: ${BUILD_HINT}`);
  const folders = readdirSync(controlsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(controlsDir, entry.name, MANIFEST)))
    .map((entry) => path.join(controlsDir, entry.name))
    .sort();
  if (folders.length === 0) throw new UnpackedSolutionError(controlsDir, `no built control (a folder with ${MANIFEST}) is here: ${BUILD_HINT}`);
  return folders.map((folder) => packControl(folder, prefix)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export const customControlElement = (control: PackedControl): string =>
  `<CustomControl>\n      <Name>${control.name}</Name>\n      <FileName>/Controls/${control.name}/${MANIFEST}</FileName>\n    </CustomControl>`;
