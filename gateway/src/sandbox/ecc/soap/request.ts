/**
 * Reads a SOAP-RFC request: the SOAP 1.1 envelope, the function element (qualified with
 * urn:sap-com:document:sap:rfc:functions, any prefix) and its unqualified parameters: scalars
 * as text, structures with one child per field, tables with one <item> per row. Values are
 * converted from their XML form by the type of the parameter or field; names the function
 * module does not know are passed on unchanged, so the simulated ECC's interface check rejects
 * them with the same error as over RFC.
 */

import { parseXml, XmlRejected, type XmlElement } from '../../../xml/parse.js';
import type { FieldDef, StructureDef } from '../ddic/types.js';
import type { FunctionModuleDef, ParameterDef } from '../functionModule.js';
import { invalidParameter } from '../rfcErrors.js';
import { fromXmlText } from './asXml.js';
import { fromXmlName, RFC_FUNCTIONS_NS, SOAP_ENVELOPE_NS } from './names.js';

export interface RfcRequest {
  functionModule: string;
  parameters: Record<string, unknown>;
  /** TABLES parameters the caller sent (possibly empty): SAP returns exactly these. */
  tablesSent: Set<string>;
}

/** The function element of a SOAP-RFC envelope and the function module's name. */
export function readFunctionElement(xml: string): { functionModule: string; element: XmlElement } {
  const envelope = parseXml(xml);
  if (envelope.name !== 'Envelope' || envelope.namespace !== SOAP_ENVELOPE_NS) {
    throw new XmlRejected('the document is not a SOAP 1.1 envelope');
  }
  const body = envelope.children.find((child) => child.name === 'Body' && child.namespace === SOAP_ENVELOPE_NS);
  const element = body?.children[0];
  if (!element) throw new XmlRejected('the SOAP body holds no function element');
  if (element.namespace !== RFC_FUNCTIONS_NS) {
    throw new XmlRejected(`the function element must be in namespace ${RFC_FUNCTIONS_NS}`);
  }
  return { functionModule: fromXmlName(element.name).toUpperCase(), element };
}

export function readRfcRequest(xml: string, lookup: (name: string) => FunctionModuleDef | undefined): RfcRequest {
  const { functionModule, element } = readFunctionElement(xml);
  const def = lookup(functionModule);
  // Null-prototype objects: an element named __proto__ must stay a (rejected) parameter name.
  const parameters = Object.create(null) as Record<string, unknown>;
  const tablesSent = new Set<string>();
  for (const child of element.children) {
    const name = fromXmlName(child.name);
    const parameter = def?.parameters.find((p) => p.name === name);
    parameters[name] = parameter ? readParameter(parameter, child) : child.text;
    if (parameter?.parameterClass === 'T') tablesSent.add(name);
  }
  return { functionModule, parameters, tablesSent };
}

function readParameter(parameter: ParameterDef, element: XmlElement): unknown {
  if (parameter.parameterClass === 'T') {
    return element.children.map((row) => {
      if (row.name !== 'item') throw invalidParameter(`${parameter.name}: table rows must be <item> elements, found <${row.name}>`);
      return readStructure(parameter.structure!, row);
    });
  }
  if (parameter.structure) return readStructure(parameter.structure, element);
  return readScalar(parameter.field!, element, parameter.name);
}

function readStructure(structure: StructureDef, element: XmlElement): Record<string, unknown> {
  const value = Object.create(null) as Record<string, unknown>;
  for (const child of element.children) {
    const name = fromXmlName(child.name);
    const field = structure.field(name);
    value[name] = field ? readScalar(field, child, `${structure.name}-${name}`) : child.text;
  }
  return value;
}

function readScalar(field: FieldDef, element: XmlElement, path: string): string | number {
  if (element.children.length > 0) throw invalidParameter(`${path}: an elementary value is expected, found <${element.children[0]!.name}>`);
  return fromXmlText(field, element.text);
}
