import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildSolutionZips, builtSolutionZip, CONTROLS_BUILD_DIR, packSolution, SOLUTION_DIST_DIR, SOLUTION_SOURCE_DIR, solutionVersion, solutionVersionOf, UnpackedSolutionError,
  WEB_RESOURCES_BUILD_DIR,
} from './index.js';
import { customizationsOf, itWithSchema, temporaryDirectory, validateXml } from './testing/solutionTesting.js';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
const manifestOf = (zip: Uint8Array) => strFromU8(unzipSync(zip, { filter: (file) => file.name === 'solution.xml' })['solution.xml']!);

describe('the solution version', () => {
  it('is the package version major.minor.patch with revision 0', () => {
    expect(solutionVersionOf('0.1.0')).toBe('0.1.0.0');
    expect(solutionVersionOf('12.3.45')).toBe('12.3.45.0');
    expect(solutionVersion()).toBe(`${packageVersion}.0`);
  });

  it('refuses what has no four-part form: pre-releases, build metadata, other shapes, parts beyond Int32', () => {
    for (const version of ['1.2.0-rc.1', '1.2.0+build.7', '1.2', '1.2.3.4', 'v1.2.3', '1.2.2147483648']) {
      expect(() => solutionVersionOf(version), version).toThrow(UnpackedSolutionError);
    }
  });

  it("replaces the source's <Version> in the packed solution.xml when given, and refuses a malformed one", () => {
    expect(manifestOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true, version: '7.8.9.10' }))).toMatch(/<Version>7\.8\.9\.10<\/Version>/);
    const source = /<Version>([^<]*)<\/Version>/.exec(readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8'))![1];
    expect(manifestOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true }))).toContain(`<Version>${source}</Version>`);
    expect(() => packSolution(SOLUTION_SOURCE_DIR, { managed: true, version: '1.0' })).toThrow(/not major\.minor\.build\.revision/);
  });
});

describe('buildSolutionZips', () => {
  it('writes a managed and an unmanaged zip named as Dataverse names exports, each saying its version and package type', () => {
    const outDir = temporaryDirectory();
    const built = buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir, version: '3.1.4.0' });
    expect(readdirSync(outDir).sort()).toEqual(['ecc365_3_1_4_0.zip', 'ecc365_3_1_4_0_managed.zip']);
    expect(built).toEqual({ uniqueName: 'ecc365', version: '3.1.4.0', managed: path.join(outDir, 'ecc365_3_1_4_0_managed.zip'), unmanaged: path.join(outDir, 'ecc365_3_1_4_0.zip') });
    const managed = manifestOf(readFileSync(built.managed));
    const unmanaged = manifestOf(readFileSync(built.unmanaged));
    expect(managed).toMatch(/<Version>3\.1\.4\.0<\/Version>\s*<Managed>1<\/Managed>/);
    expect(unmanaged).toMatch(/<Version>3\.1\.4\.0<\/Version>\s*<Managed>0<\/Managed>/);
  });

  it('gives byte-for-byte the same zips when built twice from the same source', () => {
    const [first, second] = [temporaryDirectory(), temporaryDirectory()].map((outDir) => buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir, version: '1.0.0.0' }));
    expect(Buffer.compare(readFileSync(first!.managed), readFileSync(second!.managed))).toBe(0);
    expect(Buffer.compare(readFileSync(first!.unmanaged), readFileSync(second!.unmanaged))).toBe(0);
    expect(Buffer.compare(readFileSync(first!.managed), readFileSync(first!.unmanaged))).not.toBe(0);
  });

  it("removes the solution's zips of other versions from the folder and leaves other files alone", () => {
    const outDir = temporaryDirectory();
    buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir, version: '1.0.0.0' });
    writeFileSync(path.join(outDir, 'notes.txt'), 'kept');
    buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir, version: '1.1.0.0' });
    expect(readdirSync(outDir).sort()).toEqual(['ecc365_1_1_0_0.zip', 'ecc365_1_1_0_0_managed.zip', 'notes.txt']);
  });

  it('leaves the folder as it was when the source does not pack', () => {
    const sourceDir = temporaryDirectory();
    cpSync(SOLUTION_SOURCE_DIR, sourceDir, { recursive: true });
    rmSync(path.join(sourceDir, 'Other/Customizations.xml'));
    const outDir = temporaryDirectory();
    buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir, version: '1.0.0.0' });
    expect(() => buildSolutionZips({ sourceDir, outDir, version: '2.0.0.0' })).toThrow(/Other\/Customizations\.xml/);
    expect(readdirSync(outDir).sort()).toEqual(['ecc365_1_0_0_0.zip', 'ecc365_1_0_0_0_managed.zip']);
  });
});

