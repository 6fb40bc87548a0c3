/**
 * Currency symbols of the rows a page shows: a row's amounts are in its transactioncurrencyid,
 * whose symbol the form puts before or after the amount. Each currency is read once per page.
 */

import type { Row } from './values.js';

export const CURRENCY_PROPERTY = '_transactioncurrencyid_value';

export interface CurrencySymbols {
  /** The symbol of the row's currency; undefined when the row has none or it cannot be read. */
  of(row: Row | undefined): Promise<string | undefined>;
}

export function createCurrencySymbols(webAPI: ComponentFramework.WebApi): CurrencySymbols {
  const symbols = new Map<string, Promise<string | undefined>>();
  return {
    of(row) {
      const id = row?.[CURRENCY_PROPERTY];
      if (typeof id !== 'string' || id === '') return Promise.resolve(undefined);
      let symbol = symbols.get(id);
      if (!symbol) {
        symbol = webAPI
          .retrieveRecord('transactioncurrency', id, '?$select=currencysymbol')
          .then((currency) => (typeof currency.currencysymbol === 'string' ? currency.currencysymbol : undefined))
          .catch(() => undefined);
        symbols.set(id, symbol);
      }
      return symbol;
    },
  };
}
