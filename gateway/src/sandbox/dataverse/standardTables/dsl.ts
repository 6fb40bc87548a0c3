/**
 * A compact notation for Dataverse table metadata, one line per column, so that each standard
 * table reads like its page in Microsoft's table reference and can be checked against it column
 * by column. Columns are named by their SchemaName (the logical name is its lower case, as
 * Dataverse derives it); flags default to what most columns are: not required, valid for create,
 * update and read.
 */

import type {
  AttributeMetadata, AttributeType, CascadeDelete, EntityMetadata, LookupRelationship, OptionMetadata, RequiredLevel,
} from '../metadata.js';

export interface ColumnFlags {
  required?: RequiredLevel;
  create?: boolean;
  update?: boolean;
  read?: boolean;
}

/** Columns the platform maintains: a caller can neither set them on create nor change them. */
export const READ_ONLY: ColumnFlags = { create: false, update: false };
/** Set once when the row is created (ids, import sequence number, overridden created on …). */
export const CREATE_ONLY: ColumnFlags = { update: false };

/** A lookup seen from the column: the relationship schema name for each table it may point to. */
export type RelationshipsByTarget = Record<string, string>;

export interface Column {
  attribute: AttributeMetadata;
  /** Lookups only: the many-to-one relationships the column takes part in. */
  relationships: Omit<LookupRelationship, 'referencingAttribute'>[];
}

function column(schemaName: string, type: AttributeType, flags: ColumnFlags, facets: Partial<AttributeMetadata> = {}): Column {
  return {
    attribute: {
      logicalName: schemaName.toLowerCase(),
      schemaName,
      type,
      requiredLevel: flags.required ?? 'None',
      validForCreate: flags.create ?? true,
      validForUpdate: flags.update ?? true,
      validForRead: flags.read ?? true,
      isCustomAttribute: false,
      ...facets,
    },
    relationships: [],
  };
}

export type StringFormat = 'Text' | 'Email' | 'Phone' | 'Url' | 'TextArea' | 'TickerSymbol' | 'PhoneticGuide' | 'VersionNumber';

export const text = (schemaName: string, maxLength: number, flags: ColumnFlags & { format?: StringFormat } = {}): Column =>
  column(schemaName, 'String', flags, { maxLength, format: flags.format ?? 'Text' });

export const memo = (schemaName: string, maxLength: number, flags: ColumnFlags & { format?: 'TextArea' | 'Text' } = {}): Column =>
  column(schemaName, 'Memo', flags, { maxLength, format: flags.format ?? 'TextArea' });

export const whole = (schemaName: string, [minValue, maxValue]: [number, number], flags: ColumnFlags & { format?: 'None' | 'Duration' | 'TimeZone' | 'Language' } = {}): Column =>
  column(schemaName, 'Integer', flags, { minValue, maxValue, format: flags.format ?? 'None' });

/** The full range of a whole number column, as the reference prints it. */
export const INT32: [number, number] = [-2147483648, 2147483647];

// BigInt columns span the signed 64-bit range; as JavaScript numbers these are the nearest doubles,
// which is also what the reference's JSON reads as.
const INT64_MIN = Number(-(2n ** 63n));
const INT64_MAX = Number(2n ** 63n - 1n);

export const bigInt = (schemaName: string, flags: ColumnFlags = {}): Column =>
  column(schemaName, 'BigInt', flags, { minValue: INT64_MIN, maxValue: INT64_MAX });

export const decimal = (schemaName: string, [minValue, maxValue]: [number, number], precision: number, flags: ColumnFlags = {}): Column =>
  column(schemaName, 'Decimal', flags, { minValue, maxValue, precision });

export const float = (schemaName: string, [minValue, maxValue]: [number, number], precision: number, flags: ColumnFlags = {}): Column =>
  column(schemaName, 'Double', flags, { minValue, maxValue, precision });

export const money = (schemaName: string, [minValue, maxValue]: [number, number], precision: number, flags: ColumnFlags = {}): Column =>
  column(schemaName, 'Money', flags, { minValue, maxValue, precision });

/** Two options, false then true, with their labels (Yes/No, Allow/Do Not Allow …), and the value a new row gets. */
export const yesNo = (schemaName: string, [falseLabel, trueLabel]: [string, string], flags: ColumnFlags & { default?: boolean } = {}): Column =>
  column(schemaName, 'Boolean', flags, {
    options: [{ value: 0, label: falseLabel }, { value: 1, label: trueLabel }],
    ...(flags.default === undefined ? {} : { defaultValue: flags.default }),
  });

