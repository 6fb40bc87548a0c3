/**
 * The forms and views a solution brings, as ImportSolution stores them: each <systemform> under a
 * table's <FormXml><forms type="…"> becomes a systemform row (its <form> element as formxml, the
 * table as objecttypecode, the forms' type as type), each <savedquery> under <SavedQueries> a
 * savedquery row (its <fetch> as fetchxml, its <grid> as layoutxml, the table as returnedtypecode).
 * A form or view an earlier import brought is updated in place, as an upgrade does. Names and
 * descriptions are stored in US English (1033), the environment's base language; the other
 * languages' labels stay in the form XML, where apps read them.
 */

import { childNamed, childrenNamed, type XmlElement } from '../../../xml/parse.js';
import type { OperationContext, SimulatedDataverse } from '../simulatedDataverse.js';
import { importErrors } from './importErrors.js';
import { childText, labelOf, requiredChildText, startTag } from './xmlDocument.js';

export const FORM_TABLE = 'systemform';
export const VIEW_TABLE = 'savedquery';

/** systemform.type by the name customizations.xml gives the form type (<forms type="main">). */
const FORM_TYPES: Readonly<Record<string, number>> = {
  dashboard: 0, appointmentBook: 1, main: 2, minicampaignbo: 3, preview: 4, mobile: 5, quick: 6, quickCreate: 7, dialog: 8,
  taskBasedForm: 9, interactioncentricdashboard: 10, card: 11, mainInteractionCentric: 12, other: 100,
};

export interface ImportedForm {
  formid: string;
  body: Record<string, unknown>;
}

export interface ImportedView {
  savedqueryid: string;
  body: Record<string, unknown>;
}

export interface FormsAndViews {
  forms: ImportedForm[];
  views: ImportedView[];
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The element as XML text, as Dataverse hands formxml, fetchxml and layoutxml back (no namespace declarations). */
export function elementXml(element: XmlElement): string {
  const attributes = Object.entries(element.attributes)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const content = element.children.length > 0 ? element.children.map(elementXml).join('') : escapeText(element.text);
  return content === '' ? `<${element.name}${attributes} />` : `<${element.name}${attributes}>${content}</${element.name}>`;
}

const guidOf = (text: string) => text.replace(/^\{|\}$/g, '').toLowerCase();
const flag = (element: XmlElement, name: string) => childText(element, name) === '1';

function descriptionOf(element: XmlElement): string | null {
  return childNamed(element, 'Descriptions') ? labelOf(element, 'Descriptions', 'Description') || null : null;
}

function readForm(table: string, type: string, element: XmlElement): ImportedForm {
  const formType = FORM_TYPES[type];
  if (formType === undefined) throw importErrors.schemaViolation(`The 'type' attribute is invalid - The value '${type}' is invalid according to its datatype 'SystemFormType'.`, `<forms type="${type}">`);
  const form = childNamed(element, 'form');
  if (!form) throw importErrors.schemaViolation("The element 'systemform' has incomplete content. List of possible elements expected: 'form'.", startTag(element));
  return {
    formid: guidOf(requiredChildText(element, 'formid')),
    body: {
      name: labelOf(element, 'LocalizedNames', 'LocalizedName'),
      description: descriptionOf(element),
      objecttypecode: table,
      type: formType,
      formxml: elementXml(form),
      formactivationstate: Number(childText(element, 'FormActivationState') ?? 1),
      formpresentation: Number(childText(element, 'FormPresentation') ?? 1),
      introducedversion: childText(element, 'IntroducedVersion') ?? null,
    },
  };
}

function readView(table: string, element: XmlElement): ImportedView {
  const fetch = childNamed(childNamed(element, 'fetchxml') ?? element, 'fetch');
  const grid = childNamed(childNamed(element, 'layoutxml') ?? element, 'grid');
  return {
    savedqueryid: guidOf(requiredChildText(element, 'savedqueryid')),
    body: {
      name: labelOf(element, 'LocalizedNames', 'LocalizedName'),
      description: descriptionOf(element),
      returnedtypecode: table,
      querytype: Number(childText(element, 'querytype') ?? 0),
      fetchxml: fetch ? elementXml(fetch) : null,
      layoutxml: grid ? elementXml(grid) : null,
      isdefault: flag(element, 'isdefault'),
      isquickfindquery: flag(element, 'isquickfindquery'),
      introducedversion: childText(element, 'IntroducedVersion') ?? null,
    },
  };
}

/** The forms and views of every <Entity> of customizations.xml. */
export function readFormsAndViews(root: XmlElement): FormsAndViews {
  const forms: ImportedForm[] = [];
  const views: ImportedView[] = [];
  for (const entity of childrenNamed(childNamed(root, 'Entities') ?? root, 'Entity')) {
    const table = requiredChildText(entity, 'Name').toLowerCase();
    for (const group of childrenNamed(childNamed(entity, 'FormXml') ?? entity, 'forms')) {
      for (const form of childrenNamed(group, 'systemform')) forms.push(readForm(table, group.attributes.type ?? 'main', form));
    }
    for (const group of childrenNamed(childNamed(entity, 'SavedQueries') ?? entity, 'savedqueries')) {
      for (const view of childrenNamed(group, 'savedquery')) views.push(readView(table, view));
    }
  }
  return { forms, views };
}

function upsert(dataverse: SimulatedDataverse, context: OperationContext, table: string, id: string, body: Record<string, unknown>, createOnly: readonly string[]): void {
  const model = dataverse.model(table);
  if (dataverse.store.table(table).get(id)) {
    const changes = Object.fromEntries(Object.entries(body).filter(([column]) => !createOnly.includes(column)));
    dataverse.update(context, model, { kind: 'id', id }, changes);
  } else {
    dataverse.create(context, model, body, { id });
  }
}

/** Creates the forms and views a solution brings, or updates those an earlier import created. */
export function writeFormsAndViews(dataverse: SimulatedDataverse, context: OperationContext, { forms, views }: FormsAndViews): void {
  for (const form of forms) upsert(dataverse, context, FORM_TABLE, form.formid, form.body, ['objecttypecode', 'type', 'introducedversion']);
  for (const view of views) upsert(dataverse, context, VIEW_TABLE, view.savedqueryid, view.body, ['introducedversion']);
}
