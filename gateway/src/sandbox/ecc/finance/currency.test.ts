import { describe, expect, it } from 'vitest';
import { createTestEcc } from '../../../sap/testing/transports.js';
import { convertAmount, MissingExchangeRateError } from './currency.js';

describe('convertAmount', () => {
  const { ecc } = createTestEcc({ seed: { customers: 5 } });
  const { db } = ecc;

  it('uses the direct rate valid on the date', () => {
    expect(convertAmount(db, 1_000, 'EUR', 'USD', '20261127')).toBe(1_080);
    expect(convertAmount(db, 1_000, 'USD', 'EUR', '20261127')).toBe(925.93);
  });

  it('falls back on the rate of the opposite direction', () => {
    expect(convertAmount(db, 850, 'GBP', 'EUR', '20261127')).toBe(1_000);
  });

  it('takes the newest rate valid on the date, not a later one', () => {
    const inverted = (dats: string): string => String(99999999 - Number(dats));
    db.table('TCURR').insert({ KURST: 'M', FCURR: 'EUR', TCURR: 'USD', GDATU: inverted('20261201'), UKURS: '1.20000', FFACT: '1', TFACT: '1' });
    expect(convertAmount(db, 100, 'EUR', 'USD', '20261130')).toBe(108);
    expect(convertAmount(db, 100, 'EUR', 'USD', '20261201')).toBe(120);
  });

  it('reads a negative rate as an indirect quotation', () => {
    db.table('TCURR').insert({ KURST: 'M', FCURR: 'EUR', TCURR: 'JPY', GDATU: String(99999999 - 20260101), UKURS: '-0.00625', FFACT: '1', TFACT: '1' });
    expect(convertAmount(db, 10, 'EUR', 'JPY', '20261127')).toBe(1_600);
  });

  it('leaves amounts in the same currency alone and refuses a missing rate', () => {
    expect(convertAmount(db, 12.34, 'EUR', 'EUR', '20261127')).toBe(12.34);
    expect(() => convertAmount(db, 100, 'EUR', 'USD', '20250101')).toThrow(MissingExchangeRateError);
  });
});
