/**
 * The Open SQL WHERE conditions RFC_READ_TABLE accepts in OPTIONS, parsed into a predicate over
 * a table's rows: comparisons (= EQ <> NE < LT <= LE > GT >= GE), LIKE with % and _, IN (…),
 * BETWEEN … AND …, IS NULL / IS INITIAL, combined with AND, OR, NOT and parentheses. Literals
 * are in single quotes ('' escapes a quote) and are converted to the field's type, so '10' on a
 * NUMC6 field compares as '000010', as ABAP does.
 */

import type { Row } from './database.js';
import type { FieldDef, StructureDef } from './ddic/types.js';

export class WhereClauseError extends Error {}

type Token = { kind: 'word' | 'literal' | 'symbol'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "'") {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= source.length) throw new WhereClauseError('unterminated literal');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        text += source[i];
        i += 1;
      }
      tokens.push({ kind: 'literal', text });
    } else if ('()'.includes(char) || char === ',') {
      tokens.push({ kind: 'symbol', text: char });
      i += 1;
    } else if ('<>='.includes(char)) {
      const two = source.slice(i, i + 2);
      const text = ['<>', '<=', '>='].includes(two) ? two : char;
      tokens.push({ kind: 'symbol', text });
      i += text.length;
    } else {
      const match = /^[A-Za-z0-9_~\-/]+/.exec(source.slice(i));
      if (!match) throw new WhereClauseError(`unexpected character "${char}"`);
      tokens.push({ kind: 'word', text: match[0].toUpperCase() });
      i += match[0].length;
    }
  }
  return tokens;
}

const COMPARATORS: Record<string, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b, EQ: (a, b) => a === b,
  '<>': (a, b) => a !== b, NE: (a, b) => a !== b,
  '<': (a, b) => a < b, LT: (a, b) => a < b,
  '<=': (a, b) => a <= b, LE: (a, b) => a <= b,
  '>': (a, b) => a > b, GT: (a, b) => a > b,
  '>=': (a, b) => a >= b, GE: (a, b) => a >= b,
};

type Predicate = (row: Row) => boolean;

export interface ParsedWhere {
  predicate: Predicate;
  /** Field = literal conditions that must all hold (the top-level AND), usable for an index lookup. */
  equalities: Row;
  /** Field IN (literals) conditions that must hold (the top-level AND): one index lookup per value. */
  inLists: Record<string, string[]>;
}

const isNumeric = (field: FieldDef): boolean => ['DEC', 'CURR', 'QUAN', 'INT1', 'INT2', 'INT4', 'FLTP'].includes(field.type);

/** A value as it compares in the database: CHAR without trailing blanks, NUMC/DATS/TIMS padded, numbers as numbers. */
function comparable(field: FieldDef, value: string | number | undefined): string {
  const text = String(value ?? '').replace(/\s+$/, '');
  if (field.type === 'NUMC' || field.type === 'DATS' || field.type === 'TIMS') return text.padStart(field.length, '0');
  if (isNumeric(field)) {
    // Numbers compare as numbers; encode them so that string order equals numeric order.
    const number = Number(text === '' ? 0 : text);
    if (!Number.isFinite(number)) throw new WhereClauseError(`"${text}" is not a number for field ${field.name}`);
    const shifted = (number + 1e15).toFixed(9);
    return shifted.padStart(30, '0');
  }
  return text;
}

