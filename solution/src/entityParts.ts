/**
 * The parts of a table SolutionPackager keeps beside Entities/<Entity>/Entity.xml, one file per
 * form, view or chart (Solution component file reference (SolutionPackager), "Entity"; folder
 * names and root elements as real unpacked solutions have them, e.g. microsoft/coe-starter-kit):
 * - FormXml/<form type>/{formid}.xml: <forms><systemform>…</systemform></forms>, packed as
 *   <FormXml><forms type="<form type>"> with the systemforms of that type;
 * - SavedQueries/{savedqueryid}.xml: <savedqueries><savedquery>…</savedquery></savedqueries>,
 *   packed as <SavedQueries><savedqueries> with all of the table's views;
 * - Visualizations/{savedqueryvisualizationid}.xml: <visualization>…</visualization>, packed under
 *   <Visualizations> (the file's root element is unconfirmed: no unpacked chart was found to check
 *   it against; it is the element <Visualizations> holds in CustomizationsSolution.xsd).
 * A form file may have a {formid}_managed.xml twin, which a managed package takes instead.
 * The parts go into the table's <Entity> after <EntityInfo>, in the order exports have them.
 * Each must belong to the solution: a root component of its type with its id in solution.xml, unless
 * the table's own root component includes all its subcomponents (behavior 0).
 */

import { UnpackedSolutionError, rootElement } from './xmlText.js';
import type { SolutionFiles } from './solutionFiles.js';

/** The form types of SystemFormType in CustomizationsSolution.xsd (schema 9.0), which name the FormXml folders. */
const FORM_TYPES = new Set([
  'main', 'preview', 'appointmentBook', 'minicampaignbo', 'mobile', 'dashboard', 'interactioncentricdashboard', 'other',
  'quick', 'quickCreate', 'card', 'mainInteractionCentric', 'taskBasedForm', 'dialog',
]);

const GUID = '\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}';

interface PartKind {
  /** The element of <Entity> the part goes into. */
  element: 'FormXml' | 'SavedQueries' | 'Visualizations';
  /** Entities/<Entity>/<folder…>/{id}[_managed].xml; groups: entity folder, sub-folder (form type) or undefined, id, _managed. */
  file: RegExp;
  /** The file's root element. */
  root: string;
  /** The element inside it that carries the id. */
  idElement: string;
  /** Component type of the part in solution.xml (Microsoft's componenttype choices). */
  componentType: string;
  /** What of the file is packed: the items its root wraps, or the root element itself. */
  take: 'content' | 'element';
}

const PART_KINDS: PartKind[] = [
  { element: 'FormXml', file: new RegExp(`^Entities/([^/]+)/FormXml/([^/]+)/(${GUID})(_managed)?\\.xml$`), root: 'forms', idElement: 'formid', componentType: '60', take: 'content' },
  { element: 'SavedQueries', file: new RegExp(`^Entities/([^/]+)/SavedQueries()/(${GUID})()\\.xml$`), root: 'savedqueries', idElement: 'savedqueryid', componentType: '26', take: 'content' },
  { element: 'Visualizations', file: new RegExp(`^Entities/([^/]+)/Visualizations()/(${GUID})()\\.xml$`), root: 'visualization', idElement: 'savedqueryvisualizationid', componentType: '59', take: 'element' },
];

export const isEntityPart = (file: string): boolean => PART_KINDS.some((kind) => kind.file.test(file));

/**
 * The root components the tables' forms, views and charts account for, as "<component type> <id>"
 * (id without braces, lower-case): a form is a root component of type 60 as a dashboard is.
 */
export function entityPartComponents(files: SolutionFiles): Set<string> {
  const components = new Set<string>();
  for (const file of files.names()) {
    for (const kind of PART_KINDS) {
      const id = kind.file.exec(file)?.[3];
      if (id !== undefined) components.add(`${kind.componentType} ${normalizedId(id)}`);
    }
  }
  return components;
}

interface RootComponent {
  type: string;
  schemaName?: string;
  id?: string;
  behavior?: string;
}

function rootComponents(solutionXml: string): RootComponent[] {
  return [...solutionXml.matchAll(/<RootComponent\b([^>]*)\/?>/g)].map((match) => {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(match[1]!)?.[1];
    return { type: attribute('type') ?? '', schemaName: attribute('schemaName'), id: attribute('id'), behavior: attribute('behavior') };
  });
}

const normalizedId = (id: string) => id.toLowerCase().replace(/[{}]/g, '');

/** The logical name of the table an Entity.xml describes (its <entity Name=…>, lower-cased as Dataverse's logical names are). */
function logicalNameOf(entityXml: string, file: string): string {
  const name = /<EntityInfo>\s*<entity\s+Name="([^"]+)"/.exec(entityXml)?.[1] ?? /<Name\b[^>]*>([^<]+)<\/Name>/.exec(entityXml)?.[1];
  if (!name) throw new UnpackedSolutionError(file, 'the table has neither <EntityInfo><entity Name=…> nor <Name>');
  return name.toLowerCase();
}

/** A part's packed XML, keyed by table folder, then by the group it goes into ('FormXml main', 'SavedQueries', …). */
export type PartsByEntity = Map<string, Map<string, string[]>>;

