/**
 * The simulated Dataverse: tables from a MetadataRegistry, rows in a RowStore, the security
 * model, and the table operations the Web API exposes — create, retrieve, update, upsert and
 * delete — with Dataverse's rules: system columns (createdon/by, modifiedon/by, owner and owning
 * business unit, statecode/statuscode defaults, versionnumber as ETag), @odata.bind lookups,
 * value validation, alternate keys, optimistic concurrency and privileges. The HTTP side
 * (webApi.ts, router.ts) translates requests into these operations.
 */

import { deleteCascading } from './cascadeDelete.js';
import type { CommittedWrite, DataverseHooks, WriteMessage } from './hooks.js';
import { faults } from './faults.js';
import type { AttributeMetadata, MetadataRegistry } from './metadata.js';
import { parseKeyPredicate, type KeyPredicate, type Literal } from './odata/syntax.js';
import { RowStore, type RowStoreDump } from './rowStore.js';
import { Security, type Principal } from './security.js';
import { isLookup, TableModels, type SingleNavigation, type TableModel } from './tableModel.js';
import {
  isDateOnly,
  isEntityReference,
  isGuid,
  newId,
  normalizeGuid,
  readInputValue,
  utcDateTime,
  type EntityReference,
  type Row,
  type StoredValue,
} from './values.js';
import { SANDBOX_APPLICATION_USER, SANDBOX_ORGANIZATION } from '../identities.js';

/** Who is calling, and the state of the request an operation belongs to. */
export interface OperationContext {
  /** The user the operation runs as (the impersonated user under CallerObjectId). */
  caller: Principal;
  /** The user whose token came with the request. */
  callingUser: Principal;
  correlationId: string;
  /** Inside a change set: Content-ID → the URL of the row it created, relative to the service root. */
  contentIds?: Map<string, string>;
}

/** A row addressed by primary key or by the values of an alternate key. */
export type RowAddress = { kind: 'id'; id: string } | { kind: 'key'; values: Row };

export interface WriteConditions {
  /** If-Match: '*' or a weak ETag W/"<versionnumber>". */
  ifMatch?: string;
  /** If-None-Match: '*' (create only). */
  ifNoneMatch?: string;
}

export interface SimulatedDataverseOptions {
  registry: MetadataRegistry;
  hooks?: DataverseHooks;
  /** The clock of createdon/modifiedon and of date query functions. Default: the system clock. */
  clock?: () => Date;
}

/** Numbers the platform gives new rows of these tables when the request sets none. */
const AUTO_NUMBERS: Record<string, { attribute: string; prefix: string }> = {
  quote: { attribute: 'quotenumber', prefix: 'QUO' },
  salesorder: { attribute: 'ordernumber', prefix: 'ORD' },
  invoice: { attribute: 'invoicenumber', prefix: 'INV' },
};

/**
 * Columns the platform fills when a create leaves them empty. A webhook's service endpoint has no
 * use for the Service Bus path and namespace, which the table requires: clients register webhooks
 * with name, url, contract, authtype and authvalue only (Microsoft's Plug-in Registration tool
 * asks for no more), so the platform must fill them; the value it fills is not documented.
 */
const PLATFORM_FILLED: Record<string, Row> = {
  serviceendpoint: { path: '', solutionnamespace: '' },
};

/** The data of an environment as plain data, for a state file. */
export interface DataverseData {
  rows: RowStoreDump;
  /** [row id, principal id, access mask]. */
  shares: [string, string, number][];
  /** The last number given per table (quote, order and invoice numbers). */
  autoNumbers: Record<string, number>;
}

/** Columns the platform maintains; a request never sets them. */
const SYSTEM_COLUMNS = new Set([
  'createdon', 'createdby', 'createdonbehalfby', 'modifiedon', 'modifiedby', 'modifiedonbehalfby',
  'owninguser', 'owningteam', 'owningbusinessunit', 'versionnumber',
]);

