import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SOLUTION_SOURCE_DIR, UnpackedSolutionError, packSolution } from './index.js';
import { CUSTOMIZATIONS_FRAME, folderWith, itWithSchema, validateXml } from './testing/solutionTesting.js';

const FORM_MAIN = '{a1000000-0000-4000-8000-000000000001}';
const FORM_MAIN_2 = '{a1000000-0000-4000-8000-000000000002}';
const FORM_QUICK = '{a1000000-0000-4000-8000-000000000003}';
const VIEW = '{b2000000-0000-4000-8000-000000000001}';
const CHART = '{c3000000-0000-4000-8000-000000000001}';

const entity = `<?xml version="1.0" encoding="utf-8"?>
<Entity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Name LocalizedName="Account" OriginalName="Account">Account</Name>
  <EntityInfo>
    <entity Name="Account">
      <attributes />
    </entity>
  </EntityInfo>
</Entity>
`;

const form = (id: string, name: string) => `<?xml version="1.0" encoding="utf-8"?>
<forms xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <systemform>
    <formid>${id}</formid>
    <IntroducedVersion>1.0.0.0</IntroducedVersion>
    <FormPresentation>1</FormPresentation>
    <FormActivationState>1</FormActivationState>
    <form>
      <tabs>
        <tab name="general" id="{d4000000-0000-4000-8000-000000000001}">
          <labels>
            <label description="General" languagecode="1033" />
          </labels>
          <columns>
            <column width="100%">
              <sections>
                <section name="general" id="{d4000000-0000-4000-8000-000000000002}">
                  <labels>
                    <label description="General" languagecode="1033" />
                  </labels>
                  <rows>
                    <row>
                      <cell id="{d4000000-0000-4000-8000-000000000003}">
                        <labels>
                          <label description="Account Name" languagecode="1033" />
                        </labels>
                        <control id="name" classid="{4273EDBD-AC1D-40d3-9FB2-095C621B552D}" datafieldname="name" />
                      </cell>
                    </row>
                  </rows>
                </section>
              </sections>
            </column>
          </columns>
        </tab>
      </tabs>
    </form>
    <IsCustomizable>1</IsCustomizable>
    <CanBeDeleted>1</CanBeDeleted>
    <LocalizedNames>
      <LocalizedName description="${name}" languagecode="1033" />
    </LocalizedNames>
  </systemform>
</forms>
`;

const view = (id: string) => `<?xml version="1.0" encoding="utf-8"?>
<savedqueries xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <savedquery>
    <IsCustomizable>1</IsCustomizable>
    <CanBeDeleted>1</CanBeDeleted>
    <isquickfindquery>0</isquickfindquery>
    <isprivate>0</isprivate>
    <isdefault>0</isdefault>
    <savedqueryid>${id}</savedqueryid>
    <layoutxml>
      <grid name="resultset" jump="name" select="1" icon="1" preview="1">
        <row name="result" id="accountid">
          <cell name="name" width="200" />
        </row>
      </grid>
    </layoutxml>
    <querytype>0</querytype>
    <fetchxml>
      <fetch version="1.0" mapping="logical">
        <entity name="account">
          <attribute name="name" />
          <attribute name="accountid" />
        </entity>
      </fetch>
    </fetchxml>
    <LocalizedNames>
      <LocalizedName description="SAP customers" languagecode="1033" />
    </LocalizedNames>
  </savedquery>
</savedqueries>
`;

const chart = (id: string) => `<?xml version="1.0" encoding="utf-8"?>
<visualization xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <savedqueryvisualizationid>${id}</savedqueryvisualizationid>
  <isdefault>0</isdefault>
  <LocalizedNames>
    <LocalizedName description="Accounts by owner" languagecode="1033" />
  </LocalizedNames>
</visualization>
`;

const repositorySolutionXml = readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8');
/** Solution.xml listing account with `behavior` and these root components, and nothing else. */
const manifest = (behavior: string, ...components: string[]) =>
  repositorySolutionXml.replace(
    /<RootComponents>[\s\S]*<\/RootComponents>/,
    `<RootComponents>\n      <RootComponent type="1" schemaName="account" behavior="${behavior}" />\n${components.map((c) => `      ${c}\n`).join('')}    </RootComponents>`,
  );
const rootComponent = (type: string, id: string) => `<RootComponent type="${type}" id="${id}" behavior="0" />`;
const TYPES = { FormXml: '60', SavedQueries: '26', Visualizations: '59' } as const;
/** A root component for each form, view and chart among `files`, by the folder and name of its file. */
const rootComponentsOf = (files: Record<string, string>) =>
  Object.keys(files).flatMap((file) => {
    const match = /^Entities\/[^/]+\/(FormXml|SavedQueries|Visualizations)\/(?:[^/]+\/)?(\{[^}]+\})(_managed)?\.xml$/.exec(file);
    return match && !match[3] ? [rootComponent(TYPES[match[1] as keyof typeof TYPES], match[2]!)] : [];
  });

function unpackedSolution(files: Record<string, string>, solutionXml = manifest('2', ...rootComponentsOf(files))): string {
  return folderWith({ 'Other/Solution.xml': solutionXml, 'Other/Customizations.xml': CUSTOMIZATIONS_FRAME, 'Entities/Account/Entity.xml': entity, ...files });
}

const customizationsOf = (directory: string, managed = true) => strFromU8(unzipSync(packSolution(directory, { managed }))['customizations.xml']!);

const allParts = {
  [`Entities/Account/FormXml/main/${FORM_MAIN}.xml`]: form(FORM_MAIN, 'SAP'),
  [`Entities/Account/FormXml/main/${FORM_MAIN_2}.xml`]: form(FORM_MAIN_2, 'SAP (2)'),
  [`Entities/Account/FormXml/quick/${FORM_QUICK}.xml`]: form(FORM_QUICK, 'SAP quick view'),
  [`Entities/Account/SavedQueries/${VIEW}.xml`]: view(VIEW),
  [`Entities/Account/Visualizations/${CHART}.xml`]: chart(CHART),
};

