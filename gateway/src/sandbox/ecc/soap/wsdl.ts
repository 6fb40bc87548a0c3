/**
 * The WSDL of function modules, as the ICF service /sap/bc/soap/wsdl11 renders it from the
 * function module's interface: document/literal, target namespace
 * urn:sap-com:document:sap:rfc:functions, unqualified elements (no elementFormDefault),
 * simple types named by ABAP type and length (char10, numeric6, date10, time, curr15.2,
 * quantum13.3, decimal23.4, cuky5, unit3, lang, clnt3; xsd:int for INT4, xsd:double for
 * FLTP), one complexType per DDIC structure, tables as TABLE_OF_<structure> with
 * `item` rows. Element <FM> carries the IMPORTING, CHANGING and TABLES parameters, element
 * <FM>.Response the EXPORTING, CHANGING and TABLES parameters, each sorted by name as in
 * SAP-generated WSDLs. Names of the messages, port type, binding and service and the
 * soapAction follow a captured SAP RFC WSDL (docs/sap-soap-rfc.md lists what is unconfirmed).
 */

import { buildXml } from '../../../xml/build.js';
import type { FieldDef, StructureDef } from '../ddic/types.js';
import type { FunctionModuleDef, ParameterDef } from '../functionModule.js';
import { RFC_FUNCTIONS_NS, toXmlName } from './names.js';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const HTTP_TRANSPORT = 'http://schemas.xmlsoap.org/soap/http';

interface SimpleType {
  name: string;
  base: 'xsd:string' | 'xsd:decimal';
  facets: [facet: string, value: string][];
}

const BUILT_IN: Partial<Record<FieldDef['type'], string>> = { INT4: 'xsd:int', INT2: 'xsd:short', INT1: 'xsd:unsignedByte', FLTP: 'xsd:double' };

/** The simple type SAP uses for an ABAP field, or undefined for types that map to a built-in XSD type. */
function simpleTypeOf(field: FieldDef): SimpleType | undefined {
  const text = (name: string, length: number, pattern?: string): SimpleType => ({
    name,
    base: 'xsd:string',
    facets: [['maxLength', String(length)], ...(pattern ? [['pattern', pattern] as [string, string]] : [])],
  });
  const packed = (prefix: string): SimpleType => ({
    name: `${prefix}${field.length}.${field.decimals}`,
    base: 'xsd:decimal',
    facets: [['totalDigits', String(field.length)], ['fractionDigits', String(field.decimals)]],
  });
  switch (field.type) {
    case 'CHAR': return text(`char${field.length}`, field.length);
    case 'NUMC': return text(`numeric${field.length}`, field.length, '\\d*');
    case 'DATS': return text('date10', 10, '\\d\\d\\d\\d-\\d\\d-\\d\\d');
    case 'TIMS': return text('time', 8, '\\d\\d:\\d\\d:\\d\\d');
    case 'CUKY': return text(`cuky${field.length}`, field.length);
    case 'UNIT': return text(`unit${field.length}`, field.length);
    case 'LANG': return text('lang', 1);
    case 'CLNT': return text(`clnt${field.length}`, field.length);
    case 'CURR': return packed('curr');
    case 'QUAN': return packed('quantum');
    case 'DEC': return packed('decimal');
    default: return undefined;
  }
}

class SchemaCollector {
  readonly simpleTypes = new Map<string, SimpleType>();
  readonly structures = new Map<string, StructureDef>();
  readonly tableTypes = new Set<string>();

  typeOfField(field: FieldDef): string {
    const simple = simpleTypeOf(field);
    if (!simple) return BUILT_IN[field.type]!;
    this.simpleTypes.set(simple.name, simple);
    return `s0:${simple.name}`;
  }

  typeOfParameter(parameter: ParameterDef): string {
    if (!parameter.structure) return this.typeOfField(parameter.field!);
    const structure = parameter.structure;
    if (!this.structures.has(structure.name)) {
      this.structures.set(structure.name, structure);
      for (const field of structure.fields) this.typeOfField(field);
    }
    if (parameter.parameterClass !== 'T') return `s0:${toXmlName(structure.name)}`;
    this.tableTypes.add(structure.name);
    return `s0:TABLE_OF_${toXmlName(structure.name)}`;
  }
}