export class SimulatedDataverse {
  readonly registry: MetadataRegistry;
  readonly models: TableModels;
  readonly store = new RowStore();
  readonly security: Security;
  readonly organizationId = SANDBOX_ORGANIZATION.id;
  hooks: DataverseHooks;
  private readonly clock: () => Date;
  private committed: CommittedWrite[] = [];
  private readonly autoNumbers = new Map<string, number>();

  constructor(options: SimulatedDataverseOptions) {
    this.registry = options.registry;
    this.models = new TableModels(this.registry);
    this.security = new Security(this.store);
    this.hooks = options.hooks ?? {};
    this.clock = options.clock ?? (() => new Date());
  }

  now(): Date {
    return this.clock();
  }

  /** The model of a table by logical name; throws Dataverse's error for an unknown table. */
  model(logicalName: string): TableModel {
    const model = this.models.byLogicalName(logicalName);
    if (!model) throw faults.invalidArgument(`The entity with a name = '${logicalName}' with namemapping = 'Logical' was not found in the MetadataCache.`);
    return model;
  }

  /** The application user, who the sandbox's own writes (seed data) run as. */
  systemContext(): OperationContext {
    const application = this.security.bySystemUserId(SANDBOX_APPLICATION_USER.systemUserId)!;
    return { caller: application, callingUser: application, correlationId: newId() };
  }

  // ---- addressing ------------------------------------------------------------------------

  /** A key predicate from a URL, (guid) or (key1='a',key2=1), as an address of the table's rows. */
  addressOf(model: TableModel, predicate: KeyPredicate): RowAddress {
    if (predicate.kind === 'id') return { kind: 'id', id: predicate.id };
    const values: Row = {};
    for (const [property, literal] of predicate.values) {
      const lookup = /^_(.+)_value$/.exec(property);
      const attribute = model.attributes.get(lookup ? lookup[1]! : property);
      if (!attribute || (lookup !== null) !== isLookup(attribute)) throw faults.invalidKey(model.logicalName);
      values[attribute.logicalName] = keyValue(model, attribute, literal);
    }
    const names = Object.keys(values);
    if (names.length === 1 && names[0] === model.primaryId) return { kind: 'id', id: values[model.primaryId] as string };
    const key = model.keys.find((k) => k.keyAttributes.length === names.length && k.keyAttributes.every((a) => names.includes(a)));
    if (!key) throw faults.invalidKey(model.logicalName);
    return { kind: 'key', values };
  }

  /** The id of the addressed row, or undefined when there is none. */
  findId(model: TableModel, address: RowAddress): string | undefined {
    const rows = this.store.table(model.logicalName);
    if (address.kind === 'id') return rows.get(address.id) ? address.id : undefined;
    const key = model.keys.find((k) => k.keyAttributes.every((a) => a in address.values) && k.keyAttributes.length === Object.keys(address.values).length);
    return key && rows.findByKey(key, address.values);
  }

  private notFound(model: TableModel, address: RowAddress): Error {
    return address.kind === 'id' ? faults.recordNotFound(model.logicalName, address.id) : faults.keyNotFound(model.logicalName);
  }

  /** The URL of a row relative to the service root: accounts(<guid>). */
  entityPath(model: TableModel, id: string): string {
    return `${model.entitySetName}(${id})`;
  }

  // ---- reading ---------------------------------------------------------------------------

  /** A row the caller may read; Dataverse's errors when it is missing or not readable. */
  retrieve(context: OperationContext, model: TableModel, address: RowAddress): Row {
    const id = this.findId(model, address);
    const row = id === undefined ? undefined : this.store.table(model.logicalName).get(id);
    if (!row) throw this.notFound(model, address);
    this.security.assertAccess(context.caller, model, row, 'ReadAccess');
    return row;
  }

  /** The row a lookup points at, if it exists and the caller may read it. */
  readableRow(context: OperationContext, reference: EntityReference): Row | undefined {
    const model = this.models.byLogicalName(reference.logicalName);
    const row = model && this.store.table(reference.logicalName).get(reference.id);
    return row && this.security.hasAccess(context.caller, model, row, 'ReadAccess') ? row : undefined;
  }