export const dateTime = (
  schemaName: string, format: 'DateOnly' | 'DateAndTime', behavior: 'UserLocal' | 'DateOnly' | 'TimeZoneIndependent', flags: ColumnFlags = {},
): Column => column(schemaName, 'DateTime', flags, { format, dateTimeBehavior: behavior });

export const choice = (schemaName: string, options: [number, string][], flags: ColumnFlags = {}): Column =>
  column(schemaName, 'Picklist', flags, { options: options.map(([value, label]): OptionMetadata => ({ value, label })) });

export const uniqueId = (schemaName: string, flags: ColumnFlags = {}): Column => column(schemaName, 'Uniqueidentifier', flags);

/** The table's primary key: system-required, may be given on create, never changed. */
export const primaryKey = (schemaName: string): Column => uniqueId(schemaName, { ...CREATE_ONLY, required: 'SystemRequired' });

/** A column that holds a table's logical name (owneridtype, objecttypecode …). */
export const entityName = (schemaName: string, flags: ColumnFlags = {}): Column => column(schemaName, 'EntityName', flags);

/**
 * Single-valued navigation properties: a lookup to one table is navigated by its own logical name
 * (primarycontactid); a lookup to several tables has one per target, named column_target
 * (customerid_account, customerid_contact), as the Web API exposes them.
 */
function reference(schemaName: string, type: 'Lookup' | 'Customer', relationships: RelationshipsByTarget, flags: LookupFlags): Column {
  const { navigation, otherTargets, cascadeDelete, ...columnFlags } = flags;
  const result = column(schemaName, type, columnFlags, { targets: [...Object.keys(relationships), ...(otherTargets ?? [])] });
  const logicalName = result.attribute.logicalName;
  const polymorphic = result.attribute.targets!.length > 1;
  result.relationships = Object.entries(relationships).map(([target, relationship]) => ({
    schemaName: relationship,
    referencedEntity: target,
    navigationProperty: navigation ?? (polymorphic ? `${logicalName}_${target}` : logicalName),
    collectionNavigationProperty: relationship,
    ...cascadeOf(cascadeDelete, target),
  }));
  return result;
}

export interface RelationshipFlags {
  /**
   * The delete cascade of the column's relationships, as the referenced table's page in
   * Microsoft's reference gives it: one for all, or one per target table (a customer lookup's
   * relationships to account and to contact differ). None given: the relationship has none.
   */
  cascadeDelete?: CascadeDelete | Partial<Record<string, CascadeDelete>>;
}

function cascadeOf(cascadeDelete: RelationshipFlags['cascadeDelete'], target: string): { cascadeDelete?: CascadeDelete } {
  const cascade = typeof cascadeDelete === 'string' ? cascadeDelete : cascadeDelete?.[target];
  return cascade ? { cascadeDelete: cascade } : {};
}

export interface LookupFlags extends ColumnFlags, RelationshipFlags {
  /** Further tables the lookup may point to that the sandbox does not have (no relationship is kept for them). */
  otherTargets?: string[];
  /**
   * The single-valued navigation property when it is not the column's logical name: tables a
   * solution added to the platform navigate their lookups by schema name (EnvironmentVariableDefinitionId).
   */
  navigation?: string;
}

export const lookup = (schemaName: string, relationships: RelationshipsByTarget, flags: LookupFlags = {}): Column =>
  reference(schemaName, 'Lookup', relationships, flags);

/** A lookup to account or contact. */
export const customer = (schemaName: string, relationships: { account: string; contact: string }, flags: ColumnFlags & RelationshipFlags = {}): Column =>
  reference(schemaName, 'Customer', relationships, flags);

/**
 * A lookup whose relationship Microsoft's reference does not name (the owning business unit of
 * the line-item tables): it can be read and filtered on, not navigated.
 */
export const unnamedLookup = (schemaName: string, targets: string[], flags: ColumnFlags = {}): Column =>
  column(schemaName, 'Lookup', flags, { targets });

/**
 * The owner of a user-owned row, a user or a team. Dataverse relates it to its Owner table (the
 * principal behind both), navigated as ownerid.
 */
