/**
 * The page models the browser host works from (shared/pageModel.ts), built from the form layout
 * (read from the form XML, formXmlLayout.ts), the simulated Dataverse's table metadata, the built controls and the platform
 * libraries. A control slot whose control is not built, or whose manifest does not fit the
 * layout's bindings, becomes a problem the page shows in its place, saying what to do.
 */

import type { SandboxPersona } from '../identities.js';
import type { AttributeMetadata, MetadataRegistry } from '../dataverse/metadata.js';
import { ControlManifestError, type BuiltControl, type ControlCatalog } from './controlCatalog.js';
import type { Cell, ControlCell, FormLayout, Labels, SubgridCell, ViewLayout } from './formLayouts.js';
import { PlatformLibraryError, platformLibraryModels, type PlatformLibraries } from './platformLibraries.js';
import type {
  ColumnModel,
  ControlProblemModel,
  ControlPropertyModel,
  ControlSlotModel,
  FormPageModel,
  HomePageModel,
  HostMessages,
  LanguageId,
  PreviewUser,
  SubgridModel,
  TableModel,
} from './shared/pageModel.js';

/** Where the preview serves what a page loads. */
export interface PreviewUrls {
  serviceRoot: string;
  dataverseTokenUrl: string;
  controlResource(folder: string, resourcePath: string): string;
  platformScript(key: string): string;
  /** Where Fluent's icon fonts are served, ending in a slash. */
  iconFonts: string;
}

export interface PageModelSources {
  registry: MetadataRegistry;
  catalog: ControlCatalog;
  platform: PlatformLibraries;
  urls: PreviewUrls;
}

/** The lookup to the row's currency: Money columns show its symbol. */
const CURRENCY_COLUMN = 'transactioncurrencyid';
const STATE_COLUMN = 'statecode';

export function userModel(persona: SandboxPersona, languageId: LanguageId): PreviewUser {
  return {
    personaKey: persona.key,
    systemUserId: persona.systemUserId,
    fullName: persona.fullName,
    username: persona.username,
    languageId,
    securityRoles: [],
  };
}

export function tableModels(registry: MetadataRegistry): Record<string, TableModel> {
  return Object.fromEntries(
    registry
      .entities()
      .map((entity) => [
        entity.logicalName,
        { logicalName: entity.logicalName, entitySetName: entity.entitySetName, primaryIdAttribute: entity.primaryIdAttribute, primaryNameAttribute: entity.primaryNameAttribute },
      ]),
  );
}

export function columnModel(attribute: AttributeMetadata, label: string): ColumnModel {
  const column: ColumnModel = {
    logicalName: attribute.logicalName,
    type: attribute.type,
    label,
    requiredLevel: attribute.requiredLevel,
    editable: attribute.validForUpdate,
  };
  if (attribute.maxLength !== undefined) column.maxLength = attribute.maxLength;
  if (attribute.format !== undefined) column.format = attribute.format;
  if (attribute.dateTimeBehavior !== undefined) column.dateTimeBehavior = attribute.dateTimeBehavior;
  if (attribute.minValue !== undefined) column.minValue = attribute.minValue;
  if (attribute.maxValue !== undefined) column.maxValue = attribute.maxValue;
  if (attribute.precision !== undefined) column.precision = attribute.precision;
  if (attribute.options !== undefined) column.options = attribute.options.map((option) => ({ value: option.value, label: option.label }));
  if (attribute.targets !== undefined) column.targets = [...attribute.targets];
  if (attribute.defaultValue !== undefined) column.defaultValue = attribute.defaultValue;
  return column;
}

function attributeOf(registry: MetadataRegistry, table: string, column: string): AttributeMetadata | undefined {
  return registry.entity(table)?.attributes.find((attribute) => attribute.logicalName === column);
}

function webApiModel(urls: PreviewUrls) {
  return { serviceRoot: urls.serviceRoot, tokenUrl: urls.dataverseTokenUrl };
}

export function homePageModel(sources: PageModelSources, views: readonly ViewLayout[], user: PreviewUser, messages: HostMessages): HomePageModel {
  const language = user.languageId;
  return {
    page: 'home',
    user,
    messages,
    webApi: webApiModel(sources.urls),
    tables: tableModels(sources.registry),
    views: views.map((view) => ({
      id: view.id,
      title: view.title[language],
      table: view.table,
      formPath: view.formPath,
      orderBy: view.orderBy,
      hasCurrency: attributeOf(sources.registry, view.table, CURRENCY_COLUMN) !== undefined,
      ...(view.filter !== undefined ? { filter: view.filter } : {}),
      columns: view.columns.flatMap((cell, index) => {
        const attribute = attributeOf(sources.registry, view.table, cell.column);
        return attribute ? [{ column: columnModel(attribute, cell.label[language]), isPrimary: index === 0 }] : [];
      }),
    })),
  };
}

/** Every cell of the form: the tabs' first, whose labels name a column in full, then the header's. */
export function formCells(layout: FormLayout): Cell[] {
  return [...layout.tabs.flatMap((tab) => tab.sections.flatMap((section) => section.cells)), ...layout.headerFields];
}

