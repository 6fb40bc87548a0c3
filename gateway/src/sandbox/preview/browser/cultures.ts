/**
 * The number and date formats of the preview's two languages, as Dynamics 365 hands them to a
 * control in context.userSettings (numberFormattingInfo, dateFormattingInfo): .NET's culture
 * data for en-US and de-DE. context.formatting formats with exactly these, so a control sees
 * the same patterns, separators and names as in Dynamics 365 for a user with that format.
 */

import type { LanguageId } from '../shared/pageModel.js';

export interface Culture {
  languageId: LanguageId;
  /** BCP 47 name: userSettings.locale. */
  name: string;
  number: ComponentFramework.UserSettingApi.NumberFormattingInfo;
  date: ComponentFramework.UserSettingApi.DateFormattingInfo;
  /** formatLanguage: language names by LCID, in this language. */
  languageNames: Record<number, string>;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const GREGORIAN: ComponentFramework.UserSettingApi.Calendar = {
  minSupportedDateTime: new Date('0001-01-01T00:00:00Z'),
  maxSupportedDateTime: new Date('9999-12-31T23:59:59.999Z'),
  algorithmType: 1,
  calendarType: 1,
  twoDigitYearMax: 2049,
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', ''];
const EN_MONTHS_ABBREVIATED = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', ''];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember', ''];
const DE_MONTHS_ABBREVIATED = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez', ''];

export const EN_US: Culture = {
  languageId: 1033,
  name: 'en-US',
  number: {
    currencyDecimalDigits: 2,
    currencyDecimalSeparator: '.',
    currencyGroupSeparator: ',',
    currencyGroupSizes: [3],
    currencyNegativePattern: 0,
    currencyPositivePattern: 0,
    currencySymbol: '$',
    nanSymbol: 'NaN',
    nativeDigits: DIGITS,
    negativeInfinitySymbol: '-Infinity',
    negativeSign: '-',
    numberDecimalDigits: 2,
    numberDecimalSeparator: '.',
    numberGroupSeparator: ',',
    numberGroupSizes: [3],
    numberNegativePattern: 1,
    perMilleSymbol: '‰',
    percentDecimalDigits: 2,
    percentDecimalSeparator: '.',
    percentGroupSeparator: ',',
    percentGroupSizes: [3],
    percentNegativePattern: 1,
    percentPositivePattern: 1,
    percentSymbol: '%',
    positiveInfinitySymbol: 'Infinity',
    positiveSign: '+',
  },
  date: {
    amDesignator: 'AM',
    pmDesignator: 'PM',
    abbreviatedDayNames: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    shortestDayNames: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
    dayNames: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    monthNames: EN_MONTHS,
    monthGenitiveNames: EN_MONTHS,
    abbreviatedMonthNames: EN_MONTHS_ABBREVIATED,
    abbreviatedMonthGenitiveNames: EN_MONTHS_ABBREVIATED,
    calendar: GREGORIAN,
    calendarWeekRule: 0,
    firstDayOfWeek: 0,
    dateSeparator: '/',
    timeSeparator: ':',
    shortDatePattern: 'M/d/yyyy',
    longDatePattern: 'dddd, MMMM d, yyyy',
    shortTimePattern: 'h:mm tt',
    longTimePattern: 'h:mm:ss tt',
    fullDateTimePattern: 'dddd, MMMM d, yyyy h:mm:ss tt',
    monthDayPattern: 'MMMM d',
    yearMonthPattern: 'MMMM yyyy',
    sortableDateTimePattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    universalSortableDateTimePattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  },
  languageNames: { 1033: 'English', 1031: 'German' },
};

export const DE_DE: Culture = {
  languageId: 1031,
  name: 'de-DE',
  number: {
    currencyDecimalDigits: 2,
    currencyDecimalSeparator: ',',
    currencyGroupSeparator: '.',
    currencyGroupSizes: [3],
    currencyNegativePattern: 8,
    currencyPositivePattern: 3,
    currencySymbol: '€',
    nanSymbol: 'NaN',
    nativeDigits: DIGITS,
    negativeInfinitySymbol: '-∞',
    negativeSign: '-',
    numberDecimalDigits: 2,
    numberDecimalSeparator: ',',
    numberGroupSeparator: '.',
    numberGroupSizes: [3],
    numberNegativePattern: 1,
    perMilleSymbol: '‰',
    percentDecimalDigits: 2,
    percentDecimalSeparator: ',',
    percentGroupSeparator: '.',
    percentGroupSizes: [3],
    percentNegativePattern: 0,
    percentPositivePattern: 0,
    percentSymbol: '%',
    positiveInfinitySymbol: '∞',
    positiveSign: '+',
  },
  date: {
    amDesignator: '',
    pmDesignator: '',
    abbreviatedDayNames: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    shortestDayNames: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    dayNames: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    monthNames: DE_MONTHS,
    monthGenitiveNames: DE_MONTHS,
    abbreviatedMonthNames: DE_MONTHS_ABBREVIATED,
    abbreviatedMonthGenitiveNames: DE_MONTHS_ABBREVIATED,
    calendar: GREGORIAN,
    // FirstFourDayWeek from Monday: ISO 8601 weeks, as German calendars count them.
    calendarWeekRule: 2,
    firstDayOfWeek: 1,
    dateSeparator: '.',
    timeSeparator: ':',
    shortDatePattern: 'dd.MM.yyyy',
    longDatePattern: 'dddd, d. MMMM yyyy',
    shortTimePattern: 'HH:mm',
    longTimePattern: 'HH:mm:ss',
    fullDateTimePattern: 'dddd, d. MMMM yyyy HH:mm:ss',
    monthDayPattern: 'd. MMMM',
    yearMonthPattern: 'MMMM yyyy',
    sortableDateTimePattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    universalSortableDateTimePattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  },
  languageNames: { 1033: 'Englisch', 1031: 'Deutsch' },
};

export function cultureFor(languageId: LanguageId): Culture {
  return languageId === 1031 ? DE_DE : EN_US;
}
