import { describe, expect, it } from 'vitest';
import { parseFilter } from '../sandbox/dataverse/odata/syntax.js';
import { DataverseRequestError } from './errors.js';
import { and, anyOf, contains, endsWith, eq, escapeLikeWildcards, Filter, ge, lt, ne, not, or, startsWith } from './filter.js';
import { dateOnly, formatLiteral, guid } from './odataValues.js';
import { queryOptionPairs, queryString } from './query.js';

/** The query string's options as the server sees them after percent-decoding (no '+' as space: OData does not use form encoding). */
function decoded(query: string): Record<string, string> {
  expect(query.startsWith('?')).toBe(true);
  return Object.fromEntries(
    query
      .slice(1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        return [decodeURIComponent(pair.slice(0, equals)), decodeURIComponent(pair.slice(equals + 1))];
      }),
  );
}

const NASTY = ["O'Brien", "''", "Müller & Söhne #1", '100% + 50% = ?', 'a/b\\c', "Ben's \"quoted\" (x) 'y'", 'tab\there', '', ' leading and trailing ', '😀 emoji', "it's a ' lone quote'"];

describe('OData literals', () => {
  it('quotes strings and doubles their single quotes', () => {
    expect(formatLiteral("O'Brien")).toBe("'O''Brien'");
    expect(formatLiteral("''")).toBe("''''''");
    expect(formatLiteral('')).toBe("''");
  });

  it('writes GUIDs bare and normalized, dates in UTC, date-only values as dates, and the rest as themselves', () => {
    expect(formatLiteral(guid('{0F3D9B6E-5A21-4C8F-B7D4-2E9A6C1F8B05}'))).toBe('0f3d9b6e-5a21-4c8f-b7d4-2e9a6c1f8b05');
    expect(formatLiteral(new Date('2024-05-01T10:00:00+02:00'))).toBe('2024-05-01T08:00:00Z');
    expect(formatLiteral(new Date('2024-05-01T08:00:00.250Z'))).toBe('2024-05-01T08:00:00.250Z');
    expect(formatLiteral(dateOnly('2024-02-29'))).toBe('2024-02-29');
    expect(formatLiteral(42)).toBe('42');
    expect(formatLiteral(-0)).toBe('0');
    expect(formatLiteral(1.5)).toBe('1.5');
    expect(formatLiteral(12345678901234567890n)).toBe('12345678901234567890');
    expect(formatLiteral(true)).toBe('true');
    expect(formatLiteral(null)).toBe('null');
  });

  it('refuses values that are not what they claim', () => {
    expect(() => guid('not-a-guid')).toThrow(DataverseRequestError);
    expect(() => formatLiteral({ kind: 'guid', value: "x' or 1 eq 1" })).toThrow(DataverseRequestError);
    expect(() => dateOnly('2023-02-29')).toThrow(DataverseRequestError);
    expect(() => dateOnly('2024-5-1')).toThrow(DataverseRequestError);
    expect(() => formatLiteral(Number.NaN)).toThrow(DataverseRequestError);
    expect(() => formatLiteral(Number.POSITIVE_INFINITY)).toThrow(DataverseRequestError);
    expect(() => formatLiteral(new Date('nonsense'))).toThrow(DataverseRequestError);
  });
});

