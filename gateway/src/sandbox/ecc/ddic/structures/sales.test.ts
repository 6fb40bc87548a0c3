/**
 * The sales document BAPIs hold to SAP's own metadata (../shared/reference/sap/
 * fundamental-tools-salesOrder: parameters.yaml, fields.yaml, read from a newer release): every
 * field the simulator defines exists there with the same type, length and decimals; every
 * parameter exists with the same class, type and obligation; SAP's parameters the simulator
 * leaves out are the enhancement-package additions an ECC 6.0 does not have. Skipped with a
 * message when the reference is absent (a clone without ../shared).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUNCTION_MODULES } from '../../functions/index.js';
import type { StructureDef } from '../types.js';
import * as SALES from './sales.js';

const repoRoot = fileURLToPath(new URL('../../../../../../', import.meta.url));
const referenceDir = process.env.ECC365_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference');
const metadataDir = path.join(referenceDir, 'sap', 'fundamental-tools-salesOrder');
const available = existsSync(path.join(metadataDir, 'fields.yaml'));

/** Reads the metadata's YAML: nested maps of "key: value" lines, two spaces per level (all these files use). */
function readNested(file: string): Map<string, unknown> {
  const root = new Map<string, unknown>();
  const stack: { indent: number; node: Map<string, unknown> }[] = [{ indent: -1, node: root }];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const separator = line.indexOf(':');
    const key = line.slice(indent, separator);
    const value = line.slice(separator + 1).trim().replace(/^'(.*)'$/, '$1');
    while (stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (value === '') {
      const child = new Map<string, unknown>();
      parent.set(key, child);
      stack.push({ indent, node: child });
    } else {
      parent.set(key, value);
    }
  }
  return root;
}

/** Structures the metadata lists only in part; their other fields are checked where they are defined. */
const TRUNCATED = new Set(['BAPIORDERS']);
/** Parameters SAP's newer release has and an ECC 6.0 lacks. */
const ENHANCEMENT_PACKAGE_PARAMETERS = new Set(['MATERIAL_LONG', 'MATERIAL_EVG']);
const OUR_TYPE: Record<string, string> = { INT4: 'INT4', LANG: 'LANG' };

describe.runIf(available)(`sales BAPIs against SAP's metadata in ${metadataDir}`, () => {
  const fields = readNested(path.join(metadataDir, 'fields.yaml'));
  const parameters = readNested(path.join(metadataDir, 'parameters.yaml'));
  const structures = Object.values(SALES).filter((value): value is StructureDef => typeof value === 'object' && 'fields' in value);

  it("defines every field with SAP's type, length and decimals, and none of the enhancement-package fields", () => {
    let compared = 0;
    for (const structure of structures) {
      const reference = fields.get(structure.name) as Map<string, Map<string, Map<string, string>>> | undefined;
      if (!reference) continue;
      for (const field of structure.fields) {
        const format = reference.get(field.name)?.get('format');
        if (!format && TRUNCATED.has(structure.name)) continue;
        expect(format, `${structure.name}-${field.name} exists in SAP's metadata`).toBeDefined();
        const type = format!.get('DATATYPE')!;
        expect(`${structure.name}-${field.name} ${field.type} ${field.length}.${field.decimals}`).toBe(
          `${structure.name}-${field.name} ${OUR_TYPE[type] ?? type} ${format!.get('LENG')}.${format!.get('DECIMALS') ?? 0}`,
        );
        expect(field.name, `${structure.name}-${field.name} is not an enhancement-package field`).not.toMatch(/_LONG$|^INCOTERMS(V|2L|3L)$/);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  for (const name of ['BAPI_SALESORDER_SIMULATE', 'BAPI_SALESORDER_CREATEFROMDAT2', 'BAPISDORDER_GETDETAILEDLIST', 'BAPI_SALESORDER_GETLIST']) {
    it(`${name} offers SAP's parameters with SAP's classes, types and obligations`, () => {
      const sap = parameters.get(name) as Map<string, Map<string, string>>;
      const ours = FUNCTION_MODULES.find((fm) => fm.name === name)!;
      expect(ours, `${name} is registered`).toBeDefined();
      for (const parameter of ours.parameters) {
        const reference = sap.get(parameter.name);
        expect(reference, `${name}-${parameter.name} is in SAP's interface`).toBeDefined();
        expect(parameter.parameterClass, `class of ${parameter.name}`).toBe(reference!.get('PARAMCLASS'));
        const type = reference!.get('FIELDNAME') ? `${reference!.get('TABNAME')}-${reference!.get('FIELDNAME')}` : reference!.get('TABNAME');
        expect(parameter.structure?.name ?? parameter.reference, `type of ${parameter.name}`).toBe(parameter.structure ? type : parameter.reference);
        if (!parameter.structure) expect(parameter.reference, `type of ${parameter.name}`).toBe(type);
        if (parameter.parameterClass === 'I') expect(parameter.optional, `${parameter.name} is optional`).toBe(reference!.get('required') !== 'true');
      }
      for (const [parameterName] of sap) {
        if (ENHANCEMENT_PACKAGE_PARAMETERS.has(parameterName)) continue;
        expect(ours.parameters.some((p) => p.name === parameterName), `${name} offers ${parameterName}`).toBe(true);
      }
    });
  }

  it('gives the quotation and inquiry BAPIs the order BAPI\'s interface under their own names', () => {
    const order = FUNCTION_MODULES.find((fm) => fm.name === 'BAPI_SALESORDER_CREATEFROMDAT2')!;
    for (const [name, prefix] of [['BAPI_QUOTATION_CREATEFROMDATA2', 'QUOTATION'], ['BAPI_INQUIRY_CREATEFROMDATA2', 'INQUIRY']] as const) {
      const fm = FUNCTION_MODULES.find((candidate) => candidate.name === name)!;
      const renamed = order.parameters.filter((p) => p.name !== 'ORDER_CCARD').map((p) => `${p.parameterClass} ${p.name.replace(/^ORDER_/, `${prefix}_`)} ${p.reference}`);
      expect(fm.parameters.map((p) => `${p.parameterClass} ${p.name} ${p.reference}`).sort()).toEqual(renamed.sort());
    }
  });
});

if (!available) {
  describe("sales BAPIs against SAP's metadata", () => {
    it.skip(`skipped: SAP's sales order metadata (${metadataDir}) is absent; set ECC365_REFERENCE_DIR to check the interfaces`, () => undefined);
  });
}
