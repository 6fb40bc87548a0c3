/**
 * The Web API's resources over the simulated Dataverse, independent of Express: a request
 * (method, path and query below the service root, headers, body) in, a response out. The
 * router feeds it HTTP requests; $batch feeds it each part. Resources:
 *
 *   GET    <set>                 rows: $select $filter $orderby $top $expand $count, paging
 *                                (Prefer: odata.maxpagesize), change tracking (Prefer:
 *                                odata.track-changes, $deltatoken)
 *   GET    <set>/$count          number of rows
 *   POST   <set>                 create (204 + OData-EntityId; 201 with Prefer: return=representation)
 *   GET    <set>(<key>)          one row, by id or alternate key; If-None-Match → 304
 *   PATCH  <set>(<key>)          update or upsert (If-Match, If-None-Match)
 *   DELETE <set>(<key>)          delete (If-Match)
 *   GET    <set>(<key>)/<collection navigation property>   related rows
 *   POST   <set>/Microsoft.Dynamics.CRM.CreateMultiple | UpdateMultiple | UpsertMultiple
 *   GET    WhoAmI
 *   POST   GrantAccess | ModifyAccess | RevokeAccess
 *   POST   ImportSolution        the solution's tables, columns and keys join the metadata, its
 *                                environment variable definitions become rows (solution/)
 *   POST   ImportSolutionAsync   the same as a system job (asyncoperations) that runs after the answer;
 *          StageAndUpgradeAsync  the same
 *   POST   $batch                change sets, Content-ID references, odata.continue-on-error
 */

import { parseBatch, renderBatch, type BatchRequest, type BatchResponse, type BatchResponseItem } from './batch.js';
import { DataverseFault, faults } from './faults.js';
import { SolutionImportFailed } from './solution/importErrors.js';
import { SOLUTION_IMPORT_MESSAGES, SolutionImportJobs, type SolutionImportMessage } from './solution/importJobs.js';
import { importSolution as importSolutionPackage } from './solution/importSolution.js';
import { parseKeyPredicate } from './odata/syntax.js';
import { readDeltaToken, readSkipToken, writeDeltaToken, writeSkipToken } from './paging.js';
import { planQuery, runQuery, sortValuesOf, type QueryPlan } from './query.js';
import { ACCESS_RIGHTS, parseAccessMask } from './security.js';
import { annotationFilter, etagOf, RowWriter } from './serialize.js';
import type { OperationContext, RowAddress, SimulatedDataverse } from './simulatedDataverse.js';
import type { TableModel } from './tableModel.js';
import { isGuid, normalizeGuid, type Row } from './values.js';

export interface ApiRequest {
  method: string;
  /** Path and query below the service root as sent (percent-encoded): accounts(…)?$select=… */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** Imports a solution zip into the environment as the calling user (the ImportSolution action). */
export type SolutionImporter = (dataverse: SimulatedDataverse, solutionZip: Uint8Array, context: OperationContext) => unknown;

/** Dataverse's largest page, and the cap of @odata.count. */
export const MAX_PAGE_SIZE = 5000;

const JSON_TYPE = 'application/json; odata.metadata=minimal';
const BULK_MESSAGES = ['CreateMultiple', 'UpdateMultiple', 'UpsertMultiple'];

interface Preferences {
  returnRepresentation: boolean;
  maxPageSize: number | undefined;
  includeAnnotations: string | undefined;
  trackChanges: boolean;
  continueOnError: boolean;
}

export function readPreferences(header: string | undefined): Preferences {
  const preferences: Preferences = { returnRepresentation: false, maxPageSize: undefined, includeAnnotations: undefined, trackChanges: false, continueOnError: false };
  for (const item of splitPreferences(header ?? '')) {
    const [name, ...rest] = item.split('=');
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    switch (name!.trim().toLowerCase()) {
      case 'return': preferences.returnRepresentation = value === 'representation'; break;
      case 'odata.maxpagesize': {
        const size = Number(value);
        if (Number.isInteger(size) && size > 0) preferences.maxPageSize = size;
        break;
      }
      case 'odata.include-annotations': preferences.includeAnnotations = value; break;
      case 'odata.track-changes': preferences.trackChanges = true; break;
      case 'odata.continue-on-error': preferences.continueOnError = true; break;
    }
  }
  return preferences;
}

/** Prefer items are comma-separated; a quoted annotation list may itself contain commas. */
function splitPreferences(header: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}

interface ParsedTarget {
  /** Path segments, percent-decoded; a segment's key predicate is kept with it: accounts(…). */
  segments: string[];
  /** Query options by lower-case name, decoded. */
  options: Map<string, string>;
  /** The query's name=value pairs as sent, for continuation links. */
  rawPairs: { name: string; raw: string }[];
  /** The path as sent. */
  rawPath: string;
}

const decodeQueryComponent = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));

