/** The files of an unpacked solution folder, by path relative to it with / separators, in sorted order. */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UnpackedSolutionError } from './xmlText.js';

export interface SolutionFiles {
  names(): string[];
  text(name: string): string;
}

export function readSolutionFiles(sourceDir: string): SolutionFiles {
  const names = readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(sourceDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const present = new Set(names);
  return {
    names: () => [...names],
    text: (name) => {
      if (!present.has(name)) throw new UnpackedSolutionError(name, `missing from ${sourceDir}`);
      return readFileSync(path.join(sourceDir, name), 'utf8');
    },
  };
}
