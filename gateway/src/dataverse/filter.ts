/**
 * $filter expressions built from columns and values, never from concatenated text: every value
 * goes through formatLiteral (quotes doubled, GUIDs bare, dates in UTC), every column name is
 * checked, and contains/startswith/endswith escape the LIKE wildcards Dataverse applies in them
 * (%, _ and [ are matched literally by writing [%], [_] and [[]). A Filter can only be made by
 * these functions, so retrieveMultiple never sees a filter assembled from user text.
 */

import { DataverseRequestError } from './errors.js';
import { assertPropertyPath, formatLiteral, type ODataValue } from './odataValues.js';

type Precedence = 'atom' | 'and' | 'or' | 'not';

/** Held only by this module: nothing outside it can construct a Filter from text. */
const BUILDER = Symbol('filter builder');
const made = new WeakSet<object>();

export class Filter {
  constructor(
    builder: symbol,
    /** The expression as Dataverse reads it, before URL encoding. */
    readonly expression: string,
    readonly precedence: Precedence,
  ) {
    if (builder !== BUILDER) throw new DataverseRequestError('Filters are built with the filter functions (eq, and, contains …), never from text.');
    made.add(this);
  }

  /** True only for filters made by this module (a look-alike object is refused). */
  static isFilter(value: unknown): value is Filter {
    return typeof value === 'object' && value !== null && made.has(value);
  }

  toString(): string {
    return this.expression;
  }
}

const filterOf = (expression: string, precedence: Precedence): Filter => new Filter(BUILDER, expression, precedence);

type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

function comparison(operator: ComparisonOperator, column: string, value: ODataValue): Filter {
  return filterOf(`${assertPropertyPath(column)} ${operator} ${formatLiteral(value)}`, 'atom');
}

export const eq = (column: string, value: ODataValue): Filter => comparison('eq', column, value);
export const ne = (column: string, value: ODataValue): Filter => comparison('ne', column, value);
export const gt = (column: string, value: ODataValue): Filter => comparison('gt', column, value);
export const ge = (column: string, value: ODataValue): Filter => comparison('ge', column, value);
export const lt = (column: string, value: ODataValue): Filter => comparison('lt', column, value);
export const le = (column: string, value: ODataValue): Filter => comparison('le', column, value);

/** Text matched literally inside a LIKE pattern. */
export function escapeLikeWildcards(text: string): string {
  return text.replace(/[%_[]/g, (wildcard) => `[${wildcard}]`);
}

function stringFunction(name: 'contains' | 'startswith' | 'endswith', column: string, text: string): Filter {
  if (typeof text !== 'string') throw new DataverseRequestError(`${name} needs a text value.`);
  return filterOf(`${name}(${assertPropertyPath(column)},${formatLiteral(escapeLikeWildcards(text))})`, 'atom');
}

/** The column contains the text (case-insensitive, as all Dataverse string comparisons). */
export const contains = (column: string, text: string): Filter => stringFunction('contains', column, text);
export const startsWith = (column: string, text: string): Filter => stringFunction('startswith', column, text);
export const endsWith = (column: string, text: string): Filter => stringFunction('endswith', column, text);

function assertFilters(operands: readonly Filter[], what: string): void {
  if (operands.length === 0) throw new DataverseRequestError(`${what} needs at least one condition.`);
  for (const operand of operands) if (!Filter.isFilter(operand)) throw new DataverseRequestError(`${what} accepts only filters built with the filter functions.`);
}

function join(kind: 'and' | 'or', operands: readonly Filter[]): Filter {
  assertFilters(operands, kind);
  if (operands.length === 1) return operands[0]!;
  const parts = operands.map((operand) => (operand.precedence === 'atom' || operand.precedence === 'not' || operand.precedence === kind ? operand.expression : `(${operand.expression})`));
  return filterOf(parts.join(` ${kind} `), kind);
}

export const and = (...operands: Filter[]): Filter => join('and', operands);
export const or = (...operands: Filter[]): Filter => join('or', operands);

export function not(operand: Filter): Filter {
  assertFilters([operand], 'not');
  return filterOf(`not (${operand.expression})`, 'not');
}

/**
 * The column equals one of the values. Written as `a eq x or a eq y` rather than
 * Microsoft.Dynamics.CRM.In, whose PropertyValues array needs JSON quoting for values with a
 * single quote (Dataverse's filter documentation); the disjunction has no such special case.
 */
export function anyOf(column: string, values: readonly ODataValue[]): Filter {
  if (values.length === 0) throw new DataverseRequestError(`anyOf(${column}) needs at least one value.`);
  return or(...values.map((value) => eq(column, value)));
}
