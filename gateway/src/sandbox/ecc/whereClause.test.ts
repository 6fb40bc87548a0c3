import { describe, expect, it } from 'vitest';
import { TABLES } from './ddic/tables.js';
import { parseWhere, WhereClauseError } from './whereClause.js';

const LIKP = TABLES.LIKP;
const delivery = (fields: Record<string, string>) => ({ VBELN: '0080000001', KUNAG: '0000001000', ERDAT: '20261101', ...fields });

describe('parseWhere', () => {
  it('evaluates comparisons, IN, BETWEEN and LIKE with AND, OR, NOT and parentheses, converting literals to the field type', () => {
    const { predicate } = parseWhere("( KUNAG = '0000001000' OR KUNAG LIKE '00000020%' ) AND NOT ERDAT BETWEEN '20260101' AND '20260630'", LIKP);
    expect(predicate(delivery({}))).toBe(true);
    expect(predicate(delivery({ KUNAG: '0000002001' }))).toBe(true);
    expect(predicate(delivery({ KUNAG: '0000003000' }))).toBe(false);
    expect(predicate(delivery({ ERDAT: '20260315' }))).toBe(false);
  });

  it('names the conditions every selected row meets, parenthesized or not, so RFC_READ_TABLE can look rows up by index', () => {
    const parsed = parseWhere("( KUNAG = '0000001000' ) AND ( VBELN IN ('0080000001','0080000002') ) AND ( ERDAT >= '20260101' )", LIKP);
    expect(parsed.equalities).toEqual({ KUNAG: '0000001000' });
    expect(parsed.inLists).toEqual({ VBELN: ['0080000001', '0080000002'] });
  });

  it('names none from inside an OR or a NOT, which do not hold for every row', () => {
    const parsed = parseWhere("KUNAG = '0000001000' AND ( VBELN = '0080000001' OR VBELN = '0080000002' ) AND NOT ( KUNNR = '0000001000' )", LIKP);
    expect(parsed.equalities).toEqual({ KUNAG: '0000001000' });
    expect(parseWhere("KUNAG = '0000001000' OR VBELN IN ('0080000001')", LIKP)).toMatchObject({ equalities: {}, inLists: {} });
    expect(parseWhere("KUNAG NOT IN ('0000001000')", LIKP)).toMatchObject({ equalities: {}, inLists: {} });
  });

  it('refuses fields the table lacks and malformed conditions', () => {
    expect(() => parseWhere("MATNR = 'X'", LIKP)).toThrow(WhereClauseError);
    expect(() => parseWhere("( KUNAG = 'X'", LIKP)).toThrow(WhereClauseError);
    expect(() => parseWhere("KUNAG = 'X' KUNNR", LIKP)).toThrow(/unexpected "KUNNR"/);
  });
});
