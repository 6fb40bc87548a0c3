import { screen, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ListQuery, OrdersPanel } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { ACCOUNT_ID, CUSTOMER_NUMBER, orderLine, ordersPanel, salesOrder } from '../shared/testing/panels';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { OrdersView, type OrdersViewProps } from './OrdersView';
import { ORDERS_STRING_KEYS } from './manifest';

const strings = stringsOf('SapOrders', ORDERS_STRING_KEYS);

function fakeGateway(answer: (query: ListQuery) => Promise<OrdersPanel>) {
  return {
    orders: vi.fn((_accountId: string, query: ListQuery, _signal?: AbortSignal) => answer(query)),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: OrdersViewProps['gateway'], overrides: Partial<OrdersViewProps> = {}) {
  return renderView(
    <OrdersView gateway={gateway} accountId={ACCOUNT_ID} customerNumber={CUSTOMER_NUMBER} formatter={testFormatter('en-US')} locale="en-US" strings={strings} {...overrides} />,
  );
}

/** The first cell of every data row of a grid, top to bottom. */
function firstCells(grid: HTMLElement): string[] {
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell')[0]!.textContent ?? '');
}

const ORDERS = [
  salesOrder({ documentNumber: '0000012001', documentDate: '2026-11-02', netValue: 2400, customerReference: 'PO-4711' }),
  salesOrder({
    documentNumber: '0000012002',
    documentDate: '2026-11-20',
    netValue: 980.5,
    customerReference: 'PO-4712',
    status: { overall: 'partial', delivery: 'partial', billing: 'open', creditBlocked: true },
    deliveryBlock: '01',
    lines: [orderLine({ itemNumber: 10, materialNumber: 'VALVE-20', description: 'Ball valve DN20', quantity: 12.5, unit: 'KG', netValue: 980.5 })],
  }),
  salesOrder({
    documentNumber: '0000011990', documentType: 'ZRAH', documentTypeName: '', documentDate: '2026-06-30', netValue: 15000, customerReference: 'FRAME-2026',
    status: { overall: 'complete', delivery: 'complete', billing: 'complete', creditBlocked: false },
  }),
];

describe('OrdersView', () => {
  it('asks to save a new account first, without calling the gateway', async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel(ORDERS)));
    view(gateway, { accountId: undefined });
    expect(await screen.findByText('Save the record to see its SAP data.')).toBeTruthy();
    expect(gateway.orders).not.toHaveBeenCalled();
  });

  it('says when the account is not linked to an SAP customer', async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel(ORDERS)));
    view(gateway, { customerNumber: '' });
    expect(await screen.findByText(strings.notLinked)).toBeTruthy();
    expect(gateway.orders).not.toHaveBeenCalled();
  });

  it('asks the gateway when CRM hides the customer number from the user, and shows its refusal', async () => {
    const gateway = fakeGateway(() =>
      Promise.reject(new GatewayError('notAuthorized', 'NOT_AUTHORIZED', 'You may not read this account in CRM.', { status: 403, correlationId: 'gw-403' })),
    );
    view(gateway, { customerNumber: '', customerNumberReadable: false });
    expect(await screen.findByText('Code: NOT_AUTHORIZED · Correlation ID: gw-403')).toBeTruthy();
    expect(gateway.orders).toHaveBeenCalledWith(ACCOUNT_ID, { status: 'all', top: 50 }, expect.any(AbortSignal));
    expect(screen.queryByText(strings.notLinked)).toBeNull();
  });

  it('shows a loading state, then the orders newest first with amounts in their currency', async () => {
    let answer!: (panel: OrdersPanel) => void;
    const gateway = fakeGateway(() => new Promise((resolve) => (answer = resolve)));
    view(gateway);

    expect(screen.getByRole('status', { name: 'Loading SAP data…' })).toBeTruthy();
    expect(gateway.orders).toHaveBeenCalledWith(ACCOUNT_ID, { status: 'all', top: 50 }, expect.any(AbortSignal));
    answer(ordersPanel(ORDERS));

    const grid = await screen.findByRole('grid', { name: 'SAP sales orders of customer 0000001000' });
    expect(firstCells(grid)).toEqual(['0000012002', '0000012001', '0000011990']);
    expect(within(grid).getByText('€980.50')).toBeTruthy();
    expect(within(grid).getByText('In progress · Credit block · Delivery block 01')).toBeTruthy();
    // SAP's name of the document type, or its key when SAP gives no name.
    expect(within(grid).getAllByText('Standard Order')).toHaveLength(2);
    expect(within(grid).getByText('ZRAH')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'SAP sales orders' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'SAP sales orders' })).toBeTruthy();
  });

  it('sorts by a column when its header is clicked, and tells screen readers the order', async () => {
    const { user } = view(fakeGateway(() => Promise.resolve(ordersPanel(ORDERS))));
    const grid = await screen.findByRole('grid');

    const header = within(grid).getByRole('columnheader', { name: /Net value/ });
    await user.click(within(header).getByText('Net value'));
    expect(firstCells(grid)).toEqual(['0000012002', '0000012001', '0000011990']);
    expect(header.getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(header).getByText('Net value'));
    expect(firstCells(grid)).toEqual(['0000011990', '0000012001', '0000012002']);
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it("filters by text in the order's numbers, references and materials", async () => {
    const { user } = view(fakeGateway(() => Promise.resolve(ordersPanel(ORDERS))));
    const grid = await screen.findByRole('grid');
    const filter = screen.getByRole('searchbox', { name: 'Filter the list' });

    await user.type(filter, 'valve');
    expect(firstCells(grid)).toEqual(['0000012002']);
    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(screen.getByText('No rows match the filter.')).toBeTruthy();
  });

  it('asks the gateway for open orders only when the status filter says so', async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel(ORDERS)));
    const { user } = view(gateway);
    await screen.findByRole('grid');

    await user.click(screen.getByRole('combobox', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Open only' }));
    await vi.waitFor(() => expect(gateway.orders).toHaveBeenLastCalledWith(ACCOUNT_ID, { status: 'open', top: 50 }, expect.any(AbortSignal)));
  });

  it('shows more when the gateway says more orders match', async () => {
    const gateway = fakeGateway((query) => Promise.resolve(ordersPanel(ORDERS, query.top < 100)));
    const { user } = view(gateway);
    await screen.findByRole('grid');

    expect(screen.getByText('Showing the newest 3; more match.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await vi.waitFor(() => expect(gateway.orders).toHaveBeenLastCalledWith(ACCOUNT_ID, { status: 'all', top: 100 }, expect.any(AbortSignal)));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull());
  });

  it('shows the lines of the order the user selects', async () => {
    const { user } = view(fakeGateway(() => Promise.resolve(ordersPanel(ORDERS))));
    const grid = await screen.findByRole('grid');
    expect(screen.getByText('Select an order to see its lines.')).toBeTruthy();

    await user.click(within(grid).getByText('PO-4712'));
    const lines = await screen.findByRole('grid', { name: 'Lines of order 0000012002' });
    expect(within(lines).getByText('Ball valve DN20')).toBeTruthy();
    expect(within(lines).getByText('12.5 KG')).toBeTruthy();
    expect(within(lines).getByText('€980.50')).toBeTruthy();
  });

  it('says the user may not see SAP data when the gateway answers 403, without a retry', async () => {
    const gateway = fakeGateway(() =>
      Promise.reject(new GatewayError('notAuthorized', 'NOT_AUTHORIZED', 'You may not read this account in CRM.', { status: 403, correlationId: 'gw-403' })),
    );
    view(gateway);
    expect(await screen.findByText('You may not see SAP data of this record.')).toBeTruthy();
    expect(screen.getByText('You may not read this account in CRM.')).toBeTruthy();
    expect(screen.getByText('Code: NOT_AUTHORIZED · Correlation ID: gw-403')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it("shows the API's error with its code and correlation id, and loads again on retry", async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel(ORDERS)));
    gateway.orders.mockRejectedValueOnce(new GatewayError('unavailable', 'SAP_UNAVAILABLE', 'SAP does not answer. Try again in a minute.', { status: 503, correlationId: 'gw-503' }));
    const { user } = view(gateway);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('SAP does not answer. Try again in a minute.')).toBeTruthy();
    expect(within(alert).getByText('Code: SAP_UNAVAILABLE · Correlation ID: gw-503')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('grid')).toBeTruthy();
    expect(gateway.orders).toHaveBeenCalledTimes(2);
  });

  it('offers a sign-in when a token needs the user, and loads after it', async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel(ORDERS)));
    gateway.orders.mockRejectedValueOnce(new GatewayError('signInRequired', 'SIGN_IN_REQUIRED', 'Microsoft Entra ID needs you to confirm your sign-in.'));
    const { user } = view(gateway);

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(gateway.signIn).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('grid')).toBeTruthy();
  });

  it('says when SAP has no orders, and refreshes on request', async () => {
    const gateway = fakeGateway(() => Promise.resolve(ordersPanel([])));
    const { user } = view(gateway);
    expect(await screen.findByText(strings.empty)).toBeTruthy();
    expect(screen.getByText(/^As of 11\/27\/26/)).toBeTruthy();

    gateway.orders.mockResolvedValueOnce(ordersPanel(ORDERS));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('grid')).toBeTruthy();
  });

  it('cancels its request when the panel closes', () => {
    const gateway = fakeGateway(() => new Promise(() => undefined));
    const { unmount } = view(gateway);
    const signal = gateway.orders.mock.calls[0]![2]!;
    expect(signal.aborted).toBe(false);
    unmount();
    expect(signal.aborted).toBe(true);
  });
});
