/**
 * Selection ranges (SIGN, OPTION, LOW, HIGH) as list BAPIs take them, evaluated the way
 * SELECT … WHERE field IN range does: a value is selected when it matches at least one inclusive
 * row (or there is none) and no exclusive row. Values compare as CHAR in SAP's internal format; no
 * conversion exit runs, so an unpadded customer number does not match the stored one. CP and NP
 * take * (any string) and + (one character), # escapes the next character, and, like the
 * database's LIKE they become, they are case-sensitive.
 */

import { message, type Message } from './messages.js';

export interface SelectionRange {
  sign: string;
  option: string;
  low: string;
  high: string;
}

const OPTIONS = new Set(['EQ', 'NE', 'GT', 'GE', 'LE', 'LT', 'BT', 'NB', 'CP', 'NP']);

/** Reads the rows of a range table whose LOW and HIGH fields have the given names. */
export function rangesOf(rows: Record<string, string | number>[], lowField: string, highField: string): SelectionRange[] {
  return rows.map((row) => ({
    sign: String(row.SIGN ?? '').trim(),
    option: String(row.OPTION ?? '').trim(),
    low: String(row[lowField] ?? '').replace(/\s+$/, ''),
    high: String(row[highField] ?? '').replace(/\s+$/, ''),
  }));
}

/** The error SAP reports for the first row with an invalid SIGN (S& 026) or OPTION (S& 027). */
export function invalidRange(ranges: SelectionRange[]): Message | undefined {
  for (const range of ranges) {
    if (range.sign !== 'I' && range.sign !== 'E') return message('E', 'S&', '026', range.sign);
    if (!OPTIONS.has(range.option)) return message('E', 'S&', '027', range.option);
  }
  return undefined;
}

function patternOf(low: string): RegExp {
  let source = '';
  for (let i = 0; i < low.length; i += 1) {
    const char = low[i]!;
    if (char === '#' && i + 1 < low.length) {
      i += 1;
      source += escape(low[i]!);
    } else if (char === '*') {
      source += '.*';
    } else if (char === '+') {
      source += '.';
    } else {
      source += escape(char);
    }
  }
  return new RegExp(`^${source}$`, 's');
}

const escape = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rowMatcher(range: SelectionRange): (value: string) => boolean {
  const { low, high } = range;
  switch (range.option) {
    case 'EQ': return (v) => v === low;
    case 'NE': return (v) => v !== low;
    case 'GT': return (v) => v > low;
    case 'GE': return (v) => v >= low;
    case 'LT': return (v) => v < low;
    case 'LE': return (v) => v <= low;
    case 'BT': return (v) => v >= low && v <= high;
    case 'NB': return (v) => v < low || v > high;
    case 'CP': { const pattern = patternOf(low); return (v) => pattern.test(v); }
    case 'NP': { const pattern = patternOf(low); return (v) => !pattern.test(v); }
    default: throw new Error(`selection option ${range.option} is not valid; check with invalidRange() first`);
  }
}

/** A predicate for `value IN ranges`; an empty range table selects everything. */
export function rangeMatcher(ranges: SelectionRange[]): (value: string) => boolean {
  const include = ranges.filter((r) => r.sign === 'I').map(rowMatcher);
  const exclude = ranges.filter((r) => r.sign === 'E').map(rowMatcher);
  return (raw) => {
    const value = raw.replace(/\s+$/, '');
    return (include.length === 0 || include.some((m) => m(value))) && !exclude.some((m) => m(value));
  };
}