/** The id of a control cell's slot: one per control on a form. */
export const slotIdOf = (cell: ControlCell): string => `control-${cell.control}`;

function controlSlot(sources: PageModelSources, layout: FormLayout, cell: ControlCell, language: LanguageId): ControlSlotModel {
  const { catalog, platform, urls, registry } = sources;
  const control: BuiltControl = catalog.control(cell.control);
  const declared = new Set(control.properties.map((property) => property.name));
  const strays = [...Object.keys(cell.bind), ...Object.keys(cell.inputs ?? {})].filter((name) => !declared.has(name));
  if (strays.length > 0) throw new ControlManifestError(`The form XML binds ${strays.join(', ')}, which ${cell.control}'s manifest does not declare.`);
  const properties: ControlPropertyModel[] = control.properties.map((property) => {
    const model: ControlPropertyModel = { ...property };
    const column = cell.bind[property.name];
    if (property.usage === 'bound' && column !== undefined) {
      if (!attributeOf(registry, layout.table, column)) throw new ControlManifestError(`The form XML binds ${cell.control}.${property.name} to ${layout.table}.${column}, which the simulated Dataverse does not have.`);
      model.column = column;
    } else if (property.usage === 'bound' && property.required) {
      throw new ControlManifestError(`${cell.control} needs its required property ${property.name} bound to a column of ${layout.table} in the form XML.`);
    }
    const value = cell.inputs?.[property.name];
    if (value !== undefined) model.staticValue = value;
    return model;
  });
  // A virtual control runs on the platform's React, and Fluent's builds need it loaded first.
  const needsReact = (control.controlType === 'virtual' || control.platformLibraries.length > 0) && !control.platformLibraries.some((library) => library.name.toLowerCase() === 'react');
  const declaredLibraries = needsReact ? [{ name: 'React', version: '16.14.0' }, ...control.platformLibraries] : control.platformLibraries;
  return {
    slotId: slotIdOf(cell),
    label: cell.label[language],
    controlName: control.name,
    controlType: control.controlType,
    bundleUrl: urls.controlResource(control.folder, control.codePath),
    cssUrls: control.cssPaths.map((cssPath) => urls.controlResource(control.folder, cssPath)),
    platformLibraries: platformLibraryModels(
      declaredLibraries.map((library) => platform.resolve(library.name, library.version)),
      { script: (key) => urls.platformScript(key), iconFonts: urls.iconFonts },
    ),
    properties,
    strings: catalog.strings(control, language),
    resources: Object.fromEntries(control.otherResources.map((resourcePath) => [resourcePath, urls.controlResource(control.folder, resourcePath)])),
    disabled: false,
  };
}

function subgridModel(registry: MetadataRegistry, cell: SubgridCell, language: LanguageId): SubgridModel {
  return {
    id: cell.id,
    table: cell.table,
    hasCurrency: attributeOf(registry, cell.table, CURRENCY_COLUMN) !== undefined,
    parentColumn: cell.parentColumn,
    orderBy: cell.orderBy,
    columns: cell.columns.flatMap((column) => {
      const attribute = attributeOf(registry, cell.table, column.column);
      return attribute ? [columnModel(attribute, column.label[language])] : [];
    }),
  };
}

export function formPageModel(sources: PageModelSources, layout: FormLayout, recordId: string, user: PreviewUser, messages: HostMessages): FormPageModel {
  const language = user.languageId;
  const columns: Record<string, ColumnModel> = {};
  const addColumn = (column: string, label: Labels | undefined) => {
    const attribute = attributeOf(sources.registry, layout.table, column);
    if (attribute && !columns[column]) columns[column] = columnModel(attribute, label?.[language] ?? column);
  };
  const controls: ControlSlotModel[] = [];
  const problems: ControlProblemModel[] = [];
  const subgrids: SubgridModel[] = [];
  for (const cell of formCells(layout)) {
    if (cell.kind === 'field') addColumn(cell.column, cell.label);
    else if (cell.kind === 'subgrid') subgrids.push(subgridModel(sources.registry, cell, language));
    else {
      if (controls.some((slot) => slot.slotId === slotIdOf(cell)) || problems.some((problem) => problem.slotId === slotIdOf(cell))) continue;
      for (const column of Object.values(cell.bind)) addColumn(column, undefined);
      try {
        controls.push(controlSlot(sources, layout, cell, language));
      } catch (error) {
        if (!(error instanceof ControlManifestError || error instanceof PlatformLibraryError)) throw error;
        problems.push({ slotId: slotIdOf(cell), label: cell.label[language], problem: error.message });
      }
    }
  }
  // The record's currency (for its amounts) and state (a record that is not active is read-only).
  addColumn(CURRENCY_COLUMN, undefined);
  addColumn(STATE_COLUMN, undefined);
  return {
    page: 'form',
    user,
    messages,
    webApi: webApiModel(sources.urls),
    tables: tableModels(sources.registry),
    table: layout.table,
    recordId,
    columns,
    subgrids,
    controls,
    problems,
  };
}
