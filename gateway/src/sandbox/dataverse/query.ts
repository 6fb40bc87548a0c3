/**
 * Queries over one table: the query options of a request ($select, $filter, $orderby, $top,
 * $expand with nested options, $count) checked against the table and turned into a plan, and the
 * plan run over the table's rows. Rows the caller may not read are left out silently, as
 * Dataverse does. Results are ordered by the $orderby columns and then the primary key, which
 * makes keyset paging possible: a page resumes after the sort values of the previous page's last
 * row (what Dataverse's paging cookie records).
 */

import { faults } from './faults.js';
import type { AttributeMetadata } from './metadata.js';
import { comparableOf, compareValues, FilterCompiler, type Comparable, type FilterContext, type RowPredicate } from './odata/filter.js';
import { parseExpand, parseFilter, parseOrderBy, parseSelect } from './odata/syntax.js';
import type { OperationContext, SimulatedDataverse } from './simulatedDataverse.js';
import type { CollectionNavigation, SingleNavigation, TableModel } from './tableModel.js';
import { isEntityReference, type Row } from './values.js';

export interface SortKey {
  attribute: AttributeMetadata;
  descending: boolean;
}

export interface ExpandPlan {
  navigation: string;
  single?: SingleNavigation;
  collection?: CollectionNavigation;
  /** The plan of the expanded rows, per target table. */
  plans: Map<string, QueryPlan>;
}

export interface QueryPlan {
  model: TableModel;
  /** The columns asked for; undefined means all. */
  select: AttributeMetadata[] | undefined;
  filter: RowPredicate | undefined;
  orderBy: SortKey[];
  top: number | undefined;
  expand: ExpandPlan[];
  count: boolean;
}

/** The sort values of a row: the $orderby columns, then the primary key. */
export type SortValues = Comparable[];

export function filterContext(dataverse: SimulatedDataverse, context: OperationContext): FilterContext {
  return {
    related: (reference) => dataverse.readableRow(context, reference),
    children: (table, attribute, parentId) => childRows(dataverse, context, table, attribute, parentId),
    callerId: context.caller.systemUserId,
    callerBusinessUnitId: context.caller.businessUnitId,
    now: dataverse.now(),
  };
}

function* childRows(dataverse: SimulatedDataverse, context: OperationContext, table: string, attribute: string, parentId: string): Generator<Row> {
  const model = dataverse.models.byLogicalName(table);
  if (!model) return;
  for (const row of dataverse.store.table(table).rows.values()) {
    const reference = row[attribute];
    if (isEntityReference(reference) && reference.id === parentId && dataverse.security.hasAccess(context.caller, model, row, 'ReadAccess')) yield row;
  }
}

/** Builds a plan from query options (names in lower case: $select, $filter …). */
export function planQuery(dataverse: SimulatedDataverse, context: OperationContext, model: TableModel, options: Map<string, string>): QueryPlan {
  const select = options.has('$select')
    ? parseSelect(options.get('$select')!).map((name) => {
        const attribute = model.propertyAttribute(name);
        if (!attribute || !attribute.validForRead) throw faults.propertyNotFound(model.logicalName, name);
        return attribute;
      })
    : undefined;
  const filterText = options.get('$filter');
  const filter = filterText === undefined
    ? undefined
    : new FilterCompiler(dataverse.models, filterContext(dataverse, context)).compile(parseFilter(filterText), model);
  const orderBy = options.has('$orderby')
    ? parseOrderBy(options.get('$orderby')!).map(({ property, descending }) => {
        const attribute = model.propertyAttribute(property);
        if (!attribute) throw faults.propertyNotFound(model.logicalName, property);
        return { attribute, descending };
      })
    : [];
  const topText = options.get('$top');
  const top = topText === undefined ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) throw faults.query(`Invalid value '${topText}' for $top query option found. The $top query option requires a non-negative integer value.`);
  const countText = options.get('$count');
  if (countText !== undefined && countText !== 'true' && countText !== 'false') throw faults.query(`'${countText}' is not a valid value for $count.`);
  const expand = options.has('$expand') ? parseExpand(options.get('$expand')!).map((item) => planExpand(dataverse, context, model, item.navigation, item.options)) : [];
  return { model, select, filter, orderBy, top, expand, count: countText === 'true' };
}

