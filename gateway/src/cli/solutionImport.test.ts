import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSolutionZips, SOLUTION_SOURCE_DIR, solutionVersion, type BuiltSolution } from '@ecc365/solution';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load.js';
import type { DataverseClient } from '../dataverse/index.js';
import { DataverseAccessDeniedError } from '../dataverse/index.js';
import { startSimulatedEnvironment, type SimulatedEnvironment } from '../dataverse/testing/simulatedEnvironment.js';
import { SANDBOX_PERSONAS } from '../sandbox/identities.js';
import { childNamed, childrenNamed, parseXml } from '../xml/parse.js';
import { importExitCode, importSolutionFile, SolutionImportError } from './solutionImport.js';

let directory: string;
let built: BuiltSolution;
let environment: SimulatedEnvironment;
let client: DataverseClient;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'ecc365-import-'));
  built = buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir: directory, version: solutionVersion() });
  environment = await startSimulatedEnvironment({ withSolution: false });
  client = environment.client();
});
afterAll(async () => {
  await environment.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A zip file in the test's folder. */
function zipFile(name: string, files: Record<string, string | Uint8Array>): string {
  const file = path.join(directory, name);
  writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([entry, data]) => [entry, typeof data === 'string' ? strToU8(data) : data]))));
  return file;
}
const entriesOf = (file: string) => unzipSync(new Uint8Array(readFileSync(file)));

/**
 * What the zip's customizations.xml defines, as Web API queries: each table's entity set and the
 * columns to $select — all columns of the solution's own tables, the ecc_ columns of standard ones
 * (whose entity set the environment has before the import). Lookups are selected as _<name>_value.
 */
function solutionQueries(zip: Uint8Array): { table: string; entitySet: string; select: string[] }[] {
  const root = parseXml(strFromU8(unzipSync(zip, { filter: (f) => f.name === 'customizations.xml' })['customizations.xml']!).replace(/^\uFEFF/, ''));
  return childrenNamed(childNamed(root, 'Entities')!, 'Entity').map((entity) => {
    const info = childNamed(childNamed(entity, 'EntityInfo')!, 'entity')!;
    const table = info.attributes.Name!.toLowerCase();
    const own = table.startsWith('ecc_');
    const select = childrenNamed(childNamed(info, 'attributes')!, 'attribute')
      .map((attribute) => ({ name: childNamed(attribute, 'LogicalName')!.text, type: childNamed(attribute, 'Type')!.text }))
      .filter(({ name }) => own || name.startsWith('ecc_'))
      .map(({ name, type }) => (['lookup', 'owner', 'customer'].includes(type) ? `_${name}_value` : name));
    const entitySet = childNamed(info, 'EntitySetName')?.text ?? environment.dataverse.registry.entity(table)!.entitySetName;
    return { table, entitySet, select };
  });
}

const queryable = async (query: { entitySet: string; select: string[] }) =>
  client.retrieveMultiple(query.entitySet, { select: query.select, top: 1 }, { maxRows: 1 }).collect().then(() => true, () => false);

