import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SyncStatus } from './index';
import { createFakeGatewayServer, json, SANDBOX_ENVIRONMENT } from '../shared/testing/gatewayServer';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { ACCOUNT_ID, syncResult } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SyncStatus lifecycle', () => {
  it("init → updateView lists the account's sync results → retry → getOutputs leaves the bound column alone", async () => {
    const failed = syncResult({ flow: 'customer-to-sap', retryable: true });
    const server = createFakeGatewayServer({
      [`GET /api/v1/records/account/${ACCOUNT_ID}/sync-results`]: () => json(200, { results: [failed] }),
      [`POST /api/v1/sync-results/${failed.id}/retry`]: () => json(202, { ...failed, status: 'retrying' }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const { context } = createMockContext<IInputs>({
      control: 'SyncStatus',
      parameters: { recordLabel: stringProperty('Contoso Pumps GmbH') },
      record: { table: 'account', id: ACCOUNT_ID },
      environment: SANDBOX_ENVIRONMENT,
    });
    const control = new SyncStatus();
    const { user } = startControl(control, context);

    const grid = await screen.findByRole('grid', { name: 'Sync results of this record' });
    await user.click(within(grid).getByRole('button', { name: /^Retry customer-to-sap of/ }));
    expect(await screen.findByText(/runs customer-to-sap again/)).toBeTruthy();
    expect(server.apiRequests().map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      `GET /api/v1/records/account/${ACCOUNT_ID}/sync-results`,
      `POST /api/v1/sync-results/${failed.id}/retry`,
      `GET /api/v1/records/account/${ACCOUNT_ID}/sync-results`,
    ]);
    expect(control.getOutputs()).toEqual({});
  });
});
