import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISCELLANEOUS_PRIVILEGES, SOLUTION_SOURCE_DIR, packSolution, parseTablePrivilege, privilegeTableName } from './index.js';
import { REFERENCE_DIRECTORY, customizationsOf, folderWith, itWithSchema, validateXml } from './testing/solutionTesting.js';

const elementOf = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';
const all = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((match) => match[1]!);

const packed = customizationsOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }));

describe('the repository solution: roles, webhook and app components', () => {
  it('packs the three security roles into <Roles>, with privileges at the depths Dataverse names', () => {
    const roles = elementOf(packed, 'Roles');
    expect(all(roles, /<Role id="[^"]+" name="([^"]+)"/g).sort()).toEqual(['ECC Gateway Service', 'ECC Integration Admin', 'ECC Sales Rep']);
    const levels = all(roles, /<RolePrivilege name="[^"]+" level="([^"]+)"/g);
    expect(new Set(levels)).toEqual(new Set(['Basic', 'Global']));
  });

  it('grants reps no write on the product\'s tables, and the integration admin write on sync results (retry) and value maps', () => {
    const role = (name: string) => new RegExp(`<Role id="[^"]+" name="${name}">([\\s\\S]*?)</Role>`).exec(packed)?.[1] ?? '';
    const privileges = (name: string) => all(role(name), /<RolePrivilege name="([^"]+)"/g);
    expect(privileges('ECC Sales Rep').filter((privilege) => !privilege.startsWith('prvRead'))).toEqual([]);
    expect(privileges('ECC Sales Rep')).toEqual(expect.arrayContaining(['prvReadecc_SyncResult', 'prvReadecc_SyncRun', 'prvReadEnvironmentVariableValue']));
    expect(privileges('ECC Integration Admin')).toEqual(expect.arrayContaining(['prvWriteecc_SyncResult', 'prvCreateecc_ValueMap', 'prvWriteecc_ValueMap']));
  });

  it('names in each privilege a table of the solution or of the platform, as Dataverse names its privileges', () => {
    const solutionTables = all(packed, /<Entity>\s*<Name LocalizedName="[^"]*" OriginalName="[^"]*">([^<]+)<\/Name>/g).map((name) => name.toLowerCase());
    const platformTables = [
      'environmentvariabledefinition', 'environmentvariablevalue', 'asyncoperation', 'opportunity', 'invoice', 'invoicedetail', 'salesorderdetail',
      'transactioncurrency', 'connection', 'connectionrole', 'systemuser', 'businessunit', 'team', 'pricelevel', 'productpricelevel', 'uom', 'uomschedule',
    ];
    // A table's logical name is its schema name in lower case, and privilege names are compared in any case.
    const named = new Set([...solutionTables, ...platformTables].map((logicalName) => privilegeTableName({ logicalName, schemaName: logicalName }).toLowerCase()));
    for (const privilege of all(elementOf(packed, 'Roles'), /<RolePrivilege name="([^"]+)"/g)) {
      if (MISCELLANEOUS_PRIVILEGES.includes(privilege)) continue;
      expect(named, privilege).toContain(parseTablePrivilege(privilege)?.tableName.toLowerCase());
    }
  });

  it('packs the gateway\'s webhook (contract 8, WebhookKey) and asynchronous post-operation steps that post to it', () => {
    const endpoints = elementOf(packed, 'ServiceEndpoints');
    const endpointIds = all(endpoints, /<ServiceEndpoint ServiceEndpointId="\{([^}]+)\}"/g);
    expect(endpointIds).toHaveLength(1);
    expect(elementOf(endpoints, 'Contract')).toBe('8');
    expect(elementOf(endpoints, 'AuthType')).toBe('4');
    expect(elementOf(endpoints, 'Url')).toMatch(/^https:\/\/[^/]+\/api\/v1\/webhooks\/dataverse$/);

    const steps = all(elementOf(packed, 'SdkMessageProcessingSteps'), /(<SdkMessageProcessingStep [\s\S]*?<\/SdkMessageProcessingStep>)/g);
    expect(steps).toHaveLength(2);
    // Dataverse's fixed ids of the Update and Delete messages (the same in every organization).
    const messages: Record<string, string> = { '20bebb1b-ea3e-db11-86a7-000a3a5473e8': 'Update', 'a1bdbb1b-ea3e-db11-86a7-000a3a5473e8': 'Delete' };
    expect(steps.map((step) => `${messages[elementOf(step, 'SdkMessageId')]} of ${elementOf(step, 'PrimaryEntity')}`).sort()).toEqual(['Delete of account', 'Update of account']);
    for (const step of steps) {
      expect(endpointIds).toContain(elementOf(step, 'EventHandler'));
      expect(elementOf(step, 'EventHandlerTypeCode')).toBe('4618');
      expect({ stage: elementOf(step, 'Stage'), mode: elementOf(step, 'Mode') }).toEqual({ stage: '40', mode: '1' });
    }
  });
});

