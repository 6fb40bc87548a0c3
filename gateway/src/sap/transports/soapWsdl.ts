/**
 * A function module's interface read from the WSDL SAP generates for it
 * (/sap/bc/soap/wsdl11?services=FM): element <FM> lists the parameters SAP accepts (IMPORTING,
 * CHANGING, TABLES), element <FM>.Response those it returns (EXPORTING, CHANGING, TABLES). A
 * parameter is a scalar (a simple type such as char10, numeric6, date10, time, curr15.2 or
 * xsd:int), a structure (a complexType with one element per field) or a table (a complexType
 * whose only element is `item`, repeated). The transport uses this as node-rfc uses the
 * function's metadata: to refuse unknown names before sending, to convert values, and to
 * know which results are tables.
 */

import { childNamed, childrenNamed, parseXml, resolveQName, type XmlElement } from '../../xml/parse.js';
import { SapInterfaceError } from '../errors.js';
import { fromXmlName, RFC_FUNCTIONS_NS, toXmlName } from './soapNames.js';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** How a value travels: the kinds the transport converts differently. */
export type ValueKind = 'char' | 'numc' | 'date' | 'time' | 'int' | 'float' | 'decimal';

export interface ValueType {
  kind: ValueKind;
  maxLength?: number;
  fractionDigits?: number;
}

export interface ParameterInterface {
  name: string;
  shape: 'scalar' | 'structure' | 'table';
  /** The type of a scalar. */
  type?: ValueType;
  /** The fields of a structure or of a table's rows, in order. */
  fields?: Map<string, ValueType>;
  optional: boolean;
}

export interface FunctionInterface {
  name: string;
  /** What SAP accepts: IMPORTING, CHANGING and TABLES parameters. */
  input: Map<string, ParameterInterface>;
  /** What SAP returns: EXPORTING, CHANGING and TABLES parameters. */
  output: Map<string, ParameterInterface>;
}

const INTEGER_TYPES = new Set(['int', 'short', 'byte', 'long', 'integer', 'unsignedByte', 'unsignedShort', 'unsignedInt', 'unsignedLong']);

class Schema {
  private readonly simpleTypes = new Map<string, XmlElement>();
  private readonly complexTypes = new Map<string, XmlElement>();
  readonly elements = new Map<string, XmlElement>();

  constructor(definitions: XmlElement) {
    for (const types of childrenNamed(definitions, 'types')) {
      for (const schema of childrenNamed(types, 'schema')) {
        const namespace = schema.attributes.targetNamespace ?? '';
        for (const child of schema.children) {
          const key = `${namespace} ${child.attributes.name ?? ''}`;
          if (child.name === 'simpleType') this.simpleTypes.set(key, child);
          else if (child.name === 'complexType') this.complexTypes.set(key, child);
          else if (child.name === 'element') this.elements.set(key, child);
        }
      }
    }
  }

  /** The parameter or field declared by an <xsd:element>. */
  parameter(element: XmlElement, path: string): ParameterInterface {
    const name = fromXmlName(element.attributes.name ?? '');
    const optional = element.attributes.minOccurs === '0';
    const complex = this.complexTypeOf(element);
    if (!complex) return { name, shape: 'scalar', type: this.valueTypeOf(element, `${path}-${name}`), optional };
    const members = sequenceOf(complex);
    const only = members.length === 1 ? members[0]! : undefined;
    if (only?.attributes.name === 'item' && only.attributes.maxOccurs === 'unbounded') {
      const row = this.complexTypeOf(only);
      if (!row) throw unsupported(`${path}-${name}`, 'is a table of elementary values');
      return { name, shape: 'table', fields: this.fieldsOf(row, `${path}-${name}`), optional };
    }
    return { name, shape: 'structure', fields: this.fieldsOf(complex, `${path}-${name}`), optional };
  }

  private fieldsOf(complex: XmlElement, path: string): Map<string, ValueType> {
    const fields = new Map<string, ValueType>();
    for (const member of sequenceOf(complex)) {
      const field = fromXmlName(member.attributes.name ?? '');
      if (this.complexTypeOf(member)) throw unsupported(`${path}-${field}`, 'is a nested structure or table');
      fields.set(field, this.valueTypeOf(member, `${path}-${field}`));
    }
    return fields;
  }

