/**
 * Where `npm run build:solution` takes the controls and their web resources from (the controls
 * workspace's build output) and puts the zips (solution/dist), and which ones a build of this
 * source and package version makes there. The version is solution/package.json's.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solutionUniqueName, solutionZipNames } from './buildZips.js';
import { solutionVersionOf } from './solutionVersion.js';
import { SOLUTION_SOURCE_DIR } from './sourceDirectory.js';

/** solution/ (the same from src/ and from lib/). */
const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

export const SOLUTION_DIST_DIR = path.join(PACKAGE_ROOT, 'dist');

/** The controls' build output in the repository (`npm run build -w @ecc365/controls`). */
export const CONTROLS_BUILD_DIR = path.join(PACKAGE_ROOT, '..', 'controls', 'out', 'controls');

/** The web resources the same build makes (the MSAL redirect bridge page and script). */
export const WEB_RESOURCES_BUILD_DIR = path.join(PACKAGE_ROOT, '..', 'controls', 'out', 'webresources');

/** The solution's version: solution/package.json's as major.minor.patch.0. */
export function solutionVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return solutionVersionOf(version);
}

/** The path of the managed or the unmanaged zip a build of the repository's solution writes. */
export function builtSolutionZip(managed: boolean): string {
  const names = solutionZipNames(solutionUniqueName(SOLUTION_SOURCE_DIR), solutionVersion());
  return path.join(SOLUTION_DIST_DIR, managed ? names.managed : names.unmanaged);
}
