/**
 * OData URL syntax the simulated Dataverse reads: literals ('O''Brien', 42, 1.5, true, null,
 * GUIDs, dates), $filter expressions (comparison, and/or/not, parentheses, string functions,
 * Microsoft.Dynamics.CRM.<Function>(PropertyName=…,PropertyValue(s)=…), any/all lambdas),
 * $orderby, $select, $expand with nested options, and key predicates (guid) or (a='x',b=1).
 * This file only parses; filter.ts gives a parsed filter its meaning against a table.
 */

import { faults } from '../faults.js';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'decimal'; value: number }
  | { type: 'guid'; value: string }
  | { type: 'date'; value: string }
  | { type: 'datetime'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null'; value: null };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Operand = { kind: 'property'; path: string[] } | { kind: 'literal'; literal: Literal };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; operator: ComparisonOperator; left: Operand; right: Operand }
  /** contains, startswith, endswith. */
  | { kind: 'stringFunction'; name: string; property: string[]; value: Literal }
  /** Microsoft.Dynamics.CRM.<name>(PropertyName='x', PropertyValue=…, PropertyValues=[…]). */
  | { kind: 'queryFunction'; name: string; parameters: Map<string, Literal | Literal[]> }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; navigation: string; variable?: string; predicate?: FilterNode }
  /** A Boolean property used as a condition: `creditonhold`. */
  | { kind: 'property'; path: string[] };

