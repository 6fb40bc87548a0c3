import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOLUTION_SOURCE_DIR } from '@ecc365/solution';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulatedDataverse } from '../dataverse/index.js';
import { SANDBOX_PERSONAS } from '../identities.js';
import { chromeStrings, hostMessages } from './chromeStrings.js';
import { createControlCatalog } from './controlCatalog.js';
import { columnLabel, tableLabel } from './displayNames.js';
import type { ControlCell, FormLayout, Labels, SubgridCell } from './formLayouts.js';
import { FormXmlError, formLayoutFromFormXml, subgridViewIds, type SavedView } from './formXmlLayout.js';
import { formPageModel, userModel, type PageModelSources } from './pageModels.js';
import { formBody } from './pages.js';
import { defaultPreviewPaths } from './paths.js';
import { createPlatformLibraries } from './platformLibraries.js';
import { writeBuiltControls } from './testing/builtControls.js';

const { registry } = createSimulatedDataverse();

/** The <form> element of the solution's main form of a table, as systemform.formxml holds it. */
function solutionFormXml(tableFolder: string): string {
  const folder = path.join(SOLUTION_SOURCE_DIR, 'Entities', tableFolder, 'FormXml', 'main');
  const [file] = readdirSync(folder).filter((name) => name.endsWith('.xml') && !name.endsWith('_managed.xml'));
  return /<form[\s>][\s\S]*<\/form>/.exec(readFileSync(path.join(folder, file!), 'utf8'))![0];
}

