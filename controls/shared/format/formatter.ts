/**
 * Amounts, quantities and dates as the user reads them: Dynamics 365's own formatting
 * (context.formatting, which follows the user's personal number and date settings) with the
 * document's currency as the symbol, and Intl with the user's locale where PCF has no formatter.
 */

export interface Formatter {
  /** An amount in the document's currency (ISO 4217), e.g. "€1,234.50" or "1.234,50 €". */
  amount: (value: number, currency: string) => string;
  /** A quantity with its unit, e.g. "12.5 KG". */
  quantity: (value: number, unit: string) => string;
  /** A plain number with up to three decimals. */
  number: (value: number) => string;
  /** A percentage given as 0–100, e.g. "82.5%". */
  percent: (value: number) => string;
  /** An ISO date (YYYY-MM-DD) in the user's short date format; '' for no date. */
  date: (isoDate: string) => string;
  /** An ISO instant in the user's short date and time format. */
  dateTime: (isoInstant: string) => string;
}

export type DateAndCurrencyFormatting = Pick<ComponentFramework.Formatting, 'formatCurrency' | 'formatDateShort'>;

export function createFormatter(formatting: DateAndCurrencyFormatting, locale: string): Formatter {
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const currencies = new Map<string, { symbol: string; digits: number }>();

  function currencyOf(code: string): { symbol: string; digits: number } {
    let currency = currencies.get(code);
    if (!currency) {
      currency = describeCurrency(code, locale);
      currencies.set(code, currency);
    }
    return currency;
  }

  return {
    amount(value, currency) {
      const { symbol, digits } = currencyOf(currency);
      return formatting.formatCurrency(value, digits, symbol);
    },
    quantity: (value, unit) => (unit === '' ? numberFormat.format(value) : `${numberFormat.format(value)} ${unit}`),
    number: (value) => numberFormat.format(value),
    percent: (value) => percentFormat.format(value / 100),
    date(isoDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return '';
      // A calendar date, not an instant: build it in local time so no time zone moves the day.
      return formatting.formatDateShort(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    },
    dateTime(isoInstant) {
      const time = Date.parse(isoInstant);
      return Number.isNaN(time) ? '' : formatting.formatDateShort(new Date(time), true);
    },
  };
}

/** The currency's symbol in the user's locale and its number of decimals (JPY 0, EUR 2, KWD 3). */
function describeCurrency(code: string, locale: string): { symbol: string; digits: number } {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    const symbol = format.formatToParts(0).find((part) => part.type === 'currency')?.value ?? code;
    return { symbol, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
  } catch {
    // Not an ISO 4217 code Intl knows: show the code as SAP sent it.
    return { symbol: code, digits: 2 };
  }
}
