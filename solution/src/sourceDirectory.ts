import { fileURLToPath } from 'node:url';

/** The ecc365 solution as source, unpacked (solution/unpacked; the same from src/ and from lib/). */
export const SOLUTION_SOURCE_DIR = fileURLToPath(new URL('../unpacked/', import.meta.url));
