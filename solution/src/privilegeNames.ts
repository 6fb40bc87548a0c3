/**
 * How Dataverse names privileges, for the security roles of Roles/<name>.xml. A table's privilege
 * is prv<access><the table's schema name> (prvReadAccount, prvWriteecc_SyncResult), except for
 * the tables below, whose privileges carry an older name or are those of the table that governs
 * them (Microsoft's "<table> entity privileges" pages of the Dynamics CRM 2013–2016 SDK, "Privileges
 * by entity"; [U] marks what those pages do not state). A role granting a name that is no
 * privilege would not import as meant.
 */

export const PRIVILEGE_ACCESS = ['Create', 'Read', 'Write', 'Delete', 'Append', 'AppendTo', 'Assign', 'Share'] as const;
export type PrivilegeAccess = (typeof PRIVILEGE_ACCESS)[number];

/** The name privileges give a table, by logical name, where it is not the table's schema name. */
const PRIVILEGE_TABLE_NAMES: Readonly<Record<string, string>> = {
  // "SalesOrder (order) entity privileges": prvCreateOrder, prvReadOrder …
  salesorder: 'Order',
  // "There are no specific privileges" for order and invoice products; the parent's apply [U: the pages do not say whose].
  salesorderdetail: 'Order',
  invoicedetail: 'Invoice',
  // No page for quote products; as order and invoice products [U].
  quotedetail: 'Quote',
  // SetBusinessSystemUser message privileges: prvReadUser, prvWriteUser.
  systemuser: 'User',
  // No specific privileges for price lists and their items; updating a price list or a unit needs
  // prvWriteProduct (CRM 4 SDK, TargetUpdatePriceLevel, TargetUpdateUoM); unit groups as units [U].
  pricelevel: 'Product',
  productpricelevel: 'Product',
  uom: 'Product',
  uomschedule: 'Product',
};

/** Privileges of no table that roles here grant (prvActOnBehalfOfAnotherUser: "Act on Behalf of Another User", in the Delegate role). */
export const MISCELLANEOUS_PRIVILEGES: readonly string[] = ['prvActOnBehalfOfAnotherUser'];

/** The table part of its privileges' names. */
export const privilegeTableName = (table: { logicalName: string; schemaName: string }): string => PRIVILEGE_TABLE_NAMES[table.logicalName] ?? table.schemaName;

/** The privilege granting `access` on the table. */
export const tablePrivilege = (access: PrivilegeAccess, table: { logicalName: string; schemaName: string }): string => `prv${access}${privilegeTableName(table)}`;

/** A table privilege's access and table part (as written, any case), or undefined for a name of no table privilege. */
export function parseTablePrivilege(name: string): { access: PrivilegeAccess; tableName: string } | undefined {
  // AppendTo before Append, so that prvAppendToAccount is not read as Append of "ToAccount".
  const match = /^prv(AppendTo|Append|Assign|Create|Delete|Read|Share|Write)(.+)$/.exec(name);
  return match ? { access: match[1] as PrivilegeAccess, tableName: match[2]! } : undefined;
}