describe('packSolution: forms, views and charts of a table', () => {
  it("puts them into the table's <Entity> after <EntityInfo>: forms grouped by type, then views, then charts", () => {
    const customizations = customizationsOf(unpackedSolution(allParts));
    const account = /<Entity>[\s\S]*?<\/Entity>/.exec(customizations)![0];
    const afterInfo = account.slice(account.indexOf('</EntityInfo>'));
    const order = [...afterInfo.matchAll(/<(FormXml|forms type="[^"]+"|formid|SavedQueries|savedqueries|savedqueryid|Visualizations|savedqueryvisualizationid)>([^<]*)/g)].map((m) => (m[2]!.trim() ? `${m[1]} ${m[2]!.trim()}` : m[1]));
    expect(order).toEqual([
      'FormXml',
      'forms type="main"', `formid ${FORM_MAIN}`, `formid ${FORM_MAIN_2}`,
      'forms type="quick"', `formid ${FORM_QUICK}`,
      'SavedQueries', 'savedqueries', `savedqueryid ${VIEW}`,
      'Visualizations', `savedqueryvisualizationid ${CHART}`,
    ]);
    // The files' own wrappers and namespace declarations do not come along.
    expect(account.match(/<forms[ >]/g)).toHaveLength(2);
    expect(account).not.toContain('xmlns:xsi');
    expect(account).toContain('<LocalizedName description="SAP quick view" languagecode="1033" />');
  });

  it('leaves a table without parts as it is', () => {
    const customizations = customizationsOf(unpackedSolution({}));
    expect(customizations).not.toMatch(/<FormXml|<SavedQueries|<Visualizations/);
  });

  it('packs a form\'s {id}_managed.xml twin into the managed package only', () => {
    const directory = unpackedSolution({
      [`Entities/Account/FormXml/main/${FORM_MAIN}.xml`]: form(FORM_MAIN, 'SAP unmanaged'),
      [`Entities/Account/FormXml/main/${FORM_MAIN}_managed.xml`]: form(FORM_MAIN, 'SAP managed'),
    });
    const managed = customizationsOf(directory, true);
    const unmanaged = customizationsOf(directory, false);
    expect(managed).toContain('SAP managed');
    expect(managed).not.toContain('SAP unmanaged');
    expect(unmanaged).toContain('SAP unmanaged');
    expect(unmanaged).not.toContain('SAP managed');
  });

  it('refuses a part whose id is not its file name', () => {
    const directory = unpackedSolution({ [`Entities/Account/FormXml/main/${FORM_MAIN}.xml`]: form(FORM_MAIN_2, 'SAP') });
    expect(() => packSolution(directory, { managed: true })).toThrow(`Entities/Account/FormXml/main/${FORM_MAIN}.xml: its <formid> ${FORM_MAIN_2} is not the file's name ${FORM_MAIN}`);
  });

  it('refuses a form folder that is no form type of the schema', () => {
    const directory = unpackedSolution({ [`Entities/Account/FormXml/Main/${FORM_MAIN}.xml`]: form(FORM_MAIN, 'SAP') });
    expect(() => packSolution(directory, { managed: true })).toThrow(/FormXml\/Main\/.*"Main" is not a form type of schema 9\.0/);
  });

  it('refuses a part of a table the solution does not hold', () => {
    const directory = unpackedSolution({ [`Entities/Contact/SavedQueries/${VIEW}.xml`]: view(VIEW) });
    expect(() => packSolution(directory, { managed: true })).toThrow(`Entities/Contact/SavedQueries/${VIEW}.xml: there is no Entities/Contact/Entity.xml for it to belong to`);
  });

  it('refuses a file of the wrong root element', () => {
    const directory = unpackedSolution({ [`Entities/Account/SavedQueries/${VIEW}.xml`]: form(VIEW, 'not a view') });
    expect(() => packSolution(directory, { managed: true })).toThrow(UnpackedSolutionError);
    expect(() => packSolution(directory, { managed: true })).toThrow('the root element is <forms>, not <savedqueries>');
  });

  it('needs a root component for each part unless the table comes with all its subcomponents', () => {
    const files = { [`Entities/Account/FormXml/main/${FORM_MAIN}.xml`]: form(FORM_MAIN, 'SAP') };
    const unlisted = unpackedSolution(files, manifest('2'));
    expect(() => packSolution(unlisted, { managed: true })).toThrow(`has no <RootComponent type="60" id="${FORM_MAIN}" behavior="0" />`);
    expect(() => packSolution(unpackedSolution(files, manifest('2', rootComponent('60', FORM_MAIN.toUpperCase()))), { managed: true })).not.toThrow();
    expect(() => packSolution(unpackedSolution(files, manifest('0')), { managed: true })).not.toThrow();
  });

  it('refuses an Entity.xml that holds forms itself', () => {
    const directory = unpackedSolution({
      'Entities/Account/Entity.xml': entity.replace('</EntityInfo>', '</EntityInfo>\n  <FormXml />'),
      [`Entities/Account/SavedQueries/${VIEW}.xml`]: view(VIEW),
    });
    expect(() => packSolution(directory, { managed: true })).toThrow('Entities/Account/Entity.xml: the table holds a <FormXml> element');
  });
});

describe('packSolution: forms, views and charts against the schema', () => {
  itWithSchema('customizations.xml with them validates', () => {
    expect(() => validateXml(customizationsOf(unpackedSolution(allParts)))).not.toThrow();
  });
});
