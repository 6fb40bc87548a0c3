import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { describe, expect, it } from 'vitest';
import { childrenNamed, parseXml } from '../../xml/parse.js';
import type { AttributeType } from '../dataverse/metadata.js';
import { createSimulatedDataverse } from '../dataverse/index.js';
import { importSolution } from '../dataverse/solution/importSolution.js';
import { columnLabel, tableLabel } from './displayNames.js';
import type { Cell, FormLayout } from './formLayouts.js';
import { formLayoutFromFormXml, normalizedId, type SavedView } from './formXmlLayout.js';

// The forms, the controls and the tables come from three places that must not drift apart.
const controlsSourceDir = fileURLToPath(new URL('../../../../controls/', import.meta.url));

const dataverse = createSimulatedDataverse();
importSolution(dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
const { registry } = dataverse;
const rows = (table: string) => [...dataverse.store.table(table).rows.values()];

function mainForm(table: string): { formxml: string; layout: FormLayout } {
  const forms = rows('systemform').filter((row) => row.objecttypecode === table && row.type === 2);
  expect(forms, `${table}'s main forms`).toHaveLength(1);
  const formxml = forms[0]!.formxml as string;
  const views = new Map<string, SavedView>(rows('savedquery').map((row) => [normalizedId(row.savedqueryid as string), { layoutxml: row.layoutxml as string, fetchxml: row.fetchxml as string }]));
  const entity = registry.entity(table)!;
  return { formxml, layout: formLayoutFromFormXml(formxml, { table, path: `/${entity.entitySetName}/`, tableLabel: tableLabel(table), views, registry, columnLabel }) };
}

interface ManifestProperty {
  name: string;
  usage: string;
  required: boolean;
  ofType: string;
}

function controlManifest(constructorName: string): { namespace: string; properties: ManifestProperty[] } {
  const manifest = parseXml(readFileSync(path.join(controlsSourceDir, constructorName, 'ControlManifest.Input.xml'), 'utf8'));
  const [control] = childrenNamed(manifest, 'control');
  return {
    namespace: control!.attributes.namespace!,
    properties: childrenNamed(control!, 'property').map((property) => ({
      name: property.attributes.name!,
      usage: property.attributes.usage ?? 'bound',
      required: property.attributes.required === 'true',
      ofType: property.attributes['of-type'] ?? '',
    })),
  };
}

/** The column types a manifest type binds to (ComponentFramework's property types). */
const COLUMN_TYPES: Record<string, AttributeType[]> = {
  'SingleLine.Text': ['String'],
  Multiple: ['Memo'],
  Currency: ['Money'],
  Decimal: ['Decimal'],
  FP: ['Double'],
  'Whole.None': ['Integer'],
  TwoOptions: ['Boolean'],
  OptionSet: ['Picklist', 'State', 'Status'],
  'DateAndTime.DateOnly': ['DateTime'],
  'DateAndTime.DateAndTime': ['DateTime'],
  'Lookup.Simple': ['Lookup', 'Customer', 'Owner'],
};

const cellsOf = (layout: FormLayout): Cell[] => [...layout.tabs.flatMap((tab) => tab.sections.flatMap((section) => section.cells)), ...layout.headerFields];
const columnOf = (table: string, column: string) => registry.entity(table)?.attributes.find((attribute) => attribute.logicalName === column);

describe.each(['account', 'quote'])("the solution's main form of %s", (table) => {
  const { formxml, layout } = mainForm(table);

  it('shows only columns the imported solution and the platform give the table', () => {
    for (const cell of cellsOf(layout)) {
      if (cell.kind === 'field') expect(columnOf(table, cell.column), `${table}.${cell.column}`).toBeDefined();
      if (cell.kind === 'subgrid') for (const { column } of cell.columns) expect(columnOf(cell.table, column), `${cell.table}.${column}`).toBeDefined();
    }
  });

  it("names each control as Dataverse knows it from the controls' manifests, and binds their properties to columns of the right type", () => {
    const names = [...formxml.matchAll(/<customControl\b[^>]*\sname="([^"]+)"/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(0);
    const controls = cellsOf(layout).filter((cell) => cell.kind === 'control');
    expect(controls.length).toBeGreaterThan(0);
    for (const cell of controls) {
      const manifest = controlManifest(cell.control);
      expect(names, cell.control).toContain(`ecc_${manifest.namespace}.${cell.control}`);
      const declared = new Map(manifest.properties.map((property) => [property.name, property]));
      for (const [property, column] of Object.entries(cell.bind)) {
        const declaration = declared.get(property);
        expect(declaration, `${cell.control}.${property}`).toMatchObject({ usage: 'bound' });
        const attribute = columnOf(table, column);
        expect(attribute, `${cell.control}.${property} → ${table}.${column}`).toBeDefined();
        expect(COLUMN_TYPES[declaration!.ofType], `${cell.control}.${property} (${declaration!.ofType}) → ${table}.${column} (${attribute!.type})`).toContain(attribute!.type);
      }
      for (const required of manifest.properties.filter((property) => property.required && property.usage === 'bound')) {
        expect(cell.bind, `${cell.control} needs ${required.name} bound`).toHaveProperty(required.name);
      }
    }
  });
});
