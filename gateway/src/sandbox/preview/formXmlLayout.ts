/**
 * A form's layout from its form XML (systemform.formxml, schema FormXml.xsd of Dataverse 9.0), as
 * a model-driven app lays out a record's page:
 * - tabs (name, labels) → columns → sections (name, labels, showlabel) → rows → cells;
 * - a cell's control is a field bound to its datafieldname, unless its uniqueid has a
 *   <controlDescription> naming a custom control (<customControl name="ecc_Ecc365.SapOrders">),
 *   whose parameters bind manifest properties to columns or give static values (static="true"),
 *   or its classid is the subgrid's, whose parameters name the related table, the relationship
 *   and the view (savedquery) giving the columns and the sort order;
 * - the header's cells are the header fields.
 * The preview's grid has no columns of its own: a section in a tab column wider than half the tab
 * spans the page (FormLayout's wide), the others share a row. The web client's custom control is
 * the one of formFactor 0 (0 web, 1 tablet, 2 phone, as form XML written for all three clients
 * lists them; the numbering is unconfirmed by Microsoft's schema, which leaves it an integer).
 */

import { childNamed, childrenNamed, parseXml, XmlRejected, type XmlElement } from '../../xml/parse.js';
import type { MetadataRegistry } from '../dataverse/metadata.js';
import type { Cell, ControlCell, FieldCell, FormLayout, Labels, SectionLayout, SubgridCell, TabLayout } from './formLayouts.js';

/** The form XML cannot be laid out: says what is wrong and where. */
export class FormXmlError extends Error {
  readonly code = 'PREVIEW_FORM_XML';

  constructor(message: string) {
    super(message);
    this.name = 'FormXmlError';
  }
}

/** The subgrid control's class (a grid of related rows), as form XML names it. */
const SUBGRID_CLASS_ID = 'e7a81278-8635-4d9e-8d4d-59480b391c5b';
const WEB_FORM_FACTOR = '0';

/** The parts of a savedquery a subgrid shows: its columns (layoutxml) and its sort order (fetchxml). */
export interface SavedView {
  layoutxml: string;
  fetchxml: string;
}

export interface FormXmlContext {
  /** The form's table, and the URL path its records open at. */
  table: string;
  path: string;
  tableLabel: Labels;
  /** The views the form's subgrids show, by id (lower-case, without braces). */
  views: ReadonlyMap<string, SavedView>;
  registry: MetadataRegistry;
  /** A column's display name, for the subgrids' column headers. */
  columnLabel(table: string, column: string): Labels;
}

export const normalizedId = (id: string): string => id.replace(/^\{|\}$/g, '').toLowerCase();

function parsed(xml: string, what: string): XmlElement {
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlRejected) throw new FormXmlError(`${what} is not well-formed XML: ${error.message}`);
    throw error;
  }
}

const path = (element: XmlElement | undefined, ...names: string[]): XmlElement[] => {
  let level = element ? [element] : [];
  for (const name of names) level = level.flatMap((parent) => childrenNamed(parent, name));
  return level;
};

function labelsOf(element: XmlElement): Labels {
  const labels = path(element, 'labels', 'label');
  const text = (language: string) => labels.find((label) => label.attributes.languagecode === language)?.attributes.description;
  const english = text('1033') ?? labels[0]?.attributes.description ?? '';
  return { 1033: english, 1031: text('1031') ?? english };
}

const parametersOf = (element: XmlElement | undefined): XmlElement[] => path(element, 'parameters').flatMap((parameters) => parameters.children);

/** The custom control of the web client each control (by uniqueid) is shown with. */
function customControls(form: XmlElement): Map<string, XmlElement> {
  const byControl = new Map<string, XmlElement>();
  for (const description of path(form, 'controlDescriptions', 'controlDescription')) {
    const named = childrenNamed(description, 'customControl').filter((control) => control.attributes.name);
    const web = named.find((control) => control.attributes.formFactor === WEB_FORM_FACTOR) ?? named[0];
    if (web && description.attributes.forControl) byControl.set(normalizedId(description.attributes.forControl), web);
  }
  return byControl;
}

function controlCell(custom: XmlElement, label: Labels): ControlCell {
  const name = custom.attributes.name!;
  const bind: Record<string, string> = {};
  const inputs: Record<string, string> = {};
  for (const parameter of parametersOf(custom)) {
    if (parameter.children.length > 0) throw new FormXmlError(`the custom control ${name} has the parameter <${parameter.name}> with elements inside, which the preview does not bind (data sets)`);
    if (parameter.attributes.static === 'true') inputs[parameter.name] = parameter.text;
    else bind[parameter.name] = parameter.text.trim();
  }
  // Dataverse names a control <publisher prefix>_<namespace>.<constructor>; the build folder is the constructor's.
  const cell: ControlCell = { kind: 'control', control: name.slice(name.lastIndexOf('.') + 1), label, bind };
  if (Object.keys(inputs).length > 0) cell.inputs = inputs;
  return cell;
}

