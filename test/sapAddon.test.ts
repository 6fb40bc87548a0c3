/**
 * The SAP add-on (sap-addon/, abapGit format, docs/sap-addon.md) as abaplint sees it: every file
 * parsed and checked with sap-addon/abaplint.json (syntax 7.02; standard SAP objects are void
 * types, the add-on's own namespace must resolve), and the function modules' interfaces, read
 * from the abapGit XML, equal to those the simulated ECC declares, which is what the gateway is
 * tested against.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config, MemoryFile, Objects, Registry, type Issue } from '@abaplint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionModuleDef, ParameterClass } from '../gateway/src/sandbox/ecc/functionModule.js';
import { FUNCTION_MODULES } from '../gateway/src/sandbox/ecc/functions/index.js';

const ADD_ON = fileURLToPath(new URL('../sap-addon/', import.meta.url));
const FUNCTION_GROUP = '/ECC365/PANELS';
const MODULES = ['/ECC365/PANEL_ORDERS', '/ECC365/PANEL_DELIVERIES', '/ECC365/PANEL_INVOICES', '/ECC365/PANEL_CREDIT'];

/** abaplint's parameter directions as SE37's parameter classes. */
const PARAMETER_CLASSES: Record<string, ParameterClass> = { importing: 'I', exporting: 'E', changing: 'C', tables: 'T' };

interface Parameter {
  name: string;
  parameterClass: ParameterClass;
  type: string;
  optional: boolean;
  defaultValue: string | undefined;
}

const byName = (a: Parameter, b: Parameter): number => a.name.localeCompare(b.name);

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file of the add-on's source folder in a registry configured by its abaplint.json, parsed. */
function addOnRegistry(): Registry {
  const registry = new Registry(new Config(readFileSync(path.join(ADD_ON, 'abaplint.json'), 'utf8')));
  for (const file of filesUnder(path.join(ADD_ON, 'src'))) {
    // Named from the repository root, as abaplint's "files" glob (/src/**/*.*) expects.
    registry.addFile(new MemoryFile(`/${path.relative(ADD_ON, file).split(path.sep).join('/')}`, readFileSync(file, 'utf8')));
  }
  return registry.parse();
}

const describeIssue = (issue: Issue): string =>
  `${path.basename(issue.getFilename())}:${issue.getStart().getRow()}:${issue.getStart().getCol()} ${issue.getKey()}: ${issue.getMessage()}`;

function simulatedParameters(module: FunctionModuleDef): Parameter[] {
  return module.parameters
    .map((parameter) => ({
      name: parameter.name,
      parameterClass: parameter.parameterClass,
      type: parameter.reference,
      optional: parameter.optional,
      defaultValue: parameter.defaultValue,
    }))
    .sort(byName);
}

describe('the SAP add-on (sap-addon/)', () => {
  let registry: Registry;
  let group: Objects.FunctionGroup;

  beforeAll(() => {
    registry = addOnRegistry();
    const object = registry.getObject('FUGR', FUNCTION_GROUP);
    if (!(object instanceof Objects.FunctionGroup)) throw new Error(`sap-addon/src has no function group ${FUNCTION_GROUP}`);
    group = object;
  });

  it('passes abaplint with its own configuration', () => {
    const rules = Object.keys(registry.getConfig().get().rules as Record<string, unknown>);
    // The checks that make the lint mean something: the code parses at 7.02 and its names resolve.
    expect(rules).toEqual(expect.arrayContaining(['parser_error', 'check_syntax', 'unknown_types', 'check_include', 'xml_consistency']));
    expect(registry.getConfig().getVersion()).toBe('v702');
    const issues = registry.findIssues().map(describeIssue);
    expect(issues, `abaplint found ${issues.length} issues:\n${issues.join('\n')}`).toEqual([]);
  });

  it('has the four panel modules, each RFC-enabled with every parameter passed by value', () => {
    expect(group.getModules().map((module) => module.getName()).sort()).toEqual([...MODULES].sort());
    for (const module of group.getModules()) {
      expect(module.getModuleType(), module.getName()).toBe('remoteEnabled');
      const byReference = module.getParameters().filter((parameter) => PARAMETER_CLASSES[parameter.direction] !== 'T' && !parameter.passByValue);
      expect(byReference.map((parameter) => parameter.name), `${module.getName()}: RFC passes parameters by value`).toEqual([]);
    }
  });

  it('declares the interfaces the simulated ECC implements', () => {
    const simulated = new Map(FUNCTION_MODULES.filter((module) => module.functionGroup === FUNCTION_GROUP).map((module) => [module.name, module]));
    const missing = MODULES.filter((name) => !simulated.has(name));
    expect(missing, `the simulated ECC (gateway/src/sandbox/ecc/functions/index.ts) has no ${missing.join(', ')} in function group ${FUNCTION_GROUP}`).toEqual([]);
    expect([...simulated.keys()].sort()).toEqual([...MODULES].sort());
    for (const name of MODULES) {
      const module = group.getModule(name)!;
      const declared: Parameter[] = module
        .getParameters()
        .map((parameter) => ({
          name: parameter.name,
          parameterClass: PARAMETER_CLASSES[parameter.direction]!,
          type: parameter.type ?? '',
          optional: parameter.optional,
          defaultValue: parameter.defaultValue,
        }))
        .sort(byName);
      expect(declared, name).toEqual(simulatedParameters(simulated.get(name)!));
    }
  });

  it("declares the add-on's structures with the fields the simulated ECC returns", () => {
    const structures = new Map(
      FUNCTION_MODULES.filter((module) => module.functionGroup === FUNCTION_GROUP)
        .flatMap((module) => module.parameters)
        .flatMap((parameter) => (parameter.structure?.name.startsWith('/ECC365/') ? [[parameter.structure.name, parameter.structure] as const] : [])),
    );
    const tables = [...registry.getObjectsByType('TABL')].filter((object): object is Objects.Table => object instanceof Objects.Table);
    expect(tables.map((table) => table.getName()).sort()).toEqual([...structures.keys()].sort());
    for (const table of tables) {
      const fields = (table.getFields() ?? []).map((field) => field.FIELDNAME);
      expect(fields, table.getName()).toEqual(structures.get(table.getName())!.fields.map((field) => field.name));
    }
  });
});
