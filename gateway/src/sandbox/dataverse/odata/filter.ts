/**
 * $filter given meaning against a table, as Dataverse evaluates it (it translates to SQL):
 * string comparison is case-insensitive; a comparison with a row that has no value is false
 * (except `eq null` / `ne null`); contains/startswith/endswith are LIKE patterns, so %, _ and
 * [...] in their values are wildcards and a literal % is written [%]; operand types must be
 * compatible (a GUID column is compared with an unquoted GUID). The Microsoft.Dynamics.CRM query
 * functions the product uses are implemented; others are refused by name.
 */

import type { AttributeMetadata } from '../metadata.js';
import { faults } from '../faults.js';
import type { TableModel, TableModels } from '../tableModel.js';
import { edmType, isDateOnly, isEntityReference, type EntityReference, type Row, type StoredValue } from '../values.js';
import type { ComparisonOperator, FilterNode, Literal, Operand } from './syntax.js';

/** What a filter needs from the engine while it runs. */
export interface FilterContext {
  /** The row a lookup points at (undefined if missing or not readable by the caller). */
  related(reference: EntityReference): Row | undefined;
  /** The rows of `table` whose lookup `attribute` points at `parentId` (readable by the caller). */
  children(table: string, attribute: string, parentId: string): Iterable<Row>;
  callerId: string;
  callerBusinessUnitId: string;
  now: Date;
}

export type RowPredicate = (row: Row) => boolean;

const collator = new Intl.Collator('en', { sensitivity: 'accent' });

const OPERATOR_KIND: Record<ComparisonOperator, string> = {
  eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual',
};

const LITERAL_EDM: Record<Literal['type'], string | undefined> = {
  string: 'Edm.String', int: 'Edm.Int32', decimal: 'Edm.Decimal', guid: 'Edm.Guid', date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset', bool: 'Edm.Boolean', null: undefined,
};

const NUMERIC = new Set(['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double']);
const TEMPORAL = new Set(['Edm.Date', 'Edm.DateTimeOffset']);

function compatible(left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined || left === right) return true;
  return (NUMERIC.has(left) && NUMERIC.has(right)) || (TEMPORAL.has(left) && TEMPORAL.has(right));
}

/** A value reduced to something comparable: text, a number, or null for "no value". */
export type Comparable = string | number | null;

/** A stored value as filters and $orderby compare it. */
export function comparableOf(value: StoredValue | undefined, attribute: AttributeMetadata | undefined): Comparable {
  if (value === undefined || value === null) return null;
  if (isEntityReference(value)) return value.id;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (attribute?.type === 'DateTime') return Date.parse(isDateOnly(attribute) ? `${String(value)}T00:00:00Z` : String(value));
  if (attribute?.type === 'Uniqueidentifier') return String(value).toLowerCase();
  return value;
}

function literalComparable(literal: Literal): Comparable {
  switch (literal.type) {
    case 'null': return null;
    case 'bool': return literal.value ? 1 : 0;
    case 'date': return Date.parse(`${literal.value}T00:00:00Z`);
    case 'datetime': return Date.parse(literal.value);
    case 'guid': return literal.value.toLowerCase();
    default: return literal.value;
  }
}

/** A literal written as a string ('5', '2024-01-01') as a value of the attribute's type. */
function coerceToAttribute(literal: Literal, attribute: AttributeMetadata): Comparable {
  if (literal.type !== 'string') return literalComparable(literal);
  const text = literal.value;
  switch (edmType(attribute)) {
    case 'Edm.Int32': case 'Edm.Int64': case 'Edm.Decimal': case 'Edm.Double': return Number(text);
    case 'Edm.Boolean': return text.toLowerCase() === 'true' || text === '1' ? 1 : 0;
    case 'Edm.Date': case 'Edm.DateTimeOffset': return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
    case 'Edm.Guid': return text.replace(/^\{|\}$/g, '').toLowerCase();
    default: return text;
  }
}

/** Orders two non-null comparables: text by SQL Server's case-insensitive collation, the rest by value. */
export function compareValues(left: Comparable, right: Comparable): number {
  if (typeof left === 'string' && typeof right === 'string') return collator.compare(left, right);
  return (left as number) < (right as number) ? -1 : (left as number) > (right as number) ? 1 : 0;
}

