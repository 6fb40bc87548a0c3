import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SOLUTION_SOURCE_DIR, UnpackedSolutionError, packSolution } from './index.js';
import { folderWith, itWithSchema, textOf, validateXml } from './testing/solutionTesting.js';

const repositorySolutionXml = readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8');
/** The repository's manifest without its environment variables and top-level components (topLevelComponents.ts), plus these root components. */
const manifestWith = (...rootComponents: string[]) =>
  repositorySolutionXml
    .replace(/\s*<RootComponent type="(380|20|60|62|80|92|95)"[^>]*\/>/g, '')
    .replace('</RootComponents>', `${rootComponents.map((component) => `  ${component}\n`).join('')}    </RootComponents>`);

/** An unpacked solution in a temporary folder: the repository's Other/ files (manifest without environment variables) plus `components`. */
function unpackedSolution(components: Record<string, string>, others: Record<string, string> = {}): string {
  return folderWith({
    'Other/Solution.xml': manifestWith(),
    'Other/Customizations.xml': readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Customizations.xml'), 'utf8'),
    ...others,
    ...components,
  });
}

describe('packSolution: the repository solution', () => {
  it('makes the zip Dataverse imports: content types, solution.xml and customizations.xml at the root, environment variables in their folders', () => {
    const files = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      'customizations.xml',
      'environmentvariabledefinitions/ecc_ControlsClientId/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_EntraTenantId/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_FeaturePricingWriteBack/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_FeatureSendToSap/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_GatewayApplicationId/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_GatewayAuthMode/environmentvariabledefinition.xml',
      'environmentvariabledefinitions/ecc_GatewayUrl/environmentvariabledefinition.xml',
      'solution.xml',
    ]);
    expect(files['[Content_Types].xml']).toContain('<Default Extension="xml" ContentType="application/octet-stream" />');
    expect(files['solution.xml']).toMatch(/<UniqueName>ecc365<\/UniqueName>/);
    expect(files['solution.xml']).toMatch(/<CustomizationPrefix>ecc<\/CustomizationPrefix>/);
  });

  it('says managed (1) or unmanaged (0) as asked, whatever the source says', () => {
    const managed = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }))['solution.xml'];
    const unmanaged = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: false }))['solution.xml'];
    expect(managed).toMatch(/<Managed>1<\/Managed>/);
    expect(unmanaged).toMatch(/<Managed>0<\/Managed>/);
    expect(readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8')).toMatch(/<Managed>2<\/Managed>/);
  });

  it('merges the Entities folders into customizations.xml: account gains ecc_customernumber and its key, and the other tables follow', () => {
    const customizations = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: false }))['customizations.xml']!;
    const entities = /<Entities>([\s\S]*)<\/Entities>/.exec(customizations)?.[1] ?? '';
    expect(entities).toMatch(/^\s*<Entity>\s*<Name LocalizedName="Account" OriginalName="Account">Account<\/Name>/);
    expect(entities).toContain('<attribute PhysicalName="ecc_CustomerNumber">');
    expect(entities).toMatch(/<EntityKey>\s*<Name>ecc_customernumber<\/Name>/);
    const tables = [...entities.matchAll(/<Entity>\s*<Name [^>]*>([^<]+)<\/Name>/g)].map((m) => m[1]);
    expect(tables).toEqual(['Account', 'Contact', 'Product', 'Quote', 'QuoteDetail', 'SalesOrder', 'ecc_CustomerSalesArea', 'ecc_Delivery', 'ecc_SalesArea', 'ecc_SyncResult', 'ecc_SyncRun', 'ecc_ValueMap']);
    // The namespace is declared once, on customizations.xml's root.
    expect(entities).not.toContain('xmlns:xsi');
  });

  it('lists every table and environment variable of the source as a root component of solution.xml', () => {
    const manifest = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }))['solution.xml']!;
    const components = [...manifest.matchAll(/<RootComponent type="(\d+)" schemaName="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(components).toEqual([
      '1 account', '1 contact', '1 ecc_customersalesarea', '1 ecc_delivery', '1 ecc_salesarea', '1 ecc_syncresult', '1 ecc_syncrun', '1 ecc_valuemap',
      '1 product', '1 quote', '1 quotedetail', '1 salesorder', '9 ecc_syncstatus', '62 ecc_SapIntegrationHub', '80 ecc_SapIntegrationHub',
      '380 ecc_ControlsClientId', '380 ecc_EntraTenantId', '380 ecc_FeaturePricingWriteBack', '380 ecc_FeatureSendToSap', '380 ecc_GatewayApplicationId',
      '380 ecc_GatewayAuthMode', '380 ecc_GatewayUrl',
    ]);
  });

  it('gives the same bytes for the same source, with every entry stamped 1980-01-01 00:00 whatever the time zone', () => {
    const first = packSolution(SOLUTION_SOURCE_DIR, { managed: true });
    const second = packSolution(SOLUTION_SOURCE_DIR, { managed: true });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // Local file headers: signature PK\3\4, DOS time at offset 10, DOS date at offset 12.
    const bytes = Buffer.from(first);
    let headers = 0;
    for (let at = bytes.indexOf('PK\u0003\u0004', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\u0003\u0004', at + 4, 'latin1')) {
      expect(bytes.readUInt16LE(at + 10), 'DOS time').toBe(0);
      expect(bytes.readUInt16LE(at + 12), 'DOS date (1980-01-01)').toBe((1 << 5) | 1);
      headers += 1;
    }
    expect(headers).toBe(Object.keys(unzipSync(first)).length);
  });
});

