/**
 * What ImportSolution does with a solution zip in the simulated Dataverse: the tables, columns,
 * alternate keys and one-to-many relationships of its customizations.xml are added to the
 * environment's metadata, or replace what an earlier import brought, and its environment variable
 * definitions become rows of environmentvariabledefinition, its service endpoints and webhook
 * steps rows of serviceendpoint and sdkmessageprocessingstep (webhookComponents.ts), its forms and
 * views rows of systemform and savedquery (formsAndViews.ts), and its
 * security roles go to the sandbox's users (roles.ts). The whole solution is read and checked
 * first; an import that fails changes nothing. Given only a metadata registry (tests of the
 * metadata alone), the definitions, steps and roles are checked but nothing else is written.
 */

import { privilegeTableName } from '@ecc365/solution';
import { childNamed, childrenNamed, type XmlElement } from '../../../xml/parse.js';
import {
  CASCADE_DELETE_VALUES, MetadataRegistry, type AlternateKeyMetadata, type AttributeMetadata, type CascadeDelete, type EntityMetadata,
  type LookupRelationship, type OptionMetadata,
} from '../metadata.js';
import type { OperationContext, SimulatedDataverse } from '../simulatedDataverse.js';
import { readAttribute, optionsOf, type ImportedAttribute } from './attributes.js';
import { DEFINITION_TABLE, readEnvironmentVariableDefinition, writeEnvironmentVariableDefinitions } from './environmentVariables.js';
import { readFormsAndViews, writeFormsAndViews } from './formsAndViews.js';
import { importErrors } from './importErrors.js';
import { readManifest, type SolutionManifest } from './manifest.js';
import { applyRoles, readRoles } from './roles.js';
import { readSolutionPackage } from './solutionPackage.js';
import { readWebhookComponents, writeWebhookComponents } from './webhookComponents.js';
import { childText, parseSolutionXml, requiredChildText, startTag } from './xmlDocument.js';

export interface SolutionImportResult {
  solution: SolutionManifest;
  /** The tables the solution brought, in its order; created is false for a table that existed. */
  tables: { logicalName: string; created: boolean; columns: string[]; keys: string[] }[];
  relationships: string[];
  /** Schema names of the environment variable definitions the solution brought. */
  environmentVariables: string[];
  /** Names of the security roles, service endpoints and webhook steps the solution brought. */
  roles: string[];
  serviceEndpoints: string[];
  steps: string[];
}

/** The first object type code Dataverse gives custom tables. */
const FIRST_CUSTOM_OBJECT_TYPE_CODE = 10000;

const OWNERSHIP: Record<string, EntityMetadata['ownershipType']> = {
  UserOwned: 'UserOwned', OrgOwned: 'OrganizationOwned', OrganizationOwned: 'OrganizationOwned', TeamOwned: 'TeamOwned',
  BusinessOwned: 'BusinessOwned', None: 'None',
};

interface ImportedRelationship {
  schemaName: string;
  referencingEntity: string;
  referencedEntity: string;
  referencingAttribute: string;
  /** <EntityRelationshipRole> type 1: the lookup's single-valued navigation property. */
  navigationProperty: string | undefined;
  /** <EntityRelationshipRole> type 0: the referenced table's collection-valued navigation property. */
  collectionNavigationProperty: string | undefined;
  /** <CascadeDelete>: what deleting the referenced row does to the referencing rows. */
  cascadeDelete: CascadeDelete | undefined;
}

interface ImportedTable {
  schemaName: string;
  logicalName: string;
  info: XmlElement | undefined;
  attributes: ImportedAttribute[];
  keys: AlternateKeyMetadata[];
}

function readGlobalOptionSets(root: XmlElement): Map<string, OptionMetadata[]> {
  const sets = new Map<string, OptionMetadata[]>();
  for (const optionSet of childrenNamed(childNamed(root, 'optionsets') ?? root, 'optionset')) {
    const name = optionSet.attributes.Name;
    if (!name) throw importErrors.schemaViolation("The required attribute 'Name' is missing.", startTag(optionSet));
    sets.set(name.toLowerCase(), optionsOf(optionSet));
  }
  return sets;
}

