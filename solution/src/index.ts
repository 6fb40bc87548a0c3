export { packSolution, type PackOptions } from './pack.js';
export { buildSolutionZips, solutionUniqueName, solutionZipNames, type BuildOptions, type BuiltSolution } from './buildZips.js';
export { builtSolutionZip, CONTROLS_BUILD_DIR, SOLUTION_DIST_DIR, solutionVersion, WEB_RESOURCES_BUILD_DIR } from './distFolder.js';
export { MISCELLANEOUS_PRIVILEGES, PRIVILEGE_ACCESS, parseTablePrivilege, privilegeTableName, tablePrivilege, type PrivilegeAccess } from './privilegeNames.js';
export { solutionVersionOf } from './solutionVersion.js';
export { SOLUTION_SOURCE_DIR } from './sourceDirectory.js';
export { UnpackedSolutionError } from './xmlText.js';
