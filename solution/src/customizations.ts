/**
 * customizations.xml from an unpacked solution, as SolutionPackager packs it: Other/Customizations.xml
 * with the component files put back where they came from (Solution component file reference
 * (SolutionPackager), MicrosoftDocs/dynamics-365-customer-engagement
 * ce/developer/solution-component-file-reference-solutionpackager.md). COMPONENTS says, per kind of
 * component file, which element of customizations.xml it goes into; a new kind is a new row.
 * Forms, views and charts go into their table's <Entity> (entityParts.ts); environment variable
 * definitions are packed beside customizations.xml (environmentVariables.ts); web resources,
 * whose content a build may make, and the built controls are packed by pack.ts. Any other file is
 * refused rather than packed without it.
 */

import { entityWithParts, isEntityPart, packEntityParts, type PartsByEntity } from './entityParts.js';
import { isEnvironmentVariableDefinition } from './environmentVariables.js';
import { isWebResourceFile } from './webResources.js';
import type { SolutionFiles } from './solutionFiles.js';
import { TOP_LEVEL_COMPONENTS, checkTopLevelComponents } from './topLevelComponents.js';
import { UnpackedSolutionError, appendToElement, rootElement, type RootElement } from './xmlText.js';

const CUSTOMIZATIONS = 'Other/Customizations.xml';
const MANIFEST = 'Other/Solution.xml';

interface PackContext {
  entityParts: PartsByEntity;
}

export interface ComponentKind {
  /** The component's files in the unpacked layout. */
  files: RegExp;
  /** The file's root element. */
  root: string;
  /** The direct child of <ImportExportXml> the component goes into. */
  into: string;
  /** What goes in: the root element itself, or only the items it wraps (a file holding several components). */
  take: 'element' | 'content';
  /** Completes the packed element from what is packed elsewhere (a table's forms and views). */
  complete?: (element: string, file: string, match: RegExpExecArray, context: PackContext) => string;
}

export const COMPONENTS: ComponentKind[] = [
  {
    files: /^Entities\/([^/]+)\/Entity\.xml$/,
    root: 'Entity',
    into: 'Entities',
    take: 'element',
    complete: (element, file, match, context) => entityWithParts(element, context.entityParts.get(match[1]!), file),
  },
  // One file per referenced table; Other/Relationships.xml only lists their names (below).
  { files: /^Other\/Relationships\/[^/]+\.xml$/, root: 'EntityRelationships', into: 'EntityRelationships', take: 'content' },
  { files: /^OptionSets\/[^/]+\.xml$/, root: 'optionset', into: 'optionsets', take: 'element' },
  // Roles, dashboards, webhook steps and endpoints, app modules and their site maps.
  ...TOP_LEVEL_COMPONENTS,
];

/** Files the solution holds that are not components of customizations.xml of their own. */
const PACKED_OTHERWISE: ((file: string, names: ReadonlySet<string>) => boolean)[] = [
  (file) => file === CUSTOMIZATIONS || file === MANIFEST || file === 'Other/Relationships.xml',
  isEnvironmentVariableDefinition,
  isEntityPart,
  // Packed by pack.ts, whose content may come from a build (webResources.ts).
  isWebResourceFile,
];

export interface CustomizationsOptions {
  managed: boolean;
  /** Items for direct children of <ImportExportXml> that come from outside the unpacked folder (the built controls). */
  more?: Record<string, string[]>;
}

const packedItem = (root: RootElement, kind: ComponentKind) => (kind.take === 'element' ? root.element : root.content.trim());

export function packCustomizations(files: SolutionFiles, options: CustomizationsOptions): string {
  const names = new Set(files.names());
  const unsupported = files.names().filter((file) => !COMPONENTS.some((kind) => kind.files.test(file)) && !PACKED_OTHERWISE.some((packed) => packed(file, names)));
  if (unsupported.length > 0) {
    throw new UnpackedSolutionError(unsupported[0]!, `the packer does not pack this kind of component yet (${unsupported.length} such file(s): ${unsupported.join(', ')})`);
  }
  checkTopLevelComponents(files);
  const context: PackContext = { entityParts: packEntityParts(files, files.text(MANIFEST), options.managed) };
  const items = new Map<string, string[]>();
  for (const file of files.names()) {
    for (const kind of COMPONENTS) {
      const match = kind.files.exec(file);
      if (!match) continue;
      let item = packedItem(rootElement(files.text(file), kind.root, file), kind);
      if (kind.complete) item = kind.complete(item, file, match, context);
      if (item) items.set(kind.into, [...(items.get(kind.into) ?? []), item]);
      break;
    }
  }
  for (const [into, more] of Object.entries(options.more ?? {})) items.set(into, [...(items.get(into) ?? []), ...more]);
  let document = files.text(CUSTOMIZATIONS);
  rootElement(document, 'ImportExportXml', CUSTOMIZATIONS);
  for (const [into, packed] of items) document = appendToElement(document, into, packed, CUSTOMIZATIONS);
  return document;
}
