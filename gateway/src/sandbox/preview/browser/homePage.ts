/**
 * The home page: each view's rows, read through context.webAPI as the signed-in persona, so the
 * lists hold what Dynamics 365 would show that person; a page at a time, "Load more" follows the
 * Web API's nextLink.
 */

import type { HomePageModel, ViewModel } from '../shared/pageModel.js';
import type { SharedContext } from './context.js';
import { createCurrencySymbols, CURRENCY_PROPERTY } from './currencies.js';
import { SignInRequired } from './tokens.js';
import { displayValue, propertyNameOf, readColumnValue } from './values.js';

const PAGE_SIZE = 25;

export function startHomePage(model: HomePageModel, shared: SharedContext): void {
  const currencies = createCurrencySymbols(shared.webAPI);

  for (const view of model.views) {
    const body = document.querySelector<HTMLElement>(`[data-view="${view.id}"]`);
    const more = document.querySelector<HTMLButtonElement>(`[data-load-more="${view.id}"]`);
    if (!body || !more) continue;
    const table = model.tables[view.table]!;
    let nextLink: string | undefined;
    let shown = 0;

    const message = (text: string, error = false, link?: string) => {
      const cell = document.createElement('td');
      cell.colSpan = Math.max(view.columns.length, 1);
      cell.className = `grid-message${error ? ' error' : ''}`;
      if (link) {
        const anchor = document.createElement('a');
        anchor.href = link;
        anchor.textContent = text;
        cell.append(anchor);
      } else cell.textContent = text;
      const row = document.createElement('tr');
      row.append(cell);
      body.replaceChildren(row);
    };

    async function rowsOf(entities: ComponentFramework.WebApi.Entity[], current: ViewModel): Promise<HTMLTableRowElement[]> {
      return Promise.all(
        entities.map(async (entity) => {
          const symbol = await currencies.of(entity);
          const row = document.createElement('tr');
          for (const { column, isPrimary } of current.columns) {
            const cell = document.createElement('td');
            const text = displayValue(column, readColumnValue(entity, column), shared.formatting, symbol);
            if (column.type === 'Money' || column.type === 'Decimal' || column.type === 'Integer') cell.className = 'number';
            const id: unknown = entity[table.primaryIdAttribute];
            if (isPrimary && typeof id === 'string') {
              const link = document.createElement('a');
              link.href = `${current.formPath}${id}`;
              link.textContent = text === '' ? id : text;
              cell.append(link);
            } else cell.textContent = text;
            row.append(cell);
          }
          return row;
        }),
      );
    }

    async function load(): Promise<void> {
      more!.disabled = true;
      try {
        const select = [table.primaryIdAttribute, ...view.columns.map(({ column }) => propertyNameOf(column)), ...(view.hasCurrency ? [CURRENCY_PROPERTY] : [])];
        const query = nextLink ?? `?$select=${[...new Set(select)].join(',')}${view.filter ? `&$filter=${encodeURIComponent(view.filter)}` : ''}&$orderby=${encodeURIComponent(view.orderBy)}`;
        const page = await shared.webAPI.retrieveMultipleRecords(view.table, query, PAGE_SIZE);
        const rows = await rowsOf(page.entities, view);
        if (shown === 0 && rows.length === 0) message(model.messages.noRecords);
        else if (shown === 0) body!.replaceChildren(...rows);
        else body!.append(...rows);
        shown += rows.length;
        nextLink = page.nextLink;
        more!.hidden = nextLink === undefined;
      } catch (error) {
        if (error instanceof SignInRequired) message(model.messages.signInRequired, true, '/sandbox/preview/sign-in');
        else message(model.messages.readFailed.replace('{0}', error instanceof Error ? error.message : String(error)), true);
      } finally {
        more!.disabled = false;
      }
    }

    more.addEventListener('click', () => void load());
    void load();
  }
}
