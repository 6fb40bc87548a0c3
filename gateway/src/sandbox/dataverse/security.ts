/**
 * Who may do what in the simulated Dataverse. The principals are the sandbox identities
 * (identities.ts): the application user, whose role is a system administrator's and who holds
 * prvActOnBehalfOfAnotherUser (so may impersonate with CallerObjectId), and the rep personas,
 * whose role grants read, write and delete on user- and team-owned tables at the persona's depth
 * (User: rows they own or their teams own; BusinessUnit: also rows of their business unit;
 * ParentChildBusinessUnits: and of its child units; Organization: all) and create everywhere
 * they may write. Organization- and business-owned tables (products, price lists, users …) are
 * readable by everyone and writable only at Organization depth. Rows shared with a principal
 * (GrantAccess, principalobjectaccess) add the rights shared, for the user or a team they are in.
 * Environment variables are user-owned, yet every user reads them organization-wide, as apps and
 * controls read their configuration as the signed-in user (the Basic User role grants it).
 * Security roles a solution brings (importSolutionRoles) widen what their holders may do: a Global
 * privilege covers every row of its table (prvReadecc_SyncResult in ECC Sales Rep lets a rep see
 * the SAP sync status of the records they open; prvWriteecc_SyncResult in ECC Integration Admin
 * lets an admin retry any). Other depths add nothing here, as the persona's depth already stands
 * for its roles.
 */

import { createHash } from 'node:crypto';
import { tablePrivilege, type PrivilegeAccess } from '@ecc365/solution';
import { faults, type AccessRightName } from './faults.js';
import { SANDBOX_APPLICATION_USER, SANDBOX_BUSINESS_UNITS, SANDBOX_PERSONAS, type ReadDepth } from '../identities.js';
import type { RowStore } from './rowStore.js';
import type { TableModel } from './tableModel.js';
import { isEntityReference, type Row } from './values.js';

export interface Principal {
  systemUserId: string;
  objectId: string;
  fullName: string;
  businessUnitId: string;
  depth: ReadDepth;
  mayActOnBehalf: boolean;
}

/** AccessRights flags (Microsoft.Crm.Sdk.Messages.AccessRights). */
export const ACCESS_RIGHTS: Record<AccessRightName, number> = {
  ReadAccess: 1,
  WriteAccess: 2,
  AppendAccess: 4,
  AppendToAccess: 16,
  DeleteAccess: 65536,
  ShareAccess: 262144,
  AssignAccess: 524288,
};

export function parseAccessMask(text: string): number {
  let mask = 0;
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    if (part === 'None') continue;
    const flag = ACCESS_RIGHTS[part as AccessRightName] as number | undefined;
    if (flag === undefined) throw faults.invalidArgument(`'${part}' is not an access right.`);
    mask |= flag;
  }
  return mask;
}

/** User-owned tables every user may read, whoever owns the row. */
const READ_BY_EVERY_USER = new Set(['environmentvariabledefinition', 'environmentvariablevalue']);

/** The access of the privilege behind each access right (prvRead…, prvWrite…). */
const PRIVILEGE_VERBS: Record<AccessRightName, PrivilegeAccess> = {
  ReadAccess: 'Read', WriteAccess: 'Write', DeleteAccess: 'Delete', AppendAccess: 'Append', AppendToAccess: 'AppendTo', AssignAccess: 'Assign', ShareAccess: 'Share',
};

/** A security role as a solution defines it: privileges by name (prvReadAccount …) and depth. */
export interface SecurityRole {
  id: string;
  name: string;
  privileges: { name: string; depth: 'Basic' | 'Local' | 'Deep' | 'Global' }[];
}

export interface Team {
  id: string;
  name: string;
  businessUnitId: string;
  members: Set<string>;
}

export class Security {
  private readonly principalsByObjectId = new Map<string, Principal>();
  private readonly principalsById = new Map<string, Principal>();
  readonly teams: Team[] = [];
  /** Shares: row id → principal (user or team) id → access mask. */
  private readonly shares = new Map<string, Map<string, number>>();
  /** Security roles solutions brought, by id. */
  private readonly solutionRoles = new Map<string, SecurityRole>();
  /** Lower-cased names of the Global privileges each user's solution roles grant, by system user id. */
  private readonly globalPrivileges = new Map<string, Set<string>>();

