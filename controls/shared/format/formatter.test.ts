import { describe, expect, it } from 'vitest';
import { testFormatter } from '../testing/formatting';

describe('formatter', () => {
  it("formats amounts with the document's currency in the user's format", () => {
    expect(testFormatter('en-US').amount(1234.5, 'EUR')).toBe('€1,234.50');
    expect(testFormatter('de-DE').amount(1234.5, 'EUR')).toBe('1.234,50 €');
    expect(testFormatter('en-US').amount(-240, 'USD')).toBe('$-240.00');
  });

  it("uses the currency's own number of decimals", () => {
    expect(testFormatter('en-US').amount(125000, 'JPY')).toBe('¥125,000');
    expect(testFormatter('en-US').amount(1.2345, 'KWD')).toBe('KWD1.235');
  });

  it('shows an unknown currency code as SAP sent it', () => {
    expect(testFormatter('en-US').amount(10, 'X1')).toBe('X110.00');
  });

  it('formats a calendar date without moving it by a time zone', () => {
    expect(testFormatter('en-US').date('2026-12-31')).toBe('12/31/26');
    expect(testFormatter('de-DE').date('2026-01-01')).toBe('01.01.26');
    expect(testFormatter('en-US').date('')).toBe('');
  });

  it('formats quantities, numbers and percentages for the locale', () => {
    expect(testFormatter('de-DE').quantity(1250.5, 'KG')).toBe('1.250,5 KG');
    expect(testFormatter('en-US').quantity(3, '')).toBe('3');
    expect(testFormatter('en-US').percent(82.5)).toBe('82.5%');
    expect(testFormatter('de-DE').percent(82.5)).toBe('82,5\u00a0%');
  });
});
