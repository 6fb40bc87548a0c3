/**
 * The two formatting calls the controls make, as Dynamics 365 answers them for a user of a
 * locale: its number pattern with the symbol the control passes, its short date format.
 */

import { createFormatter, type DateAndCurrencyFormatting, type Formatter } from '../format/formatter';

export function fakeFormatting(locale: string): DateAndCurrencyFormatting {
  return {
    formatCurrency(value: number, precision?: number, symbol?: string) {
      const digits = precision ?? 2;
      const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
      // Dynamics 365 puts the symbol where the user's currency format says: before for en-US, after for de-DE.
      return locale.startsWith('de') ? `${number} ${symbol ?? ''}`.trim() : `${symbol ?? ''}${number}`;
    },
    formatDateShort(value: Date, includeTime?: boolean) {
      return new Intl.DateTimeFormat(locale, includeTime ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' }).format(value);
    },
  };
}

export function testFormatter(locale = 'en-US'): Formatter {
  return createFormatter(fakeFormatting(locale), locale);
}
