/**
 * Writes the solution's two packages into a folder, named as Dataverse names an export:
 * <UniqueName>_<major>_<minor>_<build>_<revision>.zip (unmanaged) and …_managed.zip (managed).
 * Zips of other versions left from earlier builds are removed, so the folder holds the packages
 * of this source only.
 */

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packSolution } from './pack.js';
import { UnpackedSolutionError } from './xmlText.js';

export interface BuildOptions {
  /** The unpacked solution (SOLUTION_SOURCE_DIR for the repository's). */
  sourceDir: string;
  outDir: string;
  /** major.minor.build.revision, written into solution.xml. */
  version: string;
  /** The PCF controls' build output (controls/out/controls), packed as the solution's custom controls. */
  controlsDir?: string;
  /** The web resources the controls' build makes (controls/out/webresources: the sign-in redirect bridge). */
  webResourcesDir?: string;
}

export interface BuiltSolution {
  uniqueName: string;
  version: string;
  /** Paths of the zips written. */
  managed: string;
  unmanaged: string;
}

/** The solution's unique name, from Other/Solution.xml. */
export function solutionUniqueName(sourceDir: string): string {
  const file = 'Other/Solution.xml';
  const name = /<SolutionManifest>\s*<UniqueName>([A-Za-z0-9_]+)<\/UniqueName>/.exec(readFileSync(path.join(sourceDir, file), 'utf8'))?.[1];
  if (!name) throw new UnpackedSolutionError(file, 'the manifest does not start with a <UniqueName> of letters, digits and underscores');
  return name;
}

/** The file names Dataverse gives an export of this solution and version. */
export function solutionZipNames(uniqueName: string, version: string): { managed: string; unmanaged: string } {
  const base = `${uniqueName}_${version.split('.').join('_')}`;
  return { managed: `${base}_managed.zip`, unmanaged: `${base}.zip` };
}

export function buildSolutionZips(options: BuildOptions): BuiltSolution {
  const uniqueName = solutionUniqueName(options.sourceDir);
  const names = solutionZipNames(uniqueName, options.version);
  // Both are packed before anything is written: a source that does not pack leaves the folder as it was.
  const packOptions = {
    version: options.version,
    ...(options.controlsDir !== undefined ? { controlsDir: options.controlsDir } : {}),
    ...(options.webResourcesDir !== undefined ? { webResourcesDir: options.webResourcesDir } : {}),
  };
  const managed = packSolution(options.sourceDir, { managed: true, ...packOptions });
  const unmanaged = packSolution(options.sourceDir, { managed: false, ...packOptions });
  mkdirSync(options.outDir, { recursive: true });
  const ownZip = new RegExp(`^${uniqueName}_\\d+_\\d+_\\d+_\\d+(_managed)?\\.zip$`);
  for (const file of readdirSync(options.outDir)) {
    if (ownZip.test(file) && file !== names.managed && file !== names.unmanaged) rmSync(path.join(options.outDir, file));
  }
  const written = { managed: path.join(options.outDir, names.managed), unmanaged: path.join(options.outDir, names.unmanaged) };
  // Written beside and renamed: whoever reads a zip meanwhile (an import, a test) sees the old or the new file, never half of one.
  for (const [file, bytes] of [[written.managed, managed], [written.unmanaged, unmanaged]] as const) {
    writeFileSync(`${file}.${process.pid}.tmp`, bytes);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return { uniqueName, version: options.version, ...written };
}