  constructor(private readonly store: RowStore) {
    const application: Principal = {
      systemUserId: SANDBOX_APPLICATION_USER.systemUserId,
      objectId: SANDBOX_APPLICATION_USER.objectId,
      fullName: SANDBOX_APPLICATION_USER.fullName,
      businessUnitId: SANDBOX_APPLICATION_USER.businessUnitId,
      depth: 'Organization',
      mayActOnBehalf: true,
    };
    const personas: Principal[] = SANDBOX_PERSONAS.map((p) => ({
      systemUserId: p.systemUserId,
      objectId: p.objectId,
      fullName: p.fullName,
      businessUnitId: p.businessUnitId,
      depth: p.readDepth,
      mayActOnBehalf: false,
    }));
    for (const principal of [application, ...personas]) {
      this.principalsByObjectId.set(principal.objectId, principal);
      this.principalsById.set(principal.systemUserId, principal);
    }
    // Every business unit has its default owner team, whose members are the unit's users.
    for (const unit of SANDBOX_BUSINESS_UNITS) {
      const members = [application, ...personas].filter((p) => p.businessUnitId === unit.id).map((p) => p.systemUserId);
      this.teams.push({ id: defaultTeamId(unit.id), name: unit.name, businessUnitId: unit.id, members: new Set(members) });
    }
  }

  principals(): Principal[] {
    return [...this.principalsById.values()];
  }

  byObjectId(objectId: string): Principal | undefined {
    return this.principalsByObjectId.get(objectId.toLowerCase());
  }

  bySystemUserId(systemUserId: string): Principal | undefined {
    return this.principalsById.get(systemUserId.toLowerCase());
  }

  teamsOf(principal: Principal): Team[] {
    return this.teams.filter((t) => t.members.has(principal.systemUserId));
  }

  /** Whether the principal may read (or write, delete …) the row. */
  hasAccess(principal: Principal, model: TableModel, row: Row, right: AccessRightName): boolean {
    if (principal.depth === 'Organization' || this.holdsGlobal(principal, tablePrivilege(PRIVILEGE_VERBS[right], model.entity))) return true;
    if (!model.ownedByPrincipals()) return right === 'ReadAccess';
    if (right === 'ReadAccess' && READ_BY_EVERY_USER.has(model.logicalName)) return true;
    const owner = row.ownerid;
    const teamIds = this.teamsOf(principal).map((t) => t.id);
    if (isEntityReference(owner) && (owner.id === principal.systemUserId || teamIds.includes(owner.id))) return true;
    const unit = row.owningbusinessunit;
    if (isEntityReference(unit)) {
      if (principal.depth === 'BusinessUnit' && unit.id === principal.businessUnitId) return true;
      if (principal.depth === 'ParentChildBusinessUnits' && this.isWithin(unit.id, principal.businessUnitId)) return true;
    }
    const shared = this.shares.get(row[model.primaryId] as string);
    if (shared) {
      const flag = ACCESS_RIGHTS[right];
      for (const principalId of [principal.systemUserId, ...teamIds]) if (((shared.get(principalId) ?? 0) & flag) !== 0) return true;
    }
    return false;
  }

  assertAccess(principal: Principal, model: TableModel, row: Row, right: AccessRightName): void {
    if (this.hasAccess(principal, model, row, right)) return;
    const owner = row.ownerid;
    const unit = row.owningbusinessunit;
    throw faults.accessCheckFailed(
      {
        id: row[model.primaryId] as string,
        ownerId: isEntityReference(owner) ? owner.id : '',
        ownerType: isEntityReference(owner) && owner.logicalName === 'team' ? 'team' : 'systemuser',
        businessUnitId: isEntityReference(unit) ? unit.id : '',
        objectTypeCode: model.objectTypeCode,
      },
      principal.systemUserId,
      right,
    );
  }

