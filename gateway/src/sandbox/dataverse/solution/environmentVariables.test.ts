import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOLUTION_SOURCE_DIR } from '@ecc365/solution';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPLICATION_USER } from '../../identities.js';
import { createSimulatedDataverse } from '../index.js';
import { MetadataRegistry } from '../metadata.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { STANDARD_TABLES } from '../standardTables/index.js';
import { APPLICATION_AUTHORIZATION, bearerFor, persona, serveTestDataverse, type TestDataverseServer } from '../testing/testDataverse.js';
import { definitionRowsBySchemaName } from './environmentVariables.js';
import { IMPORT_ERROR_CODES, SolutionImportFailed } from './importErrors.js';
import { importSolution } from './importSolution.js';
import { importFailureOf, repositorySolutionZip, repositorySolutionZipWith } from '../testing/solutionZips.js';

const repositoryDefinition = (schemaName: string) =>
  readFileSync(path.join(SOLUTION_SOURCE_DIR, 'environmentvariabledefinitions', schemaName, 'environmentvariabledefinition.xml'), 'utf8');

const definitionFile = (schemaName: string) => `environmentvariabledefinitions/${schemaName}/environmentvariabledefinition.xml`;

let dataverse: SimulatedDataverse;
beforeEach(() => {
  dataverse = createSimulatedDataverse();
});

const importFailure = (zip: Uint8Array) => importFailureOf(dataverse, zip);

describe('importSolution: environment variable definitions', () => {
  it('creates a definition row for each variable of the repository solution, owned by the importing user', () => {
    const result = importSolution(dataverse, repositorySolutionZip());
    expect(result.environmentVariables).toEqual([
      'ecc_ControlsClientId', 'ecc_EntraTenantId', 'ecc_FeaturePricingWriteBack', 'ecc_FeatureSendToSap', 'ecc_GatewayApplicationId', 'ecc_GatewayAuthMode', 'ecc_GatewayUrl',
    ]);
    const rows = definitionRowsBySchemaName(dataverse);
    expect([...rows.keys()].sort()).toEqual([
      'ecc_controlsclientid', 'ecc_entratenantid', 'ecc_featurepricingwriteback', 'ecc_featuresendtosap', 'ecc_gatewayapplicationid', 'ecc_gatewayauthmode', 'ecc_gatewayurl',
    ]);
    // The feature switches are yes/no variables, on unless an admin sets them to no.
    expect(rows.get('ecc_featuresendtosap')).toMatchObject({ type: 100000002, defaultvalue: 'yes', isrequired: false });
    expect(rows.get('ecc_gatewayauthmode')).toMatchObject({
      schemaname: 'ecc_GatewayAuthMode', displayname: 'ecc365 gateway authentication mode', type: 100000000, defaultvalue: 'msal',
      isrequired: false, introducedversion: '1.0.0.0', statecode: 0, statuscode: 1,
      ownerid: { id: SANDBOX_APPLICATION_USER.systemUserId, logicalName: 'systemuser' },
    });
    expect(rows.get('ecc_gatewayurl')).toMatchObject({ defaultvalue: null, isrequired: true });
    expect(rows.get('ecc_gatewayurl')!.description).toMatch(/^The ecc365 gateway's address as users' browsers reach it/);
  });

  it('updates the definitions on a second import and leaves the environment\'s values alone', () => {
    importSolution(dataverse, repositorySolutionZip());
    const context = dataverse.systemContext();
    const definitionId = definitionRowsBySchemaName(dataverse).get('ecc_gatewayauthmode')!.environmentvariabledefinitionid as string;
    dataverse.create(context, dataverse.model('environmentvariablevalue'), {
      schemaname: 'ecc_GatewayAuthMode', value: 'sandbox', 'EnvironmentVariableDefinitionId@odata.bind': `environmentvariabledefinitions(${definitionId})`,
    });

    const changed = repositoryDefinition('ecc_GatewayAuthMode').replace('<defaultvalue>msal</defaultvalue>', '<defaultvalue>sandbox</defaultvalue>');
    importSolution(dataverse, repositorySolutionZipWith({ [definitionFile('ecc_GatewayAuthMode')]: changed }));

    const rows = definitionRowsBySchemaName(dataverse);
    expect(rows.size).toBe(7);
    expect(rows.get('ecc_gatewayauthmode')).toMatchObject({ environmentvariabledefinitionid: definitionId, defaultvalue: 'sandbox' });
    const values = [...dataverse.store.table('environmentvariablevalue').rows.values()];
    expect(values).toEqual([expect.objectContaining({ value: 'sandbox', environmentvariabledefinitionid: { id: definitionId, logicalName: 'environmentvariabledefinition' } })]);
  });

  it('checks the definitions but writes no rows when given a metadata registry alone', () => {
    const registry = new MetadataRegistry([...STANDARD_TABLES]);
    expect(importSolution(registry, repositorySolutionZip()).environmentVariables).toHaveLength(7);
    const bad = repositoryDefinition('ecc_GatewayUrl').replace('<type>100000000</type>', '<type>7</type>');
    expect(() => importSolution(registry, repositorySolutionZipWith({ [definitionFile('ecc_GatewayUrl')]: bad }))).toThrow(SolutionImportFailed);
  });
});

