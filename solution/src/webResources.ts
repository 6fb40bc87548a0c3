/**
 * Web resources as SolutionPackager keeps them (Solution component file reference
 * (SolutionPackager), "Web resources"): WebResources/<name>.data.xml holds the <WebResource>
 * (id, name, type, the file's path in the zip in <FileName>), and WebResources/<name> the content,
 * slashes in the name making folders. The <WebResource> goes under <WebResources> in
 * customizations.xml and the content into the zip at <FileName>, with a root component of type 61
 * (web resource) in solution.xml.
 * A web resource a build makes (the controls' MSAL redirect bridge, controls/out/webresources)
 * keeps its metadata in the source and takes its content from the build output folder
 * (`webResourcesDir`, laid out by name as WebResources/ is); without that folder such a web
 * resource is left out of the zip with its root component, as the controls are without theirs.
 * That an import takes a <FileName> with folders (/WebResources/ecc_/controls/…) rather than the
 * flat names exports write is unconfirmed.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SolutionFiles } from './solutionFiles.js';
import { UnpackedSolutionError, rootElement } from './xmlText.js';

const DATA_FILE = /^WebResources\/(.+)\.data\.xml$/;

/** WebResourceType by file extension (the webresource table's webresourcetype choices). */
const TYPES: Readonly<Record<string, string>> = {
  html: '1', htm: '1', css: '2', js: '3', xml: '4', png: '5', jpg: '6', jpeg: '6', gif: '7', xap: '8', xsl: '9', xslt: '9', ico: '10',
};

export interface PackedWebResource {
  name: string;
  /** The <WebResource> element for customizations.xml. */
  element: string;
  /** The content by its path in the zip. */
  files: Record<string, Uint8Array>;
}

/** A web resource's metadata file, or the content file beside one. */
export function isWebResourceFile(file: string, names: ReadonlySet<string>): boolean {
  return DATA_FILE.test(file) || (file.startsWith('WebResources/') && names.has(`${file}.data.xml`));
}

const childText = (element: string, name: string): string | undefined => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(element)?.[1];

export function packWebResources(files: SolutionFiles, sourceDir: string, webResourcesDir: string | undefined): PackedWebResource[] {
  const names = new Set(files.names());
  const packed: PackedWebResource[] = [];
  for (const file of files.names()) {
    const name = DATA_FILE.exec(file)?.[1];
    if (name === undefined) continue;
    const { element } = rootElement(files.text(file), 'WebResource', file);
    const declared = childText(element, 'Name');
    if (declared !== name) throw new UnpackedSolutionError(file, `its <Name> is "${declared ?? ''}", not the web resource its file is named after, "${name}"`);
    const extension = path.posix.extname(name).slice(1).toLowerCase();
    const type = childText(element, 'WebResourceType');
    if (TYPES[extension] === undefined || type !== TYPES[extension]) {
      throw new UnpackedSolutionError(file, `its <WebResourceType> is ${type ?? 'missing'}, which is not the type of a .${extension} file (${TYPES[extension] ?? 'none known'})`);
    }
    const fileName = childText(element, 'FileName');
    if (!fileName?.startsWith('/WebResources/')) throw new UnpackedSolutionError(file, 'its <FileName> does not give the content\'s path in the zip (/WebResources/…)');
    const inSource = names.has(`WebResources/${name}`);
    const built = webResourcesDir === undefined ? undefined : path.join(webResourcesDir, ...name.split('/'));
    if (inSource && built !== undefined && existsSync(built)) throw new UnpackedSolutionError(file, `its content is both in the source and in ${webResourcesDir}; keep one`);
    let content: Uint8Array;
    if (inSource) content = new Uint8Array(readFileSync(path.join(sourceDir, 'WebResources', ...name.split('/'))));
    else if (built === undefined) continue;
    else if (existsSync(built)) content = new Uint8Array(readFileSync(built));
    else throw new UnpackedSolutionError(file, `its content is neither in the source nor at ${built}: build the controls first (npm run build -w @ecc365/controls)`);
    packed.push({ name, element, files: { [fileName.slice(1)]: content } });
  }
  return packed;
}