function orderOf(fetchxml: string, viewId: string): string {
  const orders = path(parsed(fetchxml, `the fetchxml of view ${viewId}`), 'entity', 'order');
  return orders.map((order) => `${order.attributes.attribute} ${order.attributes.descending === 'true' ? 'desc' : 'asc'}`).join(',');
}

function subgridCell(control: XmlElement, label: Labels, context: FormXmlContext): SubgridCell {
  const id = control.attributes.id ?? control.attributes.uniqueid ?? 'subgrid';
  const parameter = (name: string) => parametersOf(control).find((element) => element.name === name)?.text.trim() || undefined;
  const table = parameter('TargetEntityType');
  const relationship = parameter('RelationshipName');
  const viewId = parameter('ViewId');
  if (!table || !relationship || !viewId) throw new FormXmlError(`the subgrid ${id} needs TargetEntityType, RelationshipName and ViewId parameters`);
  const lookup = context.registry.entity(table)?.lookups.find((candidate) => candidate.schemaName.toLowerCase() === relationship.toLowerCase() && candidate.referencedEntity === context.table);
  if (!lookup) throw new FormXmlError(`the subgrid ${id} shows ${table} rows by the relationship ${relationship}, which Dataverse has no lookup from ${table} to ${context.table} for`);
  const view = context.views.get(normalizedId(viewId));
  if (!view) throw new FormXmlError(`the subgrid ${id} shows the view ${viewId}, which Dataverse does not have: import the solution that brings it`);
  const columns = path(parsed(view.layoutxml, `the layoutxml of view ${viewId}`), 'row', 'cell').map((cell) => cell.attributes.name ?? '').filter((name) => name !== '');
  return {
    kind: 'subgrid',
    id,
    table,
    parentColumn: lookup.referencingAttribute,
    columns: columns.map((column) => ({ column, label: context.columnLabel(table, column) })),
    orderBy: orderOf(view.fetchxml, viewId),
  };
}

function cellOf(cell: XmlElement, customs: Map<string, XmlElement>, context: FormXmlContext): Cell | undefined {
  const control = childNamed(cell, 'control');
  if (!control) return undefined;
  const label = labelsOf(cell);
  if (control.attributes.classid && normalizedId(control.attributes.classid) === SUBGRID_CLASS_ID) return subgridCell(control, label, context);
  const custom = control.attributes.uniqueid ? customs.get(normalizedId(control.attributes.uniqueid)) : undefined;
  if (custom) return controlCell(custom, label);
  const column = control.attributes.datafieldname;
  return column ? ({ kind: 'field', column, label } satisfies FieldCell) : undefined;
}

const cellsOf = (rowsParent: XmlElement, customs: Map<string, XmlElement>, context: FormXmlContext): Cell[] =>
  path(rowsParent, 'rows', 'row', 'cell').flatMap((cell) => cellOf(cell, customs, context) ?? []);

/** The ids (lower-case, without braces) of the views the form's subgrids show. */
export function subgridViewIds(formXml: string): string[] {
  const form = parsed(formXml, 'the form XML');
  const ids: string[] = [];
  const visit = (element: XmlElement) => {
    if (element.name === 'control' && element.attributes.classid && normalizedId(element.attributes.classid) === SUBGRID_CLASS_ID) {
      const viewId = parametersOf(element).find((parameter) => parameter.name === 'ViewId')?.text.trim();
      if (viewId) ids.push(normalizedId(viewId));
    }
    element.children.forEach(visit);
  };
  visit(form);
  return [...new Set(ids)];
}

export function formLayoutFromFormXml(formXml: string, context: FormXmlContext): FormLayout {
  const form = parsed(formXml, 'the form XML');
  if (form.name !== 'form') throw new FormXmlError(`the form XML's root element is <${form.name}>, not <form>`);
  const customs = customControls(form);
  const tabs: TabLayout[] = path(form, 'tabs', 'tab').map((tab) => ({
    id: tab.attributes.name ?? normalizedId(tab.attributes.id ?? ''),
    label: labelsOf(tab),
    sections: path(tab, 'columns', 'column').flatMap((column) => {
      const wide = Number.parseInt(column.attributes.width ?? '100', 10) > 50;
      return path(column, 'sections', 'section').map((section): SectionLayout => {
        const layout: SectionLayout = { id: section.attributes.name ?? normalizedId(section.attributes.id ?? ''), label: labelsOf(section), cells: cellsOf(section, customs, context) };
        if (section.attributes.showlabel === 'false') layout.showLabel = false;
        if (wide) layout.wide = true;
        return layout;
      });
    }),
  }));
  if (tabs.length === 0) throw new FormXmlError('the form XML has no <tabs><tab>');
  const header = childNamed(form, 'header');
  const headerFields = header ? cellsOf(header, new Map(), context).filter((cell): cell is FieldCell => cell.kind === 'field') : [];
  return { table: context.table, path: context.path, tableLabel: context.tableLabel, headerFields, tabs };
}
