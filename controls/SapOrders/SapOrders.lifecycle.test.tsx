import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SapOrders } from './index';
import type { IInputs } from './manifest';
import { createFakeGatewayServer, json, PREVIEW_TOKEN, SANDBOX_ENVIRONMENT, TEST_GATEWAY_URL } from '../shared/testing/gatewayServer';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { ACCOUNT_ID, CUSTOMER_NUMBER, orderLine, ordersPanel, salesOrder } from '../shared/testing/panels';

const ORDERS_ROUTE = `GET /api/v1/accounts/${ACCOUNT_ID}/sap/orders`;
const ORDERS = [
  salesOrder({ documentNumber: '0000012001', customerReference: 'PO-4711', netValue: 2400 }),
  salesOrder({ documentNumber: '0000012002', customerReference: 'PO-4712', lines: [orderLine({ materialNumber: 'VALVE-20', description: 'Ball valve DN20' })] }),
];

function accountForm(options: { customerNumber?: string | null; environment?: Record<string, string>; languageId?: number } = {}) {
  return createMockContext<IInputs>({
    control: 'SapOrders',
    parameters: { customerNumber: stringProperty(options.customerNumber === undefined ? CUSTOMER_NUMBER : options.customerNumber) },
    record: { table: 'account', id: ACCOUNT_ID },
    environment: options.environment ?? SANDBOX_ENVIRONMENT,
    languageId: options.languageId,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SapOrders lifecycle', () => {
  it("init → updateView loads the account's orders through the gateway with the preview's token → filter → getOutputs", async () => {
    const server = createFakeGatewayServer({ [ORDERS_ROUTE]: () => json(200, ordersPanel(ORDERS)) });
    vi.stubGlobal('fetch', server.fetch);
    const { context, retrieveMultipleRecords } = accountForm();
    const control = new SapOrders();

    const { user, notifyOutputChanged } = startControl(control, context);
    const grid = await screen.findByRole('grid', { name: `SAP sales orders of customer ${CUSTOMER_NUMBER}` });
    expect(within(grid).getAllByRole('row')).toHaveLength(3);

    expect(retrieveMultipleRecords).toHaveBeenCalledWith('environmentvariabledefinition', expect.stringContaining("schemaname eq 'ecc_GatewayUrl'"));
    const [tokenRequest] = server.requests;
    expect(tokenRequest!.url.href).toBe(`${TEST_GATEWAY_URL}/sandbox/preview/token?resource=gateway`);
    const [apiRequest] = server.apiRequests();
    expect(apiRequest!.headers.get('Authorization')).toBe(`Bearer ${PREVIEW_TOKEN}`);
    expect(apiRequest!.url.search).toBe('?status=all&top=50');

    await user.type(screen.getByRole('searchbox', { name: 'Filter the list' }), 'valve');
    expect(within(grid).getAllByRole('row')).toHaveLength(2);
    expect(control.getOutputs()).toEqual({});
    expect(notifyOutputChanged).not.toHaveBeenCalled();
  });

  it('speaks German and formats for a German user', async () => {
    const server = createFakeGatewayServer({ [ORDERS_ROUTE]: () => json(200, ordersPanel(ORDERS)) });
    vi.stubGlobal('fetch', server.fetch);
    startControl(new SapOrders(), accountForm({ languageId: 1031 }).context);

    const grid = await screen.findByRole('grid', { name: `SAP-Kundenaufträge des Kunden ${CUSTOMER_NUMBER}` });
    expect(within(grid).getAllByText('2.400,00 €').length).toBeGreaterThan(0);
    expect(within(grid).getByRole('columnheader', { name: /Nettowert/ })).toBeTruthy();
  });

  it('shows the not-authorized state when the gateway refuses the account with 403', async () => {
    const server = createFakeGatewayServer({
      [ORDERS_ROUTE]: () => json(403, { error: { code: 'NOT_AUTHORIZED', message: 'You may not read this account in CRM.', correlationId: 'gw-1' } }),
    });
    vi.stubGlobal('fetch', server.fetch);
    startControl(new SapOrders(), accountForm().context);

    expect(await screen.findByText('You may not see SAP data of this record.')).toBeTruthy();
    expect(screen.getByText('Code: NOT_AUTHORIZED · Correlation ID: gw-1')).toBeTruthy();
  });

  it('says the connection is not set up when the environment variables are missing, and calls nothing', async () => {
    const server = createFakeGatewayServer({});
    vi.stubGlobal('fetch', server.fetch);
    startControl(new SapOrders(), accountForm({ environment: {} }).context);

    expect(await screen.findByText('The connection to SAP is not set up in this environment. Ask your administrator.')).toBeTruthy();
    expect(screen.getByText(/ecc_GatewayUrl/)).toBeTruthy();
    expect(server.requests).toHaveLength(0);
  });

  it('follows the bound column: clearing the SAP customer number shows the not-linked state', async () => {
    const server = createFakeGatewayServer({ [ORDERS_ROUTE]: () => json(200, ordersPanel(ORDERS)) });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SapOrders();
    const started = startControl(control, accountForm().context);
    await screen.findByRole('grid');

    started.updateView(accountForm({ customerNumber: null }).context);
    expect(await screen.findByText('This account is not linked to an SAP customer: it has no SAP customer number.')).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });
});
