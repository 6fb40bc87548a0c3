/**
 * Function modules of the simulated ECC: their interface as SE37 shows it (IMPORTING,
 * EXPORTING, CHANGING, TABLES, EXCEPTIONS) and a handler. The dispatcher checks every call
 * against the interface the way the RFC library does: unknown parameters and fields are
 * rejected ("field 'X' not found"), values are converted to the field's ABAP type, missing
 * mandatory IMPORTING parameters dump. Results are expanded to every field of every
 * EXPORTING, CHANGING and TABLES parameter, as RFC returns them.
 */

import type { Database } from './database.js';
import { parseField, toExternal, toInternal, type FieldDef, type StructureDef } from './ddic/types.js';
import { abapException, abapRuntimeFailure, invalidParameter, RfcLibraryError } from './rfcErrors.js';
import type { EccSession } from './session.js';
import type { SimulatedEcc } from './simulatedEcc.js';

export type ParameterClass = 'I' | 'E' | 'C' | 'T';

export interface ParameterDef {
  parameterClass: ParameterClass;
  name: string;
  /** Row type of a TABLES parameter or type of a structured parameter. */
  structure?: StructureDef;
  /** Type of an elementary parameter (its name is the parameter's). */
  field?: FieldDef;
  /** What SE37 shows as the parameter's reference type (e.g. "BAPIVBELN-VBELN", "KUNNR", "BAPIRET2"). */
  reference: string;
  optional: boolean;
  defaultValue?: string;
}

type Value = string | number;
export type StructureValue = Record<string, Value>;
export type CallInput = Record<string, Value | StructureValue | StructureValue[]>;
export type CallOutput = Record<string, unknown>;