/** The forms, views and charts of each table folder, checked against solution.xml, ready for entityWithParts. */
export function packEntityParts(files: SolutionFiles, solutionXml: string, managed: boolean): PartsByEntity {
  const components = rootComponents(solutionXml);
  const names = new Set(files.names());
  const parts: PartsByEntity = new Map();
  for (const file of files.names()) {
    for (const kind of PART_KINDS) {
      const match = kind.file.exec(file);
      if (!match) continue;
      const [, folder = '', formType = '', id = '', managedTwin] = match;
      // A managed package takes {id}_managed.xml where there is one; an unmanaged package never does.
      if (managedTwin ? !managed : managed && names.has(file.replace(/\.xml$/, '_managed.xml'))) break;
      const entityFile = `Entities/${folder}/Entity.xml`;
      if (!names.has(entityFile)) throw new UnpackedSolutionError(file, `there is no ${entityFile} for it to belong to`);
      if (kind.element === 'FormXml' && !FORM_TYPES.has(formType)) {
        throw new UnpackedSolutionError(file, `"${formType}" is not a form type of schema 9.0 (${[...FORM_TYPES].join(', ')})`);
      }
      const text = files.text(file);
      const root = rootElement(text, kind.root, file);
      const ids = [...root.content.matchAll(new RegExp(`<${kind.idElement}>\\s*([^<]*?)\\s*</${kind.idElement}>`, 'g'))].map((m) => m[1]!);
      if (ids.length !== 1) throw new UnpackedSolutionError(file, `expected exactly one <${kind.idElement}>, found ${ids.length}`);
      if (normalizedId(ids[0]!) !== normalizedId(id)) throw new UnpackedSolutionError(file, `its <${kind.idElement}> ${ids[0]} is not the file's name ${id}`);
      const table = logicalNameOf(files.text(entityFile), entityFile);
      const tableIncludesAll = components.some((c) => c.type === '1' && c.schemaName?.toLowerCase() === table && c.behavior === '0');
      const listed = components.some((c) => c.type === kind.componentType && c.id !== undefined && normalizedId(c.id) === normalizedId(id));
      if (!tableIncludesAll && !listed) {
        throw new UnpackedSolutionError(file, `Other/Solution.xml has no <RootComponent type="${kind.componentType}" id="${id}" behavior="0" /> (and ${table} is not included with all its subcomponents), so it would not belong to the solution`);
      }
      const group = kind.element === 'FormXml' ? `FormXml ${formType}` : kind.element;
      const byGroup = parts.get(folder) ?? new Map<string, string[]>();
      parts.set(folder, byGroup);
      const items = byGroup.get(group) ?? [];
      byGroup.set(group, items);
      items.push(kind.take === 'content' ? dedent(root.content) : root.element);
      break;
    }
  }
  return parts;
}

/** The lines without the blank ones around them and without the indentation they share. */
function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').trimEnd().split('\n');
  const shared = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length));
  return lines.map((line) => line.slice(shared)).join('\n');
}

const indent = (xml: string, by: string) => xml.split('\n').map((line) => (line ? by + line : line)).join('\n');

/** The FormXml, SavedQueries and Visualizations elements of one table, in the order exports have them. */
function renderParts(byGroup: Map<string, string[]>): string {
  const rendered: string[] = [];
  const formGroups = [...byGroup.keys()].filter((group) => group.startsWith('FormXml ')).sort();
  if (formGroups.length > 0) {
    const forms = formGroups.map((group) => `  <forms type="${group.slice('FormXml '.length)}">\n${indent(byGroup.get(group)!.join('\n'), '    ')}\n  </forms>`);
    rendered.push(`<FormXml>\n${forms.join('\n')}\n</FormXml>`);
  }
  const views = byGroup.get('SavedQueries');
  if (views) rendered.push(`<SavedQueries>\n  <savedqueries>\n${indent(views.join('\n'), '    ')}\n  </savedqueries>\n</SavedQueries>`);
  const charts = byGroup.get('Visualizations');
  if (charts) rendered.push(`<Visualizations>\n${indent(charts.join('\n'), '  ')}\n</Visualizations>`);
  return rendered.join('\n');
}

/**
 * The <Entity> element of Entities/<folder>/Entity.xml with the table's forms, views and charts
 * inserted after <EntityInfo> (or <Name>). An Entity.xml holding such an element itself is refused:
 * the parts belong in their folders.
 */
export function entityWithParts(entityElement: string, parts: Map<string, string[]> | undefined, file: string): string {
  if (!parts || parts.size === 0) return entityElement;
  for (const element of ['FormXml', 'SavedQueries', 'Visualizations']) {
    if (new RegExp(`<${element}[\\s>/]`).test(entityElement)) {
      throw new UnpackedSolutionError(file, `the table holds a <${element}> element; its parts belong in Entities/<Entity>/${element}/ as one file each`);
    }
  }
  const after = entityElement.includes('</EntityInfo>') ? '</EntityInfo>' : '</Name>';
  const at = entityElement.indexOf(after);
  if (at < 0) throw new UnpackedSolutionError(file, 'the table has neither <EntityInfo> nor <Name> to put its forms and views after');
  const end = at + after.length;
  // The inserted lines take the indentation of the line the insertion point is on (two spaces in Entity.xml).
  const lineStart = entityElement.lastIndexOf('\n', at) + 1;
  const margin = /^\s*/.exec(entityElement.slice(lineStart, at))?.[0] ?? '  ';
  return `${entityElement.slice(0, end)}\n${indent(renderParts(parts), margin)}${entityElement.slice(end)}`;
}