  complexTypeOf(element: XmlElement): XmlElement | undefined {
    const inline = childNamed(element, 'complexType');
    if (inline) return inline;
    if (!element.attributes.type) return undefined;
    const type = resolveQName(element, element.attributes.type);
    return this.complexTypes.get(`${type.namespace ?? ''} ${type.name}`);
  }

  private valueTypeOf(element: XmlElement, path: string): ValueType {
    const inline = childNamed(element, 'simpleType');
    if (inline) return this.valueTypeOfSimple(inline, '', path);
    const typeName = element.attributes.type;
    if (!typeName) throw unsupported(path, 'has no type');
    const type = resolveQName(element, typeName);
    if (type.namespace === XSD_NS) return builtIn(type.name);
    const simple = this.simpleTypes.get(`${type.namespace ?? ''} ${type.name}`);
    if (!simple) throw unsupported(path, `refers to type ${typeName}, which the WSDL does not define`);
    return this.valueTypeOfSimple(simple, type.name, path);
  }

  private valueTypeOfSimple(simple: XmlElement, name: string, path: string): ValueType {
    const restriction = childNamed(simple, 'restriction');
    if (!restriction?.attributes.base) throw unsupported(path, `has a simple type ${name} without a restriction`);
    const facet = (facetName: string): string | undefined => childNamed(restriction, facetName)?.attributes.value;
    const pattern = facet('pattern');
    const maxLength = facet('maxLength') !== undefined ? Number(facet('maxLength')) : undefined;
    const base = resolveQName(restriction, restriction.attributes.base).name;
    if (/^date/.test(name) || pattern === '\\d\\d\\d\\d-\\d\\d-\\d\\d') return { kind: 'date' };
    if (name === 'time' || pattern === '\\d\\d:\\d\\d:\\d\\d') return { kind: 'time' };
    if (base === 'decimal') return { kind: 'decimal', fractionDigits: Number(facet('fractionDigits') ?? 0) };
    const type = builtIn(base);
    if (type.kind !== 'char') return type;
    if (/^numeric/.test(name) || pattern === '\\d*') return { kind: 'numc', ...(maxLength !== undefined ? { maxLength } : {}) };
    return { kind: 'char', ...(maxLength !== undefined ? { maxLength } : {}) };
  }
}

function builtIn(name: string): ValueType {
  if (INTEGER_TYPES.has(name)) return { kind: 'int' };
  if (name === 'double' || name === 'float') return { kind: 'float' };
  if (name === 'decimal') return { kind: 'decimal' };
  if (name === 'date') return { kind: 'date' };
  if (name === 'time') return { kind: 'time' };
  return { kind: 'char' };
}

/** The elements of a complexType's sequence (or all). */
function sequenceOf(complex: XmlElement): XmlElement[] {
  const group = childNamed(complex, 'sequence') ?? childNamed(complex, 'all');
  return group ? childrenNamed(group, 'element') : [];
}

const unsupported = (path: string, why: string): SapInterfaceError =>
  new SapInterfaceError(`The SOAP-RFC transport cannot handle ${path}: it ${why}`, { details: { path } });

/** Reads the interface of `functionModule` from its WSDL. */
export function readFunctionInterface(wsdl: string, functionModule: string): FunctionInterface {
  const schema = new Schema(parseXml(wsdl));
  const read = (elementName: string): Map<string, ParameterInterface> => {
    const element = schema.elements.get(`${RFC_FUNCTIONS_NS} ${elementName}`);
    if (!element) {
      throw new SapInterfaceError(`SAP's WSDL for ${functionModule} does not describe element ${elementName}`, { details: { functionModule } });
    }
    const complex = schema.complexTypeOf(element);
    const parameters = new Map<string, ParameterInterface>();
    for (const member of complex ? sequenceOf(complex) : []) {
      const parameter = schema.parameter(member, functionModule);
      parameters.set(parameter.name, parameter);
    }
    return parameters;
  };
  const xmlName = toXmlName(functionModule);
  return { name: functionModule, input: read(xmlName), output: read(`${xmlName}.Response`) };
}