function planExpand(dataverse: SimulatedDataverse, context: OperationContext, model: TableModel, navigation: string, options: Map<string, string>): ExpandPlan {
  for (const option of options.keys()) {
    if (!['$select', '$filter', '$orderby', '$top', '$expand'].includes(option)) throw faults.query(`The query option '${option}' is not supported inside $expand.`);
  }
  const single = model.navigations.get(navigation);
  if (single) {
    const plans = new Map<string, QueryPlan>();
    let firstError: unknown;
    for (const target of single.targets) {
      const targetModel = dataverse.models.byLogicalName(target);
      if (!targetModel) continue;
      try {
        plans.set(target, planQuery(dataverse, context, targetModel, options));
      } catch (error) {
        firstError ??= error;
      }
    }
    if (plans.size === 0) throw firstError instanceof Error ? firstError : faults.propertyNotFound(model.logicalName, navigation);
    return { navigation, single, plans };
  }
  const collection = dataverse.models.collectionNavigation(model.logicalName, navigation);
  if (!collection) throw faults.propertyNotFound(model.logicalName, navigation);
  const childModel = dataverse.models.byLogicalName(collection.referencingTable)!;
  return { navigation, collection, plans: new Map([[childModel.logicalName, planQuery(dataverse, context, childModel, options)]]) };
}

export function sortValuesOf(plan: QueryPlan, row: Row): SortValues {
  return [...plan.orderBy.map((key) => comparableOf(row[key.attribute.logicalName], key.attribute)), row[plan.model.primaryId] as string];
}

/** Orders sort values: nulls lowest (first ascending, last descending), then by value. */
export function compareSortValues(plan: QueryPlan, left: SortValues, right: SortValues): number {
  for (let i = 0; i < left.length; i++) {
    const a = left[i] ?? null;
    const b = right[i] ?? null;
    const descending = plan.orderBy[i]?.descending ?? false;
    const order = a === null ? (b === null ? 0 : -1) : b === null ? 1 : compareValues(a, b);
    if (order !== 0) return descending ? -order : order;
  }
  return 0;
}

export interface QueryResult {
  /** The matching rows (after `after`), in order. */
  rows: Row[];
  /** All matching rows, before paging. */
  total: number;
}

/**
 * Runs a plan: the rows of the table that match and the caller may read, in order, starting
 * after the sort values `after` (the previous page's last row). Iterates the table without
 * copying it; only the matches are sorted.
 */
export function runQuery(
  dataverse: SimulatedDataverse,
  context: OperationContext,
  plan: QueryPlan,
  after?: SortValues,
  candidates?: Iterable<Row>,
): QueryResult {
  const matches: { row: Row; sort: SortValues }[] = [];
  for (const row of candidates ?? dataverse.store.table(plan.model.logicalName).rows.values()) {
    if (plan.filter && !plan.filter(row)) continue;
    if (!dataverse.security.hasAccess(context.caller, plan.model, row, 'ReadAccess')) continue;
    matches.push({ row, sort: sortValuesOf(plan, row) });
  }
  matches.sort((a, b) => compareSortValues(plan, a.sort, b.sort));
  const total = matches.length;
  const start = after === undefined ? 0 : firstAfter(plan, matches, after);
  return { rows: matches.slice(start).map((m) => m.row), total };
}

function firstAfter(plan: QueryPlan, matches: { sort: SortValues }[], after: SortValues): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareSortValues(plan, matches[middle]!.sort, after) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The related rows of a collection-valued navigation property, as a nested plan selects them. */
export function expandedChildren(dataverse: SimulatedDataverse, context: OperationContext, expand: ExpandPlan, parentId: string): Row[] {
  const plan = [...expand.plans.values()][0]!;
  const collection = expand.collection!;
  const rows = runQuery(dataverse, context, plan, undefined, childRows(dataverse, context, collection.referencingTable, collection.referencingAttribute, parentId)).rows;
  return plan.top === undefined ? rows : rows.slice(0, plan.top);
}
