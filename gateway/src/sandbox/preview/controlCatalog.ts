/**
 * The built controls (controls/out/controls/<Name>/, what `pcf-scripts build` writes): each
 * control's built ControlManifest.xml read into what the preview needs to host it (its
 * registered name, properties, code, css, .resx and other resources, platform libraries), and its
 * strings for a language from the .resx files. Read from disk on every page, so a rebuilt
 * control shows on the next reload.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../xml/parse.js';
import type { ControlPropertyModel, LanguageId } from './shared/pageModel.js';

export interface ResxFile {
  path: string;
  /** The language of the file, from its name: strings/SapOrders.1031.resx → 1031. */
  languageId: number | undefined;
}

export interface BuiltControl {
  /** The control's folder under the output directory, e.g. SapOrders. */
  folder: string;
  /** namespace.constructor, the name the bundle registers. */
  name: string;
  controlType: 'standard' | 'virtual';
  properties: Omit<ControlPropertyModel, 'column' | 'staticValue'>[];
  codePath: string;
  cssPaths: string[];
  resx: ResxFile[];
  /** Images and html the control may ask for with context.resources.getResource. */
  otherResources: string[];
  platformLibraries: { name: string; version: string }[];
}

/** The manifest or a file it names cannot be read. */
export class ControlManifestError extends Error {
  override readonly name = 'ControlManifestError';
}

const USAGES = new Set(['bound', 'input', 'output']);

function attribute(element: XmlElement, name: string, where: string): string {
  const value = element.attributes[name];
  if (value === undefined || value === '') throw new ControlManifestError(`${where}: <${element.name}> has no ${name}`);
  return value;
}

export function readControlManifest(xml: string, folder: string): BuiltControl {
  const where = `${folder}/ControlManifest.xml`;
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new ControlManifestError(`${where} is not readable XML: ${(error as Error).message}`);
  }
  const control = root.name === 'manifest' ? childNamed(root, 'control') : undefined;
  if (!control) throw new ControlManifestError(`${where} has no <manifest><control>`);
  const resources = childNamed(control, 'resources');
  const paths = (name: string) => (resources ? childrenNamed(resources, name).map((element) => attribute(element, 'path', where)) : []);
  const code = paths('code');
  if (code.length !== 1) throw new ControlManifestError(`${where} names ${code.length} code files; a built control has one (bundle.js)`);
  return {
    folder,
    name: `${attribute(control, 'namespace', where)}.${attribute(control, 'constructor', where)}`,
    controlType: control.attributes['control-type'] === 'virtual' ? 'virtual' : 'standard',
    properties: childrenNamed(control, 'property').map((property) => {
      const usage = property.attributes.usage ?? 'bound';
      if (!USAGES.has(usage)) throw new ControlManifestError(`${where}: property ${property.attributes.name ?? '?'} has usage "${usage}"`);
      return {
        name: attribute(property, 'name', where),
        ofType: property.attributes['of-type'] ?? property.attributes['of-type-group'] ?? 'SingleLine.Text',
        usage: usage as ControlPropertyModel['usage'],
        required: property.attributes.required === 'true',
      };
    }),
    codePath: code[0]!,
    cssPaths: paths('css'),
    resx: paths('resx').map((resxPath) => {
      const language = /\.(\d{4,5})\.resx$/i.exec(resxPath)?.[1];
      return { path: resxPath, languageId: language === undefined ? undefined : Number(language) };
    }),
    otherResources: [...paths('img'), ...paths('html')],
    platformLibraries: resources
      ? childrenNamed(resources, 'platform-library').map((library) => ({ name: attribute(library, 'name', where), version: attribute(library, 'version', where) }))
      : [],
  };
}

/** The strings of a .resx file: each string <data name> and its <value>. */
export function readResx(xml: string): Map<string, string> {
  const root = parseXml(xml);
  const strings = new Map<string, string>();
  for (const data of childrenNamed(root, 'data')) {
    const name = data.attributes.name;
    // Typed entries (images, files) are not strings.
    const type = data.attributes.type;
    if (name === undefined || (type !== undefined && !type.startsWith('System.String'))) continue;
    strings.set(name, childNamed(data, 'value')?.text ?? '');
  }
  return strings;
}

/** The default language: its strings fill in what another language's .resx lacks. */
const BASE_LANGUAGE = 1033;

export interface ControlCatalog {
  /** Folders of the controls that are built, by folder name. */
  folders(): string[];
  /** The control built in `folder`; throws ControlManifestError when it is not built or not readable. */
  control(folder: string): BuiltControl;
  /** The control's strings for a language: its .resx for that language over the English one. */
  strings(control: BuiltControl, languageId: LanguageId): Record<string, string>;
  /** The file behind one of the control's manifest resources, or undefined for a path the manifest does not name. */
  resourceFile(control: BuiltControl, resourcePath: string): string | undefined;
}

/** The catalog of controls built into `outDir` (controls/out/controls). */
export function createControlCatalog(outDir: string): ControlCatalog {
  const manifestOf = (folder: string) => path.join(outDir, folder, 'ControlManifest.xml');
  const read = (control: BuiltControl, file: string): string => readFileSync(path.join(outDir, control.folder, file), 'utf8');

  return {
    folders() {
      if (!existsSync(outDir)) return [];
      return readdirSync(outDir).filter((folder) => existsSync(manifestOf(folder)) && statSync(manifestOf(folder)).isFile());
    },
    control(folder) {
      if (!/^[A-Za-z0-9_.-]+$/.test(folder) || !existsSync(manifestOf(folder))) {
        throw new ControlManifestError(`${folder} is not built: ${manifestOf(folder)} does not exist (npm run build builds the controls)`);
      }
      return readControlManifest(readFileSync(manifestOf(folder), 'utf8'), folder);
    },
    strings(control, languageId) {
      const forLanguage = (id: number) => control.resx.filter((file) => file.languageId === id);
      const strings: Record<string, string> = {};
      for (const file of [...forLanguage(BASE_LANGUAGE), ...(languageId === BASE_LANGUAGE ? [] : forLanguage(languageId))]) {
        try {
          for (const [name, value] of readResx(read(control, file.path))) strings[name] = value;
        } catch (error) {
          throw new ControlManifestError(`${control.folder}/${file.path} cannot be read: ${(error as Error).message}`);
        }
      }
      return strings;
    },
    resourceFile(control, resourcePath) {
      const listed = [control.codePath, ...control.cssPaths, ...control.resx.map((file) => file.path), ...control.otherResources];
      if (!listed.includes(resourcePath)) return undefined;
      const file = path.resolve(outDir, control.folder, resourcePath);
      // The manifest is the control author's; still never serve outside the control's folder.
      const folder = path.resolve(outDir, control.folder) + path.sep;
      return file.startsWith(folder) ? file : undefined;
    },
  };
}
