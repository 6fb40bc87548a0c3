/**
 * OData system query options ($select, $filter, $orderby, $top, $expand, $count) written into a
 * query string. Each option's value is percent-encoded as a whole with encodeURIComponent, so
 * characters that mean something in a URL (&, #, +, %, =, ?) inside a filter literal arrive as
 * data; names are checked identifiers and filters come only from filter.ts.
 */

import { DataverseRequestError } from './errors.js';
import { Filter } from './filter.js';
import { assertIdentifier } from './odataValues.js';

/** A column to sort by: `name`, or `{ column: 'createdon', descending: true }`. */
export type OrderBy = string | { column: string; descending?: boolean };

/** A related record or collection to include, with its own options. */
export interface Expand {
  /** Single- or collection-valued navigation property, e.g. primarycontactid, contact_customer_accounts. */
  navigation: string;
  select?: readonly string[];
  filter?: Filter;
  orderBy?: readonly OrderBy[];
  top?: number;
}

export interface QueryOptions {
  select?: readonly string[];
  filter?: Filter;
  orderBy?: readonly OrderBy[];
  /** At most this many rows, in one page (Dataverse ignores $top when odata.maxpagesize is sent). */
  top?: number;
  expand?: readonly Expand[];
  /** Ask for @odata.count (capped by Dataverse at 5000). */
  count?: boolean;
}

function selectText(columns: readonly string[]): string {
  if (columns.length === 0) throw new DataverseRequestError('$select needs at least one column.');
  return columns.map((column) => assertIdentifier(column, 'column')).join(',');
}

function orderByText(orderBy: readonly OrderBy[]): string {
  if (orderBy.length === 0) throw new DataverseRequestError('$orderby needs at least one column.');
  return orderBy
    .map((item) => (typeof item === 'string' ? assertIdentifier(item, 'column') : `${assertIdentifier(item.column, 'column')} ${item.descending ? 'desc' : 'asc'}`))
    .join(',');
}

function filterText(filter: Filter): string {
  if (!Filter.isFilter(filter)) throw new DataverseRequestError('$filter accepts only filters built with the filter functions (eq, and, contains …).');
  return filter.expression;
}

function topText(top: number): string {
  if (!Number.isInteger(top) || top < 1) throw new DataverseRequestError(`$top must be a positive whole number, not ${top}.`);
  return String(top);
}

function expandText(expand: readonly Expand[]): string {
  if (expand.length === 0) throw new DataverseRequestError('$expand needs at least one navigation property.');
  return expand
    .map((item) => {
      const nested: string[] = [];
      if (item.select) nested.push(`$select=${selectText(item.select)}`);
      if (item.filter) nested.push(`$filter=${filterText(item.filter)}`);
      if (item.orderBy) nested.push(`$orderby=${orderByText(item.orderBy)}`);
      if (item.top !== undefined) nested.push(`$top=${topText(item.top)}`);
      const navigation = assertIdentifier(item.navigation, 'navigation property');
      return nested.length === 0 ? navigation : `${navigation}(${nested.join(';')})`;
    })
    .join(',');
}

/** The query options as name/value pairs, unencoded, in a stable order. */
export function queryOptionPairs(options: QueryOptions): [string, string][] {
  const pairs: [string, string][] = [];
  if (options.select) pairs.push(['$select', selectText(options.select)]);
  if (options.filter) pairs.push(['$filter', filterText(options.filter)]);
  if (options.orderBy) pairs.push(['$orderby', orderByText(options.orderBy)]);
  if (options.top !== undefined) pairs.push(['$top', topText(options.top)]);
  if (options.expand) pairs.push(['$expand', expandText(options.expand)]);
  if (options.count) pairs.push(['$count', 'true']);
  return pairs;
}

/** `?$select=…&$filter=…` with every value percent-encoded, or '' when there are no options. */
export function queryString(options: QueryOptions): string {
  const pairs = queryOptionPairs(options);
  return pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`;
}
