import { screen, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DeliveriesPanel, ListQuery } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { ACCOUNT_ID, CUSTOMER_NUMBER, deliveriesPanel, delivery } from '../shared/testing/panels';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { DeliveriesView, type DeliveriesViewProps } from './DeliveriesView';
import { DELIVERIES_STRING_KEYS } from './manifest';

const strings = stringsOf('SapDeliveries', DELIVERIES_STRING_KEYS);

const DELIVERIES = [
  delivery({ deliveryNumber: '0080001001', deliveryDate: '2026-11-10', progress: 'picked' }),
  delivery({
    deliveryNumber: '0080001002',
    deliveryDate: '2026-11-03',
    actualGoodsIssueDate: '2026-11-04',
    progress: 'shipped',
    carrier: 'DHL Freight',
    trackingReference: 'JJD0099887766',
    salesOrders: ['0000012001', '0000012002'],
  }),
  delivery({ deliveryNumber: '0080000990', deliveryDate: '2026-09-15', actualGoodsIssueDate: '2026-09-15', progress: 'billed' }),
];

function fakeGateway(answer: (query: ListQuery) => Promise<DeliveriesPanel>) {
  return {
    deliveries: vi.fn((_accountId: string, query: ListQuery, _signal?: AbortSignal) => answer(query)),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: DeliveriesViewProps['gateway'], locale = 'en-US') {
  return renderView(
    <DeliveriesView gateway={gateway} accountId={ACCOUNT_ID} customerNumber={CUSTOMER_NUMBER} formatter={testFormatter(locale)} locale={locale} strings={strings} />,
  );
}

function firstCells(grid: HTMLElement): string[] {
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell')[0]!.textContent ?? '');
}

describe('DeliveriesView', () => {
  it('shows each delivery with its dispatch dates, progress, carrier and tracking reference', async () => {
    view(fakeGateway(() => Promise.resolve(deliveriesPanel(DELIVERIES))));
    const grid = await screen.findByRole('grid', { name: 'SAP deliveries of customer 0000001000' });

    expect(firstCells(grid)).toEqual(['0080001001', '0080001002', '0080000990']);
    const shipped = within(grid).getAllByRole('row').find((row) => row.textContent?.includes('0080001002'))!;
    expect(within(shipped).getByText('11/4/26')).toBeTruthy();
    expect(within(shipped).getByText('DHL Freight')).toBeTruthy();
    expect(within(shipped).getByText('JJD0099887766')).toBeTruthy();
    expect(within(shipped).getByText('0000012001, 0000012002')).toBeTruthy();
    expect(within(shipped).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Shipped');
    expect(screen.getByText(/\(cached\)/)).toBeTruthy();
  });

  it('sorts by how far deliveries have got', async () => {
    const { user } = view(fakeGateway(() => Promise.resolve(deliveriesPanel(DELIVERIES))));
    const grid = await screen.findByRole('grid');
    await user.click(within(within(grid).getByRole('columnheader', { name: /Progress/ })).getByText('Progress'));
    expect(firstCells(grid)).toEqual(['0080001001', '0080001002', '0080000990']);
    await user.click(within(within(grid).getByRole('columnheader', { name: /Progress/ })).getByText('Progress'));
    expect(firstCells(grid)).toEqual(['0080000990', '0080001002', '0080001001']);
  });

  it('finds a delivery by tracking reference or order, and asks SAP for open deliveries only', async () => {
    const gateway = fakeGateway(() => Promise.resolve(deliveriesPanel(DELIVERIES)));
    const { user } = view(gateway);
    const grid = await screen.findByRole('grid');

    await user.type(screen.getByRole('searchbox', { name: 'Filter the list' }), 'jjd0099');
    expect(firstCells(grid)).toEqual(['0080001002']);

    await user.click(screen.getByRole('combobox', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Open only' }));
    await vi.waitFor(() => expect(gateway.deliveries).toHaveBeenLastCalledWith(ACCOUNT_ID, { status: 'open', top: 50 }, expect.any(AbortSignal)));
  });

  it('says when there are no deliveries', async () => {
    view(fakeGateway(() => Promise.resolve(deliveriesPanel([]))));
    expect(await screen.findByText(strings.empty)).toBeTruthy();
  });

  it('shows a failure of SAP with a retry', async () => {
    const gateway = fakeGateway(() => Promise.reject(new GatewayError('unavailable', 'SAP_TIMEOUT', 'SAP did not answer within 10 seconds.', { correlationId: 'gw-7' })));
    view(gateway);
    expect(await screen.findByText('SAP did not answer within 10 seconds.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