function applyOperator(operator: ComparisonOperator, left: Comparable, right: Comparable): boolean {
  if (left === null || right === null) {
    if (operator === 'eq') return left === right;
    if (operator === 'ne') return left !== right;
    return false;
  }
  const order = compareValues(left, right);
  switch (operator) {
    case 'eq': return order === 0;
    case 'ne': return order !== 0;
    case 'gt': return order > 0;
    case 'ge': return order >= 0;
    case 'lt': return order < 0;
    case 'le': return order <= 0;
  }
}

/** SQL LIKE as Dataverse applies it: % any run, _ one character, [abc] / [^abc] a set; case-insensitive. */
export function likePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let set = pattern.slice(i + 1, close);
      const negated = set.startsWith('^');
      if (negated) set = set.slice(1);
      source += `[${negated ? '^' : ''}${set.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

interface BoundProperty {
  attribute: AttributeMetadata;
  read: (row: Row, scope: Scope) => StoredValue | undefined;
}

/** Rows in scope while evaluating: the row itself, and a lambda variable's row inside any/all. */
interface Scope {
  variables: Map<string, Row>;
}

export class FilterCompiler {
  constructor(
    private readonly models: TableModels,
    private readonly context: FilterContext,
  ) {}

  compile(node: FilterNode, model: TableModel): RowPredicate {
    const evaluate = this.node(node, model, new Map());
    return (row) => evaluate(row, { variables: new Map() });
  }

  private node(node: FilterNode, model: TableModel, variables: Map<string, TableModel>): (row: Row, scope: Scope) => boolean {
    switch (node.kind) {
      case 'and': {
        const left = this.node(node.left, model, variables);
        const right = this.node(node.right, model, variables);
        return (row, scope) => left(row, scope) && right(row, scope);
      }
      case 'or': {
        const left = this.node(node.left, model, variables);
        const right = this.node(node.right, model, variables);
        return (row, scope) => left(row, scope) || right(row, scope);
      }
      case 'not': {
        const operand = this.node(node.operand, model, variables);
        return (row, scope) => !operand(row, scope);
      }
      case 'property': {
        const property = this.property(node.path, model, variables);
        if (property.attribute.type !== 'Boolean') throw faults.query(`The property '${node.path.join('/')}' is not Boolean and cannot stand alone as a condition.`);
        return (row, scope) => property.read(row, scope) === true;
      }
      case 'compare':
        return this.comparison(node.operator, node.left, node.right, model, variables);
      case 'stringFunction': {
        const property = this.property(node.property, model, variables);
        if (edmType(property.attribute) !== 'Edm.String' || node.value.type !== 'string') {
          throw faults.query(`${node.name} is only supported on string properties with a string value.`);
        }
        const text = node.value.value;
        const pattern = likePattern(node.name === 'contains' ? `%${text}%` : node.name === 'startswith' ? `${text}%` : `%${text}`);
        return (row, scope) => {
          const value = property.read(row, scope);
          return typeof value === 'string' && pattern.test(value);
        };
      }
      case 'queryFunction':
        return this.queryFunction(node.name, node.parameters, model, variables);
      case 'lambda':
        return this.lambda(node, model, variables);
    }
  }

  private comparison(
    operator: ComparisonOperator,
    left: Operand,
    right: Operand,
    model: TableModel,
    variables: Map<string, TableModel>,
  ): (row: Row, scope: Scope) => boolean {
    const side = (operand: Operand) => {
      if (operand.kind === 'literal') {
        const value = literalComparable(operand.literal);
        return { edm: LITERAL_EDM[operand.literal.type], value: () => value };
      }
      const property = this.property(operand.path, model, variables);
      return { edm: edmType(property.attribute), value: (row: Row, scope: Scope) => comparableOf(property.read(row, scope), property.attribute) };
    };
    const a = side(left);
    const b = side(right);
    if (!compatible(a.edm, b.edm)) throw faults.incompatibleOperands(a.edm!, b.edm!, OPERATOR_KIND[operator]);
    return (row, scope) => applyOperator(operator, a.value(row, scope), b.value(row, scope));
  }

  private property(path: string[], model: TableModel, variables: Map<string, TableModel>): BoundProperty {
    const [first, second, ...rest] = path;
    if (rest.length > 0) throw faults.query(`The property path '${path.join('/')}' is deeper than Dataverse supports.`);
    if (second === undefined) {
      const attribute = model.propertyAttribute(first!);
      if (!attribute) throw faults.propertyNotFound(model.logicalName, first!);
      return { attribute, read: (row) => row[attribute.logicalName] };
    }
    const variableModel = variables.get(first!);
    if (variableModel) {
      const attribute = variableModel.propertyAttribute(second);
      if (!attribute) throw faults.propertyNotFound(variableModel.logicalName, second);
      return { attribute, read: (_row, scope) => scope.variables.get(first!)?.[attribute.logicalName] };
    }
    const navigation = model.navigations.get(first!);
    if (!navigation) throw faults.propertyNotFound(model.logicalName, first!);
    const targetModels = navigation.targets.map((t) => this.models.byLogicalName(t)).filter((m): m is TableModel => m !== undefined);
    const attribute = targetModels.map((m) => m.propertyAttribute(second)).find((a) => a !== undefined);
    if (!attribute) throw faults.propertyNotFound(navigation.targets[0] ?? first!, second);
    const lookupAttribute = navigation.attribute.logicalName;
    return {
      attribute,
      read: (row) => {
        const reference = row[lookupAttribute];
        if (!isEntityReference(reference) || !navigation.targets.includes(reference.logicalName)) return undefined;
        return this.context.related(reference)?.[attribute.logicalName];
      },
    };
  }

  private lambda(node: Extract<FilterNode, { kind: 'lambda' }>, model: TableModel, variables: Map<string, TableModel>): (row: Row, scope: Scope) => boolean {
    const navigation = this.models.collectionNavigation(model.logicalName, node.navigation);
    if (!navigation) throw faults.propertyNotFound(model.logicalName, node.navigation);
    const childModel = this.models.byLogicalName(navigation.referencingTable)!;
    const predicate =
      node.predicate && node.variable ? this.node(node.predicate, childModel, new Map([...variables, [node.variable, childModel]])) : undefined;
    const variable = node.variable;
    return (row, scope) => {
      const parentId = row[model.primaryId] as string;
      const test = (child: Row): boolean => {
        if (!predicate || !variable) return true;
        return predicate(child, { variables: new Map([...scope.variables, [variable, child]]) });
      };
      for (const child of this.context.children(navigation.referencingTable, navigation.referencingAttribute, parentId)) {
        const passed = test(child);
        if (node.quantifier === 'any' && passed) return true;
        if (node.quantifier === 'all' && !passed) return false;
      }
      return node.quantifier === 'all';
    };
  }

  private queryFunction(
    name: string,
    parameters: Map<string, Literal | Literal[]>,
    model: TableModel,
    variables: Map<string, TableModel>,
  ): (row: Row, scope: Scope) => boolean {
    const propertyName = parameters.get('PropertyName');
    if (!propertyName || Array.isArray(propertyName) || propertyName.type !== 'string') {
      throw faults.query(`Microsoft.Dynamics.CRM.${name} requires the PropertyName parameter.`);
    }
    const property = this.resolveFunctionProperty(propertyName.value, model, variables);
    const attribute = property.attribute;
    const read = (row: Row, scope: Scope): Comparable => comparableOf(property.read(row, scope), attribute);
    const values = (): Comparable[] => {
      const given = parameters.get('PropertyValues');
      if (!Array.isArray(given)) throw faults.query(`Microsoft.Dynamics.CRM.${name} requires the PropertyValues parameter.`);
      return given.map((literal) => coerceToAttribute(literal, attribute));
    };
    const value = (): Comparable => {
      const given = parameters.get('PropertyValue');
      if (given === undefined || Array.isArray(given)) throw faults.query(`Microsoft.Dynamics.CRM.${name} requires the PropertyValue parameter.`);
      return coerceToAttribute(given, attribute);
    };
    const count = (): number => {
      const given = parameters.get('PropertyValue');
      const number = given && !Array.isArray(given) ? Number(given.value) : Number.NaN;
      if (!Number.isInteger(number)) throw faults.query(`Microsoft.Dynamics.CRM.${name} requires a whole number PropertyValue.`);
      return number;
    };
    const now = this.context.now.getTime();
    const DAY = 86_400_000;
    const startOfToday = Math.floor(now / DAY) * DAY;
    const inRange = (from: number, to: number) => (row: Row, scope: Scope) => {
      const v = read(row, scope);
      return typeof v === 'number' && v >= from && v < to;
    };
    const day = (v: Comparable): number | null => (typeof v === 'number' ? Math.floor(v / DAY) * DAY : null);

    switch (name.toLowerCase()) {
      case 'in':
      case 'notin': {
        const accepted = values();
        const negate = name.toLowerCase() === 'notin';
        return (row, scope) => {
          const v = read(row, scope);
          if (v === null) return false;
          return accepted.some((a) => a !== null && compareValues(v, a) === 0) !== negate;
        };
      }
      case 'between':
      case 'notbetween': {
        const [low, high] = values();
        if (low === undefined || high === undefined) throw faults.query(`Microsoft.Dynamics.CRM.${name} takes two PropertyValues.`);
        const negate = name.toLowerCase() === 'notbetween';
        return (row, scope) => {
          const v = read(row, scope);
          if (v === null || low === null || high === null) return false;
          return (compareValues(v, low) >= 0 && compareValues(v, high) <= 0) !== negate;
        };
      }
      case 'on': case 'noton': case 'onorafter': case 'onorbefore': {
        const target = day(value());
        const test = { on: (d: number, t: number) => d === t, noton: (d: number, t: number) => d !== t, onorafter: (d: number, t: number) => d >= t, onorbefore: (d: number, t: number) => d <= t }[name.toLowerCase() as 'on'];
        return (row, scope) => {
          const d = day(read(row, scope));
          return d !== null && target !== null && test(d, target);
        };
      }
      case 'today': return inRange(startOfToday, startOfToday + DAY);
      case 'yesterday': return inRange(startOfToday - DAY, startOfToday);
      case 'tomorrow': return inRange(startOfToday + DAY, startOfToday + 2 * DAY);
      case 'lastxdays': return inRange(startOfToday - count() * DAY, now + 1);
      case 'nextxdays': return inRange(now, startOfToday + (count() + 1) * DAY);
      case 'lastxhours': return inRange(now - count() * 3_600_000, now + 1);
      case 'nextxhours': return inRange(now, now + count() * 3_600_000);
      case 'olderthanxdays': return inRange(Number.MIN_SAFE_INTEGER, startOfToday - count() * DAY);
      case 'equaluserid': return (row, scope) => read(row, scope) === this.context.callerId;
      case 'notequaluserid': return (row, scope) => read(row, scope) !== this.context.callerId;
      case 'equalbusinessid': return (row, scope) => read(row, scope) === this.context.callerBusinessUnitId;
      case 'notequalbusinessid': return (row, scope) => read(row, scope) !== this.context.callerBusinessUnitId;
      case 'containvalues':
      case 'doesnotcontainvalues': {
        const wanted = values().map(String);
        const negate = name.toLowerCase() === 'doesnotcontainvalues';
        return (row, scope) => {
          const v = property.read(row, scope);
          const held = typeof v === 'string' ? v.split(',') : [];
          return wanted.some((w) => held.includes(w)) !== negate;
        };
      }
      default:
        throw faults.query(`The query function 'Microsoft.Dynamics.CRM.${name}' is not available in the simulated Dataverse.`);
    }
  }

  /** PropertyName of a query function: a column, or a lookup by its column name (ownerid) as Dataverse accepts. */
  private resolveFunctionProperty(name: string, model: TableModel, variables: Map<string, TableModel>): BoundProperty {
    const lookup = model.attributes.get(name);
    if (lookup && lookup.type !== 'String' && model.propertyAttribute(name) === undefined) {
      return { attribute: lookup, read: (row) => row[lookup.logicalName] };
    }
    return this.property(name.split('/'), model, variables);
  }
}