/** The solution's view of a given id, as savedquery.layoutxml and fetchxml hold it. */
function solutionView(id: string): SavedView {
  for (const table of readdirSync(path.join(SOLUTION_SOURCE_DIR, 'Entities'))) {
    const file = path.join(SOLUTION_SOURCE_DIR, 'Entities', table, 'SavedQueries', `{${id}}.xml`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return { layoutxml: /<grid[\s>][\s\S]*<\/grid>/.exec(text)![0], fetchxml: /<fetch[\s>][\s\S]*<\/fetch>/.exec(text)![0] };
  }
  throw new Error(`no view ${id} in the solution`);
}

function layoutOf(table: 'account' | 'quote', formXml: string, views: ReadonlyMap<string, SavedView> = new Map()): FormLayout {
  return formLayoutFromFormXml(formXml, { table, path: `/${table}s/`, tableLabel: tableLabel(table), views, registry, columnLabel });
}

const controlsOf = (layout: FormLayout) =>
  layout.tabs.flatMap((tab) => tab.sections.flatMap((section) => section.cells.filter((cell): cell is ControlCell => cell.kind === 'control').map((cell) => ({ tab: tab.id, section: section.id, wide: section.wide === true, cell }))));

const both = (labels: Labels) => `${labels[1033]} / ${labels[1031]}`;

describe("the preview's form layout from the solution's form XML", () => {
  it("lays out the account form: the summary's fields, the SAP tab's controls bound to the customer number, the header's fields, in English and German", () => {
    const layout = layoutOf('account', solutionFormXml('Account'));
    expect(layout.tabs.map((tab) => `${tab.id}: ${both(tab.label)}`)).toEqual(['summary: Summary / Zusammenfassung', 'sap: SAP / SAP']);
    expect(controlsOf(layout).map(({ tab, section, wide, cell }) => `${tab}/${section}${wide ? ' (wide)' : ''}: ${cell.control} ${JSON.stringify(cell.bind)}`)).toEqual([
      'sap/sap-credit: SapCredit {"customerNumber":"ecc_customernumber"}',
      'sap/sap-orders (wide): SapOrders {"customerNumber":"ecc_customernumber"}',
      'sap/sap-deliveries (wide): SapDeliveries {"customerNumber":"ecc_customernumber"}',
      'sap/sap-invoices (wide): SapInvoices {"customerNumber":"ecc_customernumber"}',
      'sap/sap-sync (wide): SyncStatus {"recordLabel":"name"}',
    ]);
    const sapCustomer = layout.tabs[0]!.sections.find((section) => section.id === 'sap-customer')!;
    expect(sapCustomer.cells[0]).toEqual({ kind: 'field', column: 'ecc_customernumber', label: { 1033: 'SAP customer number', 1031: 'SAP-Kundennummer' } });
    expect(layout.tabs[1]!.sections.every((section) => section.showLabel === false)).toBe(true);
    expect(layout.headerFields.map((field) => field.column)).toEqual(['ecc_customernumber', 'address1_city', 'ownerid']);
    expect(layout.tableLabel).toEqual({ 1033: 'Account', 1031: 'Firma' });
  });

  it("lays out the quote form's Products grid from the view it names: the related table, the lookup to the quote, the view's columns and order", () => {
    const formXml = solutionFormXml('Quote');
    const viewIds = subgridViewIds(formXml);
    expect(viewIds).toHaveLength(1);
    const layout = layoutOf('quote', formXml, new Map(viewIds.map((id) => [id, solutionView(id)])));
    const products = layout.tabs[0]!.sections.find((section) => section.id === 'products')!;
    expect(products.wide).toBe(true);
    const grid = products.cells[0] as SubgridCell;
    expect(grid).toMatchObject({ kind: 'subgrid', id: 'quote-lines', table: 'quotedetail', parentColumn: 'quoteid', orderBy: 'lineitemnumber asc' });
    expect(grid.columns.map((column) => `${column.column}: ${both(column.label)}`)).toEqual([
      'productid: Existing product / Vorhandenes Produkt',
      'quantity: Quantity / Menge',
      'priceperunit: Price per unit / Preis pro Einheit',
      'extendedamount: Extended amount / Erweiterter Betrag',
      'ecc_sapnetprice: SAP net price / SAP-Nettopreis',
    ]);
    expect(controlsOf(layout).map(({ tab, cell }) => `${tab}: ${cell.control}`)).toEqual(['summary: SapPricing', 'sap: SendQuoteToSap', 'sap: SyncStatus']);
  });

  it('refuses a subgrid whose view Dataverse does not have, naming the view', () => {
    const formXml = solutionFormXml('Quote');
    expect(() => layoutOf('quote', formXml)).toThrow(FormXmlError);
    expect(() => layoutOf('quote', formXml)).toThrow(new RegExp(`the view \\{${subgridViewIds(formXml)[0]}\\}, which Dataverse does not have`, 'i'));
  });

  it('gives static parameters as inputs and the others as bindings', () => {
    const formXml = solutionFormXml('Account').replace(
      /(<customControl formFactor="0" name="ecc_Ecc365\.SapOrders">\s*<parameters>)/,
      '$1<pageSize static="true" type="Whole.None">25</pageSize>',
    );
    const orders = controlsOf(layoutOf('account', formXml)).find(({ cell }) => cell.control === 'SapOrders')!.cell;
    expect(orders.bind).toEqual({ customerNumber: 'ecc_customernumber' });
    expect(orders.inputs).toEqual({ pageSize: '25' });
  });
});

describe('moving a control in the form XML', () => {
  const built = writeBuiltControls([{ constructorName: 'SapCredit' }, { constructorName: 'SapOrders' }]);
  afterAll(() => built.remove());
  const sources: PageModelSources = {
    registry,
    catalog: createControlCatalog(built.outDir),
    platform: createPlatformLibraries(defaultPreviewPaths().controlsPackageDir),
    urls: { serviceRoot: '/api/', dataverseTokenUrl: '/token', controlResource: (folder, file) => `/controls/${folder}/${file}`, platformScript: (key) => `/platform/${key}`, iconFonts: '/platform/icons/' },
  };
  const anna = SANDBOX_PERSONAS[0]!;

  /** The tab panel of the rendered form page that holds the control's slot. */
  function panelHolding(formXml: string, slotId: string): string | undefined {
    const layout = layoutOf('account', formXml);
    const model = formPageModel(sources, layout, '3f2b8c1d-6a4e-4f9b-8d2c-1e5a7b9c0d13', userModel(anna, 1033), hostMessages(chromeStrings(1033)));
    const markup = formBody(model, layout).toString();
    const panels = [...markup.matchAll(/<div class="tab-panel" role="tabpanel" id="panel-([^"]+)"[\s\S]*?(?=<div class="tab-panel"|$)/g)];
    return panels.find((panel) => panel[0].includes(`id="${slotId}"`))?.[1];
  }

  it("moves the control's slot on the preview's page to the tab the form XML now places it in", () => {
    const formXml = solutionFormXml('Account');
    expect(panelHolding(formXml, 'control-SapCredit')).toBe('sap');
    // Cut the row holding the credit control out of the SAP tab and put it at the top of the summary's address section.
    const creditRow = /<row>\s*<cell[^>]*>\s*<labels>\s*<label description="SAP credit"[\s\S]*?<\/row>/.exec(formXml)![0];
    const moved = formXml.replace(creditRow, '').replace(/(<section name="address"[\s\S]*?<rows>)/, `$1${creditRow}`);
    expect(panelHolding(moved, 'control-SapCredit')).toBe('summary');
    const address = layoutOf('account', moved).tabs[0]!.sections.find((section) => section.id === 'address')!;
    expect(address.cells[0]).toMatchObject({ kind: 'control', control: 'SapCredit', bind: { customerNumber: 'ecc_customernumber' } });
    expect(panelHolding(moved, 'control-SapOrders')).toBe('sap');
  });
});