const entityNamed = (name: string) => new RegExp(`<Entity>\\s*<Name LocalizedName="[^"]*" OriginalName="[^"]*">${name}</Name>[\\s\\S]*?</Entity>`).exec(packed)?.[0] ?? '';
/** The columns (logical names) of a table of the solution. */
const columnsOf = (table: string) => new Set(all(entityNamed(table), /<attribute PhysicalName="([^"]+)"/g).map((name) => name.toLowerCase()));
const viewsOf = (xml: string) => all(xml, /(<savedquery>[\s\S]*?<\/savedquery>)/g);
const chartsOf = (xml: string) => all(xml, /(<visualization>[\s\S]*?<\/visualization>)/g);
const englishName = (xml: string) => /<LocalizedName description="([^"]+)" languagecode="1033" \/>/.exec(xml)?.[1];
const idOf = (xml: string, element: string) => elementOf(xml, element).replace(/[{}]/g, '').toLowerCase();

describe('the repository solution: the SAP Integration Hub app', () => {
  const syncResults = entityNamed('ecc_SyncResult');
  const syncRuns = entityNamed('ecc_SyncRun');
  const view = (name: string) => viewsOf(syncResults).find((candidate) => englishName(candidate) === name) ?? '';

  it('has the views failed today, by flow and by cause on sync results, and a view of each table of the app, over columns their tables have', () => {
    const failedToday = view('Failed today');
    expect(failedToday).toMatch(/<condition attribute="ecc_startedon" operator="today" \/>/);
    expect(all(failedToday, /<value>(\d+)<\/value>/g)).toEqual(['363650001', '363650003']);
    expect(view('Sync results by flow')).toMatch(/<order attribute="ecc_flow" descending="false" \/>\s*<order attribute="ecc_startedon" descending="true" \/>/);
    expect(view('Failures by cause')).toMatch(/<order attribute="ecc_cause" descending="false" \/>/);
    for (const table of ['ecc_SyncResult', 'ecc_SyncRun', 'ecc_ValueMap', 'ecc_SalesArea', 'ecc_CustomerSalesArea', 'ecc_Delivery']) {
      const xml = entityNamed(table);
      expect(viewsOf(xml).length, table).toBeGreaterThan(0);
      const columns = columnsOf(table);
      for (const part of [...viewsOf(xml), ...chartsOf(xml)]) {
        for (const column of all(part, /<(?:attribute|condition|order|cell) (?:name|attribute)="([^"]+)"/g)) expect([...columns], `${englishName(part)}: ${column}`).toContain(column);
      }
    }
  });

  it('has the charts runs per day by status and failures by cause, aggregating over their tables', () => {
    const runs = chartsOf(syncRuns).find((chart) => englishName(chart) === 'Runs per day by status') ?? '';
    expect(runs).toMatch(/<attribute name="ecc_startedon" groupby="true" dategrouping="day" alias="day" \/>/);
    expect(runs).toMatch(/<attribute name="ecc_status" groupby="true" alias="status" \/>/);
    const causes = chartsOf(syncResults).find((chart) => englishName(chart) === 'Failures by cause') ?? '';
    expect(causes).toMatch(/<attribute name="ecc_cause" groupby="true" alias="cause" \/>/);
    for (const chart of [runs, causes]) {
      const measures = all(chart, /<measure alias="([^"]+)" \/>/g);
      expect(measures.length).toBeGreaterThan(0);
      for (const alias of measures) expect(chart).toMatch(new RegExp(`aggregate="count" alias="${alias}"`));
    }
  });

  it('puts the SyncStatus control on the sync result form, bound to a column of the table', () => {
    const form = /<systemform>[\s\S]*?<\/systemform>/.exec(elementOf(syncResults, 'FormXml'))?.[0] ?? '';
    expect(englishName(form)).toBe('Sync result');
    const description = /<controlDescription forControl="([^"]+)">([\s\S]*?)<\/controlDescription>/.exec(form);
    expect(description?.[2]).toMatch(/<customControl formFactor="0" name="ecc_Ecc365\.SyncStatus">\s*<parameters>\s*<recordLabel>ecc_name<\/recordLabel>/);
    expect(form).toContain(`<cell id="${description![1]}"`);
    expect([...columnsOf('ecc_SyncResult')]).toEqual(expect.arrayContaining(all(form, /datafieldname="([^"]+)"/g)));
  });

  it('shows on the dashboard charts and views of the solution, each with its own table', () => {
    const dashboard = elementOf(packed, 'Dashboards');
    const views = new Map([...viewsOf(syncResults).map((v) => [idOf(v, 'savedqueryid'), 'ecc_syncresult'] as const), ...viewsOf(syncRuns).map((v) => [idOf(v, 'savedqueryid'), 'ecc_syncrun'] as const)]);
    const charts = new Map([...chartsOf(syncResults).map((c) => [idOf(c, 'savedqueryvisualizationid'), 'ecc_syncresult'] as const), ...chartsOf(syncRuns).map((c) => [idOf(c, 'savedqueryvisualizationid'), 'ecc_syncrun'] as const)]);
    const controls = all(dashboard, /(<parameters>[\s\S]*?<\/parameters>)/g);
    expect(controls.filter((control) => elementOf(control, 'ChartGridMode') === 'Chart')).toHaveLength(2);
    for (const control of controls) {
      const table = elementOf(control, 'TargetEntityType');
      expect(views.get(idOf(control, 'ViewId')), 'the view').toBe(table);
      if (elementOf(control, 'ChartGridMode') === 'Chart') expect(charts.get(idOf(control, 'VisualizationId')), 'the chart').toBe(table);
    }
  });

  it('makes an app of the product\'s tables, its views, charts, forms, dashboard and site map, for the integration admin', () => {
    const app = elementOf(packed, 'AppModules');
    expect(elementOf(app, 'UniqueName')).toBe('ecc_SapIntegrationHub');
    expect(englishName(app)).toBe('SAP Integration Hub');
    const components = all(app, /<AppModuleComponent (type="\d+" (?:schemaName|id)="[^"]+") \/>/g);
    const ids = (type: string) => components.filter((c) => c.startsWith(`type="${type}"`)).map((c) => /"\{?([^"}]+)\}?"$/.exec(c)![1]!.toLowerCase());
    expect(ids('1').sort()).toEqual(['ecc_customersalesarea', 'ecc_delivery', 'ecc_salesarea', 'ecc_syncresult', 'ecc_syncrun', 'ecc_valuemap']);
    const packedIds = (element: string) => all(packed, new RegExp(`<${element}>\\{([^}]+)\\}</${element}>`, 'g')).map((id) => id.toLowerCase());
    expect(packedIds('savedqueryid')).toEqual(expect.arrayContaining(ids('26')));
    expect(packedIds('savedqueryvisualizationid')).toEqual(expect.arrayContaining(ids('59')));
    expect([...packedIds('formid'), ...packedIds('FormId')]).toEqual(expect.arrayContaining(ids('60')));
    expect(ids('62')).toEqual(['ecc_sapintegrationhub']);
    const adminRole = /<Role id="\{([^}]+)\}" name="ECC Integration Admin"/.exec(packed)![1];
    expect(all(app, /<Role id="\{([^}]+)\}" \/>/g)).toEqual([adminRole]);

    const siteMap = elementOf(packed, 'AppModuleSiteMaps');
    expect(elementOf(siteMap, 'SiteMapUniqueName')).toBe('ecc_SapIntegrationHub');
    expect(all(siteMap, /Entity="([^"]+)"/g).sort()).toEqual(ids('1'));
    expect(all(siteMap, /DefaultDashboard="\{([^}]+)\}"/g)).toEqual([idOf(elementOf(packed, 'Dashboards'), 'FormId')]);
  });
});

