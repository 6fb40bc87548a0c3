import { screen, within } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { QuotePrice } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { pricedLine, QUOTE_ID, quotePrice } from '../shared/testing/panels';
import { answerDialog } from '../shared/testing/dialogs';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { PricingView, type PricingViewProps } from './PricingView';
import { PRICING_STRING_KEYS } from './manifest';

const strings = stringsOf('SapPricing', PRICING_STRING_KEYS);

const LINES = [
  pricedLine(),
  pricedLine({
    quoteDetailId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
    materialNumber: 'VALVE-20',
    description: 'Ball valve DN20',
    quantity: 10,
    netPrice: 45.5,
    netValue: 455,
    taxAmount: 86.45,
    conditions: [
      { conditionType: 'PR00', kind: 'price', rate: 45.5, isPercentage: false, value: 455 },
      { conditionType: 'MWST', kind: 'tax', rate: 19, isPercentage: true, value: 86.45 },
    ],
  }),
];
const SIMULATED = quotePrice(LINES, { messages: [{ type: 'W', id: 'V4', number: '219', message: 'Pricing date lies in the past' }] });

function fakeGateway(simulated: QuotePrice = SIMULATED) {
  return {
    price: vi.fn((_quoteId: string, apply: boolean, _signal?: AbortSignal) => Promise.resolve(apply ? { ...simulated, applied: true } : simulated)),
    signIn: vi.fn(() => Promise.resolve()),
  };
}

function view(gateway: PricingViewProps['gateway'], overrides: Partial<PricingViewProps> = {}) {
  return renderView(
    <PricingView gateway={gateway} quoteId={QUOTE_ID} crmTotal="€3,200.00" readOnly={false} formatter={testFormatter('en-US')} locale="en-US" strings={strings} {...overrides} />,
  );
}

function figures(): Record<string, string> {
  const definitions = screen.getAllByRole('definition');
  return Object.fromEntries(screen.getAllByRole('term').map((term, index) => [term.textContent ?? '', definitions[index]!.textContent ?? '']));
}

describe('PricingView', () => {
  it("shows SAP's price for every line, its totals beside CRM's total, and SAP's messages", async () => {
    const gateway = fakeGateway();
    view(gateway);
    const grid = await screen.findByRole('grid', { name: 'SAP prices of the quote lines' });

    expect(gateway.price).toHaveBeenCalledWith(QUOTE_ID, false, expect.any(AbortSignal));
    const valve = within(grid).getAllByRole('row').find((row) => row.textContent?.includes('VALVE-20'))!;
    expect(within(valve).getByText('10 PC')).toBeTruthy();
    expect(within(valve).getByText('€45.50')).toBeTruthy();
    expect(figures()).toEqual({ 'Net value': '€2,615.00', Tax: '€496.85', 'Total in SAP': '€3,111.85', 'Total in CRM': '€3,200.00' });
    expect(await screen.findByText('Pricing date lies in the past')).toBeTruthy();
  });

  it("shows a line's conditions when the user selects it", async () => {
    const { user } = view(fakeGateway());
    const grid = await screen.findByRole('grid', { name: 'SAP prices of the quote lines' });
    await user.click(within(grid).getByText('Centrifugal pump 1000'));

    const conditions = await screen.findByRole('grid', { name: 'Conditions of PUMP-1000' });
    const rows = within(conditions).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('gridcell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['PR00', 'Price', '€1,200.00', '€2,400.00'],
      ['K007', 'Discount', '-10%', '€-240.00'],
      ['MWST', 'Tax', '19%', '€410.40'],
    ]);
  });

  it("writes SAP's prices onto the quote after the user confirms", async () => {
    const gateway = fakeGateway();
    const { user } = view(gateway);
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: 'Apply SAP prices to the quote' }));
    expect(within(await screen.findByRole('alertdialog')).getByText(strings.applyConfirmText)).toBeTruthy();
    await answerDialog(user, 'Apply prices');

    expect(await screen.findByText(strings.applied)).toBeTruthy();
    expect(gateway.price).toHaveBeenLastCalledWith(QUOTE_ID, true, expect.any(AbortSignal));
  });

  it('writes nothing when the user cancels', async () => {
    const gateway = fakeGateway();
    const { user } = view(gateway);
    await screen.findByRole('grid');
    await user.click(screen.getByRole('button', { name: 'Apply SAP prices to the quote' }));
    await answerDialog(user, 'Cancel');
    expect(gateway.price).toHaveBeenCalledTimes(1);
  });

  it('offers no apply on a read-only quote and says why', async () => {
    view(fakeGateway(), { readOnly: true });
    await screen.findByRole('grid');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Apply SAP prices to the quote' }).disabled).toBe(true);
    expect(screen.getByText(strings.readOnly)).toBeTruthy();
  });

  it("shows SAP's refusal of the apply, keeping the simulation on screen", async () => {
    const gateway = fakeGateway();
    gateway.price.mockImplementation((_quoteId, apply) =>
      apply
        ? Promise.reject(
            new GatewayError('rejected', 'QUOTE_LINES_CHANGED', 'The quote lines changed since SAP priced them; price again.', {
              status: 409,
              correlationId: 'gw-9',
            }),
          )
        : Promise.resolve(SIMULATED),
    );
    const { user } = view(gateway);
    await screen.findByRole('grid');
    await user.click(screen.getByRole('button', { name: 'Apply SAP prices to the quote' }));
    await answerDialog(user, 'Apply prices');

    expect(await screen.findByText('The quote lines changed since SAP priced them; price again.')).toBeTruthy();
    expect(screen.getByText('Code: QUOTE_LINES_CHANGED · Correlation ID: gw-9')).toBeTruthy();
    expect(await screen.findByRole('grid', { name: 'SAP prices of the quote lines' })).toBeTruthy();
  });

  it('asks to save a new quote first', async () => {
    const gateway = fakeGateway();
    view(gateway, { quoteId: undefined });
    expect(await screen.findByText('Save the record to see its SAP data.')).toBeTruthy();
    expect(gateway.price).not.toHaveBeenCalled();
  });
});