const byName = (a: ParameterDef, b: ParameterDef): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function parameterElements(collector: SchemaCollector, parameters: ParameterDef[], optional: (p: ParameterDef) => boolean): Record<string, unknown>[] {
  return [...parameters].sort(byName).map((p) => ({
    '@_name': toXmlName(p.name),
    '@_type': collector.typeOfParameter(p),
    ...(optional(p) ? { '@_minOccurs': '0' } : {}),
  }));
}

function functionElements(collector: SchemaCollector, def: FunctionModuleDef): Record<string, unknown>[] {
  const name = toXmlName(def.name);
  const input = def.parameters.filter((p) => p.parameterClass !== 'E');
  const output = def.parameters.filter((p) => p.parameterClass !== 'I');
  return [
    { '@_name': name, 'xsd:complexType': { 'xsd:sequence': { 'xsd:element': parameterElements(collector, input, (p) => p.optional) } } },
    {
      '@_name': `${name}.Response`,
      // TABLES come back only when the request sent them.
      'xsd:complexType': { 'xsd:sequence': { 'xsd:element': parameterElements(collector, output, (p) => p.parameterClass === 'T' && p.optional) } },
    },
  ];
}

/** The WSDL of one or more function modules, with `location` as the endpoint (…/sap/bc/soap/rfc). */
export function renderWsdl(defs: FunctionModuleDef[], location: string): string {
  const collector = new SchemaCollector();
  const elements = defs.flatMap((def) => functionElements(collector, def));
  const simpleTypes = [...collector.simpleTypes.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((type) => ({
      '@_name': type.name,
      'xsd:restriction': { '@_base': type.base, ...facetElements(type.facets) },
    }));
  const structures = [...collector.structures.values()].map((structure) => ({
    '@_name': toXmlName(structure.name),
    'xsd:sequence': { 'xsd:element': structure.fields.map((field) => ({ '@_name': toXmlName(field.name), '@_type': collector.typeOfField(field) })) },
  }));
  const tables = [...collector.tableTypes].map((structureName) => ({
    '@_name': `TABLE_OF_${toXmlName(structureName)}`,
    'xsd:sequence': { 'xsd:element': { '@_name': 'item', '@_type': `s0:${toXmlName(structureName)}`, '@_minOccurs': '0', '@_maxOccurs': 'unbounded' } },
  }));
  const names = defs.map((def) => toXmlName(def.name));
  return buildXml({
    'wsdl:definitions': {
      '@_targetNamespace': RFC_FUNCTIONS_NS,
      '@_xmlns:wsdl': WSDL_NS,
      '@_xmlns:s0': RFC_FUNCTIONS_NS,
      '@_xmlns:xsd': XSD_NS,
      '@_xmlns:soap': WSDL_SOAP_NS,
      'wsdl:types': {
        'xsd:schema': {
          '@_targetNamespace': RFC_FUNCTIONS_NS,
          'xsd:simpleType': simpleTypes,
          'xsd:complexType': [...structures, ...tables],
          'xsd:element': elements,
        },
      },
      'wsdl:message': names.flatMap((name) => [
        { '@_name': `${name}.Input`, 'wsdl:part': { '@_name': 'parameters', '@_element': `s0:${name}` } },
        { '@_name': `${name}.Output`, 'wsdl:part': { '@_name': 'parameters', '@_element': `s0:${name}.Response` } },
      ]),
      'wsdl:portType': names.map((name) => ({
        '@_name': `${name}PortType`,
        'wsdl:operation': { '@_name': name, 'wsdl:input': { '@_message': `s0:${name}.Input` }, 'wsdl:output': { '@_message': `s0:${name}.Output` } },
      })),
      'wsdl:binding': names.map((name) => ({
        '@_name': `${name}Binding`,
        '@_type': `s0:${name}PortType`,
        'soap:binding': { '@_style': 'document', '@_transport': HTTP_TRANSPORT },
        'wsdl:operation': {
          '@_name': name,
          'soap:operation': { '@_soapAction': `http://www.sap.com/${name}` },
          'wsdl:input': { 'soap:body': { '@_use': 'literal' } },
          'wsdl:output': { 'soap:body': { '@_use': 'literal' } },
        },
      })),
      'wsdl:service': names.map((name) => ({
        '@_name': `${name}Service`,
        'wsdl:documentation': `SAP Service ${name} via SOAP`,
        'wsdl:port': { '@_name': `${name}PortType`, '@_binding': `s0:${name}Binding`, 'soap:address': { '@_location': location } },
      })),
    },
  });
}

function facetElements(facets: [string, string][]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [facet, value] of facets) result[`xsd:${facet}`] = { '@_value': value };
  return result;
}
