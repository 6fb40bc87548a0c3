/**
 * The solution's version comes from the package version (solution/package.json), so a release
 * bumps one number. Dataverse versions have four parts, major.minor.build.revision, and an
 * upgrade needs a higher one: a package version major.minor.patch becomes major.minor.patch.0.
 * A pre-release (1.2.0-rc.1) has no four-part form that orders before its release, so it is refused.
 */

import { UnpackedSolutionError } from './xmlText.js';

/** Each part of a Dataverse solution version is a .NET Int32 (System.Version). */
const MAX_PART = 2_147_483_647;

export function solutionVersionOf(packageVersion: string): string {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion.trim())?.slice(1).map(Number);
  if (!parts) {
    throw new UnpackedSolutionError('package.json', `the version ${packageVersion} is not major.minor.patch; a Dataverse solution version cannot express a pre-release or build metadata`);
  }
  if (parts.some((part) => part > MAX_PART)) throw new UnpackedSolutionError('package.json', `each part of the version ${packageVersion} must be at most ${MAX_PART}`);
  return [...parts, 0].join('.');
}
