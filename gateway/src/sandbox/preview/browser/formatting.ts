/**
 * context.formatting as the PCF runtime implements it: .NET's standard number formats ("N" for
 * decimals and integers, "C" for currency, with the culture's separators, group sizes and
 * positive/negative patterns) and .NET custom date patterns (the culture's short, long and
 * year-month patterns). Numbers are rounded half away from zero on their shortest decimal form,
 * so 1.005 shows as 1.01, as a user expects. Dates are read in the browser's time zone, which the
 * preview uses as the user's time zone.
 */

import type { Culture } from './cultures.js';

type NumberInfo = ComponentFramework.UserSettingApi.NumberFormattingInfo;
type DateInfo = ComponentFramework.UserSettingApi.DateFormattingInfo;

/** .NET NumberNegativePattern. */
const NUMBER_NEGATIVE_PATTERNS = ['(n)', '-n', '- n', 'n-', 'n -'];
/** .NET CurrencyPositivePattern and CurrencyNegativePattern. */
const CURRENCY_POSITIVE_PATTERNS = ['$n', 'n$', '$ n', 'n $'];
const CURRENCY_NEGATIVE_PATTERNS = ['($n)', '-$n', '$-n', '$n-', '(n$)', '-n$', 'n-$', 'n$-', '-n $', '-$ n', 'n $-', '$ n-', '$ -n', 'n- $', '($ n)', '(n $)'];

const MAX_PRECISION = 20;

