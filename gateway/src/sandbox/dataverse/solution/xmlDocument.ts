/** Reading the solution's XML with the gateway's safe parser, and the element paths errors point at. */

import { XmlRejected, childNamed, parseXml, type XmlElement } from '../../../xml/parse.js';
import { importErrors } from './importErrors.js';

export function parseSolutionXml(file: string, text: string, rootName: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlRejected) throw importErrors.notWellFormed(file, error.message);
    throw error;
  }
  if (root.name !== rootName) throw importErrors.schemaViolation(`The root element of ${file} is '${root.name}', not '${rootName}'.`, `<${root.name}>`);
  return root;
}

/** An element's start tag as errors quote it: <attribute PhysicalName="ecc_CustomerNumber">. */
export const startTag = (element: XmlElement): string =>
  `<${element.name}${Object.entries(element.attributes).filter(([name]) => !name.startsWith('xmlns')).map(([name, value]) => ` ${name}="${value}"`).join('')}>`;

/** The trimmed text of a child element, or undefined when it is absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = childNamed(element, name)?.text.trim();
  return text === '' ? undefined : text;
}

/** The text of a child element the schema requires. */
export function requiredChildText(element: XmlElement, name: string): string {
  const text = childText(element, name);
  if (text === undefined) throw importErrors.schemaViolation(`The element '${element.name}' has incomplete content. List of possible elements expected: '${name}'.`, startTag(element));
  return text;
}

/** A label in US English (1033), else the first: <labels><label description="…" languagecode="1033"/></labels>. */
export function labelOf(element: XmlElement, container: string, item: string): string {
  const labels = childNamed(element, container)?.children.filter((child) => child.name === item) ?? [];
  const chosen = labels.find((label) => label.attributes.languagecode === '1033') ?? labels[0];
  return chosen?.attributes.description ?? '';
}
