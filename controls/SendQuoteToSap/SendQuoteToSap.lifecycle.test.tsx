import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IInputs } from './manifest';
import { SendQuoteToSap } from './index';
import { createFakeGatewayServer, json, SANDBOX_ENVIRONMENT, type ReceivedRequest } from '../shared/testing/gatewayServer';
import { answerDialog } from '../shared/testing/dialogs';
import { startControl } from '../shared/testing/lifecycle';
import { createMockContext, stringProperty } from '../shared/testing/mockContext';
import { QUOTE_ID, submitResult } from '../shared/testing/panels';

afterEach(() => {
  vi.unstubAllGlobals();
});

function quoteForm(sapDocumentNumber: string | null) {
  return createMockContext<IInputs>({
    control: 'SendQuoteToSap',
    parameters: { sapDocumentNumber: stringProperty(sapDocumentNumber) },
    record: { table: 'quote', id: QUOTE_ID },
    environment: SANDBOX_ENVIRONMENT,
  }).context;
}

/** The gateway as the quote-submit route behaves: the first send creates the document, later sends return it. */
function submitRoute() {
  let created: string | undefined;
  return (request: ReceivedRequest) => {
    const as = (request.body as { as: 'order' | 'quotation' }).as;
    const alreadySubmitted = created !== undefined;
    created ??= '0000012345';
    return json(200, submitResult({ documentNumber: created, category: as, alreadySubmitted }));
  };
}

describe('SendQuoteToSap lifecycle', () => {
  it("init → updateView → send as order → getOutputs gives the form SAP's document number; sending again changes nothing", async () => {
    const server = createFakeGatewayServer({ [`POST /api/v1/quotes/${QUOTE_ID}/sap/submit`]: submitRoute() });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SendQuoteToSap();
    const started = startControl(control, quoteForm(null));
    const { user, notifyOutputChanged } = started;

    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');
    expect(await screen.findByText('SAP created sales order 0000012345.')).toBeTruthy();

    expect(server.apiRequests().map((request) => request.body)).toEqual([{ as: 'order' }]);
    expect(notifyOutputChanged).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ sapDocumentNumber: '0000012345' });

    // The platform takes the output and calls updateView with the column's new value.
    started.updateView(quoteForm('0000012345'));
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');
    expect(await screen.findByText(/already been sent to SAP as document 0000012345/)).toBeTruthy();
    expect(notifyOutputChanged).toHaveBeenCalledTimes(1);
  });

  it('shows the gateway refusing a quote that is not approved, and writes nothing', async () => {
    const server = createFakeGatewayServer({
      [`POST /api/v1/quotes/${QUOTE_ID}/sap/submit`]: () =>
        json(409, { error: { code: 'QUOTE_NOT_APPROVED', message: 'Only an active (approved) quote can be sent to SAP. Activate the quote first.', correlationId: 'gw-2' } }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const control = new SendQuoteToSap();
    const { user, notifyOutputChanged } = startControl(control, quoteForm(null));

    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');
    expect(await screen.findByText('Only an active (approved) quote can be sent to SAP. Activate the quote first.')).toBeTruthy();
    expect(notifyOutputChanged).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({});
  });
});
