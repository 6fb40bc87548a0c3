/**
 * Components SolutionPackager keeps in folders of their own at the top of the unpacked solution,
 * each packed into its element of customizations.xml (Solution component file reference
 * (SolutionPackager), MicrosoftDocs/dynamics-365-customer-engagement
 * ce/developer/solution-component-file-reference-solutionpackager.md; app modules and their site
 * maps, which that page predates, as `pac solution unpack` lays them out):
 * - Roles/<role name>.xml: one <Role> under <Roles>;
 * - Dashboards/{formid}.xml: one <Dashboard> under <Dashboards>;
 * - SdkMessageProcessingSteps/{step id}.xml: one <SdkMessageProcessingStep> under <SdkMessageProcessingSteps>;
 * - PluginAssemblies/ServiceEndpoints.xml: every <ServiceEndpoint>, under <ServiceEndpoints>;
 * - AppModuleSiteMaps/<unique name>/AppModuleSiteMap.xml: one <AppModuleSiteMap> under <AppModuleSiteMaps>;
 * - AppModules/<unique name>/AppModule.xml: one <AppModule> under <AppModules>.
 * Each component must be a root component of its type in solution.xml, and each root component
 * of these types must have its file: a component left out of the manifest would import without
 * belonging to the solution.
 */

import type { ComponentKind } from './customizations.js';
import { entityPartComponents } from './entityParts.js';
import type { SolutionFiles } from './solutionFiles.js';
import { UnpackedSolutionError, rootElement } from './xmlText.js';

const GUID = '\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}';

interface TopLevelKind {
  /** The file; group 1 is what names the component in the path (a role's name, an id, a unique name), when the path names it. */
  file: RegExp;
  /** The file's root element. */
  root: string;
  /** The element under <ImportExportXml> the component goes into. */
  container: string;
  /** Its component type in solution.xml (Microsoft's componenttype choices). */
  componentType: string;
  /** How solution.xml's <RootComponent> names it, and how the file names it. */
  identity: (element: string, file: string, kind: TopLevelKind) => { attribute: 'id' | 'schemaName'; value: string }[];
  /** The components of one file: the root element itself, or the elements it wraps. */
  take: 'element' | 'content';
}