function parseTarget(target: string): ParsedTarget {
  const question = target.indexOf('?');
  const rawPath = question === -1 ? target : target.slice(0, question);
  const query = question === -1 ? '' : target.slice(question + 1);
  const options = new Map<string, string>();
  const rawPairs: ParsedTarget['rawPairs'] = [];
  try {
    for (const pair of query.split('&').filter((p) => p !== '')) {
      const equals = pair.indexOf('=');
      const name = decodeQueryComponent(equals === -1 ? pair : pair.slice(0, equals));
      const value = equals === -1 ? '' : decodeQueryComponent(pair.slice(equals + 1));
      if (options.has(name.toLowerCase())) throw faults.query(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
      options.set(name.toLowerCase(), value);
      rawPairs.push({ name: name.toLowerCase(), raw: pair });
    }
    return { segments: pathSegments(decodeURIComponent(rawPath)), options, rawPairs, rawPath };
  } catch (error) {
    if (error instanceof URIError) throw faults.query(`The URL '${target}' is not correctly percent-encoded.`);
    throw error;
  }
}

/** Splits a path at '/', except inside key predicates and string literals. */
function pathSegments(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const char of path) {
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '(') depth++;
    if (!quoted && char === ')') depth--;
    if (char === '/' && depth === 0 && !quoted) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments.filter((s) => s !== '');
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, 'OData-Version': '4.0', ...headers }, body: JSON.stringify(body) };
}

const noContent = (headers: Record<string, string> = {}): ApiResponse => ({ status: 204, headers: { 'OData-Version': '4.0', ...headers } });

export function faultResponse(fault: DataverseFault): ApiResponse {
  return json(fault.status, fault.body(), fault.headers);
}