describe('packSolution: component folders', () => {
  const entity = (schemaName: string) => `<?xml version="1.0" encoding="utf-8"?>
<Entity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Name LocalizedName="${schemaName}" OriginalName="${schemaName}">${schemaName}</Name>
  <EntityInfo><entity Name="${schemaName}"><attributes /></entity></EntityInfo>
</Entity>`;
  const relationships = (...names: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<EntityRelationships xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${names.map((name) => `  <EntityRelationship Name="${name}"><EntityRelationshipType>OneToMany</EntityRelationshipType></EntityRelationship>`).join('\n')}
</EntityRelationships>`;

  it('puts entities, relationships and global option sets where SolutionPackager takes them from, in sorted order', () => {
    const directory = unpackedSolution({
      'Entities/ecc_Zeta/Entity.xml': entity('ecc_Zeta'),
      'Entities/Account/Entity.xml': entity('Account'),
      'Other/Relationships/Account.xml': relationships('ecc_account_ecc_zeta'),
      'Other/Relationships/ecc_Zeta.xml': relationships('ecc_zeta_parent', 'ecc_zeta_other'),
      'Other/Relationships.xml': '<EntityRelationships><EntityRelationship Name="ecc_account_ecc_zeta" /></EntityRelationships>',
      'OptionSets/ecc_salesarea.xml': '<optionset Name="ecc_salesarea" localizedName="Sales area" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><OptionSetType>picklist</OptionSetType></optionset>',
    });
    const customizations = textOf(packSolution(directory, { managed: true }))['customizations.xml']!;
    const names = [...customizations.matchAll(/<Name LocalizedName="[^"]*" OriginalName="[^"]*">([^<]+)<\/Name>/g)].map((m) => m[1]);
    expect(names).toEqual(['Account', 'ecc_Zeta']);
    const relationshipNames = [...customizations.matchAll(/<EntityRelationship Name="([^"]+)">/g)].map((m) => m[1]);
    expect(relationshipNames).toEqual(['ecc_account_ecc_zeta', 'ecc_zeta_parent', 'ecc_zeta_other']);
    expect(customizations).toMatch(/<optionsets>\s*<optionset Name="ecc_salesarea" localizedName="Sales area">/);
    // The index of relationship names is not packed as a relationship of its own.
    expect(customizations.match(/<EntityRelationship /g)).toHaveLength(3);
  });

  it('refuses a component it does not pack yet, naming the files, rather than dropping them', () => {
    const directory = unpackedSolution({
      'Entities/Account/Entity.xml': entity('Account'),
      'Entities/Account/RibbonDiff.xml': '<RibbonDiffXml />',
      'WebResources/ecc_/panel.js': 'void 0;',
    });
    expect(() => packSolution(directory, { managed: true })).toThrow(UnpackedSolutionError);
    expect(() => packSolution(directory, { managed: true })).toThrow(/Entities\/Account\/RibbonDiff\.xml.*WebResources\/ecc_\/panel\.js/);
  });

  const variable = (schemaName: string) =>
    `<environmentvariabledefinition schemaname="${schemaName}">\n  <displayname default="${schemaName}">\n    <label description="${schemaName}" languagecode="1033" />\n  </displayname>\n  <type>100000000</type>\n</environmentvariabledefinition>\n`;
  const variableFile = (folder: string) => `environmentvariabledefinitions/${folder}/environmentvariabledefinition.xml`;
  const rootComponent = (schemaName: string) => `<RootComponent type="380" schemaName="${schemaName}" behavior="0" />`;

  it('packs an environment variable definition unchanged at the path SolutionPackager keeps it, not into customizations.xml', () => {
    const directory = unpackedSolution({ [variableFile('ecc_Zeta')]: variable('ecc_Zeta') }, { 'Other/Solution.xml': manifestWith(rootComponent('ecc_Zeta')) });
    const files = textOf(packSolution(directory, { managed: true }));
    expect(files[variableFile('ecc_Zeta')]).toBe(variable('ecc_Zeta'));
    expect(files['customizations.xml']).not.toContain('ecc_Zeta');
  });

  it('refuses a definition whose schemaname is not its folder name', () => {
    const directory = unpackedSolution({ [variableFile('ecc_Zeta')]: variable('ecc_Eta') }, { 'Other/Solution.xml': manifestWith(rootComponent('ecc_Zeta')) });
    expect(() => packSolution(directory, { managed: true })).toThrow(`${variableFile('ecc_Zeta')}: the definition's schemaname "ecc_Eta" is not its folder's name "ecc_Zeta"`);
  });

  it('refuses a definition solution.xml does not list as a root component, and a root component without a definition', () => {
    const unlisted = unpackedSolution({ [variableFile('ecc_Zeta')]: variable('ecc_Zeta') });
    expect(() => packSolution(unlisted, { managed: true })).toThrow(/has no <RootComponent type="380" schemaName="ecc_Zeta" \/>/);
    const orphan = unpackedSolution({}, { 'Other/Solution.xml': manifestWith(rootComponent('ecc_Zeta')) });
    expect(() => packSolution(orphan, { managed: true })).toThrow(`Other/Solution.xml: root components of type 380 without a definition: ${variableFile('ecc_Zeta')}`);
  });

  it('refuses environment variable values, which belong to an environment rather than to the solution', () => {
    const directory = unpackedSolution(
      { [variableFile('ecc_Zeta')]: variable('ecc_Zeta'), 'environmentvariabledefinitions/ecc_Zeta/environmentvariablevalues.json': '{"environmentvariablevalues":{}}' },
      { 'Other/Solution.xml': manifestWith(rootComponent('ecc_Zeta')) },
    );
    expect(() => packSolution(directory, { managed: true })).toThrow(/environmentvariabledefinitions\/ecc_Zeta\/environmentvariablevalues\.json/);
  });

  it('refuses a component file whose root element is not the one its folder holds', () => {
    const directory = unpackedSolution({ 'Entities/Account/Entity.xml': '<entity Name="Account" />' });
    expect(() => packSolution(directory, { managed: true })).toThrow('Entities/Account/Entity.xml: the root element is <entity>, not <Entity>');
  });

  it('refuses a source without Other/Solution.xml', () => {
    const directory = unpackedSolution({});
    rmSync(path.join(directory, 'Other/Solution.xml'));
    expect(() => packSolution(directory, { managed: true })).toThrow('Other/Solution.xml: missing from');
  });
});

describe("packSolution: customizations.xml against Microsoft's schema 9.0", () => {
  itWithSchema('the packed repository solution validates', () => {
    expect(() => validateXml(textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }))['customizations.xml']!)).not.toThrow();
  });
});