  /** The primary name of a referenced row, whether or not the caller may read it (lookups show it). */
  primaryNameOf(reference: EntityReference): string | undefined {
    const model = this.models.byLogicalName(reference.logicalName);
    const value = model && this.store.table(reference.logicalName).get(reference.id)?.[model.primaryName];
    return typeof value === 'string' ? value : undefined;
  }

  // ---- writing ---------------------------------------------------------------------------

  /** Runs work as one transaction: a failure undoes all its writes and drops their hook calls. */
  transaction<T>(work: () => T): T {
    const mark = this.committed.length;
    try {
      return this.store.transaction(work);
    } catch (error) {
      this.committed.length = mark;
      throw error;
    }
  }

  create(context: OperationContext, model: TableModel, body: Record<string, unknown>, given: { id?: string; keyValues?: Row } = {}): string {
    return this.transaction(() => {
      this.security.assertMayCreate(context.caller, model);
      const values = this.readBody(context, model, body, 'create');
      const idValue = given.id ?? values[model.primaryId];
      const id = typeof idValue === 'string' ? normalizeGuid(idValue) : newId();
      const rows = this.store.table(model.logicalName);
      if (rows.get(id)) throw faults.duplicatePrimaryKey();
      const now = this.timestamp();
      const row: Row = { ...values, ...given.keyValues, [model.primaryId]: id };
      this.applyCreateDefaults(context, model, row, now);
      composeFullName(model, row);
      this.checkRequired(model, row);
      this.checkStateAndStatus(model, row, id, false);
      this.checkAlternateKeys(model, row, id);
      this.store.write(model.logicalName, id, row, model.keys);
      this.record('Create', context, model, id, undefined, [...Object.keys(values), ...Object.keys(given.keyValues ?? {})]);
      return id;
    });
  }

  update(context: OperationContext, model: TableModel, address: RowAddress, body: Record<string, unknown>, conditions: WriteConditions = {}): string {
    return this.transaction(() => {
      const id = this.findId(model, address);
      const current = id === undefined ? undefined : this.store.table(model.logicalName).get(id);
      if (!current || id === undefined) throw this.notFound(model, address);
      checkIfMatch(conditions.ifMatch, current);
      this.security.assertAccess(context.caller, model, current, 'WriteAccess');
      const values = this.readBody(context, model, body, 'update', id);
      const row: Row = { ...current, ...values };
      if ('ownerid' in values) {
        this.security.assertAccess(context.caller, model, current, 'AssignAccess');
        this.applyOwner(model, row, values.ownerid);
      }
      if ('statecode' in values && !('statuscode' in values)) row.statuscode = defaultStatus(model, values.statecode as number) ?? null;
      composeFullName(model, row);
      row.modifiedon = this.timestamp();
      this.setIfPresent(model, row, 'modifiedby', userReference(context.caller));
      this.setIfPresent(model, row, 'modifiedonbehalfby', context.callingUser === context.caller ? null : userReference(context.callingUser));
      for (const [attribute, value] of Object.entries(values)) {
        if (value === null && model.attributes.get(attribute)?.requiredLevel === 'SystemRequired') throw faults.requiredValueMissing(model.logicalName, attribute);
      }
      this.checkStateAndStatus(model, row, id, true);
      this.checkAlternateKeys(model, row, id);
      this.store.write(model.logicalName, id, row, model.keys);
      this.record('Update', context, model, id, current, Object.keys(values));
      return id;
    });
  }