type Token =
  | { kind: 'literal'; literal: Literal; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number };

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y;
const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(?![\w-])/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\w:-])/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?[mMlLdDfF]?(?![\w.])/y;
const NAME = /[A-Za-z_$@][\w.$@]*/y;

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(text);
  return found ? found[0] : undefined;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === "'") {
      let value = '';
      let i = at + 1;
      for (;;) {
        if (i >= text.length) throw faults.query(`Unterminated string literal at position ${at} in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'literal', literal: { type: 'string', value }, at });
      at = i + 1;
      continue;
    }
    if ('(),/:=[]'.includes(char)) {
      tokens.push({ kind: 'symbol', text: char, at });
      at++;
      continue;
    }
    const guid = match(GUID, text, at);
    if (guid) {
      tokens.push({ kind: 'literal', literal: { type: 'guid', value: guid.toLowerCase() }, at });
      at += guid.length;
      continue;
    }
    const datetime = match(DATETIME, text, at);
    if (datetime) {
      tokens.push({ kind: 'literal', literal: { type: 'datetime', value: datetime }, at });
      at += datetime.length;
      continue;
    }
    const date = match(DATE, text, at);
    if (date) {
      tokens.push({ kind: 'literal', literal: { type: 'date', value: date }, at });
      at += date.length;
      continue;
    }
    const number = match(NUMBER, text, at);
    if (number) {
      const digits = number.replace(/[mMlLdDfF]$/, '');
      const integer = /^-?\d+$/.test(digits);
      tokens.push({ kind: 'literal', literal: { type: integer ? 'int' : 'decimal', value: Number(digits) }, at });
      at += number.length;
      continue;
    }
    const name = match(NAME, text, at);
    if (name) {
      const lower = name.toLowerCase();
      if (lower === 'null') tokens.push({ kind: 'literal', literal: { type: 'null', value: null }, at });
      else if (lower === 'true' || lower === 'false') tokens.push({ kind: 'literal', literal: { type: 'bool', value: lower === 'true' }, at });
      else tokens.push({ kind: 'name', text: name, at });
      at += name.length;
      continue;
    }
    throw faults.query(`Syntax error at position ${at} in '${text}'.`);
  }
  return tokens;
}

class TokenStream {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw faults.query(`Syntax error: unexpected end of '${this.text}'.`);
    return token;
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  isSymbol(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'symbol' && token.text === text;
  }

  isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'name' && token.text.toLowerCase() === word;
  }

  expectSymbol(text: string): void {
    const token = this.next();
    if (token.kind !== 'symbol' || token.text !== text) throw this.error(token, `'${text}' expected`);
  }

  expectName(): string {
    const token = this.next();
    if (token.kind !== 'name') throw this.error(token, 'a property name expected');
    return token.text;
  }

  error(token: Token, expected: string): Error {
    return faults.query(`Syntax error at position ${token.at} in '${this.text}': ${expected}.`);
  }
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);
const QUERY_FUNCTION_PREFIX = 'microsoft.dynamics.crm.';

export function parseFilter(text: string): FilterNode {
  const stream = new TokenStream(tokenize(text), text);
  const node = parseOr(stream);
  if (!stream.atEnd()) throw stream.error(stream.next(), 'end of expression expected');
  return node;
}

function parseOr(stream: TokenStream): FilterNode {
  let left = parseAnd(stream);
  while (stream.isWord('or')) {
    stream.next();
    left = { kind: 'or', left, right: parseAnd(stream) };
  }
  return left;
}

function parseAnd(stream: TokenStream): FilterNode {
  let left = parseUnary(stream);
  while (stream.isWord('and')) {
    stream.next();
    left = { kind: 'and', left, right: parseUnary(stream) };
  }
  return left;
}

function parseUnary(stream: TokenStream): FilterNode {
  if (stream.isWord('not')) {
    stream.next();
    return { kind: 'not', operand: parseUnary(stream) };
  }
  return parseComparison(stream);
}

function parseComparison(stream: TokenStream): FilterNode {
  if (stream.isSymbol('(')) {
    stream.next();
    const inner = parseOr(stream);
    stream.expectSymbol(')');
    return inner;
  }
  const token = stream.peek();
  if (token?.kind === 'name' && stream.isSymbol('(', 1)) return parseFunction(stream);
  const left = parseOperand(stream);
  const operator = stream.peek();
  if (operator?.kind === 'name' && COMPARISONS.has(operator.text.toLowerCase())) {
    stream.next();
    return { kind: 'compare', operator: operator.text.toLowerCase() as ComparisonOperator, left, right: parseOperand(stream) };
  }
  if (left.kind === 'property') {
    if (left.path.length === 2 && stream.isSymbol('(')) return parseLambda(stream, left.path);
    return { kind: 'property', path: left.path };
  }
  throw stream.error(operator ?? { kind: 'symbol', text: '', at: -1 }, 'a comparison operator expected');
}

function parseOperand(stream: TokenStream): Operand {
  const token = stream.next();
  if (token.kind === 'literal') return { kind: 'literal', literal: token.literal };
  if (token.kind !== 'name') throw stream.error(token, 'a property or a value expected');
  const path = [token.text];
  while (stream.isSymbol('/')) {
    stream.next();
    path.push(stream.expectName());
  }
  return { kind: 'property', path };
}

/** navigation/any(o:o/name eq 'x') — the path's last segment is the quantifier. */
function parseLambda(stream: TokenStream, path: string[]): FilterNode {
  const quantifier = path[1]!.toLowerCase();
  if (quantifier !== 'any' && quantifier !== 'all') throw faults.query(`Unknown function '${path[1]}'.`);
  stream.expectSymbol('(');
  if (stream.isSymbol(')')) {
    stream.next();
    return { kind: 'lambda', quantifier, navigation: path[0]! };
  }
  const variable = stream.expectName();
  stream.expectSymbol(':');
  const predicate = parseOr(stream);
  stream.expectSymbol(')');
  return { kind: 'lambda', quantifier, navigation: path[0]!, variable, predicate };
}

function parseFunction(stream: TokenStream): FilterNode {
  const name = stream.expectName();
  const lower = name.toLowerCase();
  stream.expectSymbol('(');
  if (STRING_FUNCTIONS.has(lower)) {
    const property = parseOperand(stream);
    stream.expectSymbol(',');
    const value = parseOperand(stream);
    stream.expectSymbol(')');
    if (property.kind !== 'property' || value.kind !== 'literal') throw faults.query(`${name} takes a property and a string literal.`);
    return { kind: 'stringFunction', name: lower, property: property.path, value: value.literal };
  }
  if (lower.startsWith(QUERY_FUNCTION_PREFIX)) {
    const parameters = new Map<string, Literal | Literal[]>();
    while (!stream.isSymbol(')')) {
      const parameter = stream.expectName();
      stream.expectSymbol('=');
      if (stream.isSymbol('[')) {
        stream.next();
        const values: Literal[] = [];
        while (!stream.isSymbol(']')) {
          const item = stream.next();
          if (item.kind !== 'literal') throw stream.error(item, 'a value expected');
          values.push(item.literal);
          if (stream.isSymbol(',')) stream.next();
        }
        stream.next();
        parameters.set(parameter, values);
      } else {
        const item = stream.next();
        if (item.kind !== 'literal') throw stream.error(item, 'a value expected');
        parameters.set(parameter, item.literal);
      }
      if (stream.isSymbol(',')) stream.next();
    }
    stream.next();
    return { kind: 'queryFunction', name: name.slice(QUERY_FUNCTION_PREFIX.length), parameters };
  }
  throw faults.query(`An unknown function with name '${name}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`);
}

/** Parses a single literal (a key value, a function parameter). */
export function parseLiteral(text: string): Literal {
  const tokens = tokenize(text);
  const token = tokens[0];
  if (tokens.length !== 1 || token?.kind !== 'literal') throw faults.query(`'${text}' is not a valid literal.`);
  return token.literal;
}

/** Splits at top-level separators, leaving those inside parentheses and string literals alone. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") inString = !inString;
    else if (!inString && char === '(') depth++;
    else if (!inString && char === ')') depth--;
    else if (!inString && depth === 0 && char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export interface OrderBy {
  property: string;
  descending: boolean;
}

export function parseOrderBy(text: string): OrderBy[] {
  return splitTopLevel(text, ',').map((part) => {
    const [property, direction, ...rest] = part.split(/\s+/);
    const lower = direction?.toLowerCase();
    if (!property || rest.length > 0 || (lower !== undefined && lower !== 'asc' && lower !== 'desc')) {
      throw faults.query(`Syntax error in $orderby '${text}'.`);
    }
    return { property, descending: lower === 'desc' };
  });
}

export function parseSelect(text: string): string[] {
  return splitTopLevel(text, ',');
}

/** One $expand item with its nested options, as raw text still to be given meaning. */
export interface ExpandItem {
  navigation: string;
  options: Map<string, string>;
}

export function parseExpand(text: string): ExpandItem[] {
  return splitTopLevel(text, ',').map((part) => {
    const open = part.indexOf('(');
    if (open === -1) return { navigation: part, options: new Map() };
    if (!part.endsWith(')')) throw faults.query(`Syntax error in $expand '${text}'.`);
    const options = new Map<string, string>();
    for (const option of splitTopLevel(part.slice(open + 1, -1), ';')) {
      const equals = option.indexOf('=');
      if (equals === -1) throw faults.query(`Syntax error in $expand option '${option}'.`);
      options.set(option.slice(0, equals).trim().toLowerCase(), option.slice(equals + 1).trim());
    }
    return { navigation: part.slice(0, open).trim(), options };
  });
}

/** A key predicate: (guid), (name='x') or (a='x',b=1). */
export type KeyPredicate = { kind: 'id'; id: string } | { kind: 'values'; values: Map<string, Literal> };

export function parseKeyPredicate(text: string): KeyPredicate {
  const parts = splitTopLevel(text, ',');
  if (parts.length === 1 && !parts[0]!.includes('=')) {
    const literal = parseLiteral(parts[0]!.replace(/^\{(.*)\}$/, '$1'));
    if (literal.type !== 'guid') throw faults.query(`'${text}' is not a valid key.`);
    return { kind: 'id', id: literal.value };
  }
  const values = new Map<string, Literal>();
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals === -1) throw faults.query(`'${text}' is not a valid key.`);
    values.set(part.slice(0, equals).trim(), parseLiteral(part.slice(equals + 1).trim()));
  }
  return { kind: 'values', values };
}
