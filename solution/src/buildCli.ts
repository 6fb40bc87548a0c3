/**
 * npm run build:solution: the repository's solution with the built controls and their web
 * resources as a managed and an unmanaged zip in solution/dist/, versioned with
 * solution/package.json's version. The controls must have been built first (the root package's
 * build and build:solution scripts do).
 */

import path from 'node:path';
import { buildSolutionZips } from './buildZips.js';
import { CONTROLS_BUILD_DIR, SOLUTION_DIST_DIR, solutionVersion, WEB_RESOURCES_BUILD_DIR } from './distFolder.js';
import { SOLUTION_SOURCE_DIR } from './sourceDirectory.js';

try {
  const built = buildSolutionZips({
    sourceDir: SOLUTION_SOURCE_DIR,
    outDir: SOLUTION_DIST_DIR,
    version: solutionVersion(),
    controlsDir: CONTROLS_BUILD_DIR,
    webResourcesDir: WEB_RESOURCES_BUILD_DIR,
  });
  const shown = (file: string) => path.relative(process.cwd(), file);
  process.stdout.write(`solution: ${built.uniqueName} ${built.version} built into ${shown(built.managed)} and ${shown(built.unmanaged)}\n`);
} catch (error) {
  process.stderr.write(`solution: not built: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