  /**
   * PATCH semantics: update the addressed row if it exists, otherwise create it (with the id or
   * key values of the address). If-Match makes it update-only, If-None-Match: * create-only.
   */
  upsert(
    context: OperationContext,
    model: TableModel,
    address: RowAddress,
    body: Record<string, unknown>,
    conditions: WriteConditions = {},
  ): { id: string; created: boolean } {
    const existing = this.findId(model, address);
    if (existing !== undefined) {
      if (conditions.ifNoneMatch === '*') throw faults.matchingRecordExists();
      return { id: this.update(context, model, { kind: 'id', id: existing }, body, conditions), created: false };
    }
    if (conditions.ifMatch !== undefined) throw this.notFound(model, address);
    const id = address.kind === 'id'
      ? this.create(context, model, body, { id: address.id })
      : this.create(context, model, body, { keyValues: address.values });
    return { id, created: true };
  }

  delete(context: OperationContext, model: TableModel, address: RowAddress, conditions: WriteConditions = {}): void {
    this.transaction(() => {
      const id = this.findId(model, address);
      const current = id === undefined ? undefined : this.store.table(model.logicalName).get(id);
      if (!current || id === undefined) throw this.notFound(model, address);
      checkIfMatch(conditions.ifMatch, current);
      this.security.assertAccess(context.caller, model, current, 'DeleteAccess');
      deleteCascading({
        registry: this.registry,
        models: this.models,
        store: this.store,
        removeRow: (table, rowId, row) => {
          this.store.delete(table.logicalName, rowId, table.keys);
          this.security.forgetShares(rowId);
          this.record('Delete', context, table, rowId, row, []);
        },
        clearLookup: (table, rowId, row, attribute) => {
          this.store.write(table.logicalName, rowId, { ...row, [attribute]: null }, table.keys);
          this.record('Update', context, table, rowId, row, [attribute]);
        },
      }, model, id);
    });
  }

  /** Rows, change log, shares and document numbers, for a state file. */
  dumpData(): DataverseData {
    return { rows: this.store.dump(), shares: this.security.dumpShares(), autoNumbers: Object.fromEntries(this.autoNumbers) };
  }

  /** Replaces rows, change log, shares and document numbers with those of a state file. */
  loadData(data: DataverseData): void {
    this.store.load(data.rows);
    this.security.loadShares(data.shares);
    this.autoNumbers.clear();
    for (const [table, last] of Object.entries(data.autoNumbers)) this.autoNumbers.set(table, last);
  }

  /** Hands the writes committed since the last call to the afterCommit hook, in commit order. */
  async publishCommittedWrites(): Promise<void> {
    if (this.store.inTransaction()) return;
    const writes = this.committed;
    this.committed = [];
    for (const write of writes) await this.hooks.afterCommit?.(write);
  }

  // ---- body, defaults and checks -----------------------------------------------------------

  /**
   * A request body as column values: plain columns validated and converted, lookups from
   * <navigation>@odata.bind (or cleared with <navigation>: null), annotations ignored.
   */
  readBody(context: OperationContext, model: TableModel, body: Record<string, unknown>, operation: 'create' | 'update', targetId?: string): Row {
    const values: Row = {};
    for (const [property, json] of Object.entries(body)) {
      if (property.startsWith('@')) continue;
      const at = property.indexOf('@');
      if (at !== -1) {
        if (property.slice(at + 1) !== 'odata.bind') continue;
        const navigation = model.navigations.get(property.slice(0, at));
        if (!navigation) throw faults.unknownPayloadProperty(model.entitySetName, model.logicalName, property.slice(0, at));
        this.assertWritable(model, navigation.attribute, operation);
        values[navigation.attribute.logicalName] = json === null ? null : this.resolveBind(context, navigation, json, model);
        continue;
      }
      const navigation = model.navigations.get(property);
      if (navigation) {
        if (json !== null) {
          throw faults.invalidArgument(`Creating or linking related rows through '${property}' needs '${property}@odata.bind'; deep insert is not available in the simulated Dataverse.`);
        }
        this.assertWritable(model, navigation.attribute, operation);
        values[navigation.attribute.logicalName] = null;
        continue;
      }
      const attribute = model.attributes.get(property);
      if (!attribute || isLookup(attribute)) throw faults.unknownPayloadProperty(model.entitySetName, model.logicalName, property);
      if (operation === 'update' && property === model.primaryId) {
        if (typeof json === 'string' && normalizeGuid(json) === targetId) continue;
      }
      this.assertWritable(model, attribute, operation);
      values[attribute.logicalName] = readInputValue(attribute, json, model.logicalName, model.entitySetName);
    }
    return values;
  }

