/**
 * The simulated material BAPIs' structures hold to SAP's DDIC as recorded in ../shared/reference
 * (structures/*.json, SAP's own metadata): each field the simulator defines has SAP's type and
 * length. Skipped with a message when the reference is absent.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BAPIMATRAM } from '../ddic/structures/material.js';
import type { StructureDef } from '../ddic/types.js';
import { FUNCTION_MODULES } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const referenceDir = process.env.ECC365_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference');
const structuresDir = path.join(referenceDir, 'sap', 'structures');
const available = existsSync(structuresDir);

const referenceFields = (name: string): Map<string, { type: string; length: number }> => {
  const structure = JSON.parse(readFileSync(path.join(structuresDir, `${name}.json`), 'utf8')) as { fields: { name: string; type: string; length: number }[] };
  return new Map(structure.fields.map((f) => [f.name, f]));
};

function expectSapFields(ours: StructureDef, sapName = ours.name): void {
  const sap = referenceFields(sapName);
  for (const field of ours.fields) {
    expect(sap.get(field.name), `${ours.name}-${field.name} in SAP's ${sapName}`).toEqual(expect.objectContaining({ type: field.type, length: field.length }));
  }
}

describe.runIf(available)(`material BAPIs against SAP's structures in ${structuresDir}`, () => {
  it('BAPIMATRAM has SAP\'s fields', () => expectSapFields(BAPIMATRAM));

  it('MAXROWS of BAPI_MATERIAL_GETLIST is BAPIF4A-MAX_ROWS', () => {
    const maxRows = FUNCTION_MODULES.find((fm) => fm.name === 'BAPI_MATERIAL_GETLIST')!.parameters.find((p) => p.name === 'MAXROWS')!;
    expect(maxRows.reference).toBe('BAPIF4A-MAX_ROWS');
    expect(referenceFields('BAPIF4A').get('MAX_ROWS')).toMatchObject({ type: maxRows.field!.type, length: maxRows.field!.length });
  });

  it('the RETURN structures are SAP\'s', () => {
    for (const fm of ['BAPI_MATERIAL_GETLIST', 'BAPI_MATERIAL_GET_DETAIL']) {
      const ret = FUNCTION_MODULES.find((f) => f.name === fm)!.parameters.find((p) => p.name === 'RETURN')!;
      expectSapFields(ret.structure!);
    }
  });
});

if (!available) {
  describe("material BAPIs against SAP's structures", () => {
    it.skip(`skipped: the SAP reference (${structuresDir}) is absent; set ECC365_REFERENCE_DIR to check the structures`, () => undefined);
  });
}
