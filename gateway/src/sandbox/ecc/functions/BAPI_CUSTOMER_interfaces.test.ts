/**
 * The simulated customer BAPIs hold to SAP's interfaces as recorded in ../shared/reference
 * (signatures/*.json): every parameter the simulator offers exists in SAP's signature with the
 * same class and type, and every parameter SAP requires is offered. Skipped with a message when
 * the reference is absent (a clone without ../shared).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCharLike } from '../ddic/types.js';
import { FUNCTION_MODULES } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const referenceDir = process.env.ECC365_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference');
const signaturesDir = path.join(referenceDir, 'sap', 'signatures');
const available = existsSync(signaturesDir);

interface ReferenceParameter {
  class: 'I' | 'E' | 'C' | 'T';
  name: string;
  type: string | null;
  optional: boolean | null;
  length?: number;
}

const CUSTOMER_BAPIS = ['BAPI_CUSTOMER_GETLIST', 'BAPI_CUSTOMER_GETDETAIL2', 'BAPI_CUSTOMER_CREATEFROMDATA1', 'BAPI_CUSTOMER_CHANGEFROMDATA1', 'BAPI_CUSTOMER_GETSALESAREAS'];

/** The reference may name a structure where SE37 shows one of its fields (CUSTOMERNO: "BAPIKNA103" for BAPIKNA103-CUSTOMER). */
const sameType = (ours: string, sap: string): boolean => ours === sap || ours.startsWith(`${sap}-`);

describe.runIf(available)(`customer BAPIs against SAP's signatures in ${signaturesDir}`, () => {
  for (const name of CUSTOMER_BAPIS) {
    it(`${name} offers SAP's parameters with SAP's classes and types`, () => {
      const signature = JSON.parse(readFileSync(path.join(signaturesDir, `${name}.json`), 'utf8')) as { parameters: ReferenceParameter[] };
      const definition = FUNCTION_MODULES.find((fm) => fm.name === name);
      expect(definition, `${name} is registered`).toBeDefined();
      for (const parameter of definition!.parameters) {
        const sap = signature.parameters.find((p) => p.name === parameter.name);
        expect(sap, `${name}-${parameter.name} is in SAP's signature`).toBeDefined();
        expect(parameter.parameterClass, `class of ${parameter.name}`).toBe(sap!.class);
        if (sap!.type) expect(sameType(parameter.reference, sap!.type), `type of ${parameter.name}: ${parameter.reference} vs ${sap!.type}`).toBe(true);
        if (sap!.class === 'I' && sap!.optional !== null) expect(parameter.optional, `${parameter.name} optional`).toBe(sap!.optional);
        if (parameter.field && isCharLike(parameter.field.type) && sap!.length) expect(parameter.field.length, `length of ${parameter.name}`).toBe(sap!.length);
      }
      for (const required of signature.parameters.filter((p) => (p.class === 'I' || p.class === 'T') && p.optional === false)) {
        expect(definition!.parameters.some((p) => p.name === required.name), `${name} offers the mandatory ${required.name}`).toBe(true);
      }
    });
  }
});

if (!available) {
  describe("customer BAPIs against SAP's signatures", () => {
    it.skip(`skipped: the SAP reference (${signaturesDir}) is absent; set ECC365_REFERENCE_DIR to check the interfaces`, () => undefined);
  });
}
