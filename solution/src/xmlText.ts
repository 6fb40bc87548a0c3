/**
 * The few text operations packing needs on XML the repository itself holds: the component files
 * are inserted into customizations.xml as SolutionPackager does, without re-serialising them, so
 * the packed XML keeps the source's exact text. Files that are not of the expected shape are
 * refused with the file's path.
 */

const DECLARATION = /^\uFEFF?\s*<\?xml[^>]*\?>\s*/;

export class UnpackedSolutionError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'UnpackedSolutionError';
  }
}

/** The document without a byte order mark and XML declaration. */
export const withoutDeclaration = (xml: string): string => xml.replace(DECLARATION, '');

export interface RootElement {
  name: string;
  /** The start tag without the xmlns:xsi declaration, which customizations.xml's root already makes. */
  startTag: string;
  /** Everything between the start and the end tag. */
  content: string;
  /** The whole element as startTag + content + end tag (or the self-closing start tag). */
  element: string;
}

/** The document's root element, which must be `expected`. */
export function rootElement(xml: string, expected: string, file: string): RootElement {
  const body = withoutDeclaration(xml).trim();
  const start = /^<([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(body);
  if (!start) throw new UnpackedSolutionError(file, 'the file does not start with an element');
  const [startTagText, name, attributes = '', selfClosing] = start;
  if (name !== expected) throw new UnpackedSolutionError(file, `the root element is <${name}>, not <${expected}>`);
  const startTag = `<${name}${attributes.replace(/\s+xmlns:xsi\s*=\s*("[^"]*"|'[^']*')/, '')}${selfClosing ? ' /' : ''}>`;
  if (selfClosing) {
    if (body.length !== startTagText.length) throw new UnpackedSolutionError(file, `text follows the self-closing <${name}/>`);
    return { name, startTag, content: '', element: startTag };
  }
  const endTag = `</${name}>`;
  if (!body.endsWith(endTag)) throw new UnpackedSolutionError(file, `the document does not end with ${endTag}`);
  const content = body.slice(startTagText.length, body.length - endTag.length);
  return { name, startTag, content, element: `${startTag}${content}${endTag}` };
}

/**
 * Puts `items` into the (possibly self-closing) element `name` directly under the root of
 * `document`, after what it holds already.
 */
export function appendToElement(document: string, name: string, items: string[], file: string): string {
  if (items.length === 0) return document;
  const inserted = items.map((item) => `\n    ${item}`).join('') + '\n  ';
  const selfClosing = new RegExp(`<${name}\\s*/>`);
  if (selfClosing.test(document)) return document.replace(selfClosing, () => `<${name}>${inserted}</${name}>`);
  const endTag = `</${name}>`;
  const at = document.indexOf(endTag);
  if (at < 0 || document.indexOf(endTag, at + 1) >= 0) throw new UnpackedSolutionError(file, `expected exactly one <${name}> element`);
  return document.slice(0, at) + inserted + document.slice(at);
}