  private assertWritable(model: TableModel, attribute: AttributeMetadata, operation: 'create' | 'update'): void {
    const valid = operation === 'create' ? attribute.validForCreate : attribute.validForUpdate;
    if (!valid || SYSTEM_COLUMNS.has(attribute.logicalName)) throw faults.notValidFor(operation, model.logicalName, attribute.logicalName);
  }

  /** "<entityset>(<key>)" (relative, with or without leading /, or absolute) or "$<Content-ID>" as a reference. */
  private resolveBind(context: OperationContext, navigation: SingleNavigation, json: unknown, model: TableModel): EntityReference {
    if (typeof json !== 'string') throw faults.payload(model.entitySetName, `The value of '${navigation.name}@odata.bind' must be a URL of a record.`);
    const path = this.relativePath(context, json);
    const match = /^([A-Za-z_][\w]*)\((.*)\)$/.exec(path);
    const target = match && this.models.bySetName(match[1]!);
    if (!match || !target) throw faults.payload(model.entitySetName, `'${json}' in '${navigation.name}@odata.bind' is not a URL of a record.`);
    // An owner is a user or a team: ownerid@odata.bind names one of them, never the abstract "owner".
    const targets = navigation.targets.flatMap((t) => (t === 'owner' ? ['systemuser', 'team'] : [t]));
    if (!targets.includes(target.logicalName)) {
      throw faults.invalidArgument(`'${navigation.name}' cannot refer to a ${target.logicalName}; it refers to ${targets.join(' or ')}.`);
    }
    const address = this.addressOf(target, parseKeyPredicate(match[2]!));
    const id = this.findId(target, address);
    if (id === undefined) throw this.notFound(target, address);
    return { id, logicalName: target.logicalName };
  }

  /** A URL from a request (absolute, /api/data/v9.2/…, relative, or $<Content-ID>) relative to the service root. */
  relativePath(context: OperationContext, url: string): string {
    let path = url.trim();
    const reference = /^\$([^/]+)(\/.*)?$/.exec(path);
    if (reference) {
      const resolved = context.contentIds?.get(reference[1]!);
      if (resolved === undefined) throw faults.contentIdNotFound(`$${reference[1]}`);
      path = resolved + (reference[2] ?? '');
    }
    const root = /\/api\/data\/v9\.\d\//i.exec(path);
    if (root) path = path.slice(root.index + root[0].length);
    return path.replace(/^\/+/, '');
  }

