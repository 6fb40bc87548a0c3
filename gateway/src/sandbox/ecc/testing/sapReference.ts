/**
 * SAP's interface metadata from ../shared/reference/sap, read for contract tests: SAP's own
 * metadata of the sales-order BAPIs (fundamental-tools-salesOrder/*.yaml, read from a real
 * system by SAP's abap-api-tools) and the extracted signatures and structures (signatures/*.json,
 * structures/*.json, each marked confirmed or partial). The folder is not part of the
 * repository: `loadSapReference()` returns undefined when it is absent, and tests say so.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ReferenceField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

export interface ReferenceStructure {
  name: string;
  fields: Map<string, ReferenceField>;
  /** False when the source lists only some fields (a field missing there proves nothing). */
  complete: boolean;
  source: string;
}

export interface ReferenceParameter {
  parameterClass: 'I' | 'E' | 'C' | 'T';
  name: string;
  /** Structure or table row type, or the data element / "STRUCTURE-FIELD" reference of an elementary parameter. */
  type: string | undefined;
  /** Type of an elementary parameter, when the source gives it. */
  field: ReferenceField | undefined;
  /** Character length of an elementary parameter as SE37 shows it, when the source gives only that. */
  length: number | undefined;
  /** undefined when the source does not say. */
  optional: boolean | undefined;
}

export interface ReferenceFunction {
  name: string;
  parameters: Map<string, ReferenceParameter>;
  /** False when the source shows only some parameters. */
  complete: boolean;
  source: string;
}

export interface SapReference {
  directory: string;
  functions: Map<string, ReferenceFunction>;
  structures: Map<string, ReferenceStructure>;
}

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Where the reference is: ECC365_REFERENCE_DIR, or ../shared/reference next to the repository. */
export const referenceDirectory = (): string => process.env.ECC365_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference');

/** Structures abap-api-tools listed only in part (see notes/sap-facts.md 1.12 on BAPIORDERS). */
const LISTED_IN_PART = new Set(['BAPIORDERS']);

interface YamlFieldFormat {
  DATATYPE: string;
  LENG: number | string;
  DECIMALS?: number | string;
}

interface YamlParameter {
  PARAMCLASS: 'I' | 'E' | 'C' | 'T';
  TABNAME: string;
  FIELDNAME?: string;
  required?: boolean;
  paramType: 'var' | 'struct' | 'table' | 'exception';
}

function readFundamentalTools(directory: string, reference: SapReference): void {
  const fieldsFile = path.join(directory, 'fields.yaml');
  const parametersFile = path.join(directory, 'parameters.yaml');
  if (!existsSync(fieldsFile) || !existsSync(parametersFile)) return;
  const source = 'fundamental-tools-salesOrder (SAP abap-api-tools metadata)';
  const fields = parse(readFileSync(fieldsFile, 'utf8')) as Record<string, Record<string, { format: YamlFieldFormat }>>;
  const parameters = parse(readFileSync(parametersFile, 'utf8')) as Record<string, Record<string, YamlParameter>>;
  // abap-api-tools records only the referenced field of a structure named by an elementary parameter.
  const referencedByField = new Set(Object.values(parameters).flatMap((fm) => Object.values(fm).filter((p) => p.paramType === 'var').map((p) => p.TABNAME)));
  const fieldOf = (structure: string, name: string): ReferenceField | undefined => {
    const format = fields[structure]?.[name]?.format;
    return format ? { name, type: format.DATATYPE, length: Number(format.LENG), decimals: Number(format.DECIMALS ?? 0) } : undefined;
  };
  for (const [name, structure] of Object.entries(fields)) {
    const referenceFields = new Map(Object.keys(structure).map((field) => [field, fieldOf(name, field)!]));
    const complete = !referencedByField.has(name) && !LISTED_IN_PART.has(name);
    reference.structures.set(name, { name, fields: referenceFields, complete, source });
  }
  for (const [name, fm] of Object.entries(parameters)) {
    const parameterMap = new Map<string, ReferenceParameter>();
    for (const [parameterName, parameter] of Object.entries(fm)) {
      if (parameter.paramType === 'exception') continue;
      const elementary = parameter.paramType === 'var';
      parameterMap.set(parameterName, {
        parameterClass: parameter.PARAMCLASS,
        name: parameterName,
        type: elementary && parameter.FIELDNAME ? `${parameter.TABNAME}-${parameter.FIELDNAME}` : parameter.TABNAME,
        field: elementary && parameter.FIELDNAME ? fieldOf(parameter.TABNAME, parameter.FIELDNAME) : undefined,
        length: undefined,
        optional: parameter.PARAMCLASS === 'I' || parameter.PARAMCLASS === 'T' ? parameter.required !== true : undefined,
      });
    }
    reference.functions.set(name, { name, parameters: parameterMap, complete: true, source });
  }
}

interface JsonSignature {
  function: string;
  confidence: 'confirmed' | 'partial';
  parameters: { class: 'I' | 'E' | 'C' | 'T'; name: string; type: string | null; optional: boolean | null; length?: number }[];
}

interface JsonStructure {
  structure: string;
  confidence: 'confirmed' | 'partial';
  fields: { name: string; type: string; length: number; decimals?: number }[];
}

function readExtractedFacts(directory: string, reference: SapReference): void {
  const signatures = path.join(directory, 'signatures');
  if (existsSync(signatures)) {
    for (const file of readdirSync(signatures).filter((f) => f.endsWith('.json'))) {
      const signature = JSON.parse(readFileSync(path.join(signatures, file), 'utf8')) as JsonSignature;
      if (reference.functions.has(signature.function)) continue;
      reference.functions.set(signature.function, {
        name: signature.function,
        complete: signature.confidence === 'confirmed',
        source: `signatures/${file} (${signature.confidence})`,
        parameters: new Map(signature.parameters.map((p) => [p.name, {
          parameterClass: p.class,
          name: p.name,
          type: p.type ?? undefined,
          field: undefined,
          length: p.length,
          optional: p.optional ?? undefined,
        }])),
      });
    }
  }
  const structures = path.join(directory, 'structures');
  if (existsSync(structures)) {
    for (const file of readdirSync(structures).filter((f) => f.endsWith('.json'))) {
      const structure = JSON.parse(readFileSync(path.join(structures, file), 'utf8')) as JsonStructure;
      if (reference.structures.get(structure.structure)?.complete) continue;
      reference.structures.set(structure.structure, {
        name: structure.structure,
        complete: structure.confidence === 'confirmed',
        source: `structures/${file} (${structure.confidence})`,
        fields: new Map(structure.fields.map((f) => [f.name, { name: f.name, type: f.type, length: f.length, decimals: f.decimals ?? 0 }])),
      });
    }
  }
}

export function loadSapReference(directory = referenceDirectory()): SapReference | undefined {
  const sap = path.join(directory, 'sap');
  if (!existsSync(sap)) return undefined;
  const reference: SapReference = { directory: sap, functions: new Map(), structures: new Map() };
  readFundamentalTools(path.join(sap, 'fundamental-tools-salesOrder'), reference);
  readExtractedFacts(sap, reference);
  return reference;
}
