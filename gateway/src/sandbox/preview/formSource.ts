/**
 * The preview's forms as a model-driven app gets them: the table's active main form (systemform)
 * and the views its subgrids show (savedquery), read through the Dataverse Web API with the
 * signed-in persona's token, then laid out from their XML (formXmlLayout.ts). The solution brings
 * one main form per table; were there several, the first by name is shown.
 */

import type { SandboxPersona } from '../identities.js';
import type { MetadataRegistry } from '../dataverse/metadata.js';
import { columnLabel, tableLabel } from './displayNames.js';
import type { FormLayout } from './formLayouts.js';
import { formLayoutFromFormXml, subgridViewIds, type SavedView } from './formXmlLayout.js';

/** systemform.type of a main form. */
const MAIN_FORM = 2;

/** Dataverse did not give the form (no such form, or it answered with an error): says why and what to do. */
export class PreviewFormUnavailable extends Error {
  readonly code = 'PREVIEW_FORM_UNAVAILABLE';

  constructor(message: string) {
    super(message);
    this.name = 'PreviewFormUnavailable';
  }
}

export interface FormSourceOptions {
  registry: MetadataRegistry;
  /** The Web API's service root, absolute and ending in a slash. */
  serviceRoot(): string;
  /** The persona's access token for Dataverse. */
  accessToken(persona: SandboxPersona): Promise<string>;
  fetch?: typeof fetch;
}

export interface FormSource {
  /** The table's main form, laid out, as the persona's app would get it. */
  mainForm(persona: SandboxPersona, table: string): Promise<FormLayout>;
}

function dataverseMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text;
  }
}

export function createFormSource(options: FormSourceOptions): FormSource {
  const fetchImplementation = options.fetch ?? fetch;

  async function get<T>(persona: SandboxPersona, relative: string): Promise<T> {
    const response = await fetchImplementation(`${options.serviceRoot()}${relative}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${await options.accessToken(persona)}`, 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
    });
    const text = await response.text();
    if (!response.ok) throw new PreviewFormUnavailable(`Dataverse answered ${response.status} to GET ${relative}: ${dataverseMessage(text)}`);
    return JSON.parse(text) as T;
  }

  return {
    async mainForm(persona, table) {
      const entity = options.registry.entity(table);
      if (!entity) throw new PreviewFormUnavailable(`Dataverse has no table ${table}.`);
      const filter = encodeURIComponent(`objecttypecode eq '${table}' and type eq ${MAIN_FORM} and formactivationstate eq 1`);
      const forms = await get<{ value: { formxml: string }[] }>(persona, `systemforms?$select=formid,name,formxml&$filter=${filter}&$orderby=name%20asc`);
      const form = forms.value[0];
      if (!form) {
        throw new PreviewFormUnavailable(`Dataverse has no active main form of ${table}: import the ecc365 solution, which brings it (the sandbox imports it at start; ecc365 solution import for an environment).`);
      }
      const views = new Map<string, SavedView>();
      for (const id of subgridViewIds(form.formxml)) views.set(id, await get<SavedView>(persona, `savedqueries(${id})?$select=layoutxml,fetchxml`));
      return formLayoutFromFormXml(form.formxml, { table, path: `/${entity.entitySetName}/`, tableLabel: tableLabel(table), views, registry: options.registry, columnLabel });
    },
  };
}