  private applyCreateDefaults(context: OperationContext, model: TableModel, row: Row, now: string): void {
    const caller = userReference(context.caller);
    const overridden = row.overriddencreatedon;
    row.createdon = typeof overridden === 'string' ? (utcDateTime(overridden) ?? now) : now;
    row.modifiedon = now;
    this.setIfPresent(model, row, 'createdby', caller);
    this.setIfPresent(model, row, 'modifiedby', caller);
    if (context.callingUser !== context.caller) {
      this.setIfPresent(model, row, 'createdonbehalfby', userReference(context.callingUser));
      this.setIfPresent(model, row, 'modifiedonbehalfby', userReference(context.callingUser));
    }
    if (model.ownedByPrincipals()) this.applyOwner(model, row, row.ownerid ?? this.inheritedOwner(model, row) ?? caller);
    if (model.has('organizationid') && row.organizationid === undefined) row.organizationid = { id: this.organizationId, logicalName: 'organization' };
    for (const attribute of model.attributes.values()) {
      if (row[attribute.logicalName] !== undefined && row[attribute.logicalName] !== null) continue;
      if (attribute.type === 'State') {
        row[attribute.logicalName] = attribute.options?.find((o) => o.value === 0)?.value ?? attribute.options?.[0]?.value ?? null;
      } else if (attribute.defaultValue !== undefined && (attribute.type === 'Picklist' || attribute.type === 'Boolean')) {
        row[attribute.logicalName] = attribute.defaultValue;
      } else if (attribute.requiredLevel === 'SystemRequired' && attribute.type === 'Picklist' && attribute.options?.[0]) {
        row[attribute.logicalName] = attribute.options[0].value;
      }
    }
    if (model.has('statuscode') && (row.statuscode === undefined || row.statuscode === null) && typeof row.statecode === 'number') {
      row.statuscode = defaultStatus(model, row.statecode) ?? null;
    }
    for (const [attribute, value] of Object.entries(PLATFORM_FILLED[model.logicalName] ?? {})) {
      if (model.has(attribute) && (row[attribute] === undefined || row[attribute] === null)) row[attribute] = value;
    }
    const autoNumber = AUTO_NUMBERS[model.logicalName];
    if (autoNumber && model.has(autoNumber.attribute) && !row[autoNumber.attribute]) {
      const next = (this.autoNumbers.get(model.logicalName) ?? 999) + 1;
      this.autoNumbers.set(model.logicalName, next);
      const suffix = newId().replace(/-/g, '').slice(0, 6).toUpperCase();
      row[autoNumber.attribute] = `${autoNumber.prefix}-${String(next).padStart(5, '0')}-${suffix}`;
    }
  }

  /**
   * Rows whose owner the request cannot set (quote, order and invoice lines) belong to their
   * parent's owner: the owner of the row their required lookup points at.
   */
  private inheritedOwner(model: TableModel, row: Row): EntityReference | undefined {
    if (model.attributes.get('ownerid')?.validForCreate !== false) return undefined;
    for (const attribute of model.attributes.values()) {
      const value = row[attribute.logicalName];
      if (!isLookup(attribute) || attribute.requiredLevel !== 'SystemRequired' || !isEntityReference(value)) continue;
      const owner = this.store.table(value.logicalName).get(value.id)?.ownerid;
      if (isEntityReference(owner)) return owner;
    }
    return undefined;
  }

  private applyOwner(model: TableModel, row: Row, owner: StoredValue | undefined): void {
    if (!isEntityReference(owner)) throw faults.requiredValueMissing(model.logicalName, 'ownerid');
    row.ownerid = owner;
    const ownerRow = this.store.table(owner.logicalName).get(owner.id);
    const unit = ownerRow?.businessunitid;
    this.setIfPresent(model, row, 'owninguser', owner.logicalName === 'systemuser' ? owner : null);
    this.setIfPresent(model, row, 'owningteam', owner.logicalName === 'team' ? owner : null);
    this.setIfPresent(model, row, 'owningbusinessunit', isEntityReference(unit) ? unit : null);
  }

  private setIfPresent(model: TableModel, row: Row, attribute: string, value: StoredValue): void {
    if (model.has(attribute)) row[attribute] = value;
  }

  /** SystemRequired columns must have a value; ApplicationRequired ones are for forms only (the API does not enforce them). */
  private checkRequired(model: TableModel, row: Row): void {
    for (const attribute of model.attributes.values()) {
      if (attribute.requiredLevel !== 'SystemRequired' || !attribute.validForCreate) continue;
      if (attribute.logicalName === model.primaryId) continue;
      const value = row[attribute.logicalName];
      if (value === undefined || value === null) throw faults.requiredValueMissing(model.logicalName, attribute.logicalName);
    }
  }

  private checkStateAndStatus(model: TableModel, row: Row, id: string, updating: boolean): void {
    const status = model.attributes.get('statuscode');
    const state = model.attributes.get('statecode');
    if (!status || !state || typeof row.statuscode !== 'number' || typeof row.statecode !== 'number') return;
    const option = status.options?.find((o) => o.value === row.statuscode);
    if (option?.state !== undefined && option.state !== row.statecode) {
      const stateName = state.options?.find((o) => o.value === row.statecode)?.invariantName ?? String(row.statecode);
      throw faults.invalidStatus(model.logicalName, row.statuscode, stateName, updating ? id : '00000000-0000-0000-0000-000000000000');
    }
  }