const repositoryManifest = readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8').replace(/\s*<RootComponent type="(380|20|60|62|80|92|95)"[^>]*\/>/g, '');
const manifestWith = (...rootComponents: string[]) => repositoryManifest.replace('</RootComponents>', `${rootComponents.map((component) => `  ${component}\n`).join('')}    </RootComponents>`);

function unpackedSolution(files: Record<string, string>): string {
  return folderWith({ 'Other/Customizations.xml': readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Customizations.xml'), 'utf8'), ...files });
}

const ROLE_ID = '{0b7e3c1a-2d4f-4e6a-8b9c-1d2e3f4a5b6c}';
const STEP_ID = '{3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f}';
const role = `<Role id="${ROLE_ID}" name="Zeta Reader" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><RolePrivileges><RolePrivilege name="prvReadAccount" level="Global" /></RolePrivileges></Role>`;
const step = (id: string) => `<SdkMessageProcessingStep Name="zeta" SdkMessageProcessingStepId="${id}"><PrimaryEntity>account</PrimaryEntity><Stage>40</Stage></SdkMessageProcessingStep>`;

describe('packSolution: roles, steps, endpoints, dashboards and app modules', () => {
  it('puts a role into <Roles> and a step into <SdkMessageProcessingSteps>, each as its file holds it', () => {
    const directory = unpackedSolution({
      'Other/Solution.xml': manifestWith(`<RootComponent type="20" id="${ROLE_ID}" behavior="0" />`, `<RootComponent type="92" id="${STEP_ID}" behavior="0" />`),
      'Roles/Zeta Reader.xml': role,
      [`SdkMessageProcessingSteps/${STEP_ID}.xml`]: step(STEP_ID),
    });
    const customizations = customizationsOf(packSolution(directory, { managed: true }));
    expect(elementOf(customizations, 'Roles').trim()).toBe(role.replace(' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', ''));
    expect(elementOf(customizations, 'SdkMessageProcessingSteps').trim()).toBe(step(STEP_ID));
  });

  it('refuses a role solution.xml does not list, and a listed step without its file', () => {
    const unlisted = unpackedSolution({ 'Other/Solution.xml': manifestWith(), 'Roles/Zeta Reader.xml': role });
    expect(() => packSolution(unlisted, { managed: true })).toThrow(`Roles/Zeta Reader.xml: Other/Solution.xml has no <RootComponent type="20" id="${ROLE_ID}" />`);
    const orphan = unpackedSolution({ 'Other/Solution.xml': manifestWith(`<RootComponent type="92" id="${STEP_ID}" behavior="0" />`) });
    expect(() => packSolution(orphan, { managed: true })).toThrow(`Other/Solution.xml: root components of type 92 without their <SdkMessageProcessingStep> file: id ${STEP_ID.slice(1, -1)}`);
  });

  it('refuses a step whose file is not named by its id', () => {
    const other = '{9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f}';
    const directory = unpackedSolution({
      'Other/Solution.xml': manifestWith(`<RootComponent type="92" id="${STEP_ID}" behavior="0" />`),
      [`SdkMessageProcessingSteps/${other}.xml`]: step(STEP_ID),
    });
    expect(() => packSolution(directory, { managed: true })).toThrow(`SdkMessageProcessingSteps/${other}.xml: the component's id ${STEP_ID} is not the file's name ${other}`);
  });
});

// Microsoft's schema of a chart's data description (reference/dataverse/xsd), which customizations.xml's schema leaves open.
const dataDescriptionSchema = path.join(REFERENCE_DIRECTORY, 'dataverse', 'xsd', 'VisualizationDataDescription.xsd');

describe("the charts' data descriptions against Microsoft's VisualizationDataDescription.xsd", () => {
  itWithSchema(
    'each chart of the solution validates',
    () => {
      const charts = chartsOf(packed);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) expect(() => validateXml(elementOf(chart, 'datadescription').trim(), dataDescriptionSchema), englishName(chart)).not.toThrow();
    },
    { schema: dataDescriptionSchema },
  );
});
