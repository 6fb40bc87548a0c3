import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { SOLUTION_SOURCE_DIR, packSolution } from './index.js';

const customizationsOf = (zip: Uint8Array) => strFromU8(unzipSync(zip)['customizations.xml']!);
const elementOf = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';
const all = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((match) => match[1]!);

const packed = customizationsOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }));

describe('the repository solution: roles, webhook and app components', () => {
  it('packs the two security roles into <Roles>, with privileges at the depths Dataverse names', () => {
    const roles = elementOf(packed, 'Roles');
    expect(all(roles, /<Role id="[^"]+" name="([^"]+)"/g).sort()).toEqual(['ECC Integration Admin', 'ECC Sales Rep']);
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

  it('names in each privilege a table of the solution or of the platform', () => {
    const solutionTables = all(packed, /<Entity>\s*<Name LocalizedName="[^"]*" OriginalName="[^"]*">([^<]+)<\/Name>/g).map((name) => name.toLowerCase());
    const platformTables = ['environmentvariabledefinition', 'environmentvariablevalue', 'asyncoperation'];
    for (const privilege of all(elementOf(packed, 'Roles'), /<RolePrivilege name="([^"]+)"/g)) {
      const table = /^prv(?:AppendTo|Append|Assign|Create|Delete|Read|Share|Write)(.+)$/.exec(privilege)?.[1]?.toLowerCase();
      expect([...solutionTables, ...platformTables], privilege).toContain(table);
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

const temporaryDirectories: string[] = [];
afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const repositoryManifest = readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8').replace(/\s*<RootComponent type="(380|20|60|62|80|92|95)"[^>]*\/>/g, '');
const manifestWith = (...rootComponents: string[]) => repositoryManifest.replace('</RootComponents>', `${rootComponents.map((component) => `  ${component}\n`).join('')}    </RootComponents>`);

function unpackedSolution(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'ecc365-top-level-'));
  temporaryDirectories.push(directory);
  const all = { 'Other/Customizations.xml': readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Customizations.xml'), 'utf8'), ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return directory;
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
