/**
 * Security roles of an imported solution: <Roles><Role id name><RolePrivileges><RolePrivilege
 * name="prvReadAccount" level="Basic|Local|Deep|Global"/>. Each privilege must be one of a table
 * the organization has or the solution brings, named as Dataverse names it (prvReadOrder, not
 * prvReadSalesOrder: @ecc365/solution's privilegeNames.ts), or a privilege of no table the
 * simulator knows (prvActOnBehalfOfAnotherUser) ([U]: Dataverse reports a privilege it does not
 * know as a missing dependency; the simulator refuses it, so a misspelt table cannot pass). Applied, the
 * roles go to the sandbox's users as SANDBOX_SOLUTION_ROLES assigns them (security.ts decides what
 * they widen).
 */

import { MISCELLANEOUS_PRIVILEGES, parseTablePrivilege } from '@ecc365/solution';
import { childNamed, childrenNamed, type XmlElement } from '../../../xml/parse.js';
import { SANDBOX_PERSONAS, SANDBOX_SOLUTION_ROLES } from '../../identities.js';
import type { SecurityRole } from '../security.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { importErrors } from './importErrors.js';
import { startTag } from './xmlDocument.js';

const DEPTHS = new Set(['Basic', 'Local', 'Deep', 'Global']);

/** The roles of customizations.xml, checked; `hasPrivileges` says whether a table whose privileges bear this name (any case) exists or comes with the solution. */
export function readRoles(root: XmlElement, solution: string, hasPrivileges: (privilegeTableName: string) => boolean): SecurityRole[] {
  return childrenNamed(childNamed(root, 'Roles') ?? root, 'Role').map((element) => {
    const { id, name } = element.attributes;
    if (!id || !name) throw importErrors.schemaViolation("The required attributes 'name' and 'id' of a role are missing.", startTag(element));
    const privileges = childrenNamed(childNamed(element, 'RolePrivileges') ?? element, 'RolePrivilege').map((privilege) => {
      const { name: privilegeName = '', level = '' } = privilege.attributes;
      if (!DEPTHS.has(level)) throw importErrors.schemaViolation(`The 'level' attribute is '${level}', not Basic, Local, Deep or Global.`, startTag(privilege));
      const table = parseTablePrivilege(privilegeName)?.tableName;
      if (!MISCELLANEOUS_PRIVILEGES.includes(privilegeName) && (!table || !hasPrivileges(table))) throw importErrors.missingDependencies(solution, `role ${name} grants ${privilegeName}, a privilege of no table in the organization or the solution`);
      return { name: privilegeName, depth: level as SecurityRole['privileges'][number]['depth'] };
    });
    return { id: id.replace(/^\{|\}$/g, '').toLowerCase(), name, privileges };
  });
}

/** Gives the sandbox's users the roles they hold. */
export function applyRoles(dataverse: SimulatedDataverse, roles: readonly SecurityRole[]): void {
  const holders = new Map(SANDBOX_PERSONAS.map((persona) => [persona.systemUserId, SANDBOX_SOLUTION_ROLES[persona.key] ?? []]));
  dataverse.security.importSolutionRoles(roles, holders);
}
