/**
 * The quotation and inquiry BAPIs have the order BAPI's interface under their own names (SAP
 * generated all three from one template). Their fields are held to SAP's metadata by the
 * contract in ../../sapInterfaces.contract.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { FUNCTION_MODULES } from '../../functions/index.js';

describe('sales document create BAPIs', () => {
  it("give the quotation and inquiry BAPIs the order BAPI's interface under their own names", () => {
    const order = FUNCTION_MODULES.find((fm) => fm.name === 'BAPI_SALESORDER_CREATEFROMDAT2')!;
    for (const [name, prefix] of [['BAPI_QUOTATION_CREATEFROMDATA2', 'QUOTATION'], ['BAPI_INQUIRY_CREATEFROMDATA2', 'INQUIRY']] as const) {
      const fm = FUNCTION_MODULES.find((candidate) => candidate.name === name)!;
      const renamed = order.parameters.filter((p) => p.name !== 'ORDER_CCARD').map((p) => `${p.parameterClass} ${p.name.replace(/^ORDER_/, `${prefix}_`)} ${p.reference}`);
      expect(fm.parameters.map((p) => `${p.parameterClass} ${p.name} ${p.reference}`).sort()).toEqual(renamed.sort());
    }
  });
});