/** The absolute value rounded to `precision` decimals: integer and fraction digits. */
function roundedDigits(absolute: number, precision: number): { integer: string; fraction: string } {
  // Intl rounds half away from zero (halfExpand) on the shortest decimal form of the number.
  const text = absolute.toLocaleString('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision, useGrouping: false });
  const [integer = '0', fraction = ''] = text.split('.');
  return { integer, fraction };
}

/** Groups integer digits from the right: sizes [3] → 1,234,567; [3, 2] → 12,34,567; a 0 ends grouping. */
export function groupDigits(integer: string, sizes: readonly number[], separator: string): string {
  const groups: string[] = [];
  let end = integer.length;
  let index = 0;
  let size = sizes[0] ?? 0;
  while (size > 0 && end > size) {
    groups.unshift(integer.slice(end - size, end));
    end -= size;
    if (index < sizes.length - 1) size = sizes[++index] ?? 0;
  }
  groups.unshift(integer.slice(0, end));
  return groups.join(separator);
}

function fillPattern(pattern: string, digits: string, symbol: string, negativeSign: string): string {
  let out = '';
  for (const character of pattern) {
    if (character === 'n') out += digits;
    else if (character === '$') out += symbol;
    else if (character === '-') out += negativeSign;
    else out += character;
  }
  return out;
}

function clampPrecision(precision: number | undefined, fallback: number): number {
  if (precision === undefined || precision === null || !Number.isFinite(precision)) return fallback;
  return Math.min(MAX_PRECISION, Math.max(0, Math.trunc(precision)));
}

function nonFinite(value: number, info: NumberInfo): string | undefined {
  if (Number.isNaN(value)) return info.nanSymbol;
  if (value === Infinity) return info.positiveInfinitySymbol;
  if (value === -Infinity) return info.negativeInfinitySymbol;
  return undefined;
}

/** .NET "N<precision>": a decimal number with the culture's separators; "-" only when something non-zero is shown. */
export function formatNumberValue(value: number, precision: number | undefined, info: NumberInfo): string {
  const special = nonFinite(value, info);
  if (special !== undefined) return special;
  const places = clampPrecision(precision, info.numberDecimalDigits);
  const { integer, fraction } = roundedDigits(Math.abs(value), places);
  const digits = groupDigits(integer, info.numberGroupSizes, info.numberGroupSeparator) + (places > 0 ? info.numberDecimalSeparator + fraction : '');
  const shownNegative = value < 0 && /[1-9]/.test(integer + fraction);
  return shownNegative ? fillPattern(NUMBER_NEGATIVE_PATTERNS[info.numberNegativePattern] ?? '-n', digits, '', info.negativeSign) : digits;
}

/** .NET "C<precision>" with `symbol` in place of the culture's currency symbol. */
export function formatCurrencyValue(value: number, precision: number | undefined, symbol: string | undefined, info: NumberInfo): string {
  const special = nonFinite(value, info);
  if (special !== undefined) return special;
  const places = clampPrecision(precision, info.currencyDecimalDigits);
  const { integer, fraction } = roundedDigits(Math.abs(value), places);
  const digits = groupDigits(integer, info.currencyGroupSizes, info.currencyGroupSeparator) + (places > 0 ? info.currencyDecimalSeparator + fraction : '');
  const shownNegative = value < 0 && /[1-9]/.test(integer + fraction);
  const pattern = shownNegative
    ? (CURRENCY_NEGATIVE_PATTERNS[info.currencyNegativePattern] ?? '-$n')
    : (CURRENCY_POSITIVE_PATTERNS[info.currencyPositivePattern] ?? '$n');
  return fillPattern(pattern, digits, symbol ?? info.currencySymbol, info.negativeSign);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** A pattern's day-of-month token (d or dd, not ddd) makes MMMM and MMM use the genitive month names. */
const hasDayNumber = (pattern: string): boolean => /(^|[^d])d{1,2}([^d]|$)/.test(pattern.replace(/'[^']*'|"[^"]*"/g, ''));

/** Formats a date with a .NET custom date and time pattern (d, M, y, h, H, m, s, f, t, z, quotes, / and :). */
export function formatDatePattern(date: Date, pattern: string, info: DateInfo): string {
  if (Number.isNaN(date.getTime())) return '';
  const genitive = hasDayNumber(pattern);
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const character = pattern[index]!;
    if (character === "'" || character === '"') {
      const close = pattern.indexOf(character, index + 1);
      const end = close < 0 ? pattern.length : close;
      out += pattern.slice(index + 1, end);
      index = end + 1;
      continue;
    }
    if (character === '\\') {
      out += pattern[index + 1] ?? '';
      index += 2;
      continue;
    }
    if (character === '%') {
      index += 1;
      continue;
    }
    let run = 1;
    while (pattern[index + run] === character) run += 1;
    index += run;
    out += formatToken(date, character, run, info, genitive);
  }
  return out;
}

function formatToken(date: Date, character: string, run: number, info: DateInfo, genitive: boolean): string {
  const hours = date.getHours();
  const month = date.getMonth();
  switch (character) {
    case 'd':
      if (run >= 4) return info.dayNames[date.getDay()] ?? '';
      if (run === 3) return info.abbreviatedDayNames[date.getDay()] ?? '';
      return pad(date.getDate(), run);
    case 'M':
      if (run >= 4) return (genitive ? info.monthGenitiveNames : info.monthNames)[month] ?? '';
      if (run === 3) return (genitive ? info.abbreviatedMonthGenitiveNames : info.abbreviatedMonthNames)[month] ?? '';
      return pad(month + 1, run);
    case 'y': {
      const year = date.getFullYear();
      return run <= 2 ? pad(year % 100, run) : pad(year, run);
    }
    case 'h':
      return pad(hours % 12 === 0 ? 12 : hours % 12, Math.min(run, 2));
    case 'H':
      return pad(hours, Math.min(run, 2));
    case 'm':
      return pad(date.getMinutes(), Math.min(run, 2));
    case 's':
      return pad(date.getSeconds(), Math.min(run, 2));
    case 'f':
      return pad(date.getMilliseconds(), 3).padEnd(run, '0').slice(0, run);
    case 't': {
      const designator = hours < 12 ? info.amDesignator : info.pmDesignator;
      return run === 1 ? designator.charAt(0) : designator;
    }
    case 'z': {
      const offset = -date.getTimezoneOffset();
      const sign = offset < 0 ? '-' : '+';
      const whole = Math.floor(Math.abs(offset) / 60);
      if (run === 1) return `${sign}${whole}`;
      if (run === 2) return `${sign}${pad(whole, 2)}`;
      return `${sign}${pad(whole, 2)}${info.timeSeparator}${pad(Math.abs(offset) % 60, 2)}`;
    }
    case '/':
      return info.dateSeparator.repeat(run);
    case ':':
      return info.timeSeparator.repeat(run);
    default:
      return character.repeat(run);
  }
}

const DAY_MS = 86_400_000;

function dayOfYear(date: Date): number {
  return Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(date.getFullYear(), 0, 1)) / DAY_MS) + 1;
}

