/**
 * A form page: the record read through context.webAPI as the signed-in persona, its values in
 * the fields and header, its subgrids, and the controls of each tab, started when their tab is
 * first shown (as Dynamics 365 loads a tab's controls) and destroyed when the page goes. Text
 * fields are editable on an active record: a change is unsaved until Save, and a control bound
 * to the column sees it at once (updateView); Refresh reads the record again.
 */

import type { FormPageModel } from '../shared/pageModel.js';
import type { SharedContext } from './context.js';
import { HostedControl, type HostForm } from './controlHost.js';
import { createCurrencySymbols, CURRENCY_PROPERTY } from './currencies.js';
import { clearNotifications, notify } from './notifications.js';
import { setUpTabs } from './tabs.js';
import { SignInRequired } from './tokens.js';
import { displayValue, propertyNameOf, readColumnValue, type Row } from './values.js';
import { recordId as normalizeId } from './webApi.js';

const ACTIVE_STATE = 0;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

export function startFormPage(model: FormPageModel, shared: SharedContext): void {
  const { messages } = model;
  const table = model.tables[model.table]!;
  const currencies = createCurrencySymbols(shared.webAPI);
  const changes = new Map<string, string | number | boolean | null>();
  const controls = new Map<string, HostedControl>();
  let loaded: Row | undefined;
  let currencySymbol: string | undefined;
  let readable = false;
  let loadedOnce = false;

  const saveButton = document.querySelector<HTMLButtonElement>('[data-command="save"]')!;
  const refreshButton = document.querySelector<HTMLButtonElement>('[data-command="refresh"]')!;
  const dirtyFlag = document.querySelector<HTMLElement>('[data-dirty-flag]')!;

  /** A change that matches what Dataverse holds is no change. */
  function setChange(column: string, value: string | number | boolean | null): void {
    if ((loaded?.[column] ?? null) === value) changes.delete(column);
    else changes.set(column, value);
  }

  const row = (): Row | undefined => (loaded ? { ...loaded, ...Object.fromEntries(changes) } : undefined);
  const recordName = (): string => {
    const name = row()?.[table.primaryNameAttribute];
    return typeof name === 'string' && name !== '' ? name : model.recordId;
  };
  const readOnly = (): boolean => !readable || (typeof loaded?.statecode === 'number' && loaded.statecode !== ACTIVE_STATE);

  const form: HostForm = {
    entityTypeName: model.table,
    entityId: model.recordId,
    row,
    recordName,
    columns: model.columns,
    currencySymbol: () => currencySymbol,
    readOnly,
    changeColumn: (column, value) => {
      setChange(column, value);
      showValues();
      updateControls();
    },
  };

  function failed(error: unknown, template: string): void {
    if (error instanceof SignInRequired) {
      notify('error', '', { href: `/sandbox/preview/sign-in?returnTo=${encodeURIComponent(location.pathname)}`, label: messages.signInRequired });
      return;
    }
    notify('error', template.replace('{0}', error instanceof Error ? error.message : String(error)));
  }

  function showValues(): void {
    const current = row();
    const title = current ? recordName() : model.recordId;
    document.querySelector('[data-primary-name]')!.textContent = title;
    document.querySelector('[data-initials]')!.textContent = current ? initials(title) : '';
    document.title = `${title} – ${document.title.split(' – ').pop() ?? ''}`;
    for (const element of document.querySelectorAll<HTMLElement>('[data-column]')) {
      const column = model.columns[element.dataset.column ?? ''];
      if (!column) continue;
      const value = readColumnValue(current, column);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        if (document.activeElement !== element) element.value = value.value === null ? '' : String(value.value);
        element.disabled = readOnly() || !column.editable;
        element.dataset.dirty = String(changes.has(column.logicalName));
      } else {
        element.textContent = displayValue(column, value, shared.formatting, currencySymbol);
      }
    }
    const dirty = changes.size > 0;
    dirtyFlag.hidden = !dirty;
    saveButton.disabled = !dirty || readOnly();
  }

  function updateControls(): void {
    for (const control of controls.values()) control.update('parameters');
  }

  async function readRecord(): Promise<void> {
    const select = new Set([table.primaryIdAttribute, table.primaryNameAttribute, ...Object.values(model.columns).map(propertyNameOf)]);
    try {
      loaded = await shared.webAPI.retrieveRecord(model.table, model.recordId, `?$select=${[...select].join(',')}`);
      readable = true;
      // A control may have given the form a value the gateway has meanwhile written to the record.
      for (const [column, value] of [...changes]) setChange(column, value);
      currencySymbol = await currencies.of(loaded);
    } catch (error) {
      loaded = undefined;
      readable = false;
      if (error instanceof SignInRequired) failed(error, messages.readFailed);
      else notify('warning', messages.recordUnavailable.replace('{0}', error instanceof Error ? error.message : String(error)));
    }
  }

  async function readSubgrids(): Promise<void> {
    await Promise.all(
      model.subgrids.map(async (grid) => {
        const body = document.querySelector<HTMLElement>(`[data-subgrid="${grid.id}"]`);
        if (!body) return;
        const message = (text: string, error = false) => {
          const cell = document.createElement('td');
          cell.colSpan = Math.max(grid.columns.length, 1);
          cell.className = `grid-message${error ? ' error' : ''}`;
          cell.textContent = text;
          const tableRow = document.createElement('tr');
          tableRow.append(cell);
          body.replaceChildren(tableRow);
        };
        if (!readable) return message(messages.noRecords);
        const select = [...grid.columns.map(propertyNameOf), ...(grid.hasCurrency ? [CURRENCY_PROPERTY] : [])].join(',');
        const filter = `_${grid.parentColumn}_value eq ${normalizeId(model.recordId)}`;
        try {
          const { entities } = await shared.webAPI.retrieveMultipleRecords(grid.table, `?$select=${select}&$filter=${filter}&$orderby=${grid.orderBy}`);
          if (entities.length === 0) return message(messages.noRecords);
          const rows = await Promise.all(
            entities.map(async (entity) => {
              const symbol = await currencies.of(entity);
              const tableRow = document.createElement('tr');
              for (const column of grid.columns) {
                const cell = document.createElement('td');
                if (column.type === 'Money' || column.type === 'Decimal' || column.type === 'Integer') cell.className = 'number';
                cell.textContent = displayValue(column, readColumnValue(entity, column), shared.formatting, symbol);
                tableRow.append(cell);
              }
              return tableRow;
            }),
          );
          body.replaceChildren(...rows);
        } catch (error) {
          message(messages.readFailed.replace('{0}', error instanceof Error ? error.message : String(error)), true);
        }
      }),
    );
  }

  function startControls(panel: HTMLElement): void {
    for (const slot of model.controls) {
      const element = document.getElementById(slot.slotId);
      if (!element || controls.has(slot.slotId) || !panel.contains(element)) continue;
      const control = new HostedControl(slot, element, shared, form, messages);
      controls.set(slot.slotId, control);
      void control.start();
    }
  }

  async function load(): Promise<void> {
    await readRecord();
    showValues();
    loadedOnce = true;
    const visible = document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])');
    if (visible) startControls(visible);
    await readSubgrids();
  }

  for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[data-column], textarea[data-column]')) {
    input.addEventListener('input', () => {
      const column = input.dataset.column!;
      setChange(column, input.value === '' ? null : input.value);
      input.dataset.dirty = String(changes.has(column));
      dirtyFlag.hidden = changes.size === 0;
      saveButton.disabled = changes.size === 0 || readOnly();
    });
    // A bound control sees the new value when the field's value is committed, as in Dynamics 365.
    input.addEventListener('change', () => {
      showValues();
      updateControls();
    });
  }

  saveButton.addEventListener('click', () => {
    void (async () => {
      saveButton.disabled = true;
      try {
        await shared.webAPI.updateRecord(model.table, model.recordId, Object.fromEntries(changes));
        changes.clear();
        await readRecord();
        showValues();
        updateControls();
        notify('success', messages.saved);
      } catch (error) {
        showValues();
        failed(error, messages.saveFailed);
      }
    })();
  });

  refreshButton.addEventListener('click', () => {
    void (async () => {
      clearNotifications();
      await readRecord();
      // Asked only about changes that differ from what Dataverse now holds.
      if (changes.size > 0 && (await shared.navigation.openConfirmDialog({ text: messages.discardChanges })).confirmed) changes.clear();
      showValues();
      updateControls();
      await readSubgrids();
    })();
  });

  const tablist = document.querySelector<HTMLElement>('[role="tablist"]');
  if (tablist) setUpTabs(tablist, (panel) => loadedOnce && startControls(panel));
  window.addEventListener('pagehide', () => {
    for (const control of controls.values()) control.destroy();
  });
  void load();
}
