// `ecc365 solution import` as an admin runs it (the built command and controls, after
// `npm run build`, which `npm test` does first): the zips the builder makes, imported into a Dataverse environment that
// does not have the solution yet — the simulated one, reached as a real environment is, through
// the configuration's dataverse section and MSAL — and into a running `ecc365 sandbox`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../gateway/src/dataverse/testing/simulatedEnvironment.js';
import type { DataverseClient } from '../gateway/src/dataverse/index.js';
import { SANDBOX_APPLICATIONS, SANDBOX_TENANT_ID } from '../gateway/src/sandbox/identities.js';
import { buildSolutionZips, CONTROLS_BUILD_DIR, SOLUTION_SOURCE_DIR, solutionVersion, WEB_RESOURCES_BUILD_DIR, type BuiltSolution } from '../solution/src/index.js';
import { runEcc365 } from './testing/ecc365Command.js';

const BUILT = fileURLToPath(new URL('../gateway/dist/cli/solutionImport.js', import.meta.url));

let directory: string;
let built: BuiltSolution;
let environment: SimulatedEnvironment;
let client: DataverseClient;
let configFile: string;
const secret = { ECC365_DATAVERSE__CLIENT_SECRET: SANDBOX_APPLICATIONS.gateway.clientSecret };

beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error('gateway/dist has no solution import: run `npm run build` first (npm test does).');
  directory = mkdtempSync(path.join(tmpdir(), 'ecc365-solution-import-'));
  built = buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir: directory, version: solutionVersion(), controlsDir: CONTROLS_BUILD_DIR, webResourcesDir: WEB_RESOURCES_BUILD_DIR });
  environment = await startSimulatedEnvironment({ withSolution: false });
  client = environment.client();
  const authorityCaFile = path.join(directory, 'idp-ca.pem');
  writeFileSync(authorityCaFile, environment.idp.caCertificatePem);
  configFile = path.join(directory, 'ecc365.config.json');
  writeFileSync(configFile, JSON.stringify({
    dataverse: { target: 'environment', url: environment.environmentUrl, tenantId: SANDBOX_TENANT_ID, authority: environment.idp.authority, authorityCaFile, clientId: SANDBOX_APPLICATIONS.gateway.clientId },
  }));
}, 60_000);
afterAll(async () => {
  await environment?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const hasSyncResults = () => client.retrieveMultiple('ecc_syncresults', { select: ['ecc_name', 'ecc_status', 'ecc_idempotencykey'], top: 1 }, { maxRows: 1 }).collect().then(() => true, () => false);

describe('ecc365 solution import into a Dataverse environment', () => {
  it("imports the managed zip, printing Dataverse's progress, and the solution's tables and columns exist after it", async () => {
    expect(await hasSyncResults()).toBe(false);
    const command = runEcc365(['solution', 'import', '--managed', '--file', built.managed, '--config', configFile], secret);
    expect(await command.exited, command.stderr()).toBe(0);
    const version = solutionVersion();
    expect(command.stdout()).toContain(`Importing ecc365 ${version} (managed)`);
    expect(command.stdout()).toMatch(/Dataverse queued the import as system job [0-9a-f-]{36}/);
    expect(command.stdout()).toContain(`Imported ecc365 ${version} (managed) in `);
    expect(await hasSyncResults()).toBe(true);
    const key = { key: { ecc_customernumber: '0000004711' } };
    await client.upsert('accounts', key, { name: 'After the import', ecc_salesorganization: '1000' });
    expect(await client.retrieve('accounts', key, { select: ['name', 'ecc_salesorganization'] })).toMatchObject({ name: 'After the import', ecc_salesorganization: '1000' });
  });

  it('refuses the managed zip for --unmanaged with exit code 2, sending nothing', async () => {
    const command = runEcc365(['solution', 'import', '--unmanaged', '--file', built.managed, '--config', configFile], secret);
    expect(await command.exited).toBe(2);
    expect(command.stderr()).toContain('[SOLUTION_PACKAGE_TYPE_MISMATCH]');
    expect(command.stdout()).not.toContain('Importing');
  });

  it("fails with exit code 3 and Dataverse's reason when the import fails", async () => {
    const entries = unzipSync(new Uint8Array(readFileSync(built.unmanaged)));
    const broken = path.join(directory, 'broken.zip');
    writeFileSync(broken, zipSync({ ...entries, 'customizations.xml': strToU8('<ImportExportXml><Entities>') }));
    const command = runEcc365(['solution', 'import', '--unmanaged', '--file', broken, '--config', configFile], secret);
    expect(await command.exited).toBe(3);
    expect(command.stderr()).toMatch(/\[SOLUTION_IMPORT_FAILED\]: Dataverse could not import ecc365 [\d.]+ \(unmanaged\): Invalid customization file\. This file is not well formed\./);
  });

  it('says what to configure when there is no configuration, whose Dataverse is then the embedded sandbox (exit code 2)', async () => {
    const empty = mkdtempSync(path.join(directory, 'no-configuration-'));
    const command = runEcc365(['solution', 'import', '--managed', '--file', built.managed], {}, empty);
    expect(await command.exited).toBe(2);
    expect(command.stderr()).toMatch(/\[CONFIG_INVALID\]: The configuration's Dataverse is the embedded sandbox.*dataverse\.target "environment".*--sandbox <origin>/);
  });
});

describe('ecc365 solution import --sandbox', () => {
  it('upgrades the solution the simulated Dataverse of a running ecc365 sandbox has', async () => {
    const sandbox = runEcc365(['sandbox', '--port', '0', '--customers', '5']);
    const [, origin] = await sandbox.output(/Dataverse Web API:\s+(http:\/\/127\.0\.0\.1:\d+)\/sandbox\/dataverse\//);
    const command = runEcc365(['solution', 'import', '--managed', '--upgrade', '--file', built.managed, '--sandbox', origin!]);
    expect(await command.exited, command.stderr()).toBe(0);
    expect(command.stdout()).toContain(`Upgrading ${origin}/sandbox/dataverse to ecc365 ${solutionVersion()} (managed)`);
    expect(command.stdout()).toContain(`Upgraded to ecc365 ${solutionVersion()} (managed)`);
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
  });
});
