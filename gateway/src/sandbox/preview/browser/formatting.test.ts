import { describe, expect, it } from 'vitest';
import { DE_DE, EN_US } from './cultures.js';
import { createFormatting, formatDatePattern, groupDigits, weekOfYear } from './formatting.js';

const en = createFormatting(EN_US);
const de = createFormatting(DE_DE);

describe('numbers and amounts, as .NET formats them for the culture', () => {
  it('formats currency with the culture pattern, or with the symbol and decimals a control passes', () => {
    expect(en.formatCurrency(1234.5)).toBe('$1,234.50');
    expect(de.formatCurrency(1234.5)).toBe('1.234,50 €');
    expect(en.formatCurrency(1234.5, 2, '€')).toBe('€1,234.50');
    expect(de.formatCurrency(1234.5, 2, '$')).toBe('1.234,50 $');
    expect(en.formatCurrency(1234.5, 0, '¥')).toBe('¥1,235');
    expect(en.formatCurrency(12.3456, 3, 'KWD')).toBe('KWD12.346');
  });

  it('shows negative amounts with the culture negative pattern, and no sign when the rounded amount is zero', () => {
    expect(en.formatCurrency(-1234.5)).toBe('($1,234.50)');
    expect(de.formatCurrency(-1234.5)).toBe('-1.234,50 €');
    expect(en.formatCurrency(-0.001)).toBe('$0.00');
    expect(de.formatDecimal(-0.004, 2)).toBe('0,00');
  });

  it('formats decimals and integers with the culture separators, rounding half away from zero', () => {
    expect(en.formatDecimal(-1234567.891)).toBe('-1,234,567.89');
    expect(de.formatDecimal(-1234567.891)).toBe('-1.234.567,89');
    expect(en.formatDecimal(1.005, 2)).toBe('1.01');
    expect(en.formatDecimal(0.5, 0)).toBe('1');
    expect(de.formatDecimal(7, 4)).toBe('7,0000');
    expect(en.formatInteger(1234567)).toBe('1,234,567');
    expect(de.formatInteger(1234567)).toBe('1.234.567');
    expect(en.formatInteger(-2.5)).toBe('-3');
  });

  it('names what is not a number the way the culture does', () => {
    expect(en.formatDecimal(Number.NaN)).toBe('NaN');
    expect(de.formatCurrency(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });

  it('groups digits by the culture group sizes, the last size repeating and a zero ending the grouping', () => {
    expect(groupDigits('123456789', [3], ',')).toBe('123,456,789');
    expect(groupDigits('123456789', [3, 2], ',')).toBe('12,34,56,789');
    expect(groupDigits('1234567', [3, 0], ',')).toBe('1234,567');
    expect(groupDigits('999', [3], ',')).toBe('999');
  });
});

describe('dates, with the culture patterns and names', () => {
  const afternoon = new Date(2024, 2, 5, 14, 7, 9);

  it('formats short dates, with the time when asked', () => {
    expect(en.formatDateShort(afternoon)).toBe('3/5/2024');
    expect(en.formatDateShort(afternoon, true)).toBe('3/5/2024 2:07 PM');
    expect(de.formatDateShort(afternoon)).toBe('05.03.2024');
    expect(de.formatDateShort(afternoon, true)).toBe('05.03.2024 14:07');
    expect(en.formatTime(new Date(2024, 0, 9, 0, 30), 1)).toBe('1/9/2024 12:30 AM');
  });

  it('formats long, abbreviated and year-month dates with day and month names', () => {
    expect(en.formatDateLong(afternoon)).toBe('Tuesday, March 5, 2024');
    expect(de.formatDateLong(afternoon)).toBe('Dienstag, 5. März 2024');
    expect(en.formatDateLongAbbreviated(afternoon)).toBe('Tue, Mar 5, 2024');
    expect(de.formatDateLongAbbreviated(afternoon)).toBe('Di, 5. Mär 2024');
    expect(en.formatDateYearMonth(afternoon)).toBe('March 2024');
    expect(de.formatDateYearMonth(afternoon)).toBe('März 2024');
  });

  it('reads quoted literals, escapes and the separators of a .NET pattern', () => {
    expect(formatDatePattern(afternoon, EN_US.date.sortableDateTimePattern, EN_US.date)).toBe('2024-03-05T14:07:09');
    expect(formatDatePattern(afternoon, 'd/M/yy \\h H:mm:ss.fff', DE_DE.date)).toBe('5.3.24 h 14:07:09.000');
    expect(formatDatePattern(afternoon, '"Q" yyyy', EN_US.date)).toBe('Q 2024');
    expect(formatDatePattern(new Date(Number.NaN), 'yyyy', EN_US.date)).toBe('');
  });

  it('uses genitive month names only next to a day number', () => {
    const genitive = { ...EN_US.date, monthGenitiveNames: EN_US.date.monthNames.map((name) => `${name}-of`) };
    expect(formatDatePattern(afternoon, 'd MMMM', genitive)).toBe('5 March-of');
    expect(formatDatePattern(afternoon, 'MMMM yyyy', genitive)).toBe('March 2024');
    expect(formatDatePattern(afternoon, 'dddd MMMM', genitive)).toBe('Tuesday March');
  });

  it('writes filter strings in UTC', () => {
    const lateEvening = new Date(Date.UTC(2024, 2, 5, 23, 30, 5));
    expect(en.formatDateAsFilterStringInUTC(lateEvening)).toBe('2024-03-05');
    expect(en.formatDateAsFilterStringInUTC(lateEvening, true)).toBe('2024-03-05T23:30:05Z');
  });

  it('names languages in the user language', () => {
    expect(en.formatLanguage(1031)).toBe('German');
    expect(de.formatLanguage(1031)).toBe('Deutsch');
    expect(en.formatLanguage(1036)).toBe('1036');
  });
});

describe('week of the year', () => {
  it('counts ISO 8601 weeks for German users, across the turn of the year', () => {
    expect(de.getWeekOfYear(new Date(2024, 2, 5))).toBe(10);
    expect(de.getWeekOfYear(new Date(2024, 11, 30))).toBe(1);
    expect(de.getWeekOfYear(new Date(2021, 0, 3))).toBe(53);
    expect(de.getWeekOfYear(new Date(2026, 0, 1))).toBe(1);
  });

  it('starts week 1 on 1 January for US users, weeks beginning on Sunday', () => {
    expect(en.getWeekOfYear(new Date(2024, 0, 1))).toBe(1);
    expect(en.getWeekOfYear(new Date(2024, 0, 6))).toBe(1);
    expect(en.getWeekOfYear(new Date(2024, 0, 7))).toBe(2);
    expect(en.getWeekOfYear(new Date(2024, 11, 31))).toBe(53);
  });

  it('follows .NET for the first full week rule, days before it belonging to the last week of the year before', () => {
    // 2024 starts on a Monday: with Sunday-first full weeks, week 1 starts on 7 January.
    expect(weekOfYear(new Date(2024, 0, 7), 0, 1)).toBe(1);
    expect(weekOfYear(new Date(2024, 0, 6), 0, 1)).toBe(weekOfYear(new Date(2023, 11, 31), 0, 1));
    expect(weekOfYear(new Date(2023, 11, 31), 0, 1)).toBe(53);
  });
});
