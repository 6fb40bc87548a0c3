/**
 * SOAP-RFC messages: the request envelope for a call (function element qualified with
 * urn:sap-com:document:sap:rfc:functions, parameters unqualified, table rows as <item>) and
 * the parameters read back from rfc:<FM>.Response. Both are checked against the function's
 * interface from its WSDL, so an unknown parameter or field is refused before anything is
 * sent, and the result has every EXPORTING, CHANGING and TABLES parameter with every field,
 * as the RFC library returns them.
 */

import { buildXml } from '../../xml/build.js';
import { childNamed, childrenNamed, parseXml, XmlRejected, type XmlElement } from '../../xml/parse.js';
import type { RfcParameters, RfcStructure, RfcTable, RfcValue } from '../rfc.js';
import { RFC_FUNCTIONS_NS, SOAP_ENVELOPE_NS, toXmlName } from './soapNames.js';
import { fromXmlValue, initialValue, toXmlValue, unknownField } from './soapValues.js';
import type { FunctionInterface, ParameterInterface, ValueType } from './soapWsdl.js';

/** A SOAP envelope calling `functionModule` with parameters already in XML form. */
export function soapRequest(functionModule: string, content: Record<string, unknown>): string {
  return buildXml({
    'SOAP-ENV:Envelope': {
      '@_xmlns:SOAP-ENV': SOAP_ENVELOPE_NS,
      'SOAP-ENV:Body': { [`rfc:${toXmlName(functionModule)}`]: { '@_xmlns:rfc': RFC_FUNCTIONS_NS, ...content } },
    },
  });
}

/**
 * The request for a call. Parameters SAP only returns (EXPORTING) are not sent, as the RFC
 * library ignores them too; every TABLES parameter is sent, empty when the caller gave none,
 * because SAP returns exactly the tables the request contained.
 */
export function buildCallRequest(fi: FunctionInterface, parameters: RfcParameters): string {
  const content: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parameters)) {
    const parameter = fi.input.get(name);
    if (!parameter) {
      if (fi.output.has(name)) continue;
      throw unknownField(name);
    }
    content[toXmlName(name)] = encodeParameter(parameter, value);
  }
  for (const parameter of fi.input.values()) {
    if (parameter.shape === 'table' && !(parameter.name in parameters)) content[toXmlName(parameter.name)] = '';
  }
  return soapRequest(fi.name, content);
}

function encodeParameter(parameter: ParameterInterface, value: RfcValue): unknown {
  if (parameter.shape === 'scalar') return toXmlValue(parameter.type!, value, parameter.name);
  if (parameter.shape === 'structure') {
    if (value === '') return '';
    if (typeof value !== 'object' || Array.isArray(value)) throw unknownShape(parameter, 'a structure (object)');
    return encodeRow(parameter.fields!, value, parameter.name);
  }
  if (value === '') return '';
  if (!Array.isArray(value)) throw unknownShape(parameter, 'a table (array)');
  return value.length === 0 ? '' : { item: value.map((row, i) => encodeRow(parameter.fields!, row, `${parameter.name}[${i}]`)) };
}

function encodeRow(fields: Map<string, ValueType>, row: RfcStructure, path: string): Record<string, string> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw unknownShapeAt(path, 'a structure (object)');
  const content: Record<string, string> = {};
  for (const [name, value] of Object.entries(row)) {
    const type = fields.get(name);
    if (!type) throw unknownField(name);
    content[toXmlName(name)] = toXmlValue(type, value, `${path}-${name}`);
  }
  return content;
}

const unknownShapeAt = (path: string, expected: string): Error => new TypeError(`${path}: ${expected} is expected`);
const unknownShape = (parameter: ParameterInterface, expected: string): Error => unknownShapeAt(parameter.name, expected);

/** The body element of a SOAP response: the function's response or a fault. */
export function soapBodyElement(xml: string): XmlElement {
  const envelope = parseXml(xml);
  if (envelope.name !== 'Envelope' || envelope.namespace !== SOAP_ENVELOPE_NS) throw new XmlRejected('the answer is not a SOAP envelope');
  const element = childNamed(envelope, 'Body')?.children[0];
  if (!element) throw new XmlRejected('the SOAP body is empty');
  return element;
}

export const isResponseOf = (element: XmlElement, functionModule: string): boolean =>
  element.name === `${toXmlName(functionModule)}.Response` && element.namespace === RFC_FUNCTIONS_NS;

/** Every EXPORTING, CHANGING and TABLES parameter from rfc:<FM>.Response, missing ones initial. */
export function readCallResponse(fi: FunctionInterface, response: XmlElement): RfcParameters {
  const result: RfcParameters = {};
  for (const parameter of fi.output.values()) {
    const element = childNamed(response, toXmlName(parameter.name));
    if (parameter.shape === 'scalar') {
      result[parameter.name] = element ? fromXmlValue(parameter.type!, element.text) : initialValue(parameter.type!);
    } else if (parameter.shape === 'structure') {
      result[parameter.name] = decodeRow(parameter.fields!, element);
    } else {
      const rows: RfcTable = element ? childrenNamed(element, 'item').map((item) => decodeRow(parameter.fields!, item)) : [];
      result[parameter.name] = rows;
    }
  }
  return result;
}

function decodeRow(fields: Map<string, ValueType>, element: XmlElement | undefined): RfcStructure {
  // The row's elements by name in one pass: a structure can have a hundred fields (BAPISDIT), and finding each among them would cost fields × elements per row.
  const texts = new Map<string, string>();
  for (const child of element?.children ?? []) if (!texts.has(child.name)) texts.set(child.name, child.text);
  const row: RfcStructure = {};
  for (const [name, type] of fields) {
    const text = texts.get(toXmlName(name));
    row[name] = text !== undefined ? fromXmlValue(type, text) : initialValue(type);
  }
  return row;
}