/**
 * The week of the year under the culture's rule, as .NET's Calendar.GetWeekOfYear counts it:
 * 0 FirstDay (week 1 holds 1 January), 1 FirstFullWeek, 2 FirstFourDayWeek. From Monday with
 * FirstFourDayWeek this is the ISO 8601 week, including the last days of December in week 1.
 */
export function weekOfYear(date: Date, firstDayOfWeek: number, rule: number): number {
  const local = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  if (rule === 2 && firstDayOfWeek === 1) {
    // ISO 8601: the week that holds the Thursday of this date's week.
    const thursday = new Date(local);
    thursday.setDate(local.getDate() + 3 - ((local.getDay() + 6) % 7));
    return Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  }
  const zeroBasedDay = dayOfYear(local) - 1;
  const firstDayWeekday = (local.getDay() - (zeroBasedDay % 7) + 7) % 7;
  if (rule === 0) {
    const offset = (firstDayWeekday - firstDayOfWeek + 7) % 7;
    return Math.floor((zeroBasedDay + offset) / 7) + 1;
  }
  const fullDays = rule === 1 ? 7 : 4;
  let offset = (firstDayOfWeek - firstDayWeekday + 14) % 7;
  if (offset !== 0 && offset >= fullDays) offset -= 7;
  const day = zeroBasedDay - offset;
  if (day >= 0) return Math.floor(day / 7) + 1;
  // Before the first week: the last week of the previous year.
  return weekOfYear(new Date(local.getFullYear() - 1, 11, 31), firstDayOfWeek, rule);
}

function utcSortable(value: Date, includeTime: boolean): string {
  const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  return includeTime ? `${day}T${pad(value.getUTCHours(), 2)}:${pad(value.getUTCMinutes(), 2)}:${pad(value.getUTCSeconds(), 2)}Z` : day;
}

export function createFormatting(culture: Culture): ComponentFramework.Formatting {
  const { number, date } = culture;
  const shortDateTime = (value: Date): string => `${formatDatePattern(value, date.shortDatePattern, date)} ${formatDatePattern(value, date.shortTimePattern, date)}`;
  return {
    formatCurrency: (value, precision, symbol) => formatCurrencyValue(value, precision, symbol, number),
    formatDecimal: (value, precision) => formatNumberValue(value, precision, number),
    formatInteger: (value) => formatNumberValue(value, 0, number),
    formatDateShort: (value, includeTime) => (includeTime ? shortDateTime(value) : formatDatePattern(value, date.shortDatePattern, date)),
    formatDateLong: (value) => formatDatePattern(value, date.longDatePattern, date),
    formatDateLongAbbreviated: (value) => formatDatePattern(value, date.longDatePattern.replace('MMMM', 'MMM').replace('dddd', 'ddd'), date),
    formatDateYearMonth: (value) => formatDatePattern(value, date.yearMonthPattern, date),
    // The runtime shows the short date and time; the preview's user time zone is the browser's, so no behavior shifts it.
    formatTime: (value) => shortDateTime(value),
    formatDateAsFilterStringInUTC: (value, includeTime) => (Number.isNaN(value.getTime()) ? '' : utcSortable(value, includeTime === true)),
    formatLanguage: (value) => culture.languageNames[value] ?? String(value),
    getWeekOfYear: (value) => weekOfYear(value, date.firstDayOfWeek, date.calendarWeekRule),
  };
}
