/**
 * Parses XML that comes from outside (SAP's answers and WSDLs, requests to the simulated
 * SOAP-RFC service) without DTDs: a document with a DOCTYPE is refused outright, so no entity
 * can be declared or expanded; only XML's predefined entities and character references are
 * decoded. The tree resolves each element's namespace, so callers recognise elements by
 * namespace whatever prefix the sender chose.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** The local name (without prefix). */
  name: string;
  namespace: string | undefined;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (empty when it has child elements). */
  text: string;
  /** Namespace prefixes in scope ('' is the default namespace). */
  scope: Map<string, string>;
}

/** The document is not XML this parser accepts (malformed, a DOCTYPE, an unknown entity). */
export class XmlRejected extends Error {}

// Attributes are read with a prefix: fast-xml-parser refuses a bare attribute named like an
// Object.prototype member (a PCF manifest's constructor="…"), and the prefix keeps them apart.
const ATTRIBUTE_PREFIX = '@_';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded below, where only XML's own are known; CDATA stays literal.
  processEntities: false,
  cdataPropName: '#cdata',
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's five predefined entities and character references; any other entity is an error. */
function decodeEntities(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(';')) throw new XmlRejected('an unterminated entity reference');
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const code = /^#x[0-9a-f]+$/i.test(name) ? parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    if (Number.isNaN(code)) throw new XmlRejected(`the entity ${reference} is not defined`);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) throw new XmlRejected(`${reference} is not a character`);
    return String.fromCodePoint(code);
  });
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a document into its root element; refuses DOCTYPEs and malformed XML. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new XmlRejected('the document has a DOCTYPE declaration, which is refused');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRejected(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = nodes.map((node) => toElement(node, new Map())).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new XmlRejected('the document does not have exactly one root element');
  return roots[0]!;
}

function toElement(node: OrderedNode, inherited: Map<string, string>): XmlElement | undefined {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined || tag === '#text' || tag.startsWith('?')) return undefined;
  const attributes: Record<string, string> = {};
  const scope = new Map(inherited);
  for (const [prefixed, raw] of Object.entries(node[':@'] ?? {})) {
    const attribute = prefixed.slice(ATTRIBUTE_PREFIX.length);
    const value = decodeEntities(raw);
    // Defined, not assigned: an attribute named __proto__ is data, not the object's prototype.
    Object.defineProperty(attributes, attribute, { value, enumerable: true, writable: true, configurable: true });
    if (attribute === 'xmlns') scope.set('', value);
    else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
  }
  const colon = tag.indexOf(':');
  const element: XmlElement = { name: tag.slice(colon + 1), namespace: scope.get(colon < 0 ? '' : tag.slice(0, colon)), attributes, children: [], text: '', scope };
  for (const child of node[tag] as OrderedNode[]) {
    if ('#text' in child) element.text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child) element.text += (child['#cdata'] as { '#text': string }[]).map((part) => part['#text']).join('');
    else {
      const childElement = toElement(child, scope);
      if (childElement) element.children.push(childElement);
    }
  }
  if (element.children.length > 0) element.text = '';
  return element;
}

/** A prefixed name in an attribute value ("s0:char10") as namespace and local name. */
export function resolveQName(element: XmlElement, qname: string): { namespace: string | undefined; name: string } {
  const colon = qname.indexOf(':');
  return { namespace: element.scope.get(colon < 0 ? '' : qname.slice(0, colon)), name: qname.slice(colon + 1) };
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((child) => child.name === name);
