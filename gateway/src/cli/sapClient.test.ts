import { describe, expect, it } from 'vitest';
import { sapConfigSchema } from '../config/schema.js';
import { sapCallCapWarning } from './sapClient.js';

const soapRfc = (maxConnections?: number) =>
  sapConfigSchema.parse({ transport: 'soap-rfc', url: 'https://ecc.example.com/sap/bc/soap/rfc', client: '100', user: 'ECC365', password: 'secret', ...(maxConnections ? { maxConnections } : {}) });
const nodeRfc = (high: number, addOn = false) => sapConfigSchema.parse({ transport: 'node-rfc', addOn, connection: { dest: 'ECC' }, pool: { low: 1, high } });

describe('the cap on concurrent SAP calls', () => {
  it('warns when it is below the calls one account form makes at once, naming the setting', () => {
    expect(sapCallCapWarning(soapRfc(4))).toMatch(/^sap\.maxConnections is 4, but an account form's panels make up to 12 SAP calls at once/);
    expect(sapCallCapWarning(nodeRfc(8))).toMatch(/^sap\.pool\.high is 8,/);
  });

  it('is quiet at the defaults and above, and for the in-process sandbox', () => {
    expect(sapCallCapWarning(soapRfc())).toBeUndefined();
    expect(sapCallCapWarning(nodeRfc(12))).toBeUndefined();
    expect(sapCallCapWarning(sapConfigSchema.parse({ transport: 'sandbox', user: 'ECC365', password: 'sandbox' }))).toBeUndefined();
  });

  it('counts the four calls a form makes with the ecc365 SAP add-on', () => {
    expect(sapCallCapWarning(nodeRfc(8, true))).toBeUndefined();
    expect(sapCallCapWarning(nodeRfc(3, true))).toMatch(/^sap\.pool\.high is 3, but an account form's panels make up to 4 SAP calls at once/);
  });
});
