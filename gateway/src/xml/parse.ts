/**
 * Parses XML that comes from outside (SAP's answers and WSDLs, requests to the simulated
 * SOAP-RFC service) without DTDs: a document with a DOCTYPE is refused outright, so no entity
 * can be declared or expanded; only XML's predefined entities and character references are
 * decoded. The tree resolves each element's namespace, so callers recognise elements by
 * namespace whatever prefix the sender chose.
 */

import { SaxesParser } from 'saxes';

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

/**
 * Parses a document into its root element in one pass; refuses DOCTYPEs and malformed XML. saxes
 * checks well-formedness as it reads and knows only XML's predefined entities and character
 * references, so any other entity is an error.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new XmlRejected('the document has a DOCTYPE declaration, which is refused');
  const parser = new SaxesParser();
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const parent = open.at(-1);
    const inherited = parent?.scope ?? new Map<string, string>();
    // Defined, not assigned: an attribute named __proto__ is data, not the object's prototype.
    const attributes: Record<string, string> = {};
    // An element shares its parent's scope unless it declares namespaces: SOAP answers have thousands of elements and few declarations.
    let scope = inherited;
    for (const [attribute, value] of Object.entries(tag.attributes as Record<string, string>)) {
      Object.defineProperty(attributes, attribute, { value, enumerable: true, writable: true, configurable: true });
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
        if (scope === inherited) scope = new Map(inherited);
        scope.set(attribute === 'xmlns' ? '' : attribute.slice(6), value);
      }
    }
    const colon = tag.name.indexOf(':');
    const element: XmlElement = { name: tag.name.slice(colon + 1), namespace: scope.get(colon < 0 ? '' : tag.name.slice(0, colon)), attributes, children: [], text: '', scope };
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  parser.on('text', (characters) => {
    const current = open.at(-1);
    if (current) current.text += characters;
  });
  parser.on('cdata', (characters) => {
    open.at(-1)!.text += characters;
  });
  parser.on('closetag', () => {
    const element = open.pop()!;
    if (element.children.length > 0) element.text = '';
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new XmlRejected(`malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!root) throw new XmlRejected('the document has no root element');
  return root;
}

/** A prefixed name in an attribute value ("s0:char10") as namespace and local name. */
export function resolveQName(element: XmlElement, qname: string): { namespace: string | undefined; name: string } {
  const colon = qname.indexOf(':');
  return { namespace: element.scope.get(colon < 0 ? '' : qname.slice(0, colon)), name: qname.slice(colon + 1) };
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((child) => child.name === name);
