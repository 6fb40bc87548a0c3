import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SapInvoices } from './index';
import { createFakeGatewayServer, json, SANDBOX_ENVIRONMENT } from '../shared/testing/gatewayServer';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { ACCOUNT_ID, CUSTOMER_NUMBER, invoice, invoicesPanel, openReceivable } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SapInvoices lifecycle', () => {
  it('init → updateView shows invoices in German → the user sorts by amount → getOutputs has nothing to write', async () => {
    const server = createFakeGatewayServer({
      [`GET /api/v1/accounts/${ACCOUNT_ID}/sap/invoices`]: () =>
        json(
          200,
          invoicesPanel(
            [invoice({ invoiceNumber: '0090001001', grossValue: 1190 }), invoice({ invoiceNumber: '0090001002', grossValue: 59.5, netValue: 50, taxAmount: 9.5, openBalance: 59.5 })],
            [openReceivable()],
          ),
        ),
    });
    vi.stubGlobal('fetch', server.fetch);
    const { context } = createMockContext<IInputs>({
      control: 'SapInvoices',
      parameters: { customerNumber: stringProperty(CUSTOMER_NUMBER) },
      record: { table: 'account', id: ACCOUNT_ID },
      environment: SANDBOX_ENVIRONMENT,
      languageId: 1031,
    });
    const control = new SapInvoices();
    const { user } = startControl(control, context);

    const grid = await screen.findByRole('grid', { name: `SAP-Rechnungen des Kunden ${CUSTOMER_NUMBER}` });
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual(['Offener Saldo', 'Überfällig']);
    const header = within(grid).getByRole('columnheader', { name: /Brutto/ });
    await user.click(within(header).getByText('Brutto'));
    const firstInvoice = () => within(within(grid).getAllByRole('row')[1]!).getAllByRole('gridcell')[0]!.textContent;
    expect(firstInvoice()).toBe('0090001002');
    expect(within(grid).getAllByText('59,50 €')).toHaveLength(2);
    expect(control.getOutputs()).toEqual({});
  });
});
