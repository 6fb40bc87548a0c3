import { screen } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SubmitAs, SubmitResult } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { QUOTE_ID, submitResult } from '../shared/testing/panels';
import { answerDialog } from '../shared/testing/dialogs';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { SendQuoteView, type SendQuoteViewProps } from './SendQuoteView';
import { SEND_STRING_KEYS } from './manifest';

const strings = stringsOf('SendQuoteToSap', SEND_STRING_KEYS);

function fakeGateway(answer: (as: SubmitAs) => Promise<SubmitResult> = (as) => Promise.resolve(submitResult({ category: as }))) {
  return {
    submit: vi.fn((_quoteId: string, as: SubmitAs, _signal?: AbortSignal) => answer(as)),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: SendQuoteViewProps['gateway'], overrides: Partial<SendQuoteViewProps> = {}) {
  const onSubmitted = vi.fn();
  const rendered = renderView(
    <SendQuoteView gateway={gateway} quoteId={QUOTE_ID} sapDocumentNumber="" formatter={testFormatter()} strings={strings} onSubmitted={onSubmitted} {...overrides} />,
  );
  return { ...rendered, onSubmitted };
}

function figures(): Record<string, string> {
  const definitions = screen.getAllByRole('definition');
  return Object.fromEntries(screen.getAllByRole('term').map((term, index) => [term.textContent ?? '', definitions[index]!.textContent ?? '']));
}

describe('SendQuoteView', () => {
  it('says whether the quote was sent to SAP', async () => {
    const first = view(fakeGateway());
    expect(await screen.findByText('This quote has not been sent to SAP yet.')).toBeTruthy();
    first.unmount();
    view(fakeGateway(), { sapDocumentNumber: '0000012345' });
    expect(await screen.findByText('This quote was sent to SAP: document 0000012345.')).toBeTruthy();
  });

  it("sends the quote as an order after the user confirms, then shows SAP's document and messages", async () => {
    const gateway = fakeGateway();
    const { user, onSubmitted } = view(gateway);

    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    expect(await screen.findByRole('alertdialog', { name: 'Send the quote to SAP as a sales order?' })).toBeTruthy();
    expect(gateway.submit).not.toHaveBeenCalled();
    await answerDialog(user, 'Send');

    expect(await screen.findByText('SAP created sales order 0000012345.')).toBeTruthy();
    expect(gateway.submit).toHaveBeenCalledWith(QUOTE_ID, 'order', expect.any(AbortSignal));
    expect(figures()).toEqual({ 'Document number': '0000012345', Kind: 'Sales order', 'Document type': 'Standard Order (TA)', Status: 'open' });
    expect(await screen.findByText('Standard Order 12345 has been saved')).toBeTruthy();
    expect(onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ documentNumber: '0000012345' }));
  });

  it('sends the quote as a quotation', async () => {
    const gateway = fakeGateway(() => Promise.resolve(submitResult({ category: 'quotation', documentNumber: '0020000077', documentType: 'AG', documentTypeName: 'Quotation' })));
    const { user } = view(gateway);
    await user.click(screen.getByRole('button', { name: 'Send to SAP as quotation' }));
    await answerDialog(user, 'Send', 'Send the quote to SAP as a quotation?');
    expect(await screen.findByText('SAP created quotation 0020000077.')).toBeTruthy();
    expect(gateway.submit).toHaveBeenCalledWith(QUOTE_ID, 'quotation', expect.any(AbortSignal));
  });

  it('says so when SAP already had the quote, and no second document was made', async () => {
    const gateway = fakeGateway(() => Promise.resolve(submitResult({ alreadySubmitted: true, referenceQuotation: '0020000077', messages: [] })));
    const { user } = view(gateway, { sapDocumentNumber: '0000012345' });
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');
    expect(await screen.findByText('The quote had already been sent to SAP as document 0000012345; no new document was created.')).toBeTruthy();
    expect(figures()['With reference to quotation']).toBe('0020000077');
  });

  it("shows the document type's key when SAP gave no name for it", async () => {
    const { user } = view(fakeGateway(() => Promise.resolve(submitResult({ documentTypeName: '' }))));
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');
    expect(await screen.findByText('SAP created sales order 0000012345.')).toBeTruthy();
    expect(figures()['Document type']).toBe('TA');
  });

  it('sends nothing when the user cancels', async () => {
    const gateway = fakeGateway();
    const { user } = view(gateway);
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Cancel');
    expect(gateway.submit).not.toHaveBeenCalled();
  });

  it("shows why the quote was refused, with SAP's messages, and lets the user send again", async () => {
    const gateway = fakeGateway(() =>
      Promise.reject(
        new GatewayError('rejected', 'MATERIAL_NOT_SELLABLE', 'Line 2: product VALVE-20 is not sold in sales area 1000/10/00.', {
          status: 422,
          correlationId: 'gw-submit',
          sapMessages: [{ type: 'E', id: 'V1', number: '392', message: 'Material VALVE-20 is not defined for sales org.1000, distr.chan.10' }],
        }),
      ),
    );
    const { user, onSubmitted } = view(gateway);
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');

    expect(await screen.findByText('Line 2: product VALVE-20 is not sold in sales area 1000/10/00.')).toBeTruthy();
    expect(screen.getByText('Code: MATERIAL_NOT_SELLABLE · Correlation ID: gw-submit')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Messages from SAP' })).toBeTruthy();
    expect(onSubmitted).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send to SAP as order' }).disabled).toBe(false));
  });

  it('keeps the buttons off while SAP works', async () => {
    let finish!: (result: SubmitResult) => void;
    const { user } = view(fakeGateway(() => new Promise((resolve) => (finish = resolve))));
    await user.click(screen.getByRole('button', { name: 'Send to SAP as order' }));
    await answerDialog(user, 'Send');

    expect(await screen.findByText('Sending to SAP…')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send to SAP as quotation' }).disabled).toBe(true);
    finish(submitResult());
    expect(await screen.findByText('SAP created sales order 0000012345.')).toBeTruthy();
  });
});