export interface FunctionContext {
  ecc: SimulatedEcc;
  db: Database;
  session: EccSession;
  /** Every IMPORTING and CHANGING parameter (defaults or initial values filled in) and every TABLES parameter. */
  input: CallInput;
  scalar: (name: string) => string;
  structure: (name: string) => StructureValue;
  table: (name: string) => StructureValue[];
  /** CALL FUNCTION of another function module in this session (SimulatedEcc.callLocally): its outputs with every field. */
  call: (name: string, parameters: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

export interface FunctionModuleDef {
  name: string;
  /** The function group, which is what an RFC user's S_RFC authorization names. */
  functionGroup: string;
  parameters: ParameterDef[];
  exceptions: string[];
  handler: (context: FunctionContext) => CallOutput | Promise<CallOutput>;
}

type ParameterOptions = { optional?: boolean; default?: string; reference?: string };

function parameter(parameterClass: ParameterClass, name: string, type: string | StructureDef, options: ParameterOptions): ParameterDef {
  const base = { parameterClass, name, optional: options.optional ?? parameterClass === 'E', ...(options.default !== undefined ? { defaultValue: options.default } : {}) };
  if (typeof type === 'string') {
    return { ...base, field: parseField(`${name}:${type}`), reference: options.reference ?? type };
  }
  return { ...base, structure: type, reference: options.reference ?? type.name };
}

/** An IMPORTING parameter: an elementary type ("CHAR10") or a structure. Mandatory unless optional or defaulted. */
export const importing = (name: string, type: string | StructureDef, options: ParameterOptions = {}): ParameterDef =>
  parameter('I', name, type, { ...options, optional: options.optional ?? options.default !== undefined });
export const exporting = (name: string, type: string | StructureDef, options: ParameterOptions = {}): ParameterDef =>
  parameter('E', name, type, options);
export const changing = (name: string, type: string | StructureDef, options: ParameterOptions = {}): ParameterDef =>
  parameter('C', name, type, options);
export const tables = (name: string, rowType: StructureDef, options: ParameterOptions = {}): ParameterDef =>
  parameter('T', name, rowType, options);

export function defineFunction(def: FunctionModuleDef): FunctionModuleDef {
  const names = new Set<string>();
  for (const p of def.parameters) {
    if (names.has(p.name)) throw new Error(`${def.name} defines parameter ${p.name} twice`);
    names.add(p.name);
    if (p.parameterClass === 'T' && !p.structure) throw new Error(`${def.name}: TABLES parameter ${p.name} needs a row type`);
  }
  return def;
}

function normalizeStructure(structure: StructureDef, value: unknown, path: string): StructureValue {
  if (value === '' || value === undefined) value = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter(`${path}: a structure is expected`);
  }
  const result: StructureValue = {};
  for (const [fieldName, fieldValue] of Object.entries(value)) {
    const field = structure.field(fieldName);
    if (!field) throw invalidParameter(`field '${fieldName}' not found`);
    result[fieldName] = toInternal(field, fieldValue, `${path}-${fieldName}`);
  }
  return result;
}

/** Checks and converts a caller's parameters against the interface. */
export function normalizeInput(def: FunctionModuleDef, parameters: Record<string, unknown>): CallInput {
  const byName = new Map(def.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(parameters)) {
    if (name === '') throw new TypeError(`Empty RFM parameter name when calling "${def.name}"`);
    if (!byName.has(name)) throw invalidParameter(`field '${name}' not found`);
  }
  const input: CallInput = {};
  for (const p of def.parameters) {
    if (p.parameterClass === 'E') continue;
    const value = parameters[p.name];
    if (p.parameterClass === 'T') {
      const rows = value === undefined || value === '' ? [] : value;
      if (!Array.isArray(rows)) throw invalidParameter(`${p.name}: a table (array) is expected`);
      input[p.name] = rows.map((row, i) => normalizeStructure(p.structure!, row, `${p.name}[${i}]`));
      continue;
    }
    if (value === undefined) {
      if (p.parameterClass === 'I' && !p.optional) {
        throw abapRuntimeFailure('CALL_FUNCTION_PARM_MISSING', `Function parameter "${p.name}" is missing`);
      }
      if (p.structure) input[p.name] = {};
      else input[p.name] = p.defaultValue !== undefined ? toInternal(p.field!, p.defaultValue, p.name) : toExternal(p.field!, undefined);
      continue;
    }
    input[p.name] = p.structure ? normalizeStructure(p.structure, value, p.name) : toInternal(p.field!, value, p.name);
  }
  return input;
}

function expandStructure(structure: StructureDef, value: unknown): StructureValue {
  const source = (value ?? {}) as Record<string, unknown>;
  const result: StructureValue = {};
  for (const field of structure.fields) result[field.name] = toExternal(field, source[field.name]);
  return result;
}

/** Every EXPORTING, CHANGING and TABLES parameter with every field, as RFC returns them. */
export function expandOutput(def: FunctionModuleDef, input: CallInput, output: CallOutput): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const p of def.parameters) {
    if (p.parameterClass === 'I') continue;
    const value = p.name in output ? output[p.name] : input[p.name];
    if (p.parameterClass === 'T') {
      const rows = Array.isArray(value) ? value : [];
      result[p.name] = rows.map((row) => expandStructure(p.structure!, row));
    } else if (p.structure) {
      result[p.name] = expandStructure(p.structure, value);
    } else {
      result[p.name] = toExternal(p.field!, value);
    }
  }
  for (const name of Object.keys(output)) {
    if (!def.parameters.some((p) => p.name === name && p.parameterClass !== 'I')) {
      throw new Error(`${def.name} handler returned ${name}, which is not an export, changing or tables parameter`);
    }
  }
  return result;
}

/** Raises one of the function module's EXCEPTIONS (RAISE exception). */
export function raise(def: FunctionModuleDef, exception: string, message?: string): never {
  if (!def.exceptions.includes(exception)) throw new Error(`${def.name} has no exception ${exception}`);
  throw abapException(exception, message);
}

export { RfcLibraryError };
