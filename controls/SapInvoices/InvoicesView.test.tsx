import { screen, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { InvoicesPanel, ListQuery } from '../shared/api/panelApi';
import { testFormatter } from '../shared/testing/formatting';
import { ACCOUNT_ID, CUSTOMER_NUMBER, invoice, invoicesPanel, openReceivable } from '../shared/testing/panels';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { InvoicesView, type InvoicesViewProps } from './InvoicesView';
import { INVOICES_STRING_KEYS } from './manifest';

const strings = stringsOf('SapInvoices', INVOICES_STRING_KEYS);

const INVOICES = [
  invoice({ invoiceNumber: '0090001001', billingDate: '2026-10-01', paymentStatus: 'overdue', openBalance: 1190 }),
  invoice({ invoiceNumber: '0090001002', billingDate: '2026-11-15', dueDate: '2026-12-15', paymentStatus: 'open', netValue: 500, taxAmount: 95, grossValue: 595, openBalance: 595 }),
  invoice({ invoiceNumber: '0090000950', billingDate: '2026-08-01', dueDate: '2026-08-31', paymentStatus: 'paid', openBalance: 0 }),
];
const OPEN_ITEMS = [
  openReceivable({ documentNumber: '1800000123', invoiceNumber: '0090001001', amount: 1190, daysOverdue: 27 }),
  openReceivable({ documentNumber: '1800000140', invoiceNumber: '0090001002', postingDate: '2026-11-15', dueDate: '2026-12-15', amount: 595, daysOverdue: 0 }),
];

function fakeGateway(answer: (query: ListQuery) => Promise<InvoicesPanel>) {
  return {
    invoices: vi.fn((_accountId: string, query: ListQuery, _signal?: AbortSignal) => answer(query)),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: InvoicesViewProps['gateway']) {
  return renderView(
    <InvoicesView gateway={gateway} accountId={ACCOUNT_ID} customerNumber={CUSTOMER_NUMBER} formatter={testFormatter('en-US')} locale="en-US" strings={strings} />,
  );
}

describe('InvoicesView', () => {
  it('shows the open balance and the overdue amount as labelled key figures', async () => {
    view(fakeGateway(() => Promise.resolve(invoicesPanel(INVOICES, OPEN_ITEMS))));
    await screen.findByRole('grid', { name: 'SAP invoices of customer 0000001000' });
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const definitions = screen.getAllByRole('definition').map((definition) => definition.textContent);
    expect(terms).toEqual(['Open balance', 'Overdue']);
    expect(definitions).toEqual(['€1,785.00', '€1,190.00']);
  });

  it('lists invoices with amounts, due date, payment status and what is still open', async () => {
    view(fakeGateway(() => Promise.resolve(invoicesPanel(INVOICES, OPEN_ITEMS))));
    const grid = await screen.findByRole('grid', { name: 'SAP invoices of customer 0000001000' });
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('gridcell')[0]!.textContent)).toEqual(['0090001002', '0090001001', '0090000950']);
    expect(within(rows[0]!).getByText('12/15/26')).toBeTruthy();
    expect(within(rows[0]!).getAllByText('€595.00')).toHaveLength(2);
    expect(within(rows[1]!).getByText('Overdue')).toBeTruthy();
    expect(within(rows[2]!).getByText('Paid')).toBeTruthy();
  });

  it('lists the open items, earliest due first, with days overdue', async () => {
    view(fakeGateway(() => Promise.resolve(invoicesPanel(INVOICES, OPEN_ITEMS))));
    const openItems = await screen.findByRole('grid', { name: 'Open items of customer 0000001000' });
    const rows = within(openItems).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('gridcell')[0]!.textContent)).toEqual(['1800000123', '1800000140']);
    expect(within(rows[0]!).getByText('27')).toBeTruthy();
  });

  it('filters invoices by payment status text and asks SAP for unpaid ones only', async () => {
    const gateway = fakeGateway(() => Promise.resolve(invoicesPanel(INVOICES, OPEN_ITEMS)));
    const { user } = view(gateway);
    const grid = await screen.findByRole('grid', { name: 'SAP invoices of customer 0000001000' });

    await user.type(screen.getByRole('searchbox', { name: 'Filter the list' }), 'overdue');
    expect(within(grid).getAllByRole('row')).toHaveLength(2);

    await user.click(screen.getByRole('combobox', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Open only' }));
    await vi.waitFor(() => expect(gateway.invoices).toHaveBeenLastCalledWith(ACCOUNT_ID, { status: 'open', top: 50 }, expect.any(AbortSignal)));
  });

  it('says when there are no invoices and no open items', async () => {
    view(fakeGateway(() => Promise.resolve(invoicesPanel([], []))));
    expect(await screen.findByText(strings.empty)).toBeTruthy();
    expect(await screen.findByText(strings.openItemsEmpty)).toBeTruthy();
  });
});