  /**
   * Roles a solution brought (replacing a role of the same id an earlier import brought) and who
   * holds them: system user id → role names.
   */
  importSolutionRoles(roles: readonly SecurityRole[], holders: ReadonlyMap<string, readonly string[]>): void {
    for (const role of roles) this.solutionRoles.set(role.id, role);
    this.globalPrivileges.clear();
    for (const [systemUserId, names] of holders) {
      const privileges = [...this.solutionRoles.values()]
        .filter((role) => names.includes(role.name))
        .flatMap((role) => role.privileges.filter((privilege) => privilege.depth === 'Global').map((privilege) => privilege.name.toLowerCase()));
      if (privileges.length > 0) this.globalPrivileges.set(systemUserId.toLowerCase(), new Set(privileges));
    }
  }

  private holdsGlobal(principal: Principal, privilege: string): boolean {
    return this.globalPrivileges.get(principal.systemUserId)?.has(privilege.toLowerCase()) === true;
  }

  /** Create privilege: anyone on user-owned tables, Organization depth or a role's Global create on the others. */
  assertMayCreate(principal: Principal, model: TableModel): void {
    const privilege = tablePrivilege('Create', model.entity);
    if (model.ownedByPrincipals() || principal.depth === 'Organization' || this.holdsGlobal(principal, privilege)) return;
    throw faults.privilegeMissing(principal, privilege, model.logicalName, model.objectTypeCode);
  }

  assertMayImpersonate(principal: Principal): void {
    if (!principal.mayActOnBehalf) throw faults.privilegeMissing(principal, 'prvActOnBehalfOfAnotherUser', 'systemuser', 8);
  }

  /** GrantAccess (adds rights) and ModifyAccess (replaces them); a mask of 0 revokes. */
  share(rowId: string, principalId: string, mask: number, mode: 'grant' | 'modify'): void {
    const shared = this.shares.get(rowId) ?? new Map<string, number>();
    const before = shared.get(principalId);
    const after = mode === 'grant' ? (before ?? 0) | mask : mask;
    if (after === 0) shared.delete(principalId);
    else shared.set(principalId, after);
    this.shares.set(rowId, shared);
    this.store.onUndo(() => {
      if (before === undefined) shared.delete(principalId);
      else shared.set(principalId, before);
    });
  }

  revoke(rowId: string, principalId: string): void {
    this.share(rowId, principalId, 0, 'modify');
  }

  /** The principals a row is shared with, and their masks. */
  sharesOf(rowId: string): Map<string, number> {
    return new Map(this.shares.get(rowId) ?? []);
  }

  /** Every share as [row id, principal id, access mask], for a state file. */
  dumpShares(): [string, string, number][] {
    return [...this.shares].flatMap(([rowId, shared]) => [...shared].map(([principalId, mask]): [string, string, number] => [rowId, principalId, mask]));
  }

  loadShares(shares: [string, string, number][]): void {
    this.shares.clear();
    for (const [rowId, principalId, mask] of shares) {
      const shared = this.shares.get(rowId) ?? new Map<string, number>();
      shared.set(principalId, mask);
      this.shares.set(rowId, shared);
    }
  }

  forgetShares(rowId: string): void {
    const shared = this.shares.get(rowId);
    if (!shared) return;
    this.shares.delete(rowId);
    this.store.onUndo(() => this.shares.set(rowId, shared));
  }

  /** Whether business unit `unitId` is `ancestorId` or below it. */
  private isWithin(unitId: string, ancestorId: string): boolean {
    const parents = new Map(SANDBOX_BUSINESS_UNITS.map((u) => [u.id, u.parentId]));
    for (let current: string | undefined = unitId; current !== undefined; current = parents.get(current)) {
      if (current === ancestorId) return true;
    }
    return false;
  }
}

/** The default team of a business unit gets a fixed id (name-based, UUID version 5 style), the same in every sandbox. */
export function defaultTeamId(businessUnitId: string): string {
  const hex = createHash('sha1').update(`ecc365 sandbox default team of ${businessUnitId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
