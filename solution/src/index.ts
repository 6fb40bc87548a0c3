export { packSolution, type PackOptions } from './pack.js';
export { SOLUTION_SOURCE_DIR } from './sourceDirectory.js';
export { UnpackedSolutionError } from './xmlText.js';