describe('importSolution: environment variable definitions Dataverse would refuse', () => {
  it('refuses a type that is not an environment variable type, and changes nothing', () => {
    const bad = repositoryDefinition('ecc_GatewayUrl').replace('<type>100000000</type>', '<type>7</type>');
    const failure = importFailure(repositorySolutionZipWith({ [definitionFile('ecc_GatewayUrl')]: bad }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.schemaViolation);
    expect(failure.message).toContain("The value '7' is not an environment variable type.");
    expect(dataverse.store.table('environmentvariabledefinition').rows.size).toBe(0);
    expect(dataverse.registry.entity('ecc_syncresult')).toBeUndefined();
  });

  it("refuses a variable without the publisher's prefix", () => {
    const text = repositoryDefinition('ecc_GatewayUrl').replace('schemaname="ecc_GatewayUrl"', 'schemaname="new_GatewayUrl"');
    const failure = importFailure(repositorySolutionZipWith({ [definitionFile('new_GatewayUrl')]: text }));
    expect(failure.code).toBe(IMPORT_ERROR_CODES.importFailed);
    expect(failure.message).toContain("environment variable new_GatewayUrl is not named with the publisher's prefix 'ecc_'");
  });

  it('refuses a default value that does not fit the type', () => {
    const number = repositoryDefinition('ecc_GatewayUrl').replace('<type>100000000</type>', '<defaultvalue>ten</defaultvalue>\n  <type>100000001</type>');
    expect(importFailure(repositorySolutionZipWith({ [definitionFile('ecc_GatewayUrl')]: number })).message).toContain("environment variable ecc_GatewayUrl: the default value 'ten' is not a number");
    const json = repositoryDefinition('ecc_GatewayUrl').replace('<type>100000000</type>', '<defaultvalue>{"a":</defaultvalue>\n  <type>100000003</type>');
    expect(importFailure(repositorySolutionZipWith({ [definitionFile('ecc_GatewayUrl')]: json })).message).toContain('is not JSON');
  });

  it('refuses a definition in the folder of another variable', () => {
    const failure = importFailure(repositorySolutionZipWith({ [definitionFile('ecc_Other')]: repositoryDefinition('ecc_GatewayUrl') }));
    expect(failure.message).toContain(`${definitionFile('ecc_Other')} defines ecc_GatewayUrl, not the variable its folder is named after`);
  });
});

describe('environment variables over the Web API', () => {
  let server: TestDataverseServer;
  beforeAll(async () => (server = await serveTestDataverse()));
  afterAll(() => server.stop());

  const call = async (method: string, target: string, auth: string, body?: unknown) => {
    const response = await fetch(`${server.serviceRoot}${target}`, {
      method,
      headers: { Accept: 'application/json', Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  it('ImportSolution creates the definitions as the importing user; a rep reads a definition and its value through the relationship', async () => {
    const imported = await call('POST', 'ImportSolution', APPLICATION_AUTHORIZATION, { CustomizationFile: Buffer.from(repositorySolutionZip()).toString('base64') });
    expect(imported.status, imported.text).toBe(204);
    const definition = definitionRowsBySchemaName(server.dataverse).get('ecc_gatewayurl')!;
    const value = await call('POST', 'environmentvariablevalues', APPLICATION_AUTHORIZATION, {
      schemaname: 'ecc_GatewayUrl', value: 'https://ecc365.example.com',
      'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${definition.environmentvariabledefinitionid as string})`,
    });
    expect(value.status, value.text).toBe(204);

    // A rep whose role reads only their own records still reads the environment's configuration.
    const query = "environmentvariabledefinitions?$select=schemaname,defaultvalue&$filter=schemaname eq 'ecc_GatewayUrl'&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)";
    const read = await call('GET', query, bearerFor(persona('anna').objectId));
    expect(read.status, read.text).toBe(200);
    expect(read.body!.value).toEqual([
      expect.objectContaining({
        schemaname: 'ecc_GatewayUrl', defaultvalue: null,
        environmentvariabledefinition_environmentvariablevalue: [expect.objectContaining({ value: 'https://ecc365.example.com' })],
      }),
    ]);
  });
});
