/** Writes XML documents; text and attribute values are escaped, so no value can add markup. */

import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, processEntities: true });

/** Writes a document from a fast-xml-parser object tree ('@_' marks attributes), with an XML declaration. */
export function buildXml(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, ...root });
}