describe('npm run build:solution', () => {
  const builder = path.join(packageRoot, 'lib', 'buildCli.js');

  it('compiles the builder and runs it', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['build:solution']).toBe('tsc -p tsconfig.build.json && node lib/buildCli.js');
  });

  // The compiled builder is run (npm test builds first), not the script: compiling again here would rewrite lib/ under the processes other tests start from it.
  it("writes the repository solution's two zips with the built controls and web resources into solution/dist with the package version, the same bytes on every run", () => {
    for (const [built, what] of [[builder, 'solution/lib'], [CONTROLS_BUILD_DIR, 'controls/out/controls'], [WEB_RESOURCES_BUILD_DIR, 'controls/out/webresources']] as const) {
      if (!existsSync(built)) throw new Error(`${what} is missing: run \`npm run build\` first (npm test does).`);
    }
    const run = () => {
      execFileSync(process.execPath, [builder], { cwd: packageRoot, stdio: 'pipe' });
      return [true, false].map((managed) => readFileSync(builtSolutionZip(managed)));
    };
    const [managed, unmanaged] = run();
    const version = `${packageVersion}.0`;
    expect(builtSolutionZip(true)).toBe(path.join(SOLUTION_DIST_DIR, `ecc365_${version.split('.').join('_')}_managed.zip`));
    expect(manifestOf(managed!)).toMatch(new RegExp(`<Version>${version.replace(/\./g, '\\.')}</Version>\\s*<Managed>1</Managed>`));
    expect(manifestOf(unmanaged!)).toMatch(/<Managed>0<\/Managed>/);
    const controls = readdirSync(CONTROLS_BUILD_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(controls.length).toBeGreaterThan(0);
    const webResources = readdirSync(WEB_RESOURCES_BUILD_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(WEB_RESOURCES_BUILD_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(webResources.length).toBeGreaterThan(0);
    for (const zip of [managed!, unmanaged!]) {
      const entries = Object.keys(unzipSync(zip, { filter: (file) => file.name.startsWith('Controls/') || file.name.startsWith('WebResources/') }));
      for (const control of controls) expect(entries, control).toContainEqual(expect.stringMatching(new RegExp(`^Controls/ecc_[^/]+\\.${control}/ControlManifest\\.xml$`)));
      for (const webResource of webResources) expect(entries).toContain(`WebResources/${webResource}`);
    }
    const [again, againUnmanaged] = run();
    expect(Buffer.compare(managed!, again!)).toBe(0);
    expect(Buffer.compare(unmanaged!, againUnmanaged!)).toBe(0);
  }, 60_000);
});

describe("the built zips against Microsoft's solution schema 9.0", () => {
  itWithSchema(
    "the customizations.xml of both zips, controls and web resources included, validates",
    () => {
      for (const [built, what] of [[CONTROLS_BUILD_DIR, 'controls/out/controls'], [WEB_RESOURCES_BUILD_DIR, 'controls/out/webresources']] as const) {
        if (!existsSync(built)) throw new Error(`${what} is missing: run \`npm run build\` first (npm test does).`);
      }
      const built = buildSolutionZips({ sourceDir: SOLUTION_SOURCE_DIR, outDir: temporaryDirectory(), version: solutionVersion(), controlsDir: CONTROLS_BUILD_DIR, webResourcesDir: WEB_RESOURCES_BUILD_DIR });
      for (const zip of [built.managed, built.unmanaged]) expect(() => validateXml(customizationsOf(readFileSync(zip))), path.basename(zip)).not.toThrow();
    },
    { timeoutMs: 60_000 },
  );
});
