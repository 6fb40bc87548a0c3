import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SapDeliveries } from './index';
import { createFakeGatewayServer, json, PREVIEW_TOKEN, SANDBOX_ENVIRONMENT } from '../shared/testing/gatewayServer';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { ACCOUNT_ID, CUSTOMER_NUMBER, deliveriesPanel, delivery } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

function accountForm({ saved = true } = {}) {
  return createMockContext<IInputs>({
    control: 'SapDeliveries',
    parameters: { customerNumber: stringProperty(CUSTOMER_NUMBER) },
    record: saved ? { table: 'account', id: ACCOUNT_ID } : undefined,
    environment: SANDBOX_ENVIRONMENT,
  });
}

describe('SapDeliveries lifecycle', () => {
  it('init → updateView shows the deliveries → the user refreshes → getOutputs has nothing to write', async () => {
    const route = vi.fn(() => json(200, deliveriesPanel([delivery({ deliveryNumber: '0080001001', trackingReference: 'JJD0099887766', progress: 'shipped' })])));
    const server = createFakeGatewayServer({ [`GET /api/v1/accounts/${ACCOUNT_ID}/sap/deliveries`]: route });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SapDeliveries();

    const { user } = startControl(control, accountForm().context);
    const grid = await screen.findByRole('grid', { name: `SAP deliveries of customer ${CUSTOMER_NUMBER}` });
    expect(within(grid).getByText('JJD0099887766')).toBeTruthy();
    expect(server.apiRequests()[0]!.headers.get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await vi.waitFor(() => expect(route).toHaveBeenCalledTimes(2));
    expect(control.getOutputs()).toEqual({});
  });

  it('waits for the account to be saved before calling SAP', async () => {
    const server = createFakeGatewayServer({});
    vi.stubGlobal('fetch', server.fetch);
    startControl(new SapDeliveries(), accountForm({ saved: false }).context);
    expect(await screen.findByText('Save the record to see its SAP data.')).toBeTruthy();
    expect(server.requests).toHaveLength(0);
  });
});