export const owner = (relationship: string, flags: ColumnFlags = { required: 'SystemRequired' }): Column => {
  const result = column('OwnerId', 'Owner', flags, { targets: ['systemuser', 'team'] });
  result.relationships = [{ schemaName: relationship, referencedEntity: 'owner', navigationProperty: 'ownerid', collectionNavigationProperty: relationship }];
  return result;
};

/** statecode: [value, label, default statuscode, invariant name]. */
export const stateCode = (states: [number, string, number, string][], flags: ColumnFlags = { create: false, required: 'SystemRequired' }): Column =>
  column('StateCode', 'State', flags, {
    options: states.map(([value, label, defaultStatus, invariantName]) => ({ value, label, defaultStatus, invariantName })),
  });

/** statuscode: [value, label, the statecode it belongs to]. */
export const statusCode = (statuses: [number, string, number][], flags: ColumnFlags = {}): Column =>
  column('StatusCode', 'Status', flags, { options: statuses.map(([value, label, state]) => ({ value, label, state })) });

/** The active/inactive pair most tables have. */
export const ACTIVE_INACTIVE_STATES: [number, string, number, string][] = [[0, 'Active', 1, 'Active'], [1, 'Inactive', 2, 'Inactive']];
export const ACTIVE_INACTIVE_STATUSES: [number, string, number][] = [[1, 'Active', 0], [2, 'Inactive', 1]];

export interface TableDefinition {
  schemaName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  ownershipType: EntityMetadata['ownershipType'];
  objectTypeCode: number;
  changeTrackingEnabled: boolean;
}

/** The row version every table has (the ETag of its rows). */
export const versionNumber = (): Column => bigInt('VersionNumber', READ_ONLY);

/** Assembles a table from its columns; a column defined twice or a missing primary column is a mistake in the definition. */
export function table(definition: TableDefinition, columns: Column[]): EntityMetadata {
  const logicalName = definition.schemaName.toLowerCase();
  const attributes = columns.map((c) => c.attribute);
  const names = new Set(attributes.map((a) => a.logicalName));
  if (names.size !== attributes.length) throw new Error(`table ${logicalName} defines a column twice`);
  for (const primary of [definition.primaryIdAttribute, definition.primaryNameAttribute]) {
    if (primary && !names.has(primary)) throw new Error(`table ${logicalName}: primary column ${primary} is not defined`);
  }
  return {
    logicalName,
    ...definition,
    isCustomEntity: false,
    attributes,
    keys: [],
    lookups: columns.flatMap((c) => c.relationships.map((r) => ({ ...r, referencingAttribute: c.attribute.logicalName }))),
  };
}

/** createdby/on, createdonbehalfby, modifiedby/on and modifiedonbehalfby, with their relationship names. */
export function auditColumns(
  relationships: { createdBy: string; createdOnBehalfBy: string; modifiedBy: string; modifiedOnBehalfBy: string },
  timestampFormat: 'DateAndTime' | 'DateOnly' = 'DateAndTime',
): Column[] {
  return [
    lookup('CreatedBy', { systemuser: relationships.createdBy }, READ_ONLY),
    dateTime('CreatedOn', timestampFormat, 'UserLocal', READ_ONLY),
    lookup('CreatedOnBehalfBy', { systemuser: relationships.createdOnBehalfBy }, READ_ONLY),
    lookup('ModifiedBy', { systemuser: relationships.modifiedBy }, READ_ONLY),
    dateTime('ModifiedOn', timestampFormat, 'UserLocal', READ_ONLY),
    lookup('ModifiedOnBehalfBy', { systemuser: relationships.modifiedOnBehalfBy }, READ_ONLY),
  ];
}

/** ownerid and the owning user, team and business unit of a user-owned row. */
export function userOwnership(relationships: { owner: string; owningUser: string; owningTeam: string; owningBusinessUnit: string }): Column[] {
  return [
    owner(relationships.owner),
    entityName('OwnerIdType', { required: 'SystemRequired' }),
    lookup('OwningUser', { systemuser: relationships.owningUser }, READ_ONLY),
    lookup('OwningTeam', { team: relationships.owningTeam }, READ_ONLY),
    lookup('OwningBusinessUnit', { businessunit: relationships.owningBusinessUnit }, READ_ONLY),
  ];
}
