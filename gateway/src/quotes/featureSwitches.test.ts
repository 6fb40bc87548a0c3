/**
 * The feature switches against the sandbox: the solution's environment variables in the simulated
 * Dataverse, set as an admin sets them, read by the gateway over the Web API with real tokens.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironmentVariable } from '../dataverse/environmentVariables.js';
import { setEnvironmentVariableValues } from '../sandbox/crmSeed/index.js';
import { FeatureSwitches } from './featureSwitches.js';
import { createQuoteToSap } from './index.js';
import { persona, startQuoteSandbox, type QuoteSandbox } from './testing/quoteSandbox.js';

describe('feature switches', () => {
  let fx: QuoteSandbox;
  let accountId: string;
  let products: string[];
  const anna = persona('anna').objectId;
  const olivia = persona('olivia').objectId;

  const switchTo = (values: Record<string, 'yes' | 'no'>) => setEnvironmentVariableValues(fx.sandbox.dataverse, values);
  const quotes = () => createQuoteToSap({ sap: fx.sap, dataverse: fx.dataverse, settings: { abandonedAfterSeconds: 120 } });
  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => expect.fail('expected a refusal'),
      (error: unknown) => error as { code: string; message: string; details: Record<string, unknown> },
    );

  beforeAll(async () => {
    fx = await startQuoteSandbox();
    const { customer, salesArea } = fx.customer(3);
    accountId = await fx.createAccount(customer, salesArea, 'anna');
    products = await Promise.all(fx.sellable(salesArea, 2).map((m, i) => fx.createProduct(m.materialNumber, `Valve ${i + 1}`)));
  }, 60_000);
  afterAll(async () => fx?.close());
  afterEach(() => switchTo({ ecc_FeatureSendToSap: 'yes', ecc_FeaturePricingWriteBack: 'yes' }));

  it("reads a variable's value, else its default, and nothing for a variable the environment lacks", async () => {
    expect(await readEnvironmentVariable(fx.dataverse, 'ecc_FeatureSendToSap')).toBe('yes');
    switchTo({ ecc_FeatureSendToSap: 'no' });
    expect(await readEnvironmentVariable(fx.dataverse, 'ecc_FeatureSendToSap')).toBe('no');
    expect(await readEnvironmentVariable(fx.dataverse, 'ecc_NoSuchVariable')).toBeUndefined();
  });

  it('keeps what it read for a minute, then reads again', async () => {
    let now = new Date('2026-11-27T10:00:00Z');
    const switches = new FeatureSwitches(fx.dataverse, () => now);
    expect(await switches.isOn('sendToSap')).toBe(true);
    switchTo({ ecc_FeatureSendToSap: 'no' });
    now = new Date('2026-11-27T10:00:59Z');
    expect(await switches.isOn('sendToSap')).toBe(true);
    now = new Date('2026-11-27T10:01:00Z');
    expect(await switches.isOn('sendToSap')).toBe(false);
    expect(await switches.isOn('pricingWriteBack')).toBe(true);
  });

  it('with sending switched off, neither a rep nor an integration admin creates anything in SAP', async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', active: true, lines: [{ productId: products[0]!, quantity: 2 }] });
    switchTo({ ecc_FeatureSendToSap: 'no' });
    const error = await refusal(quotes().submit(quote.quoteId, anna, { as: 'order' }));
    expect(error).toMatchObject({ code: 'FEATURE_SWITCHED_OFF', details: { environmentVariable: 'ecc_FeatureSendToSap' } });
    expect(error.message).toContain('Sending quotes to SAP is switched off');
    expect((await refusal(quotes().retry('00000000-0000-4000-8000-000000000000', olivia))).code).toBe('FEATURE_SWITCHED_OFF');
    expect(fx.documentsWithReference(quote.quoteNumber)).toEqual([]);

    switchTo({ ecc_FeatureSendToSap: 'yes' });
    const sent = await quotes().submit(quote.quoteId, anna, { as: 'order' });
    expect(fx.documentsWithReference(quote.quoteNumber)).toEqual([sent.documentNumber.padStart(10, '0')]);
  });

  it("with price write-back switched off, a rep still sees SAP's prices but cannot write them onto the lines", async () => {
    const quote = await fx.createQuote({ accountId, owner: 'anna', lines: [{ productId: products[1]!, quantity: 3 }] });
    switchTo({ ecc_FeaturePricingWriteBack: 'no' });
    const priced = await quotes().price(quote.quoteId, anna, { apply: false });
    expect(priced.lines).toHaveLength(1);
    const error = await refusal(quotes().price(quote.quoteId, anna, { apply: true }));
    expect(error.code).toBe('FEATURE_SWITCHED_OFF');
    const line = await fx.dataverse.retrieve<{ ecc_sappricedon: string | null }>('quotedetails', quote.lineIds[0]!, { select: ['ecc_sappricedon'] });
    expect(line.ecc_sappricedon).toBeNull();
  });
});
