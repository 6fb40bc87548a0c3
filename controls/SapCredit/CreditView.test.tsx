import { screen } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CreditPanel } from '../shared/api/panelApi';
import { GatewayError } from '../shared/gateway/gatewayError';
import { testFormatter } from '../shared/testing/formatting';
import { ACCOUNT_ID, CUSTOMER_NUMBER, creditPanel } from '../shared/testing/panels';
import { renderView } from '../shared/testing/render';
import { stringsOf } from '../shared/testing/resx';
import { CreditView, type CreditViewProps } from './CreditView';
import { CREDIT_STRING_KEYS } from './manifest';

const strings = stringsOf('SapCredit', CREDIT_STRING_KEYS);

function fakeGateway(answer: () => Promise<CreditPanel>) {
  return { credit: vi.fn((_accountId: string, _signal?: AbortSignal) => answer()), signIn: vi.fn(() => Promise.resolve()) };
}

function view(gateway: CreditViewProps['gateway'], locale = 'en-US') {
  return renderView(<CreditView gateway={gateway} accountId={ACCOUNT_ID} customerNumber={CUSTOMER_NUMBER} formatter={testFormatter(locale)} locale={locale} strings={strings} />);
}

/** Label → value of the key figures, as a screen reader pairs them. */
function figures(): Record<string, string> {
  const terms = screen.getAllByRole('term');
  const definitions = screen.getAllByRole('definition');
  return Object.fromEntries(terms.map((term, index) => [term.textContent ?? '', definitions[index]!.textContent ?? '']));
}

describe('CreditView', () => {
  it("shows the customer's credit figures in the credit control area's currency", async () => {
    view(fakeGateway(() => Promise.resolve(creditPanel())));
    await screen.findAllByRole('term');
    expect(figures()).toMatchObject({
      'Credit limit': '€50,000.00',
      'Credit exposure': '€41,250.00',
      'Available credit': '€8,750.00',
      Overdue: '€1,190.00',
      'Risk category': '002',
      'Payment terms': '14 days 2% discount, 30 days net (ZB14)',
      'Next review': '3/31/27',
      'Credit control area': '1000',
    });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('82.5%');
    expect(await screen.findByText('No credit or central blocks.')).toBeTruthy();
  });

  it('warns when credit management blocks the customer or central blocks are set', async () => {
    view(fakeGateway(() => Promise.resolve(creditPanel({ creditBlocked: true, availableCredit: -1200, utilizationPercent: 102.4, blocks: { order: true, delivery: false, billing: true, posting: false } }))));
    expect(await screen.findByText(strings.creditBlocked)).toBeTruthy();
    expect(await screen.findByText('The customer is blocked in SAP for: orders, billing.')).toBeTruthy();
    expect(figures()['Available credit']).toBe('€-1,200.00');
    expect(screen.queryByText('No credit or central blocks.')).toBeNull();
  });

  it('says when the customer has no credit limit to measure against', async () => {
    view(fakeGateway(() => Promise.resolve(creditPanel({ creditLimit: 0, utilizationPercent: null }))));
    await screen.findByText('No credit limit');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the not-authorized state for a 403', async () => {
    view(fakeGateway(() => Promise.reject(new GatewayError('notAuthorized', 'NOT_AUTHORIZED', 'You may not read this account in CRM.', { status: 403 }))));
    expect(await screen.findByText('You may not see SAP data of this record.')).toBeTruthy();
    expect(screen.queryByRole('term')).toBeNull();
  });

  it('loads again on refresh', async () => {
    const gateway = fakeGateway(() => Promise.resolve(creditPanel()));
    const { user } = view(gateway);
    await screen.findAllByRole('term');
    gateway.credit.mockResolvedValueOnce(creditPanel({ exposure: 45000 }));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await vi.waitFor(() => expect(figures()['Credit exposure']).toBe('€45,000.00'));
  });
});
