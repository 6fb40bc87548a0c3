import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listQuerySchema, type ListQuery } from '../model/panelApi.js';
import { createSimulatedEcc } from '../sandbox/ecc/index.js';
import type { SeededCustomer } from '../sandbox/ecc/seed/customers.js';
import { SapInterfaceError, SapNotFoundError } from '../sap/errors.js';
import type { RfcParameters, RfcSession } from '../sap/rfc.js';
import { describeOverTransports, FIXED_TODAY, SANDBOX_USER } from '../sap/testing/transports.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import type { AccountSapLink } from './accountLink.js';
import { createAccountPanels, type AccountPanels } from './accountPanels.js';
import { SapTexts } from './sapTexts.js';

const linkOf = (customer: SeededCustomer, overrides: Partial<AccountSapLink> = {}): AccountSapLink => ({
  accountId: randomUUID(),
  name: `Customer ${customer.customerNumber}`,
  customerNumber: customer.customerNumber,
  salesOrganization: customer.salesOrg.salesOrg,
  distributionChannel: customer.salesAreas[0]![1],
  division: customer.salesAreas[0]![2],
  companyCode: customer.salesOrg.companyCode,
  creditControlArea: customer.salesOrg.creditControlArea,
  ...overrides,
});

/** The client, counting the calls made through it by function module. */
function counting(target: RfcSession): { session: RfcSession; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    session: {
      call: (functionModule: string, parameters: RfcParameters, options?: Parameters<RfcSession['call']>[2]) => {
        calls.push(functionModule);
        return target.call(functionModule, parameters, options);
      },
    },
  };
}

/** A panel's answer without when and whence it was read, or the error's class, code and message. */
async function outcome(read: Promise<object>): Promise<unknown> {
  try {
    const { retrievedAt: _retrievedAt, fromCache: _fromCache, ...panel } = (await read) as { retrievedAt: string; fromCache: boolean };
    return panel;
  } catch (error) {
    return { failed: (error as Error).constructor.name, code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

const QUERIES: ListQuery[] = [listQuerySchema.parse({}), listQuerySchema.parse({ status: 'open' }), listQuerySchema.parse({ top: 2 }), listQuerySchema.parse({ from: '2026-06-01', to: '2026-09-30' })];

describeOverTransports('the account panels with the ecc365 SAP add-on', (sap) => {
  let customers: SeededCustomer[];
  let standard: AccountPanels;
  let withAddOn: AccountPanels;
  let addOnCalls: string[];

  beforeAll(() => {
    // Every kind of customer the seed has: with and without documents, credit accounts and other payers.
    customers = sap.testEcc.seeded.customers;
    const texts = new SapTexts('E', { ttlMs: 3_600_000, maxEntries: 100 });
    const panels = (session: RfcSession, addOn: boolean): AccountPanels =>
      createAccountPanels({ sap: session, addOn, cacheSeconds: 0, timeoutMs: 10_000, customizingCacheSeconds: 3_600, texts, defaults: {}, today: () => FIXED_TODAY });
    const counted = counting(sap.client);
    addOnCalls = counted.calls;
    standard = panels(sap.client, false);
    withAddOn = panels(counted.session, true);
  });

  it('shows every seeded customer the same panels as the standard reads, each panel in one RFC call', async () => {
    let compared = 0;
    for (const customer of customers) {
      const link = linkOf(customer);
      for (const query of QUERIES) {
        for (const panel of ['orders', 'deliveries', 'invoices'] as const) {
          const expected = await outcome(standard[panel](link, query));
          addOnCalls.length = 0;
          expect(await outcome(withAddOn[panel](link, query)), `${panel} of ${customer.customerNumber} ${JSON.stringify(query)}`).toEqual(expected);
          expect(addOnCalls).toEqual([`/ECC365/PANEL_${panel.toUpperCase()}`]);
          compared += 1;
        }
      }
      const expected = await outcome(standard.credit(link));
      addOnCalls.length = 0;
      expect(await outcome(withAddOn.credit(link)), `credit of ${customer.customerNumber}`).toEqual(expected);
      expect(addOnCalls).toEqual(['/ECC365/PANEL_CREDIT']);
      compared += 1;
    }
    expect(compared).toBe(customers.length * (QUERIES.length * 3 + 1));
  });

  it('tells an unknown customer from one without documents, as the standard reads do', async () => {
    const link = linkOf(customers[0]!, { customerNumber: '9999999' });
    for (const panel of ['deliveries', 'invoices'] as const) {
      await expect(withAddOn[panel](link, QUERIES[0]!)).rejects.toBeInstanceOf(SapNotFoundError);
    }
    await expect(withAddOn.credit(link)).rejects.toBeInstanceOf(SapNotFoundError);
  });
});

describe('the account panels configured for the add-on on an SAP system without it', () => {
  it('fail with an interface error that says to import the add-on or switch it off', async () => {
    const ecc = createSimulatedEcc({ today: FIXED_TODAY, knobs: { addOn: false }, seed: { customers: 5 } });
    const client = createInProcessRfcClient(ecc.ecc, { ...SANDBOX_USER, timeoutMs: 10_000 });
    try {
      const customer = ecc.seeded!.customers[0]!;
      const panels = createAccountPanels({
        sap: client,
        addOn: true,
        cacheSeconds: 0,
        timeoutMs: 10_000,
        customizingCacheSeconds: 3_600,
        texts: new SapTexts('E', { ttlMs: 3_600_000, maxEntries: 100 }),
        defaults: {},
        today: () => FIXED_TODAY,
      });
      const failure = panels.deliveries(linkOf(customer), QUERIES[0]!);
      await expect(failure).rejects.toBeInstanceOf(SapInterfaceError);
      await expect(failure).rejects.toThrow(/\/ECC365\/PANEL_DELIVERIES.*docs\/sap-addon\.md.*sap\.addOn/);
    } finally {
      await client.close();
    }
  });
});
