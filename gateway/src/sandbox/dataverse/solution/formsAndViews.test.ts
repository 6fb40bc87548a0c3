import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOLUTION_SOURCE_DIR } from '@ecc365/solution';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { childNamed, parseXml, type XmlElement } from '../../../xml/parse.js';
import { createSimulatedDataverse } from '../index.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { APPLICATION_AUTHORIZATION, bearerFor, persona, serveTestDataverse, type TestDataverseServer } from '../testing/testDataverse.js';
import type { Row } from '../values.js';
import { FORM_TABLE, VIEW_TABLE } from './formsAndViews.js';
import { IMPORT_ERROR_CODES } from './importErrors.js';
import { importSolution } from './importSolution.js';
import { importFailureOf, repositorySolutionZip, repositorySolutionZipWithCustomizations } from '../testing/solutionZips.js';


/** The repository's zip with customizations.xml changed by `edit`. */
/** The source files of a table's parts: { table folder, file name, parsed root }. */
function sourceParts(folder: 'FormXml/main' | 'SavedQueries') {
  const entities = path.join(SOLUTION_SOURCE_DIR, 'Entities');
  return readdirSync(entities).flatMap((table) => {
    const directory = path.join(entities, table, folder);
    let files: string[];
    try {
      files = readdirSync(directory).filter((name) => /^\{[^}]+\}\.xml$/.test(name));
    } catch {
      return [];
    }
    return files.map((file) => ({ table: table.toLowerCase(), id: file.slice(1, -5).toLowerCase(), root: parseXml(readFileSync(path.join(directory, file), 'utf8')) }));
  });
}

/** An element tree without whitespace-only text, to compare documents by content. */
const shape = (element: XmlElement): unknown => ({
  name: element.name,
  attributes: Object.fromEntries(Object.entries(element.attributes).filter(([name]) => !name.startsWith('xmlns'))),
  text: element.children.length > 0 ? '' : element.text.trim(),
  children: element.children.map(shape),
});

const rowsOf = (dataverse: SimulatedDataverse, table: string): Row[] => [...dataverse.store.table(table).rows.values()];

let dataverse: SimulatedDataverse;
beforeEach(() => {
  dataverse = createSimulatedDataverse();
});

describe('importSolution: forms and views', () => {
  it("stores each main form of the repository solution as a systemform row: its <form> as formxml, the table, type Main and the form's English name", () => {
    importSolution(dataverse, repositorySolutionZip());
    const sources = sourceParts('FormXml/main');
    expect(sources.map((source) => source.table).sort()).toEqual(['account', 'ecc_syncresult', 'quote']);
    for (const source of sources) {
      const systemform = childNamed(source.root, 'systemform')!;
      const row = dataverse.store.table(FORM_TABLE).get(source.id);
      expect(row, source.table).toMatchObject({ objecttypecode: source.table, type: 2, formactivationstate: 1, formpresentation: 1, introducedversion: '1.0.0.0' });
      const englishName = childNamed(systemform, 'LocalizedNames')!.children.find((label) => label.attributes.languagecode === '1033')!.attributes.description;
      expect(row!.name).toBe(englishName);
      expect(shape(parseXml(row!.formxml as string))).toEqual(shape(childNamed(systemform, 'form')!));
    }
  });

  it('stores each view as a savedquery row: its <fetch> as fetchxml and its <grid> as layoutxml, the table as returnedtypecode', () => {
    importSolution(dataverse, repositorySolutionZip());
    const sources = sourceParts('SavedQueries');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const savedquery = childNamed(source.root, 'savedquery')!;
      const row = dataverse.store.table(VIEW_TABLE).get(source.id);
      expect(row, source.id).toMatchObject({ returnedtypecode: source.table, querytype: Number(childNamed(savedquery, 'querytype')!.text), isdefault: false, statecode: 0 });
      expect(shape(parseXml(row!.fetchxml as string))).toEqual(shape(childNamed(childNamed(savedquery, 'fetchxml')!, 'fetch')!));
      expect(shape(parseXml(row!.layoutxml as string))).toEqual(shape(childNamed(childNamed(savedquery, 'layoutxml')!, 'grid')!));
    }
  });

  it('updates a form an earlier import brought rather than adding another', () => {
    importSolution(dataverse, repositorySolutionZip());
    const before = rowsOf(dataverse, FORM_TABLE).length;
    importSolution(dataverse, repositorySolutionZipWithCustomizations((xml) => xml.replace('<LocalizedName description="Account (SAP)" languagecode="1033" />', '<LocalizedName description="Account (SAP ECC)" languagecode="1033" />')));
    expect(rowsOf(dataverse, FORM_TABLE)).toHaveLength(before);
    expect(rowsOf(dataverse, FORM_TABLE).filter((row) => row.objecttypecode === 'account').map((row) => row.name)).toEqual(['Account (SAP ECC)']);
  });

  it('refuses a form of a type the schema does not know, and writes none of the solution', () => {
    const zip = repositorySolutionZipWithCustomizations((xml) => xml.replace('<forms type="main">', '<forms type="sidebar">'));
    const failure = importFailureOf(dataverse, zip);
    expect(failure.code).toBe(IMPORT_ERROR_CODES.schemaViolation);
    expect(failure.message).toContain("The value 'sidebar' is invalid");
    expect(rowsOf(dataverse, FORM_TABLE)).toEqual([]);
    expect(rowsOf(dataverse, 'environmentvariabledefinition')).toEqual([]);
  });
});

describe('forms over the Web API', () => {
  let server: TestDataverseServer;
  beforeAll(async () => (server = await serveTestDataverse()));
  afterAll(() => server.stop());

  it("a rep reads a table's main form after ImportSolution, as apps do to lay out the record", async () => {
    const imported = await fetch(`${server.serviceRoot}ImportSolution`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: APPLICATION_AUTHORIZATION },
      body: JSON.stringify({ CustomizationFile: Buffer.from(repositorySolutionZip()).toString('base64') }),
    });
    expect(imported.status, await imported.text()).toBe(204);
    const response = await fetch(`${server.serviceRoot}systemforms?$select=name,formxml&$filter=objecttypecode eq 'quote' and type eq 2`, {
      headers: { Accept: 'application/json', Authorization: bearerFor(persona('anna').objectId) },
    });
    const body = (await response.json()) as { value: { name: string; formxml: string }[] };
    expect(response.status).toBe(200);
    expect(body.value.map((form) => form.name)).toEqual(['Quote (SAP)']);
    expect(body.value[0]!.formxml).toMatch(/^<form>/);
  });
});
