import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SapPricing } from './index';
import { createFakeGatewayServer, json, SANDBOX_ENVIRONMENT } from '../shared/testing/gatewayServer';
import { answerDialog } from '../shared/testing/dialogs';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, numberProperty } from '../shared/testing/mockContext';
import { pricedLine, QUOTE_ID, quotePrice } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

function quoteForm(isControlDisabled = false) {
  return createMockContext<IInputs>({
    control: 'SapPricing',
    parameters: { quoteTotal: numberProperty(2571.4, '€2,571.40') },
    record: { table: 'quote', id: QUOTE_ID },
    environment: SANDBOX_ENVIRONMENT,
    isControlDisabled,
  });
}

describe('SapPricing lifecycle', () => {
  it('init → updateView simulates the price → the user applies it → getOutputs has nothing to write (the gateway wrote the lines)', async () => {
    const route = vi.fn((request: { body: unknown }) => json(200, quotePrice([pricedLine()], { applied: (request.body as { apply: boolean }).apply })));
    const server = createFakeGatewayServer({ [`POST /api/v1/quotes/${QUOTE_ID}/sap/price`]: route });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SapPricing();
    const { user } = startControl(control, quoteForm().context);

    await screen.findByRole('grid', { name: 'SAP prices of the quote lines' });
    expect(screen.getByText('€2,571.40')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply SAP prices to the quote' }));
    await answerDialog(user, 'Apply prices');
    expect(await screen.findByText(/written onto the quote lines/)).toBeTruthy();

    expect(server.apiRequests().map((request) => request.body)).toEqual([{ apply: false }, { apply: true }]);
    expect(control.getOutputs()).toEqual({});
  });

  it('follows the form: a read-only quote cannot take SAP prices', async () => {
    const server = createFakeGatewayServer({ [`POST /api/v1/quotes/${QUOTE_ID}/sap/price`]: () => json(200, quotePrice([pricedLine()])) });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SapPricing();
    const started = startControl(control, quoteForm().context);
    await screen.findByRole('grid');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Apply SAP prices to the quote' }).disabled).toBe(false);

    started.updateView(quoteForm(true).context);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Apply SAP prices to the quote' }).disabled).toBe(true);
  });
});
