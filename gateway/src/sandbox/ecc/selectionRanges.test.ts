import { describe, expect, it } from 'vitest';
import { invalidRange, rangeMatcher, type SelectionRange } from './selectionRanges.js';

const range = (sign: string, option: string, low: string, high = ''): SelectionRange => ({ sign, option, low, high });

describe('rangeMatcher', () => {
  it('selects everything for an empty range table', () => {
    expect(rangeMatcher([])('anything')).toBe(true);
  });

  it('combines inclusive rows with OR and removes what an exclusive row matches', () => {
    const matches = rangeMatcher([range('I', 'BT', '0000001000', '0000001009'), range('I', 'EQ', '0000002000'), range('E', 'EQ', '0000001005')]);
    expect(['0000001000', '0000001005', '0000001009', '0000001010', '0000002000'].map(matches)).toEqual([true, false, true, false, true]);
  });

  it('compares as characters, so an unpadded number does not match a padded one', () => {
    expect(rangeMatcher([range('I', 'EQ', '1000')])('0000001000')).toBe(false);
    expect(rangeMatcher([range('I', 'LE', '999999')])('0000001000')).toBe(true);
  });

  it('takes * and + in CP and NP, # as escape, and is case-sensitive', () => {
    expect(rangeMatcher([range('I', 'CP', 'PX-*')])('PX-00008')).toBe(true);
    expect(rangeMatcher([range('I', 'CP', 'px-*')])('PX-00008')).toBe(false);
    expect(rangeMatcher([range('I', 'CP', '00000010+5')])('0000001025')).toBe(true);
    expect(rangeMatcher([range('I', 'CP', '00000010+5')])('00000010255')).toBe(false);
    expect(rangeMatcher([range('I', 'CP', 'A#*B')])('A*B')).toBe(true);
    expect(rangeMatcher([range('I', 'CP', 'A#*B')])('AxB')).toBe(false);
    expect(rangeMatcher([range('I', 'NP', '*Pump*')])('Inline pump')).toBe(true);
  });
});

describe('invalidRange', () => {
  it('reports the first invalid SIGN or OPTION as SAP does (S& 026, S& 027)', () => {
    expect(invalidRange([range('I', 'EQ', 'A')])).toBeUndefined();
    expect(invalidRange([range('X', 'EQ', 'A')])).toMatchObject({ id: 'S&', number: '026', text: expect.stringContaining('Value X in field SIGN') });
    expect(invalidRange([range('I', 'EQ', 'A'), range('E', 'XX', 'A')])).toMatchObject({ id: 'S&', number: '027' });
  });
});