const attribute = (startTag: string, name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(startTag)?.[1];
const childText = (element: string, name: string): string | undefined => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(element)?.[1];

function required(value: string | undefined, file: string, what: string): string {
  if (!value) throw new UnpackedSolutionError(file, `the component has no ${what}`);
  return value;
}

/** The component's id, which must be the file name's when the file is named by it. */
function idNamedByFile(id: string, file: string, kind: TopLevelKind): string {
  const named = kind.file.exec(file)?.[1];
  if (named !== undefined && named.toLowerCase() !== id.toLowerCase()) throw new UnpackedSolutionError(file, `the component's id ${id} is not the file's name ${named}`);
  return id;
}

const KINDS: TopLevelKind[] = [
  {
    file: /^Roles\/[^/]+\.xml$/,
    root: 'Role',
    container: 'Roles',
    componentType: '20',
    identity: (element, file) => [{ attribute: 'id', value: required(attribute(element, 'id'), file, 'id attribute') }],
    take: 'element',
  },
  {
    file: new RegExp(`^Dashboards/(${GUID})\\.xml$`),
    root: 'Dashboard',
    container: 'Dashboards',
    componentType: '60',
    identity: (element, file, kind) => [{ attribute: 'id', value: idNamedByFile(required(childText(element, 'FormId'), file, '<FormId>'), file, kind) }],
    take: 'element',
  },
  {
    file: new RegExp(`^SdkMessageProcessingSteps/(${GUID})\\.xml$`),
    root: 'SdkMessageProcessingStep',
    container: 'SdkMessageProcessingSteps',
    componentType: '92',
    identity: (element, file, kind) => [{ attribute: 'id', value: idNamedByFile(required(attribute(element, 'SdkMessageProcessingStepId'), file, 'SdkMessageProcessingStepId attribute'), file, kind) }],
    take: 'element',
  },
  {
    file: /^PluginAssemblies\/ServiceEndpoints\.xml$/,
    root: 'ServiceEndpoints',
    container: 'ServiceEndpoints',
    componentType: '95',
    identity: (element, file) => [...element.matchAll(/<ServiceEndpoint\b([^>]*)>/g)].map((match) => ({ attribute: 'id' as const, value: required(attribute(match[1]!, 'ServiceEndpointId'), file, 'ServiceEndpointId attribute') })),
    take: 'content',
  },
  {
    file: /^AppModuleSiteMaps\/([^/]+)\/AppModuleSiteMap\.xml$/,
    root: 'AppModuleSiteMap',
    container: 'AppModuleSiteMaps',
    componentType: '62',
    identity: (element, file, kind) => [{ attribute: 'schemaName', value: idNamedByFile(required(childText(element, 'SiteMapUniqueName'), file, '<SiteMapUniqueName>'), file, kind) }],
    take: 'element',
  },
  {
    file: /^AppModules\/([^/]+)\/AppModule\.xml$/,
    root: 'AppModule',
    container: 'AppModules',
    componentType: '80',
    identity: (element, file, kind) => [{ attribute: 'schemaName', value: idNamedByFile(required(childText(element, 'UniqueName'), file, '<UniqueName>'), file, kind) }],
    take: 'element',
  },
];

/** Ids and names compare without braces and case, as Dataverse compares them. */
const normalized = (value: string): string => value.replace(/^\{|\}$/g, '').toLowerCase();

function rootComponentsOf(solutionXml: string, type: string): { attribute: 'id' | 'schemaName'; value: string }[] {
  const listed: { attribute: 'id' | 'schemaName'; value: string }[] = [];
  for (const match of solutionXml.matchAll(/<RootComponent\b([^>]*)\/?>/g)) {
    if (attribute(match[1]!, 'type') !== type) continue;
    const id = attribute(match[1]!, 'id');
    const schemaName = attribute(match[1]!, 'schemaName');
    if (id) listed.push({ attribute: 'id', value: normalized(id) });
    else if (schemaName) listed.push({ attribute: 'schemaName', value: normalized(schemaName) });
  }
  return listed;
}

/** The rows of customizations.ts's COMPONENTS for these kinds. */
export const TOP_LEVEL_COMPONENTS: ComponentKind[] = KINDS.map((kind) => ({ files: kind.file, root: kind.root, into: kind.container, take: kind.take }));

/** Checks each component against solution.xml: listed as a root component of its type, and each such root component with its file. */
export function checkTopLevelComponents(files: SolutionFiles): void {
  const solutionXml = files.text('Other/Solution.xml');
  const tableParts = entityPartComponents(files);
  for (const kind of KINDS) {
    const found = new Set<string>();
    const listed = rootComponentsOf(solutionXml, kind.componentType);
    for (const file of files.names().filter((name) => kind.file.test(name))) {
      const root = rootElement(files.text(file), kind.root, file);
      for (const identity of kind.identity(root.element, file, kind)) {
        const key = `${identity.attribute}:${normalized(identity.value)}`;
        if (!listed.some((entry) => `${entry.attribute}:${entry.value}` === key)) {
          throw new UnpackedSolutionError(file, `Other/Solution.xml has no <RootComponent type="${kind.componentType}" ${identity.attribute}="${identity.value}" />, so the component would not belong to the solution`);
        }
        found.add(key);
      }
    }
    const missing = listed.filter((entry) => !found.has(`${entry.attribute}:${entry.value}`) && !tableParts.has(`${kind.componentType} ${entry.value}`));
    if (missing.length > 0) {
      throw new UnpackedSolutionError('Other/Solution.xml', `root components of type ${kind.componentType} without their <${kind.root}> file: ${missing.map((entry) => `${entry.attribute} ${entry.value}`).join(', ')}`);
    }
  }
}
