/**
 * Table metadata of the simulated Dataverse, shaped like Dataverse's own (EntityMetadata,
 * AttributeMetadata, EntityKeyMetadata, OneToManyRelationshipMetadata). Standard tables are
 * defined in standardTables/ from Microsoft's table reference; the product's own tables and
 * columns come only from importing the solution (solution import), so what the gateway writes
 * must exist in the solution.
 */

export type AttributeType =
  | 'String' | 'Memo' | 'Integer' | 'BigInt' | 'Decimal' | 'Double' | 'Money' | 'Boolean' | 'DateTime'
  | 'Picklist' | 'MultiSelectPicklist' | 'State' | 'Status'
  | 'Lookup' | 'Customer' | 'Owner' | 'Uniqueidentifier' | 'EntityName';

export type RequiredLevel = 'None' | 'Recommended' | 'ApplicationRequired' | 'SystemRequired';

export interface OptionMetadata {
  value: number;
  label: string;
  /** For Status options: the statecode value the status belongs to. */
  state?: number;
  /** For State options: the default statuscode of the state. */
  defaultStatus?: number;
  /** For State options: the state's invariant name (Active, Inactive, Draft, Won …). */
  invariantName?: string;
}

export interface AttributeMetadata {
  logicalName: string;
  schemaName: string;
  type: AttributeType;
  requiredLevel: RequiredLevel;
  validForCreate: boolean;
  validForUpdate: boolean;
  validForRead: boolean;
  /** String, Memo: the longest value accepted. */
  maxLength?: number;
  /** String: Text, Email, Url, Phone …; DateTime: DateOnly or DateAndTime. */
  format?: string;
  /** DateTime: UserLocal, DateOnly or TimeZoneIndependent. */
  dateTimeBehavior?: string;
  minValue?: number;
  maxValue?: number;
  precision?: number;
  /** Picklist, State, Status, Boolean (false then true), MultiSelectPicklist. */
  options?: OptionMetadata[];
  /** Lookup, Customer, Owner: the tables it may point to. */
  targets?: string[];
  /** Picklist, Boolean: the value the platform gives a new row that has none (DefaultFormValue / DefaultValue). */
  defaultValue?: number | boolean;
  /** Created by a solution import rather than part of the platform. */
  isCustomAttribute: boolean;
}

export interface AlternateKeyMetadata {
  /** The key's logical name; in URLs the key's attributes are used: accounts(ecc_customernumber='1000'). */
  logicalName: string;
  keyAttributes: string[];
}

/**
 * A lookup seen from the table that holds it (many-to-one). Single-valued navigation properties
 * are named after the lookup column (primarycontactid), or after column and target for lookups
 * to several tables (customerid_account, customerid_contact); the value shows as
 * _<column>_value in results.
 */
export interface LookupRelationship {
  schemaName: string;
  referencingAttribute: string;
  referencedEntity: string;
  /** The single-valued navigation property on the referencing table. */
  navigationProperty: string;
  /** The collection-valued navigation property on the referenced table. */
  collectionNavigationProperty: string;
  /**
   * CascadeConfiguration.Delete: what deleting the referenced row does to the rows that point at
   * it. Absent means NoCascade: they keep the reference.
   */
  cascadeDelete?: CascadeDelete;
}

/**
 * Cascade deletes them too, RemoveLink clears their lookup, Restrict refuses to delete the
 * referenced row while any exist, NoCascade leaves them as they are.
 */
export type CascadeDelete = 'Cascade' | 'RemoveLink' | 'Restrict' | 'NoCascade';

export const CASCADE_DELETE_VALUES: readonly CascadeDelete[] = ['Cascade', 'RemoveLink', 'Restrict', 'NoCascade'];

export interface EntityMetadata {
  logicalName: string;
  schemaName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  ownershipType: 'UserOwned' | 'TeamOwned' | 'OrganizationOwned' | 'BusinessOwned' | 'None';
  changeTrackingEnabled: boolean;
  isCustomEntity: boolean;
  /** Object type code as the webhook's context and formatted lookups report it. */
  objectTypeCode: number;
  attributes: AttributeMetadata[];
  keys: AlternateKeyMetadata[];
  lookups: LookupRelationship[];
}

/** The tables of one environment: standard ones from the start, the product's added by solution import. */
export class MetadataRegistry {
  private readonly byLogicalName = new Map<string, EntityMetadata>();
  private readonly bySetName = new Map<string, EntityMetadata>();

  constructor(entities: EntityMetadata[] = []) {
    for (const entity of entities) this.upsertEntity(entity);
  }

  entity(logicalName: string): EntityMetadata | undefined {
    return this.byLogicalName.get(logicalName);
  }

  entityBySetName(entitySetName: string): EntityMetadata | undefined {
    return this.bySetName.get(entitySetName);
  }

  entities(): EntityMetadata[] {
    return [...this.byLogicalName.values()];
  }

  /**
   * Adds a table, or merges into an existing one what a solution brings: new columns, keys and
   * lookups (a column that exists is replaced by the imported definition, as an import updates it).
   */
  upsertEntity(entity: EntityMetadata): void {
    const existing = this.byLogicalName.get(entity.logicalName);
    if (!existing) {
      const copy = { ...entity, attributes: [...entity.attributes], keys: [...entity.keys], lookups: [...entity.lookups] };
      this.byLogicalName.set(entity.logicalName, copy);
      this.bySetName.set(entity.entitySetName, copy);
      return;
    }
    const mergeBy = <T>(current: T[], added: T[], key: (item: T) => string): T[] => {
      const merged = new Map(current.map((item) => [key(item), item]));
      for (const item of added) merged.set(key(item), item);
      return [...merged.values()];
    };
    existing.attributes = mergeBy(existing.attributes, entity.attributes, (a) => a.logicalName);
    existing.keys = mergeBy(existing.keys, entity.keys, (k) => k.logicalName);
    existing.lookups = mergeBy(existing.lookups, entity.lookups, (l) => l.schemaName);
    existing.changeTrackingEnabled ||= entity.changeTrackingEnabled;
  }
}