describe('filters', () => {
  it('compares columns with values and joins conditions with the right parentheses', () => {
    const filter = and(eq('statecode', 0), or(eq('name', "O'Brien"), ge('revenue', 1000)), not(contains('name', 'test')));
    expect(filter.expression).toBe("statecode eq 0 and (name eq 'O''Brien' or revenue ge 1000) and not (contains(name,'test'))");
    expect(or(and(eq('a', 1), eq('b', 2)), ne('c', null)).expression).toBe('(a eq 1 and b eq 2) or c ne null');
    expect(and(and(eq('a', 1), eq('b', 2)), lt('c', 3)).expression).toBe('a eq 1 and b eq 2 and c lt 3');
    expect(eq('_parentcustomerid_value', guid('A1F3C5E7-0B2D-4F68-9A1C-3E5B7D9F1A23')).expression).toBe('_parentcustomerid_value eq a1f3c5e7-0b2d-4f68-9a1c-3e5b7d9f1a23');
    expect(eq('primarycontactid/fullname', 'Anna').expression).toBe("primarycontactid/fullname eq 'Anna'");
    expect(anyOf('accountnumber', ['A', "B'C"]).expression).toBe("accountnumber eq 'A' or accountnumber eq 'B''C'");
  });

  it('matches %, _ and [ literally in contains, startswith and endswith', () => {
    expect(escapeLikeWildcards('100% [x]_y')).toBe('100[%] [[]x][_]y');
    expect(contains('name', "50% off_[sale]'s").expression).toBe("contains(name,'50[%] off[_][[]sale]''s')");
    expect(startsWith('name', 'A_').expression).toBe("startswith(name,'A[_]')");
    expect(endsWith('name', '%').expression).toBe("endswith(name,'[%]')");
  });

  it('refuses column names that are not names, so nothing can be smuggled in through them', () => {
    expect(() => eq("name eq 'x' or name", 'y')).toThrow(DataverseRequestError);
    expect(() => contains('name)', 'y')).toThrow(DataverseRequestError);
    expect(() => eq('a//b', 1)).toThrow(DataverseRequestError);
  });

  it('can only be made by the filter functions', () => {
    expect(() => new Filter(Symbol('filter builder'), "name eq 'x'", 'atom')).toThrow(DataverseRequestError);
    const lookAlike = Object.create(Filter.prototype) as Filter;
    expect(Filter.isFilter(lookAlike)).toBe(false);
    expect(() => queryString({ filter: lookAlike })).toThrow(DataverseRequestError);
    expect(() => and(eq('a', 1), { expression: '1 eq 1', precedence: 'atom' } as unknown as Filter)).toThrow(DataverseRequestError);
    expect(() => and()).toThrow(DataverseRequestError);
  });

  it.each(NASTY)('keeps the value %j intact through the filter, as the simulated Dataverse parses it', (value) => {
    const node = parseFilter(and(eq('name', value), contains('description', value)).expression);
    expect(node).toMatchObject({
      kind: 'and',
      left: { kind: 'compare', operator: 'eq', right: { kind: 'literal', literal: { type: 'string', value } } },
      right: { kind: 'stringFunction', name: 'contains', value: { type: 'string', value: escapeLikeWildcards(value) } },
    });
  });
});

describe('query strings', () => {
  it('writes the options in a fixed order, each value percent-encoded', () => {
    const query = queryString({
      select: ['name', 'accountnumber'],
      filter: eq('name', 'A&B #1 + 2'),
      orderBy: ['name', { column: 'createdon', descending: true }],
      top: 5,
      expand: [{ navigation: 'primarycontactid', select: ['fullname'], filter: eq('lastname', "O'Hara; x=1") }],
      count: true,
    });
    expect(query).toBe(
      '?$select=name%2Caccountnumber&$filter=name%20eq%20\'A%26B%20%231%20%2B%202\'&$orderby=name%2Ccreatedon%20desc&$top=5' +
        "&$expand=primarycontactid(%24select%3Dfullname%3B%24filter%3Dlastname%20eq%20'O''Hara%3B%20x%3D1')&$count=true",
    );
    expect(decoded(query)).toEqual(Object.fromEntries(queryOptionPairs({
      select: ['name', 'accountnumber'],
      filter: eq('name', 'A&B #1 + 2'),
      orderBy: ['name', { column: 'createdon', descending: true }],
      top: 5,
      expand: [{ navigation: 'primarycontactid', select: ['fullname'], filter: eq('lastname', "O'Hara; x=1") }],
      count: true,
    })));
  });

  it.each(NASTY)('never lets %j break out of its option', (value) => {
    const query = queryString({ select: ['name'], filter: eq('name', value) });
    expect(query.match(/&/g)).toHaveLength(1);
    expect(query).not.toMatch(/[#+ ]/);
    expect(decoded(query)).toEqual({ $select: 'name', $filter: `name eq ${formatLiteral(value)}` });
  });

  it('is empty without options and refuses empty or invalid ones', () => {
    expect(queryString({})).toBe('');
    expect(() => queryString({ select: [] })).toThrow(DataverseRequestError);
    expect(() => queryString({ top: 0 })).toThrow(DataverseRequestError);
    expect(() => queryString({ top: 1.5 })).toThrow(DataverseRequestError);
    expect(() => queryString({ select: ['name,accountid'] })).toThrow(DataverseRequestError);
    expect(() => queryString({ orderBy: [{ column: 'name desc,revenue' }] })).toThrow(DataverseRequestError);
    expect(() => queryString({ expand: [{ navigation: 'x($select=y)' }] })).toThrow(DataverseRequestError);
  });
});
