/** Sorting and text filtering of list rows: pure, so the lists' order and filter are tested without rendering. */

export type SortValue = string | number;

export interface SortOrder {
  columnKey: string;
  descending: boolean;
}

/** Rows sorted by a value (numbers numerically, text by the user's locale), stable for equal values. */
export function sortRows<T>(rows: readonly T[], valueOf: (row: T) => SortValue, descending: boolean, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const direction = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order !== 0 ? order * direction : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Rows where every word of the query occurs in one of the row's texts (case-insensitive). */
export function filterRows<T>(rows: readonly T[], query: string, textsOf: (row: T) => readonly string[]): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = textsOf(row).join('\n').toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Most rows a list route may return (the API's top maximum) and the step of "show more". */
export const PAGE_SIZE = 50;
export const MAX_TOP = 200;

export function nextTop(top: number): number {
  return Math.min(top + PAGE_SIZE, MAX_TOP);
}