describe('ecc365 solution import: importing a built zip into a Dataverse environment', () => {
  it("creates the solution's tables and columns, reporting the import's progress", async () => {
    const managedZip = new Uint8Array(readFileSync(built.managed));
    const queries = solutionQueries(managedZip);
    expect(queries.map((q) => q.table)).toEqual(expect.arrayContaining(['account', 'ecc_syncresult', 'ecc_syncrun', 'ecc_valuemap']));
    for (const query of queries) expect(await queryable(query), `${query.table} before the import`).toBe(false);

    const lines: string[] = [];
    const imported = await importSolutionFile(client, built.managed, { managed: true, pollIntervalMs: 5, report: (line) => lines.push(line) });

    expect(imported.solution).toEqual({ uniqueName: 'ecc365', version: solutionVersion(), managed: true });
    for (const query of queries) expect(await queryable(query), `${query.table} with ${query.select.join(', ')}`).toBe(true);
    const key = { key: { ecc_idempotencykey: 'solution-import-cli' } };
    await client.upsert('ecc_syncresults', key, { ecc_name: 'written after the import', ecc_status: 363650001 });
    expect(await client.retrieve('ecc_syncresults', key, { select: ['ecc_name', 'ecc_status'] })).toMatchObject({ ecc_name: 'written after the import', ecc_status: 363650001 });

    expect(lines[0]).toBe(`Importing ecc365 ${solutionVersion()} (managed), ${(managedZip.length / 1024).toFixed(1)} kB, into ${environment.environmentUrl}`);
    expect(lines[1]).toBe(`Dataverse queued the import as system job ${imported.systemJobId}`);
    expect(lines.at(-1)).toMatch(new RegExp(`^Imported ecc365 ${solutionVersion().replace(/\./g, '\\.')} \\(managed\\) in \\d+ s\\.$`));
  });

  it('imports the same version again over itself, and upgrades with StageAndUpgradeAsync when asked', async () => {
    const again = await importSolutionFile(client, built.managed, { managed: true, pollIntervalMs: 5, report: () => {} });
    expect(again.solution.version).toBe(solutionVersion());
    const lines: string[] = [];
    const upgraded = await importSolutionFile(client, built.managed, { managed: true, upgrade: true, pollIntervalMs: 5, report: (line) => lines.push(line) });
    expect(environment.dataverse.store.table('asyncoperation').get(upgraded.systemJobId)).toMatchObject({ messagename: 'StageAndUpgradeAsync', statuscode: 30 });
    expect(lines[0]).toMatch(new RegExp(`^Upgrading ${environment.environmentUrl} to ecc365 [\\d.]+ \\(managed\\), `));
    expect(lines.at(-1)).toMatch(/^Upgraded to ecc365 [\d.]+ \(managed\) in \d+ s\.$/);
  });

  it('refuses to upgrade with the unmanaged package or together with a holding solution', async () => {
    const failures = await Promise.all([
      importSolutionFile(client, built.unmanaged, { managed: false, upgrade: true, report: () => {} }).catch((error: unknown) => error),
      importSolutionFile(client, built.managed, { managed: true, upgrade: true, holdingSolution: true, report: () => {} }).catch((error: unknown) => error),
    ]);
    expect(failures.map((f) => (f as SolutionImportError).code)).toEqual(['SOLUTION_OPTIONS_INVALID', 'SOLUTION_OPTIONS_INVALID']);
    expect(failures.map(importExitCode)).toEqual([2, 2]);
  });

  it("fails with Dataverse's reason, code and exit code 3 when the import job fails", async () => {
    const broken = zipFile('broken_managed.zip', { ...entriesOf(built.managed), 'customizations.xml': '<ImportExportXml><Entities>' });
    const failure = await importSolutionFile(client, broken, { managed: true, pollIntervalMs: 5, report: () => {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SolutionImportError);
    expect(failure).toMatchObject({ code: 'SOLUTION_IMPORT_FAILED', details: { dataverseCode: '0x80048013' } });
    expect((failure as Error).message).toMatch(/^Dataverse could not import ecc365 [\d.]+ \(managed\): Invalid customization file\. This file is not well formed\..*\(0x80048013\)$/);
    expect(importExitCode(failure)).toBe(3);
  });

  it('refuses the wrong package before sending anything: the unmanaged zip for --managed, a zip without solution.xml, a missing file', async () => {
    const sent = environment.dataverse.store.table('asyncoperation').rows.size;
    const failures = await Promise.all([
      importSolutionFile(client, built.unmanaged, { managed: true, report: () => {} }).catch((error: unknown) => error),
      importSolutionFile(client, zipFile('notes.zip', { 'notes.txt': 'no solution' }), { managed: true, report: () => {} }).catch((error: unknown) => error),
      importSolutionFile(client, path.join(directory, 'absent.zip'), { managed: false, report: () => {} }).catch((error: unknown) => error),
    ]);
    expect(failures.map((f) => (f as SolutionImportError).code)).toEqual(['SOLUTION_PACKAGE_TYPE_MISMATCH', 'SOLUTION_FILE_INVALID', 'SOLUTION_FILE_UNREADABLE']);
    expect((failures[0] as Error).message).toContain('is the unmanaged package of ecc365, not the managed one asked for: pass --unmanaged');
    expect(failures.map(importExitCode)).toEqual([2, 2, 2]);
    expect(environment.dataverse.store.table('asyncoperation').rows.size).toBe(sent);
  });

  it("passes on Dataverse's refusal of a user without the privilege to import, with exit code 3", async () => {
    const rep = SANDBOX_PERSONAS.find((p) => p.key === 'anna')!;
    const failure = await importSolutionFile(client.asUser(rep.objectId), built.managed, { managed: true, report: () => {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataverseAccessDeniedError);
    expect((failure as Error).message).toContain('may not ImportSolutionAsync');
    expect(importExitCode(failure)).toBe(3);
  });

  it('gives configuration errors exit code 2 and anything unexpected 1', () => {
    expect(importExitCode(new ConfigError('bad'))).toBe(2);
    expect(importExitCode(new Error('bug'))).toBe(1);
    expect(importExitCode(new SolutionImportError('SOLUTION_IMPORT_STILL_RUNNING', 'still', 'transient'))).toBe(4);
  });
});