function parseJsonBody(request: ApiRequest, entitySetName: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body === '' ? '{}' : request.body);
  } catch {
    throw faults.payload(entitySetName, 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw faults.payload(entitySetName, 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

export class WebApi {
  /** ImportSolutionAsync's system jobs. */
  readonly importJobs: SolutionImportJobs;

  constructor(
    private readonly dataverse: SimulatedDataverse,
    private readonly importSolution: SolutionImporter = importSolutionPackage,
  ) {
    this.importJobs = new SolutionImportJobs(dataverse, importSolution);
  }

  /**
   * Answers one HTTP request. Writes are published to the afterCommit hook before the answer
   * returns. Faults become Dataverse's error responses; anything else is a bug and is thrown.
   */
  async handle(context: OperationContext, request: ApiRequest, serviceRoot: string): Promise<ApiResponse> {
    try {
      const { segments } = parseTarget(request.target);
      if (segments[0] === '$batch' && segments.length === 1) return await this.batch(context, request, serviceRoot);
      if (segments[0] === 'ImportSolution' && segments.length === 1 && request.method === 'POST') return await this.runImportSolution(context, request);
      const [message] = segments;
      if (message !== undefined && Object.hasOwn(SOLUTION_IMPORT_MESSAGES, message) && segments.length === 1 && request.method === 'POST') {
        const started = this.importJobs.start(context, message as SolutionImportMessage, parseJsonBody(request, message));
        return json(200, { '@odata.context': `${serviceRoot}$metadata#Microsoft.Dynamics.CRM.${message}Response`, ...started });
      }
      return this.execute(context, request, serviceRoot);
    } catch (error) {
      if (error instanceof DataverseFault) return faultResponse(error);
      throw error;
    } finally {
      await this.dataverse.publishCommittedWrites();
    }
  }

  /** Runs a request synchronously (so that a change set runs as one transaction); faults are thrown. */
  private execute(context: OperationContext, request: ApiRequest, serviceRoot: string): ApiResponse {
    const target = parseTarget(request.target);
    const [first, second, third, ...rest] = target.segments;
    if (first === undefined) throw faults.resourceNotFound('');
    if (first === 'WhoAmI' || first === 'WhoAmI()') return this.whoAmI(context, request, serviceRoot);
    if (['GrantAccess', 'ModifyAccess', 'RevokeAccess'].includes(first) && request.method === 'POST') return this.access(context, first, request);
    const open = first.indexOf('(');
    const setName = open === -1 ? first : first.slice(0, open);
    const model = this.dataverse.models.bySetName(setName);
    if (!model) throw faults.resourceNotFound(setName);
    if (rest.length > 0) throw faults.resourceNotFound(rest[0]!);
    if (open === -1) {
      if (second === undefined) {
        if (request.method === 'GET') return this.list(context, model, target, request, serviceRoot);
        if (request.method === 'POST') return this.create(context, model, request, target, serviceRoot);
        throw faults.methodNotAllowed(request.method, setName);
      }
      if (third !== undefined) throw faults.resourceNotFound(third);
      if (second === '$count' && request.method === 'GET') return this.count(context, model, target);
      const message = second.replace(/^Microsoft\.Dynamics\.CRM\./, '');
      if (BULK_MESSAGES.includes(message) && request.method === 'POST') return this.bulk(context, model, message, request, serviceRoot);
      throw faults.resourceNotFound(second);
    }
    if (!first.endsWith(')')) throw faults.resourceNotFound(first);
    const address = this.dataverse.addressOf(model, parseKeyPredicate(first.slice(open + 1, -1)));
    if (second !== undefined) {
      if (third !== undefined || request.method !== 'GET') throw faults.resourceNotFound(third ?? second);
      return this.related(context, model, address, second, target, request, serviceRoot);
    }
    switch (request.method) {
      case 'GET': return this.retrieve(context, model, address, target, request, serviceRoot);
      case 'PATCH': return this.patch(context, model, address, request, target, serviceRoot);
      case 'DELETE': {
        this.dataverse.delete(context, model, address, { ifMatch: request.headers['if-match'] });
        return noContent();
      }
      default: throw faults.methodNotAllowed(request.method, first);
    }
  }

  // ---- rows ------------------------------------------------------------------------------

  private writer(context: OperationContext, preferences: Preferences) {
    return new RowWriter(this.dataverse, context, annotationFilter(preferences.includeAnnotations));
  }

  private preferenceApplied(preferences: Preferences, extra: string[] = []): Record<string, string> {
    const applied = [...extra];
    if (preferences.includeAnnotations) applied.push(`odata.include-annotations="${preferences.includeAnnotations}"`);
    return applied.length === 0 ? {} : { 'Preference-Applied': applied.join(',') };
  }

  private contextUrl(serviceRoot: string, model: TableModel, plan: QueryPlan | undefined, suffix = ''): string {
    const select = plan?.select?.map((a) => model.propertyName(a));
    return `${serviceRoot}$metadata#${model.entitySetName}${select ? `(${select.join(',')})` : ''}${suffix}`;
  }

  private list(context: OperationContext, model: TableModel, target: ParsedTarget, request: ApiRequest, serviceRoot: string): ApiResponse {
    const preferences = readPreferences(request.headers.prefer);
    const deltaToken = target.options.get('$deltatoken');
    if (preferences.trackChanges || deltaToken !== undefined) {
      if (!model.entity.changeTrackingEnabled) throw faults.changeTrackingDisabled(model.logicalName);
      for (const option of ['$filter', '$orderby', '$expand', '$top']) if (target.options.has(option)) throw faults.changeTrackingOption(option);
    }
    const plan = planQuery(this.dataverse, context, model, target.options);
    if (deltaToken !== undefined) return this.delta(context, model, plan, deltaToken, preferences, serviceRoot);

    const skipToken = target.options.get('$skiptoken');
    const cursor = skipToken === undefined ? undefined : readSkipToken(plan, skipToken);
    if (skipToken !== undefined && !cursor) throw faults.invalidArgument('The $skiptoken is not valid for this query. Resend the @odata.nextLink unchanged.');
    const trackingVersion = preferences.trackChanges ? (cursor?.trackingVersion ?? this.dataverse.store.currentVersion()) : undefined;
    const result = runQuery(this.dataverse, context, plan, cursor?.after);
    // With odata.maxpagesize, $top is ignored (Dataverse's rule); $top alone ends the result.
    const pageSize = Math.min(preferences.maxPageSize ?? plan.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    const page = result.rows.slice(0, pageSize);
    const more = result.rows.length > pageSize && (preferences.maxPageSize !== undefined || plan.top === undefined || plan.top > MAX_PAGE_SIZE);
    const writer = this.writer(context, preferences);
    const body: Record<string, unknown> = { '@odata.context': this.contextUrl(serviceRoot, model, plan) };
    if (plan.count) body['@odata.count'] = Math.min(result.total, MAX_PAGE_SIZE);
    body.value = page.map((row) => writer.write(plan, row));
    const applied: string[] = [];
    if (preferences.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${preferences.maxPageSize}`);
    if (trackingVersion !== undefined) applied.push('odata.track-changes');
    if (more) {
      const last = page[page.length - 1]!;
      const token = writeSkipToken(plan, { pageNumber: (cursor?.pageNumber ?? 1) + 1, after: sortValuesOf(plan, last), trackingVersion }, sortValuesOf(plan, page[0]!));
      const kept = target.rawPairs.filter((p) => p.name !== '$skiptoken').map((p) => p.raw);
      body['@odata.nextLink'] = `${serviceRoot}${target.rawPath}?${[...kept, `$skiptoken=${encodeURIComponent(token)}`].join('&')}`;
    } else if (trackingVersion !== undefined) {
      body['@odata.deltaLink'] = this.deltaLink(serviceRoot, model, target, trackingVersion);
    }
    return json(200, body, this.preferenceApplied(preferences, applied));
  }

  private deltaLink(serviceRoot: string, model: TableModel, target: ParsedTarget, version: number): string {
    const select = target.rawPairs.filter((p) => p.name === '$select').map((p) => p.raw);
    const token = encodeURIComponent(writeDeltaToken(version, this.dataverse.now()));
    return `${serviceRoot}${model.entitySetName}?${[...select, `$deltatoken=${token}`].join('&')}`;
  }

  /** The rows created, changed or deleted after the delta token's position, and a new delta link. */
  private delta(context: OperationContext, model: TableModel, plan: QueryPlan, token: string, preferences: Preferences, serviceRoot: string): ApiResponse {
    const since = readDeltaToken(token);
    if (since === undefined || since > this.dataverse.store.currentVersion()) throw faults.invalidDeltaToken();
    const version = this.dataverse.store.currentVersion();
    const latest = new Map<string, boolean>();
    for (const change of this.dataverse.store.changesSince(model.logicalName, since)) {
      latest.delete(change.id);
      latest.set(change.id, change.deleted);
    }
    const writer = this.writer(context, preferences);
    const rows = this.dataverse.store.table(model.logicalName);
    const value: unknown[] = [];
    for (const [id, deleted] of latest) {
      const row = rows.get(id);
      if (deleted || !row) {
        value.push({ '@odata.context': `${serviceRoot}$metadata#${model.entitySetName}/$deletedEntity`, id, reason: 'deleted' });
      } else if (this.dataverse.security.hasAccess(context.caller, model, row, 'ReadAccess')) {
        value.push(writer.write(plan, row));
      }
    }
    const target = parseTarget(`${model.entitySetName}?${plan.select ? `$select=${plan.select.map((a) => model.propertyName(a)).join(',')}` : ''}`);
    return json(
      200,
      { '@odata.context': this.contextUrl(serviceRoot, model, plan, '/$delta'), value, '@odata.deltaLink': this.deltaLink(serviceRoot, model, target, version) },
      this.preferenceApplied(preferences, ['odata.track-changes']),
    );
  }

  private count(context: OperationContext, model: TableModel, target: ParsedTarget): ApiResponse {
    const plan = planQuery(this.dataverse, context, model, target.options);
    const total = runQuery(this.dataverse, context, plan).total;
    return { status: 200, headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' }, body: String(Math.min(total, MAX_PAGE_SIZE)) };
  }

  private retrieve(context: OperationContext, model: TableModel, address: RowAddress, target: ParsedTarget, request: ApiRequest, serviceRoot: string): ApiResponse {
    const preferences = readPreferences(request.headers.prefer);
    const plan = planQuery(this.dataverse, context, model, target.options);
    const row = this.dataverse.retrieve(context, model, address);
    const ifNoneMatch = request.headers['if-none-match'];
    // Conditional GET: never with $expand or annotations, as Dataverse documents.
    if (ifNoneMatch && ifNoneMatch !== 'null' && plan.expand.length === 0 && !preferences.includeAnnotations && ifNoneMatch.split(',').some((tag) => tag.trim() === etagOf(row))) {
      return { status: 304, headers: { 'OData-Version': '4.0' } };
    }
    const body = { '@odata.context': this.contextUrl(serviceRoot, model, plan, '/$entity'), ...this.writer(context, preferences).write(plan, row) };
    return json(200, body, { ETag: etagOf(row), ...this.preferenceApplied(preferences) });
  }

  private related(context: OperationContext, model: TableModel, address: RowAddress, navigation: string, target: ParsedTarget, request: ApiRequest, serviceRoot: string): ApiResponse {
    const parent = this.dataverse.retrieve(context, model, address);
    const collection = this.dataverse.models.collectionNavigation(model.logicalName, navigation);
    if (!collection) throw faults.resourceNotFound(navigation);
    const childModel = this.dataverse.model(collection.referencingTable);
    const plan = planQuery(this.dataverse, context, childModel, target.options);
    const parentId = parent[model.primaryId] as string;
    const candidates = [...this.dataverse.store.table(childModel.logicalName).rows.values()].filter((row) => {
      const reference = row[collection.referencingAttribute];
      return typeof reference === 'object' && reference !== null && 'id' in reference && reference.id === parentId;
    });
    const rows = runQuery(this.dataverse, context, plan, undefined, candidates).rows.slice(0, plan.top ?? MAX_PAGE_SIZE);
    const preferences = readPreferences(request.headers.prefer);
    const writer = this.writer(context, preferences);
    return json(200, { '@odata.context': this.contextUrl(serviceRoot, childModel, plan), value: rows.map((row) => writer.write(plan, row)) }, this.preferenceApplied(preferences));
  }

  private entityIdHeaders(serviceRoot: string, model: TableModel, id: string): Record<string, string> {
    const url = `${serviceRoot}${this.dataverse.entityPath(model, id)}`;
    return { Location: url, 'OData-EntityId': url };
  }

  private representation(context: OperationContext, model: TableModel, id: string, target: ParsedTarget, preferences: Preferences, status: number, serviceRoot: string): ApiResponse {
    const options = new Map(target.options);
    options.delete('$expand');
    const plan = planQuery(this.dataverse, context, model, options);
    const row = this.dataverse.store.table(model.logicalName).get(id)!;
    const body = { '@odata.context': this.contextUrl(serviceRoot, model, plan, '/$entity'), ...this.writer(context, preferences).write(plan, row) };
    return json(status, body, { ETag: etagOf(row), ...this.entityIdHeaders(serviceRoot, model, id), ...this.preferenceApplied(preferences, ['return=representation']) });
  }

  private create(context: OperationContext, model: TableModel, request: ApiRequest, target: ParsedTarget, serviceRoot: string): ApiResponse {
    const preferences = readPreferences(request.headers.prefer);
    const id = this.dataverse.create(context, model, parseJsonBody(request, model.entitySetName));
    if (preferences.returnRepresentation) return this.representation(context, model, id, target, preferences, 201, serviceRoot);
    return noContent(this.entityIdHeaders(serviceRoot, model, id));
  }

  private patch(context: OperationContext, model: TableModel, address: RowAddress, request: ApiRequest, target: ParsedTarget, serviceRoot: string): ApiResponse {
    const preferences = readPreferences(request.headers.prefer);
    const body = parseJsonBody(request, model.entitySetName);
    const { id, created } = this.dataverse.upsert(context, model, address, body, { ifMatch: request.headers['if-match'], ifNoneMatch: request.headers['if-none-match'] });
    if (preferences.returnRepresentation) return this.representation(context, model, id, target, preferences, created ? 201 : 200, serviceRoot);
    return noContent(this.entityIdHeaders(serviceRoot, model, id));
  }

  // ---- messages --------------------------------------------------------------------------

  private whoAmI(context: OperationContext, request: ApiRequest, serviceRoot: string): ApiResponse {
    if (request.method !== 'GET') throw faults.methodNotAllowed(request.method, 'WhoAmI');
    return json(200, {
      '@odata.context': `${serviceRoot}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: context.caller.businessUnitId,
      UserId: context.caller.systemUserId,
      OrganizationId: this.dataverse.organizationId,
    });
  }

  /** CreateMultiple, UpdateMultiple, UpsertMultiple: all rows or none (standard tables). */
  private bulk(context: OperationContext, model: TableModel, message: string, request: ApiRequest, serviceRoot: string): ApiResponse {
    const body = parseJsonBody(request, model.entitySetName);
    const targets = body.Targets;
    if (!Array.isArray(targets)) throw faults.invalidArgument(`${message} requires the Targets parameter: an array of ${model.logicalName} records.`);
    const expectedType = `Microsoft.Dynamics.CRM.${model.logicalName}`;
    const items = targets.map((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw faults.invalidArgument(`Targets[${index}] is not a record.`);
      const record = item as Record<string, unknown>;
      if (record['@odata.type'] !== expectedType) throw faults.invalidArgument(`Targets[${index}] must have "@odata.type": "${expectedType}".`);
      return record;
    });
    const ids = this.dataverse.transaction(() =>
      items.map((record) => {
        if (message === 'CreateMultiple') return this.dataverse.create(context, model, record);
        const address = this.bulkAddress(context, model, record, message);
        if (message === 'UpdateMultiple') return this.dataverse.update(context, model, address, withoutReadOnly(model, record));
        return this.dataverse.upsert(context, model, address, withoutKey(model, record, address)).id;
      }),
    );
    if (message === 'CreateMultiple') return json(200, { '@odata.context': `${serviceRoot}$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse`, Ids: ids });
    return noContent();
  }

  /** The row a bulk item names: "@odata.id" (set(key)), its primary key column, or an alternate key's columns. */
  private bulkAddress(context: OperationContext, model: TableModel, record: Record<string, unknown>, message: string): RowAddress {
    const odataId = record['@odata.id'];
    if (typeof odataId === 'string') {
      const match = /^([A-Za-z_]\w*)\((.*)\)$/.exec(this.dataverse.relativePath(context, odataId));
      if (!match || match[1] !== model.entitySetName) throw faults.invalidArgument(`'${odataId}' is not a URL of a ${model.logicalName} record.`);
      return this.dataverse.addressOf(model, parseKeyPredicate(match[2]!));
    }
    const id = record[model.primaryId];
    if (typeof id === 'string' && isGuid(normalizeGuid(id))) return { kind: 'id', id: normalizeGuid(id) };
    for (const key of model.keys) {
      if (!key.keyAttributes.every((a) => record[a] !== undefined && record[a] !== null)) continue;
      const values: Row = {};
      for (const attribute of key.keyAttributes) values[attribute] = record[attribute] as Row[string];
      return { kind: 'key', values };
    }
    throw faults.invalidArgument(`Each record of ${message} needs '${model.primaryId}', an alternate key's columns or "@odata.id".`);
  }

  /** GrantAccess / ModifyAccess / RevokeAccess: share a row with a user or team. */
  private access(context: OperationContext, message: string, request: ApiRequest): ApiResponse {
    const body = parseJsonBody(request, message);
    const targetRecord = body.Target as Record<string, unknown> | undefined;
    const odataType = targetRecord?.['@odata.type'];
    const targetType = typeof odataType === 'string' ? odataType.replace(/^#?Microsoft\.Dynamics\.CRM\./, '') : undefined;
    const model = targetType === undefined ? undefined : this.dataverse.models.byLogicalName(targetType);
    const targetId = model && targetRecord?.[model.primaryId];
    if (!model || typeof targetId !== 'string') throw faults.invalidArgument(`${message} requires Target: a record with "@odata.type" and its primary key.`);
    const row = this.dataverse.retrieve(context, model, { kind: 'id', id: normalizeGuid(targetId) });
    this.dataverse.security.assertAccess(context.caller, model, row, 'ShareAccess');
    const principalRecord = (message === 'RevokeAccess' ? body.Revokee : (body.PrincipalAccess as Record<string, unknown> | undefined)?.Principal) as
      | Record<string, unknown>
      | undefined;
    const principalId = principalRecord?.systemuserid ?? principalRecord?.teamid;
    if (typeof principalId !== 'string') throw faults.invalidArgument(`${message} requires a principal: a systemuser or team with its id.`);
    const rowId = row[model.primaryId] as string;
    this.dataverse.transaction(() => {
      if (message === 'RevokeAccess') this.dataverse.security.revoke(rowId, normalizeGuid(principalId));
      else {
        const accessMask = (body.PrincipalAccess as Record<string, unknown>).AccessMask;
        const mask = parseAccessMask(typeof accessMask === 'string' ? accessMask : '');
        this.dataverse.security.share(rowId, normalizeGuid(principalId), mask || ACCESS_RIGHTS.ReadAccess, message === 'GrantAccess' ? 'grant' : 'modify');
      }
    });
    return noContent();
  }

  private async runImportSolution(context: OperationContext, request: ApiRequest): Promise<ApiResponse> {
    if (context.caller.depth !== 'Organization') throw faults.privilegeMissing(context.caller, 'prvImportCustomization', 'solution', 7100);
    const body = parseJsonBody(request, 'ImportSolution');
    if (typeof body.CustomizationFile !== 'string') throw faults.invalidArgument('ImportSolution requires CustomizationFile: the solution zip, base64-encoded.');
    try {
      await this.importSolution(this.dataverse, Buffer.from(body.CustomizationFile, 'base64'), context);
    } catch (error) {
      if (error instanceof SolutionImportFailed) throw new DataverseFault(error.status, error.code, error.message);
      throw error;
    }
    return noContent();
  }

  // ---- $batch ----------------------------------------------------------------------------

  private async batch(context: OperationContext, request: ApiRequest, serviceRoot: string): Promise<ApiResponse> {
    if (request.method !== 'POST') throw faults.methodNotAllowed(request.method, '$batch');
    const continueOnError = readPreferences(request.headers.prefer).continueOnError;
    const items = parseBatch(request.body, request.headers['content-type']);
    const answers: BatchResponseItem[] = [];
    let failedStatus: number | undefined;
    for (const item of items) {
      if (item.kind === 'request') {
        const response = await this.batchPart(context, item.request, serviceRoot);
        answers.push({ kind: 'response', response });
        if (response.status >= 400) failedStatus ??= response.status;
      } else {
        const outcome = this.changeSet(context, item.requests, serviceRoot);
        answers.push(outcome);
        if (outcome.kind === 'response') failedStatus ??= outcome.response.status;
        await this.dataverse.publishCommittedWrites();
      }
      if (failedStatus !== undefined && !continueOnError) break;
    }
    const { contentType, body } = renderBatch(answers);
    return { status: failedStatus !== undefined && !continueOnError ? failedStatus : 200, headers: { 'Content-Type': contentType, 'OData-Version': '4.0' }, body };
  }

  private partRequest(context: OperationContext, part: BatchRequest): ApiRequest {
    return { method: part.method, target: this.dataverse.relativePath(context, part.url), headers: part.headers, body: part.body };
  }

  private async batchPart(context: OperationContext, part: BatchRequest, serviceRoot: string): Promise<BatchResponse> {
    try {
      const request = this.partRequest(context, part);
      if (parseTarget(request.target).segments[0] === '$batch') throw faults.invalidArgument('A batch cannot contain another batch.');
      const response = this.execute(context, request, serviceRoot);
      await this.dataverse.publishCommittedWrites();
      return { ...response, contentId: part.contentId };
    } catch (error) {
      if (error instanceof DataverseFault) return { ...faultResponse(error), contentId: part.contentId };
      throw error;
    }
  }

  /** A change set: all its requests commit together, or none does and the failure is the answer. */
  private changeSet(context: OperationContext, parts: BatchRequest[], serviceRoot: string): BatchResponseItem {
    const scoped: OperationContext = { ...context, contentIds: new Map() };
    const responses: BatchResponse[] = [];
    let failing: BatchRequest | undefined;
    try {
      this.dataverse.transaction(() => {
        for (const part of parts) {
          failing = part;
          if (part.method === 'GET') throw faults.invalidArgument('GET requests are not allowed in a change set.');
          const response = this.execute(scoped, this.partRequest(scoped, part), serviceRoot);
          const entityId = response.headers['OData-EntityId'];
          if (part.contentId !== undefined && entityId) scoped.contentIds!.set(part.contentId, this.dataverse.relativePath(scoped, entityId));
          responses.push({ ...response, contentId: part.contentId });
        }
      });
      return { kind: 'changeSet', responses };
    } catch (error) {
      if (error instanceof DataverseFault) return { kind: 'response', response: { ...faultResponse(error), contentId: failing?.contentId } };
      throw error;
    }
  }
}

/** UpdateMultiple ignores columns that are not valid for update (the docs say so). */
function withoutReadOnly(model: TableModel, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([name]) => {
      const attribute = model.attributes.get(name);
      return name.startsWith('@') || name.includes('@') || !attribute || attribute.validForUpdate;
    }),
  );
}

/** An upsert item's body without the columns that address it (they are set from the address). */
function withoutKey(model: TableModel, record: Record<string, unknown>, address: RowAddress): Record<string, unknown> {
  const addressing = new Set(address.kind === 'id' ? [model.primaryId] : Object.keys(address.values));
  return Object.fromEntries(Object.entries(record).filter(([name]) => !addressing.has(name) && name !== '@odata.id'));
}