function readRelationships(root: XmlElement): ImportedRelationship[] {
  return childrenNamed(childNamed(root, 'EntityRelationships') ?? root, 'EntityRelationship').map((element) => {
    const schemaName = element.attributes.Name;
    if (!schemaName) throw importErrors.schemaViolation("The required attribute 'Name' is missing.", startTag(element));
    const kind = requiredChildText(element, 'EntityRelationshipType');
    if (kind !== 'OneToMany') {
      throw importErrors.importFailed(`relationship ${schemaName} is ${kind}; the simulated Dataverse imports one-to-many relationships only`);
    }
    const roles = childrenNamed(childNamed(element, 'EntityRelationshipRoles') ?? element, 'EntityRelationshipRole');
    const navigation = (roleType: string) => {
      const role = roles.find((r) => childText(r, 'RelationshipRoleType') === roleType);
      return role ? childText(role, 'NavigationPropertyName') : undefined;
    };
    const cascadeDelete = childText(element, 'CascadeDelete');
    if (cascadeDelete !== undefined && !(CASCADE_DELETE_VALUES as readonly string[]).includes(cascadeDelete)) {
      throw importErrors.schemaViolation(`The 'CascadeDelete' element is invalid - The value '${cascadeDelete}' is invalid according to its datatype 'CrmCascadeDeleteLinkType' - The Enumeration constraint failed.`, startTag(element));
    }
    return {
      schemaName,
      referencingEntity: requiredChildText(element, 'ReferencingEntityName').toLowerCase(),
      referencedEntity: requiredChildText(element, 'ReferencedEntityName').toLowerCase(),
      referencingAttribute: requiredChildText(element, 'ReferencingAttributeName').toLowerCase(),
      navigationProperty: navigation('1'),
      collectionNavigationProperty: navigation('0'),
      cascadeDelete: cascadeDelete as CascadeDelete | undefined,
    };
  });
}

function readTables(root: XmlElement): ImportedTable[] {
  return childrenNamed(childNamed(root, 'Entities') ?? root, 'Entity').map((element) => {
    const schemaName = requiredChildText(element, 'Name');
    const info = childNamed(childNamed(element, 'EntityInfo') ?? element, 'entity');
    const attributes = childrenNamed(childNamed(info ?? element, 'attributes') ?? element, 'attribute')
      .map(readAttribute)
      .filter((a): a is ImportedAttribute => a !== undefined);
    const keys = childrenNamed(childNamed(info ?? element, 'EntityKeys') ?? element, 'EntityKey').map((key) => {
      const attributeNames = childrenNamed(childNamed(key, 'EntityKeyAttributes') ?? key, 'AttributeName').map((a) => a.text.trim().toLowerCase());
      if (attributeNames.length === 0) throw importErrors.schemaViolation("The element 'EntityKey' has incomplete content. List of possible elements expected: 'EntityKeyAttributes'.", startTag(key));
      return { logicalName: (childText(key, 'LogicalName') ?? requiredChildText(key, 'Name')).toLowerCase(), keyAttributes: attributeNames };
    });
    return { schemaName, logicalName: schemaName.toLowerCase(), info, attributes, keys };
  });
}

/** A new custom table's own properties, from <entity> and its primary columns. */
function newTable(table: ImportedTable, objectTypeCode: number): Omit<EntityMetadata, 'attributes' | 'keys' | 'lookups'> {
  const where = `<Entity><Name>${table.schemaName}</Name>`;
  const primaryKey = table.attributes.find((a) => a.isPrimaryKey);
  const primaryName = table.attributes.find((a) => a.isPrimaryName);
  if (!table.info || !primaryKey || !primaryName) {
    throw importErrors.importFailed(`table ${table.schemaName} does not exist in the organization, and the solution does not define it (its <entity> with a primarykey column and a PrimaryName column)`);
  }
  const ownershipText = childText(table.info, 'OwnershipTypeMask');
  const ownershipType = ownershipText === undefined ? undefined : OWNERSHIP[ownershipText];
  if (!ownershipType) throw importErrors.schemaViolation(`The 'OwnershipTypeMask' element of ${table.schemaName} is '${ownershipText ?? ''}', not an ownership type.`, where);
  return {
    logicalName: table.logicalName,
    schemaName: table.schemaName,
    entitySetName: childText(table.info, 'EntitySetName') ?? `${table.logicalName}s`,
    primaryIdAttribute: primaryKey.attribute.logicalName,
    primaryNameAttribute: primaryName.attribute.logicalName,
    ownershipType,
    changeTrackingEnabled: childText(table.info, 'ChangeTrackingEnabled') === '1',
    isCustomEntity: true,
    objectTypeCode,
  };
}