export function parseWhere(source: string, table: StructureDef): ParsedWhere {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position];
    if (!token) throw new WhereClauseError('the condition ends too early');
    position += 1;
    return token;
  };
  const expectWord = (word: string): void => {
    const token = next();
    if (token.kind !== 'word' || token.text !== word) throw new WhereClauseError(`"${word}" expected, found "${token.text}"`);
  };
  const fieldOf = (token: Token): FieldDef => {
    if (token.kind !== 'word') throw new WhereClauseError(`a field name is expected, found "${token.text}"`);
    const field = table.field(token.text);
    if (!field) throw new WhereClauseError(`field ${token.text} is not in table ${table.name}`);
    return field;
  };
  const literal = (): string => {
    const token = next();
    if (token.kind !== 'literal' && !(token.kind === 'word' && /^-?\d+(\.\d+)?$/.test(token.text))) {
      throw new WhereClauseError(`a literal in quotes is expected, found "${token.text}"`);
    }
    return token.text;
  };

  /** What a (sub)condition's rows satisfy, for index lookups: only what holds for every row it selects. */
  type Clause = { predicate: Predicate; equalities: Row; inLists: Record<string, string[]> };
  const only = (predicate: Predicate): Clause => ({ predicate, equalities: {}, inLists: {} });

  const condition = (): Clause => {
    const token = peek();
    if (token?.kind === 'word' && token.text === 'NOT') {
      next();
      const inner = condition().predicate;
      return only((row) => !inner(row));
    }
    if (token?.kind === 'symbol' && token.text === '(') {
      next();
      const inner = disjunction();
      const close = next();
      if (close.text !== ')') throw new WhereClauseError('")" expected');
      return inner;
    }
    const field = fieldOf(next());
    const valueOf = (row: Row): string => comparable(field, row[field.name]);
    const operator = next();
    let negate = false;
    let op = operator.text;
    if (op === 'NOT') {
      negate = true;
      op = next().text;
    }
    const clause = (predicate: Predicate, hints: Partial<Omit<Clause, 'predicate'>> = {}): Clause =>
      negate || isNumeric(field) ? only((row) => predicate(row) !== negate) : { predicate, equalities: hints.equalities ?? {}, inLists: hints.inLists ?? {} };
    if (op === 'LIKE') {
      const pattern = literal();
      const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
      return clause((row) => regex.test(String(row[field.name] ?? '').replace(/\s+$/, '')));
    }
    if (op === 'IN') {
      if (next().text !== '(') throw new WhereClauseError('"(" expected after IN');
      const values = new Set<string>();
      for (;;) {
        values.add(comparable(field, literal()));
        const separator = next();
        if (separator.text === ')') break;
        if (separator.text !== ',') throw new WhereClauseError('"," or ")" expected in IN list');
      }
      return clause((row) => values.has(valueOf(row)), { inLists: { [field.name]: [...values] } });
    }
    if (op === 'BETWEEN') {
      const low = comparable(field, literal());
      expectWord('AND');
      const high = comparable(field, literal());
      return clause((row) => valueOf(row) >= low && valueOf(row) <= high);
    }
    if (op === 'IS') {
      const not = peek()?.text === 'NOT';
      if (not) next();
      const what = next().text;
      if (what !== 'NULL' && what !== 'INITIAL') throw new WhereClauseError('IS NULL or IS INITIAL expected');
      const initial = comparable(field, '');
      return clause(what === 'NULL' ? () => not : (row) => (valueOf(row) === initial) !== not);
    }
    const compare = COMPARATORS[op];
    if (!compare) throw new WhereClauseError(`unknown operator "${op}"`);
    const value = comparable(field, literal());
    return clause((row) => compare(valueOf(row), value), op === '=' || op === 'EQ' ? { equalities: { [field.name]: value } } : {});
  };

  // Every row of a conjunction satisfies each part: their hints add up (the first wins for a field named twice; the predicate still checks both).
  const conjunction = (): Clause => {
    const parts = [condition()];
    while (peek()?.kind === 'word' && peek()!.text === 'AND') {
      next();
      parts.push(condition());
    }
    if (parts.length === 1) return parts[0]!;
    const predicates = parts.map((part) => part.predicate);
    return {
      predicate: (row) => predicates.every((p) => p(row)),
      equalities: Object.assign({}, ...parts.map((part) => part.equalities).reverse()) as Row,
      inLists: Object.assign({}, ...parts.map((part) => part.inLists).reverse()) as Record<string, string[]>,
    };
  };

  // A row of a disjunction satisfies only one of its parts: no hint holds for all of them.
  const disjunction = (): Clause => {
    const first = conjunction();
    if (!(peek()?.kind === 'word' && peek()!.text === 'OR')) return first;
    const predicates = [first.predicate];
    while (peek()?.kind === 'word' && peek()!.text === 'OR') {
      next();
      predicates.push(conjunction().predicate);
    }
    return only((row) => predicates.some((p) => p(row)));
  };

  if (tokens.length === 0) return { predicate: () => true, equalities: {}, inLists: {} };
  const parsed = disjunction();
  if (position < tokens.length) throw new WhereClauseError(`unexpected "${tokens[position]!.text}"`);
  return parsed;
}
