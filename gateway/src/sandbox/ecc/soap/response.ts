/**
 * Writes a SOAP-RFC response as SAP does: SOAP-ENV:Envelope / SOAP-ENV:Body /
 * rfc:<FM>.Response with the EXPORTING and CHANGING parameters and the TABLES parameters the
 * request contained, structures expanded to every field (empty CHAR fields as empty elements),
 * values in asXML form.
 */

import { buildXml } from '../../../xml/build.js';
import type { StructureDef } from '../ddic/types.js';
import type { FunctionModuleDef } from '../functionModule.js';
import { toXmlText } from './asXml.js';
import { RFC_FUNCTIONS_NS, SOAP_ENVELOPE_NS, toXmlName } from './names.js';

/** A SOAP envelope around one body element (a response or a fault). */
export function soapEnvelope(bodyElement: Record<string, unknown>): string {
  return buildXml({ 'SOAP-ENV:Envelope': { '@_xmlns:SOAP-ENV': SOAP_ENVELOPE_NS, 'SOAP-ENV:Body': bodyElement } });
}

export function renderRfcResponse(def: FunctionModuleDef, output: Record<string, unknown>, tablesSent: Set<string>): string {
  const content: Record<string, unknown> = { '@_xmlns:rfc': RFC_FUNCTIONS_NS };
  for (const parameter of def.parameters) {
    const value = output[parameter.name];
    if (parameter.parameterClass === 'I') continue;
    if (parameter.parameterClass === 'T') {
      if (!tablesSent.has(parameter.name)) continue;
      const rows = Array.isArray(value) ? (value as unknown[]) : [];
      content[toXmlName(parameter.name)] = rows.length === 0 ? '' : { item: rows.map((row) => structureContent(parameter.structure!, row)) };
    } else if (parameter.structure) {
      content[toXmlName(parameter.name)] = structureContent(parameter.structure, value);
    } else {
      content[toXmlName(parameter.name)] = toXmlText(parameter.field!, value);
    }
  }
  return soapEnvelope({ [`rfc:${toXmlName(def.name)}.Response`]: content });
}

function structureContent(structure: StructureDef, value: unknown): Record<string, string> {
  const row = (value ?? {}) as Record<string, unknown>;
  const content: Record<string, string> = {};
  for (const field of structure.fields) content[toXmlName(field.name)] = toXmlText(field, row[field.name]);
  return content;
}
