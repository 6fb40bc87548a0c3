/**
 * npm run build:solution: the repository's solution as a managed and an unmanaged zip in
 * solution/dist/, versioned with solution/package.json's version.
 */

import path from 'node:path';
import { buildSolutionZips } from './buildZips.js';
import { SOLUTION_DIST_DIR, solutionVersion } from './distFolder.js';
import { SOLUTION_SOURCE_DIR } from './sourceDirectory.js';

try {
  const built = buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir: SOLUTION_DIST_DIR, version: solutionVersion() });
  const shown = (file: string) => path.relative(process.cwd(), file);
  process.stdout.write(`solution: ${built.uniqueName} ${built.version} built into ${shown(built.managed)} and ${shown(built.unmanaged)}\n`);
} catch (error) {
  process.stderr.write(`solution: not built: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
