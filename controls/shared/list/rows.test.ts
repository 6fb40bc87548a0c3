import { describe, expect, it } from 'vitest';
import { filterRows, nextTop, sortRows } from './rows';

const rows = [
  { number: '0000012010', value: 900, text: 'Pumpe' },
  { number: '0000012002', value: 1200, text: 'pump' },
  { number: '0000012003', value: 900, text: 'Ärmel' },
];

describe('list rows', () => {
  it('sorts numbers numerically and keeps equal values in their order', () => {
    expect(sortRows(rows, (row) => row.value, false, 'en-US').map((row) => row.number)).toEqual(['0000012010', '0000012003', '0000012002']);
    expect(sortRows(rows, (row) => row.value, true, 'en-US').map((row) => row.number)).toEqual(['0000012002', '0000012010', '0000012003']);
  });

  it("sorts text by the user's locale", () => {
    expect(sortRows(rows, (row) => row.text, false, 'de-DE').map((row) => row.text)).toEqual(['Ärmel', 'pump', 'Pumpe']);
    expect(sortRows(rows, (row) => row.number, false, 'en-US').map((row) => row.number)).toEqual(['0000012002', '0000012003', '0000012010']);
  });

  it('keeps rows where every word of the filter occurs, ignoring case', () => {
    expect(filterRows(rows, 'PUMP', (row) => [row.text]).map((row) => row.number)).toEqual(['0000012010', '0000012002']);
    expect(filterRows(rows, 'pump 12010', (row) => [row.text, row.number]).map((row) => row.number)).toEqual(['0000012010']);
    expect(filterRows(rows, '   ', (row) => [row.text])).toHaveLength(3);
  });

  it('shows more in pages up to the maximum the API allows', () => {
    expect(nextTop(50)).toBe(100);
    expect(nextTop(180)).toBe(200);
    expect(nextTop(200)).toBe(200);
  });
});
