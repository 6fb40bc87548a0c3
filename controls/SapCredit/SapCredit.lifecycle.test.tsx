import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SapCredit } from './index';
import { createFakeGatewayServer, json, PREVIEW_TOKEN, SANDBOX_ENVIRONMENT } from '../shared/testing/gatewayServer';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { ACCOUNT_ID, CUSTOMER_NUMBER, creditPanel } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SapCredit lifecycle', () => {
  it('init → updateView shows the credit situation → refresh asks SAP again → getOutputs has nothing to write', async () => {
    const route = vi.fn(() => json(200, creditPanel()));
    const server = createFakeGatewayServer({ [`GET /api/v1/accounts/${ACCOUNT_ID}/sap/credit`]: route });
    vi.stubGlobal('fetch', server.fetch);
    const { context } = createMockContext<IInputs>({
      control: 'SapCredit',
      parameters: { customerNumber: stringProperty(CUSTOMER_NUMBER) },
      record: { table: 'account', id: ACCOUNT_ID },
      environment: SANDBOX_ENVIRONMENT,
      languageId: 1031,
    });
    const control = new SapCredit();
    const { user } = startControl(control, context);

    expect(await screen.findByText('Kreditlimit')).toBeTruthy();
    expect(screen.getByText('50.000,00 €')).toBeTruthy();
    expect(server.apiRequests()[0]!.headers.get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
    await user.click(screen.getByRole('button', { name: 'Aktualisieren' }));
    await vi.waitFor(() => expect(route).toHaveBeenCalledTimes(2));
    expect(control.getOutputs()).toEqual({});
  });
});
