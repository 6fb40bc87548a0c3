/**
 * A table as the Web API shows it, derived from its EntityMetadata: which properties exist
 * (lookups appear as _<column>_value, their companion name/type columns not at all), the
 * single-valued navigation properties that @odata.bind and $expand use, and the collection-valued
 * ones other tables' lookups give it. Models are cached per metadata object and rebuilt when a
 * solution import changes the table.
 */

import type { AlternateKeyMetadata, AttributeMetadata, EntityMetadata, MetadataRegistry } from './metadata.js';

export interface SingleNavigation {
  name: string;
  attribute: AttributeMetadata;
  /** Tables the navigation property may point to (one, except for owner lookups). */
  targets: string[];
}

export interface CollectionNavigation {
  name: string;
  /** The table holding the lookup. */
  referencingTable: string;
  referencingAttribute: string;
}

const LOOKUP_TYPES = new Set(['Lookup', 'Customer', 'Owner']);

export const isLookup = (attribute: AttributeMetadata): boolean => LOOKUP_TYPES.has(attribute.type);

/** The name of a lookup's value property in results and filters: _parentcustomerid_value. */
export const lookupValueProperty = (attribute: string): string => `_${attribute}_value`;

export class TableModel {
  readonly logicalName: string;
  readonly entitySetName: string;
  readonly primaryId: string;
  readonly primaryName: string;
  readonly objectTypeCode: number;
  readonly keys: AlternateKeyMetadata[];
  /** Attributes the Web API exposes, by logical name. */
  readonly attributes = new Map<string, AttributeMetadata>();
  readonly navigations = new Map<string, SingleNavigation>();
  private readonly navigationsByAttribute = new Map<string, SingleNavigation[]>();

  constructor(readonly entity: EntityMetadata) {
    this.logicalName = entity.logicalName;
    this.entitySetName = entity.entitySetName;
    this.primaryId = entity.primaryIdAttribute;
    this.primaryName = entity.primaryNameAttribute;
    this.objectTypeCode = entity.objectTypeCode;
    this.keys = entity.keys;
    const lookupNames = new Set(entity.attributes.filter(isLookup).map((a) => a.logicalName));
    for (const attribute of entity.attributes) {
      if (!isLookupCompanion(attribute, lookupNames)) this.attributes.set(attribute.logicalName, attribute);
    }
    for (const relationship of entity.lookups) {
      const attribute = this.attributes.get(relationship.referencingAttribute);
      if (attribute) this.addNavigation({ name: relationship.navigationProperty, attribute, targets: [relationship.referencedEntity] });
    }
    for (const attribute of this.attributes.values()) {
      if (!isLookup(attribute) || this.navigationsByAttribute.has(attribute.logicalName)) continue;
      const targets = attribute.targets ?? [];
      // Without a relationship definition, Dataverse's naming: the column's name for one target
      // (and for owner lookups), <column>_<target> for each target of a customer lookup.
      if (attribute.type === 'Customer' && targets.length > 1) {
        for (const target of targets) this.addNavigation({ name: `${attribute.logicalName}_${target}`, attribute, targets: [target] });
      } else {
        this.addNavigation({ name: attribute.logicalName, attribute, targets });
      }
    }
  }

  private addNavigation(navigation: SingleNavigation): void {
    const existing = this.navigations.get(navigation.name);
    if (existing) {
      existing.targets = [...new Set([...existing.targets, ...navigation.targets])];
      return;
    }
    this.navigations.set(navigation.name, navigation);
    const list = this.navigationsByAttribute.get(navigation.attribute.logicalName) ?? [];
    list.push(navigation);
    this.navigationsByAttribute.set(navigation.attribute.logicalName, list);
  }

  /** The navigation property that points at `target` through `attribute` (for associatednavigationproperty). */
  navigationFor(attribute: string, target: string): SingleNavigation | undefined {
    const candidates = this.navigationsByAttribute.get(attribute) ?? [];
    return candidates.find((n) => n.targets.includes(target)) ?? candidates[0];
  }

  /**
   * The attribute behind a property name as it appears in $select, $filter and $orderby: plain
   * columns by logical name, lookups only as _<column>_value.
   */
  propertyAttribute(property: string): AttributeMetadata | undefined {
    const lookup = /^_(.+)_value$/.exec(property);
    if (lookup) {
      const attribute = this.attributes.get(lookup[1]!);
      return attribute && isLookup(attribute) ? attribute : undefined;
    }
    const attribute = this.attributes.get(property);
    return attribute && !isLookup(attribute) ? attribute : undefined;
  }

  /** The property name of an attribute in results. */
  propertyName(attribute: AttributeMetadata): string {
    return isLookup(attribute) ? lookupValueProperty(attribute.logicalName) : attribute.logicalName;
  }

  has(attribute: string): boolean {
    return this.attributes.has(attribute);
  }

  ownedByPrincipals(): boolean {
    return this.entity.ownershipType === 'UserOwned' || this.entity.ownershipType === 'TeamOwned';
  }
}

/**
 * owneridname, owneridyominame, owneridtype and the like: in the metadata (AttributeOf the lookup)
 * but not properties of the Web API's entity type.
 */
function isLookupCompanion(attribute: AttributeMetadata, lookupNames: Set<string>): boolean {
  if (isLookup(attribute)) return false;
  const name = attribute.logicalName;
  for (const suffix of ['yominame', 'name', 'type']) {
    if (name.endsWith(suffix) && lookupNames.has(name.slice(0, -suffix.length))) {
      return suffix === 'type' ? attribute.type === 'EntityName' : attribute.type === 'String' && !attribute.validForUpdate;
    }
  }
  return false;
}

interface CachedModel {
  attributes: AttributeMetadata[];
  lookups: EntityMetadata['lookups'];
  keys: AlternateKeyMetadata[];
  model: TableModel;
}

/** Table models of a registry, rebuilt when an import replaced a table's columns, keys or lookups. */
export class TableModels {
  private readonly cache = new WeakMap<EntityMetadata, CachedModel>();

  constructor(readonly registry: MetadataRegistry) {}

  byLogicalName(logicalName: string): TableModel | undefined {
    const entity = this.registry.entity(logicalName);
    return entity && this.model(entity);
  }

  bySetName(entitySetName: string): TableModel | undefined {
    const entity = this.registry.entityBySetName(entitySetName);
    return entity && this.model(entity);
  }

  all(): TableModel[] {
    return this.registry.entities().map((entity) => this.model(entity));
  }

  /** Collection-valued navigation properties of a table: the lookups of other tables that point at it. */
  collectionNavigation(table: string, name: string): CollectionNavigation | undefined {
    for (const entity of this.registry.entities()) {
      for (const relationship of entity.lookups) {
        if (relationship.referencedEntity === table && relationship.collectionNavigationProperty === name) {
          return { name, referencingTable: entity.logicalName, referencingAttribute: relationship.referencingAttribute };
        }
      }
    }
    return undefined;
  }

  private model(entity: EntityMetadata): TableModel {
    const cached = this.cache.get(entity);
    if (cached && cached.attributes === entity.attributes && cached.lookups === entity.lookups && cached.keys === entity.keys) return cached.model;
    const model = new TableModel(entity);
    this.cache.set(entity, { attributes: entity.attributes, lookups: entity.lookups, keys: entity.keys, model });
    return model;
  }
}
