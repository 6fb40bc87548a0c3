import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_TERMS } from '../sandbox/ecc/seed/orgStructure.js';
import type { RfcClient, RfcSession } from '../sap/rfc.js';
import { createTestEcc, SANDBOX_USER } from '../sap/testing/transports.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import { isoLanguages, SapTexts } from './sapTexts.js';

let client: RfcClient;

beforeAll(() => {
  client = createInProcessRfcClient(createTestEcc().ecc, { ...SANDBOX_USER, timeoutMs: 10_000 });
});

afterAll(async () => {
  await client.close();
});

/** The client, refusing RFC_READ_TABLE on the tables `refused` holds while it holds them. */
function refusing(refused: Set<string>): RfcSession {
  return {
    call: (functionModule, parameters, options) => {
      const table = typeof parameters.QUERY_TABLE === 'string' ? parameters.QUERY_TABLE : '';
      return refused.has(table) ? Promise.reject(new Error(`not authorized for ${table}`)) : client.call(functionModule, parameters, options);
    },
  };
}

const cache = { ttlMs: 3_600_000, maxEntries: 100 };
const english = (key: string): string => PAYMENT_TERMS.find((terms) => terms.key === key)!.text.slice(0, 50);
const german = (key: string): string => PAYMENT_TERMS.find((terms) => terms.key === key)!.textDe!;

describe("SAP texts in the rep's language", () => {
  it('asks for languages as T002 keeps them: ISO 639-1 in lower case, best first, once each', () => {
    expect(isoLanguages(['de-DE', 'de', 'en-US', '*', 'tlh'])).toEqual(['de', 'en']);
  });

  it("takes the first language SAP has, each missing text in the configured one", async () => {
    const texts = new SapTexts('E', cache);
    const inGerman = await texts.read(client, 'paymentTerms', ['xx', 'de', 'en']);
    expect(inGerman.get('NT30')).toBe(german('NT30'));
    expect(inGerman.get('NT60')).toBe(english('NT60'));
    expect((await texts.read(client, 'paymentTerms', [])).get('NT30')).toBe(english('NT30'));
  });

  it('falls back to the configured language without T002, and reads T002 again next time', async () => {
    const refused = new Set(['T002']);
    const texts = new SapTexts('E', cache);
    expect((await texts.read(refusing(refused), 'paymentTerms', ['de'])).get('NT30')).toBe(english('NT30'));
    refused.clear();
    expect((await texts.read(refusing(refused), 'paymentTerms', ['de'])).get('NT30')).toBe(german('NT30'));
  });

  it('gives no texts, rather than an error, when SAP gives none', async () => {
    const texts = new SapTexts('E', cache);
    await expect(texts.read(refusing(new Set(['TVAKT'])), 'documentTypes', ['de'])).resolves.toEqual(new Map());
    expect((await texts.read(client, 'documentTypes', ['de'])).get('TA')).toBe('Terminauftrag');
  });
});
