import { screen, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SyncResults } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { QUOTE_ID, syncResult } from '../shared/testing/panels';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { SYNC_STRING_KEYS } from './manifest';
import { SyncStatusView, type SyncStatusViewProps } from './SyncStatusView';

const strings = stringsOf('SyncStatus', SYNC_STRING_KEYS);
const RECORD = { table: 'quote', id: QUOTE_ID };

const RESULTS: SyncResults = {
  results: [
    syncResult({ id: 'a0000000-0000-4000-8000-000000000001', flow: 'quote-submit', status: 'failed', startedAt: '2026-11-26T14:02:00.000Z', retryable: true }),
    syncResult({
      id: 'a0000000-0000-4000-8000-000000000002',
      flow: 'quote-submit',
      status: 'succeeded',
      message: 'Sales order 0000012345 created',
      sapDocumentNumber: '0000012345',
      startedAt: '2026-11-26T15:10:00.000Z',
      retryable: false,
    }),
    syncResult({ id: 'a0000000-0000-4000-8000-000000000003', flow: 'quote-price', status: 'deadLettered', message: 'SAP did not answer', startedAt: '2026-11-20T08:00:00.000Z', retryable: true }),
  ],
};

function fakeGateway() {
  return {
    syncResults: vi.fn((_record: { table: string; id: string }, _signal?: AbortSignal) => Promise.resolve(RESULTS)),
    retrySyncResult: vi.fn((_id: string, _signal?: AbortSignal) => Promise.resolve()),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: SyncStatusViewProps['gateway'], { saved = true } = {}) {
  return renderView(<SyncStatusView gateway={gateway} record={saved ? RECORD : undefined} formatter={testFormatter()} locale="en-US" strings={strings} />);
}

function column(grid: HTMLElement, index: number): string[] {
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell')[index]!.textContent ?? '');
}

describe('SyncStatusView', () => {
  it("lists the record's sync results, newest first, with message, SAP document and correlation id", async () => {
    const gateway = fakeGateway();
    view(gateway);
    const grid = await screen.findByRole('grid', { name: 'Sync results of this record' });
    expect(gateway.syncResults).toHaveBeenCalledWith(RECORD, expect.any(AbortSignal));
    expect(column(grid, 2)).toEqual(['Succeeded', 'Failed', 'Failed, retries used up']);
    expect(within(grid).getByText('Material PUMP-9 is not sellable in sales area 1000/10/00')).toBeTruthy();
    expect(within(grid).getByText('0000012345')).toBeTruthy();
    expect(within(grid).getAllByText('5b7c1e2d-0f3a-4c6b-9d8e-7a6b5c4d3e2f')).toHaveLength(3);
  });

  it('reads the results again when its bound column changes (a send wrote the SAP document number), not on other updates', async () => {
    const gateway = fakeGateway();
    const element = (refreshKey: string) => <SyncStatusView gateway={gateway} record={RECORD} refreshKey={refreshKey} formatter={testFormatter()} locale="en-US" strings={strings} />;
    const { rerender } = renderView(element(''));
    await screen.findByRole('grid', { name: 'Sync results of this record' });
    rerender(element(''));
    expect(gateway.syncResults).toHaveBeenCalledTimes(1);
    rerender(element('0000012345'));
    await vi.waitFor(() => expect(gateway.syncResults).toHaveBeenCalledTimes(2));
  });

  it('filters by status and by text', async () => {
    const { user } = view(fakeGateway());
    const grid = await screen.findByRole('grid');
    await user.click(screen.getByRole('combobox', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Failed, retries used up' }));
    expect(column(grid, 1)).toEqual(['quote-price']);

    await user.click(screen.getByRole('combobox', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'All' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter the list' }), '12345');
    expect(column(grid, 2)).toEqual(['Succeeded']);
  });

  it('offers Retry on failed runs only, and runs it again', async () => {
    const gateway = fakeGateway();
    const { user } = view(gateway);
    await screen.findByRole('grid');
    const retries = screen.getAllByRole('button', { name: /^Retry quote-/ });
    expect(retries).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: /^Retry quote-price of/ }));
    expect(gateway.retrySyncResult).toHaveBeenCalledWith('a0000000-0000-4000-8000-000000000003', expect.any(AbortSignal));
    expect(await screen.findByText('The gateway runs quote-price again; refresh to see the result.')).toBeTruthy();
    await vi.waitFor(() => expect(gateway.syncResults).toHaveBeenCalledTimes(2));
  });

  it('shows the refusal when someone who is not an integration admin retries', async () => {
    const gateway = fakeGateway();
    gateway.retrySyncResult.mockRejectedValueOnce(new GatewayError('notAuthorized', 'NOT_INTEGRATION_ADMIN', 'Retrying needs the ecc365 integration admin role.', { status: 403 }));
    const { user } = view(gateway);
    await screen.findByRole('grid');
    await user.click(screen.getByRole('button', { name: /^Retry quote-price of/ }));
    expect(await screen.findByText('Only integration admins can retry a sync. Retrying needs the ecc365 integration admin role.')).toBeTruthy();
    expect(gateway.syncResults).toHaveBeenCalledTimes(1);
  });

  it('says when nothing has run yet, and asks to save a new record first', async () => {
    const gateway = fakeGateway();
    gateway.syncResults.mockResolvedValueOnce({ results: [] });
    const first = view(gateway);
    expect(await screen.findByText(strings.empty)).toBeTruthy();
    first.unmount();

    const unsaved = fakeGateway();
    view(unsaved, { saved: false });
    expect(await screen.findByText('Save the record to see its SAP data.')).toBeTruthy();
    expect(unsaved.syncResults).not.toHaveBeenCalled();
  });
});