const isLookupKind = (attribute: AttributeMetadata | undefined) =>
  attribute?.type === 'Lookup' || attribute?.type === 'Customer' || attribute?.type === 'Owner';

/**
 * Imports a solution zip into an environment (its rows get the environment variable definitions,
 * written as `context`'s user, by default the application user), or into a metadata registry alone.
 */
export function importSolution(target: SimulatedDataverse | MetadataRegistry, zip: Uint8Array, context?: OperationContext): SolutionImportResult {
  const dataverse = target instanceof MetadataRegistry ? undefined : target;
  const registry = dataverse?.registry ?? (target as MetadataRegistry);
  const files = readSolutionPackage(zip);
  const solution = readManifest(files.solutionXml);
  const root = parseSolutionXml('customizations.xml', files.customizationsXml, 'ImportExportXml');
  const prefix = `${solution.publisher.customizationPrefix}_`;
  const globalOptionSets = readGlobalOptionSets(root);
  const relationships = readRelationships(root);
  const tables = readTables(root);
  const formsAndViews = readFormsAndViews(root);
  const hasTable = (name: string) => registry.entity(name.toLowerCase()) !== undefined || tables.some((table) => table.logicalName === name.toLowerCase());
  const privilegeTableNames = new Set([...registry.entities(), ...tables].map((table) => privilegeTableName(table).toLowerCase()));
  const roles = readRoles(root, solution.uniqueName, (name) => privilegeTableNames.has(name.toLowerCase()));
  const webhooks = readWebhookComponents(root, solution.uniqueName, hasTable, (id) => dataverse?.store.table('serviceendpoint').get(id) !== undefined);
  const environmentVariables = files.environmentVariableDefinitions.map(({ file, text }) => readEnvironmentVariableDefinition(file, text, solution.publisher.customizationPrefix));
  if (dataverse && environmentVariables.length > 0 && !dataverse.models.byLogicalName(DEFINITION_TABLE)) {
    throw importErrors.missingDependencies(solution.uniqueName, `environment variables need the table ${DEFINITION_TABLE}`);
  }

  let nextObjectTypeCode = Math.max(FIRST_CUSTOM_OBJECT_TYPE_CODE - 1, ...registry.entities().map((e) => e.objectTypeCode)) + 1;
  const prepared = new Map<string, { table: ImportedTable; entity: EntityMetadata; created: boolean }>();
  for (const table of tables) {
    const existing = registry.entity(table.logicalName);
    if (!existing && !table.schemaName.toLowerCase().startsWith(prefix)) {
      throw importErrors.importFailed(`table ${table.schemaName} is neither in the organization nor named with the publisher's prefix '${prefix}'`);
    }
    for (const { attribute, globalOptionSet } of table.attributes) {
      if (attribute.isCustomAttribute && !attribute.logicalName.startsWith(prefix)) throw importErrors.attributeName(attribute.schemaName, solution.publisher.customizationPrefix);
      if (globalOptionSet !== undefined) {
        const options = globalOptionSets.get(globalOptionSet.toLowerCase());
        if (!options) throw importErrors.missingGlobalOptionSet(attribute.logicalName, globalOptionSet);
        attribute.options = options;
      }
    }
    const properties = existing ?? newTable(table, nextObjectTypeCode++);
    const entity: EntityMetadata = {
      ...properties,
      changeTrackingEnabled: existing?.changeTrackingEnabled === true || (table.info !== undefined && childText(table.info, 'ChangeTrackingEnabled') === '1'),
      attributes: table.attributes.map((a) => a.attribute),
      keys: table.keys,
      lookups: [],
    };
    prepared.set(table.logicalName, { table, entity, created: !existing });
  }

  const tableOf = (logicalName: string) => prepared.get(logicalName)?.entity ?? registry.entity(logicalName);
  const columnOf = (table: string, column: string) =>
    prepared.get(table)?.entity.attributes.find((a) => a.logicalName === column) ?? registry.entity(table)?.attributes.find((a) => a.logicalName === column);

  const targetsByLookup = new Map<string, string[]>();
  for (const relationship of relationships) {
    const missing = [relationship.referencingEntity, relationship.referencedEntity].filter((name) => name !== 'owner' && !tableOf(name));
    if (missing.length > 0) throw importErrors.missingDependencies(solution.uniqueName, `relationship ${relationship.schemaName} needs table ${missing.join(' and ')}`);
    const attribute = columnOf(relationship.referencingEntity, relationship.referencingAttribute);
    if (!isLookupKind(attribute)) {
      throw importErrors.missingDependencies(solution.uniqueName, `relationship ${relationship.schemaName} needs the lookup column ${relationship.referencingEntity}.${relationship.referencingAttribute}`);
    }
    const key = `${relationship.referencingEntity}.${relationship.referencingAttribute}`;
    if (relationship.referencedEntity !== 'owner') targetsByLookup.set(key, [...(targetsByLookup.get(key) ?? []), relationship.referencedEntity]);
  }

  // Lookups the solution brings take their targets from its relationships; one it only re-states keeps those it has.
  for (const { entity } of prepared.values()) {
    for (const attribute of entity.attributes) {
      if (attribute.type !== 'Lookup' && attribute.type !== 'Customer') continue;
      const targets = targetsByLookup.get(`${entity.logicalName}.${attribute.logicalName}`) ?? registry.entity(entity.logicalName)?.attributes.find((a) => a.logicalName === attribute.logicalName)?.targets;
      if (!targets?.length) throw importErrors.missingDependencies(solution.uniqueName, `lookup column ${entity.logicalName}.${attribute.logicalName} has no relationship to the table it points to`);
      attribute.targets = [...targets];
    }
  }

  const lookupsByTable = new Map<string, LookupRelationship[]>();
  for (const relationship of relationships) {
    const attribute = columnOf(relationship.referencingEntity, relationship.referencingAttribute)!;
    const polymorphic = (attribute.targets?.length ?? 0) > 1 && attribute.type !== 'Owner';
    // Without a role, a custom lookup is navigated by its schema name (ecc_AccountId), a multi-table one by column_target.
    const defaultNavigation = attribute.type === 'Owner' ? attribute.logicalName : polymorphic ? `${attribute.logicalName}_${relationship.referencedEntity}` : attribute.schemaName;
    const lookups = lookupsByTable.get(relationship.referencingEntity) ?? [];
    lookups.push({
      schemaName: relationship.schemaName,
      referencingAttribute: relationship.referencingAttribute,
      referencedEntity: relationship.referencedEntity,
      navigationProperty: relationship.navigationProperty ?? defaultNavigation,
      collectionNavigationProperty: relationship.collectionNavigationProperty ?? relationship.schemaName,
      ...(relationship.cascadeDelete ? { cascadeDelete: relationship.cascadeDelete } : {}),
    });
    lookupsByTable.set(relationship.referencingEntity, lookups);
  }

  for (const { entity } of prepared.values()) {
    for (const key of entity.keys) {
      const absent = key.keyAttributes.filter((column) => !columnOf(entity.logicalName, column));
      if (absent.length > 0) throw importErrors.missingDependencies(solution.uniqueName, `alternate key ${key.logicalName} of ${entity.logicalName} uses ${absent.join(', ')}, which the table does not have`);
    }
  }

  // Everything is checked: apply. Relationships of tables the solution does not list still belong to them.
  for (const [logicalName, lookups] of lookupsByTable) {
    if (!prepared.has(logicalName)) {
      const existing = registry.entity(logicalName)!;
      prepared.set(logicalName, {
        table: { schemaName: existing.schemaName, logicalName, info: undefined, attributes: [], keys: [] },
        entity: { ...existing, attributes: [], keys: [], lookups: [] },
        created: false,
      });
    }
    prepared.get(logicalName)!.entity.lookups = lookups;
  }
  for (const { entity } of prepared.values()) registry.upsertEntity(entity);
  if (dataverse) {
    const importer = context ?? dataverse.systemContext();
    dataverse.transaction(() => {
      writeEnvironmentVariableDefinitions(dataverse, importer, environmentVariables);
      writeFormsAndViews(dataverse, importer, formsAndViews);
    });
    dataverse.transaction(() => writeWebhookComponents(dataverse, webhooks));
    applyRoles(dataverse, roles);
  }

  return {
    solution,
    tables: tables.map((table) => {
      const { entity, created } = prepared.get(table.logicalName)!;
      return { logicalName: table.logicalName, created, columns: entity.attributes.map((a) => a.logicalName), keys: entity.keys.map((k) => k.logicalName) };
    }),
    relationships: relationships.map((r) => r.schemaName),
    environmentVariables: environmentVariables.map((v) => v.schemaName),
    roles: roles.map((role) => role.name),
    serviceEndpoints: webhooks.endpoints.map((endpoint) => endpoint.name),
    steps: webhooks.steps.map((step) => step.name),
  };
}