  private checkAlternateKeys(model: TableModel, row: Row, id: string): void {
    const conflict = this.store.table(model.logicalName).conflictingKey(model.keys, row, id);
    if (!conflict) return;
    const values = conflict.keyAttributes.map((a) => `${a} = ${describeValue(row[a])}`).join(', ');
    throw faults.duplicateAlternateKey(conflict.logicalName, values);
  }

  private record(message: WriteMessage, context: OperationContext, model: TableModel, id: string, preImage: Row | undefined, changed: string[]): void {
    const postImage = message === 'Delete' ? undefined : this.store.table(model.logicalName).get(id);
    this.committed.push({
      message,
      table: model.logicalName,
      id,
      preImage,
      postImage,
      changedAttributes: [...new Set(changed)],
      userId: context.caller.systemUserId,
      initiatingUserId: context.callingUser.systemUserId,
      businessUnitId: context.caller.businessUnitId,
      organizationId: this.organizationId,
      correlationId: context.correlationId,
      requestId: newId(),
      committedOn: this.timestamp(),
    });
  }

  private timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

/** fullname is the platform's: first and last name (contacts, users). */
function composeFullName(model: TableModel, row: Row): void {
  const fullName = model.attributes.get('fullname');
  if (!fullName || fullName.validForCreate || !model.has('lastname')) return;
  const parts = [row.firstname, row.lastname].filter((part): part is string => typeof part === 'string' && part !== '');
  row.fullname = parts.length === 0 ? null : parts.join(' ');
}

function userReference(principal: Principal): EntityReference {
  return { id: principal.systemUserId, logicalName: 'systemuser' };
}

function defaultStatus(model: TableModel, state: number): number | undefined {
  const stateOption = model.attributes.get('statecode')?.options?.find((o) => o.value === state);
  if (stateOption?.defaultStatus !== undefined) return stateOption.defaultStatus;
  return model.attributes.get('statuscode')?.options?.find((o) => o.state === state)?.value;
}

/** If-Match: * (the row must exist) or W/"<version>" (and be at that version). */
function checkIfMatch(ifMatch: string | undefined, row: Row): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const versions = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/"/g, ''));
  if (!versions.includes(`${row.versionnumber as number}`)) throw faults.versionMismatch();
}

/** A literal of a key predicate as the stored value of the key attribute. */
function keyValue(model: TableModel, attribute: AttributeMetadata, literal: Literal): StoredValue {
  if (isLookup(attribute)) {
    if (literal.type !== 'guid') throw faults.invalidKey(model.logicalName);
    return { id: literal.value, logicalName: attribute.targets?.[0] ?? '' };
  }
  switch (attribute.type) {
    case 'String': case 'Memo': case 'EntityName':
      if (literal.type !== 'string') throw faults.invalidKey(model.logicalName);
      return literal.value;
    case 'Uniqueidentifier':
      if (literal.type !== 'guid' || !isGuid(literal.value)) throw faults.invalidKey(model.logicalName);
      return literal.value;
    case 'DateTime':
      if (literal.type !== 'date' && literal.type !== 'datetime') throw faults.invalidKey(model.logicalName);
      return isDateOnly(attribute) ? literal.value.slice(0, 10) : (utcDateTime(literal.value) ?? literal.value);
    case 'Boolean':
      if (literal.type !== 'bool') throw faults.invalidKey(model.logicalName);
      return literal.value;
    default:
      if (literal.type !== 'int' && literal.type !== 'decimal') throw faults.invalidKey(model.logicalName);
      return literal.value;
  }
}

function describeValue(value: StoredValue | undefined): string {
  if (isEntityReference(value)) return value.id;
  return String(value);
}
