/**
 * The solution's security role for the gateway's application user, ECC Gateway Service, against
 * what the gateway writes (dataverse/writtenColumns.ts): a table the gateway writes without the
 * role granting it would fail in a real environment with a privilege error on the first write.
 */

import { SOLUTION_SOURCE_DIR, packSolution, tablePrivilege, type PrivilegeAccess } from '@ecc365/solution';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { WRITTEN_TABLES } from '../../../dataverse/writtenColumns.js';
import { parseXml } from '../../../xml/parse.js';
import { MetadataRegistry } from '../metadata.js';
import type { SecurityRole } from '../security.js';
import { STANDARD_TABLES } from '../standardTables/index.js';
import { importSolution } from './importSolution.js';
import { readRoles } from './roles.js';

const ROLE = 'ECC Gateway Service';

const zip = packSolution(SOLUTION_SOURCE_DIR, { managed: true });
const registry = new MetadataRegistry([...STANDARD_TABLES]);
// The import checks each privilege names a table (or is one it knows of no table); read again here for the privileges.
importSolution(registry, zip);
const roles = readRoles(parseXml(strFromU8(unzipSync(zip)['customizations.xml']!)), 'ecc365', () => true);
const gatewayRole = roles.find((role) => role.name === ROLE)!;

type WrittenTables = Readonly<Record<string, { readonly creates: boolean }>>;

/** The privileges `role` lacks at Global depth for the writes of `written`, as "table: privilege". */
function missingPrivileges(role: SecurityRole, written: WrittenTables): string[] {
  const granted = new Set(role.privileges.filter((privilege) => privilege.depth === 'Global').map((privilege) => privilege.name.toLowerCase()));
  return Object.entries(written).flatMap(([table, { creates }]) => {
    const entity = registry.entity(table);
    if (!entity) return [`${table}: no such table`];
    const needed: PrivilegeAccess[] = creates ? ['Create', 'Read', 'Write'] : ['Read', 'Write'];
    return needed.map((access) => tablePrivilege(access, entity)).filter((privilege) => !granted.has(privilege.toLowerCase())).map((privilege) => `${table}: ${privilege}`);
  });
}

describe(`the solution's role ${ROLE}`, () => {
  it('is packed, with every privilege at Global (organization) depth, as the gateway acts for every business unit', () => {
    expect(gatewayRole, `customizations.xml has no role ${ROLE}`).toBeDefined();
    expect(gatewayRole.privileges.filter((privilege) => privilege.depth !== 'Global')).toEqual([]);
  });

  it('grants Read and Write on every table the gateway writes, and Create where it creates rows', () => {
    expect(Object.keys(WRITTEN_TABLES).length).toBeGreaterThan(0);
    expect(missingPrivileges(gatewayRole, WRITTEN_TABLES)).toEqual([]);
  });

  it('names what is missing when the gateway writes a table the role does not grant, or the role loses a privilege', () => {
    expect(missingPrivileges(gatewayRole, { ...WRITTEN_TABLES, team: { creates: true } })).toEqual(['team: prvCreateTeam', 'team: prvWriteTeam']);
    const withoutQuoteWrite = { ...gatewayRole, privileges: gatewayRole.privileges.filter((privilege) => privilege.name !== 'prvWriteQuote') };
    // Quote lines have no privileges of their own: the quote's govern them.
    expect(missingPrivileges(withoutQuoteWrite, WRITTEN_TABLES)).toEqual(['quote: prvWriteQuote', 'quotedetail: prvWriteQuote']);
  });

  it('lets the gateway ask Dataverse as the rep (CallerObjectId): Act on Behalf of Another User', () => {
    expect(gatewayRole.privileges).toContainEqual({ name: 'prvActOnBehalfOfAnotherUser', depth: 'Global' });
  });
});
