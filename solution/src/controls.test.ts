import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SOLUTION_SOURCE_DIR, UnpackedSolutionError, packSolution } from './index.js';
import { CUSTOMIZATIONS_FRAME, REPOSITORY_ROOT, folderWith, itWithSchema, validateXml } from './testing/solutionTesting.js';

const repositoryFile = (name: string) => readFileSync(path.join(SOLUTION_SOURCE_DIR, name), 'utf8');

/** The repository's manifest and customizations with these root components only, and no component folders. */
const unpackedSolution = (...rootComponents: string[]) =>
  folderWith({
    'Other/Solution.xml': repositoryFile('Other/Solution.xml').replace(
      /<RootComponents>[\s\S]*<\/RootComponents>/,
      `<RootComponents>\n${rootComponents.map((component) => `      ${component}\n`).join('')}    </RootComponents>`,
    ),
    'Other/Customizations.xml': CUSTOMIZATIONS_FRAME,
  });

const manifest = (constructorName: string, resources: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest>
  <control namespace="Ecc365" constructor="${constructorName}" version="1.0.0" display-name-key="${constructorName}_Name" control-type="virtual" api-version="1.3.18">
    <property name="customerNumber" display-name-key="customerNumber_Name" of-type="SingleLine.Text" usage="bound" required="true"/>
    <resources>
${resources}
    </resources>
  </control>
</manifest>`;

const gauge = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
const builtControls = () =>
  folderWith({
    'SapOrders/ControlManifest.xml': manifest('SapOrders', '      <code path="bundle.js" order="1"/>\n      <resx path="strings/SapOrders.1033.resx" version="1.0.0"/>\n      <resx path="strings/SapOrders.1031.resx" version="1.0.0"/>'),
    'SapOrders/bundle.js': 'var orders = 1;',
    'SapOrders/bundle.js.LICENSE.txt': 'MIT',
    'SapOrders/strings/SapOrders.1033.resx': '<root />',
    'SapOrders/strings/SapOrders.1031.resx': '<root />',
    'SapCredit/ControlManifest.xml': manifest('SapCredit', '      <code path="bundle.js" order="1"/>\n      <css path="css/SapCredit.css" order="1"/>\n      <img path="img/gauge.png"/>'),
    'SapCredit/bundle.js': 'var credit = 1;',
    'SapCredit/css/SapCredit.css': '.credit {}',
    'SapCredit/img/gauge.png': gauge,
  });

const unzipped = (zip: Uint8Array) => unzipSync(zip);
const text = (entries: Record<string, Uint8Array>, name: string) => strFromU8(entries[name]!);

describe('packSolution: the PCF controls', () => {
  it("puts each control's build folder at Controls/<prefix>_<namespace>.<constructor>/, byte for byte", () => {
    const controlsDir = builtControls();
    const entries = unzipped(packSolution(unpackedSolution(), { managed: true, controlsDir }));
    expect(Object.keys(entries).filter((name) => name.startsWith('Controls/')).sort()).toEqual([
      'Controls/ecc_Ecc365.SapCredit/ControlManifest.xml',
      'Controls/ecc_Ecc365.SapCredit/bundle.js',
      'Controls/ecc_Ecc365.SapCredit/css/SapCredit.css',
      'Controls/ecc_Ecc365.SapCredit/img/gauge.png',
      'Controls/ecc_Ecc365.SapOrders/ControlManifest.xml',
      'Controls/ecc_Ecc365.SapOrders/bundle.js',
      'Controls/ecc_Ecc365.SapOrders/bundle.js.LICENSE.txt',
      'Controls/ecc_Ecc365.SapOrders/strings/SapOrders.1031.resx',
      'Controls/ecc_Ecc365.SapOrders/strings/SapOrders.1033.resx',
    ]);
    expect(entries['Controls/ecc_Ecc365.SapCredit/img/gauge.png']).toEqual(gauge);
    expect(text(entries, 'Controls/ecc_Ecc365.SapOrders/ControlManifest.xml')).toBe(readFileSync(path.join(controlsDir, 'SapOrders/ControlManifest.xml'), 'utf8'));
  });

  it('lists each control under <CustomControls> with its manifest, and as a root component of type 66 before the environment variables', () => {
    const source = unpackedSolution('<RootComponent type="1" schemaName="account" behavior="2" />', '<RootComponent type="380" schemaName="ecc_GatewayUrl" behavior="0" />');
    mkdirSync(path.join(source, 'environmentvariabledefinitions/ecc_GatewayUrl'), { recursive: true });
    writeFileSync(path.join(source, 'environmentvariabledefinitions/ecc_GatewayUrl/environmentvariabledefinition.xml'), repositoryFile('environmentvariabledefinitions/ecc_GatewayUrl/environmentvariabledefinition.xml'));
    const entries = unzipped(packSolution(source, { managed: true, controlsDir: builtControls() }));
    const customControls = /<CustomControls>([\s\S]*)<\/CustomControls>/.exec(text(entries, 'customizations.xml'))![1]!;
    expect([...customControls.matchAll(/<CustomControl>\s*<Name>([^<]+)<\/Name>\s*<FileName>([^<]+)<\/FileName>\s*<\/CustomControl>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'ecc_Ecc365.SapCredit /Controls/ecc_Ecc365.SapCredit/ControlManifest.xml',
      'ecc_Ecc365.SapOrders /Controls/ecc_Ecc365.SapOrders/ControlManifest.xml',
    ]);
    const rootComponents = [...text(entries, 'solution.xml').matchAll(/<RootComponent type="(\d+)" schemaName="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rootComponents).toEqual(['1 account', '66 ecc_Ecc365.SapCredit', '66 ecc_Ecc365.SapOrders', '380 ecc_GatewayUrl']);
  });

  it('gives each file extension of the controls a content type, and each manifest an override, as a built PCF solution does', () => {
    const entries = unzipped(packSolution(unpackedSolution(), { managed: true, controlsDir: builtControls() }));
    const contentTypes = text(entries, '[Content_Types].xml');
    const defaults = [...contentTypes.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)" \/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(defaults).toEqual(['xml application/octet-stream', 'css application/octet-stream', 'js application/octet-stream', 'png application/octet-stream', 'resx application/octet-stream', 'txt application/octet-stream']);
    const overrides = [...contentTypes.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]);
    expect(overrides).toEqual(['/Controls/ecc_Ecc365.SapCredit/ControlManifest.xml', '/Controls/ecc_Ecc365.SapOrders/ControlManifest.xml']);
  });

  it('packs no controls without a controls folder', () => {
    const entries = unzipped(packSolution(unpackedSolution(), { managed: true }));
    expect(Object.keys(entries).some((name) => name.startsWith('Controls/'))).toBe(false);
    expect(text(entries, 'customizations.xml')).toContain('<CustomControls />');
    expect(text(entries, '[Content_Types].xml')).not.toContain('Override');
  });

  it('refuses a controls folder that is missing or holds no built control, saying how to build them', () => {
    const source = unpackedSolution();
    expect(() => packSolution(source, { managed: true, controlsDir: path.join(source, 'no-such-folder') })).toThrow(/there is no controls build output here: build the controls first \(npm run build -w @ecc365\/controls\)/);
    expect(() => packSolution(source, { managed: true, controlsDir: folderWith({ 'SapOrders/bundle.js': '' }) })).toThrow(/no built control \(a folder with ControlManifest\.xml\)/);
  });

  it('refuses a control whose build folder lacks a resource its manifest lists', () => {
    const controlsDir = builtControls();
    rmSync(path.join(controlsDir, 'SapOrders/strings/SapOrders.1031.resx'));
    expect(() => packSolution(unpackedSolution(), { managed: true, controlsDir })).toThrow(UnpackedSolutionError);
    expect(() => packSolution(unpackedSolution(), { managed: true, controlsDir })).toThrow(/SapOrders[/\\]ControlManifest\.xml: the manifest lists strings\/SapOrders\.1031\.resx, which the build folder does not hold/);
  });

  it('refuses a custom control solution.xml lists that was not built', () => {
    const source = unpackedSolution('<RootComponent type="66" schemaName="ecc_Ecc365.SapPricing" behavior="0" />');
    expect(() => packSolution(source, { managed: true, controlsDir: builtControls() })).toThrow('Other/Solution.xml: lists custom controls the package does not hold: ecc_Ecc365.SapPricing');
    expect(() => packSolution(source, { managed: true })).toThrow(/ecc_Ecc365\.SapPricing/);
  });
});

const controlsOut = path.join(REPOSITORY_ROOT, 'controls', 'out', 'controls');

describe('packSolution: the repository\'s built controls', () => {
  it.skipIf(!existsSync(controlsOut))(`packs every control of ${controlsOut} (skipped when the controls are not built: npm run build -w @ecc365/controls)`, () => {
    const entries = unzipped(packSolution(unpackedSolution(), { managed: true, controlsDir: controlsOut }));
    const built = readdirSync(controlsOut).filter((name) => existsSync(path.join(controlsOut, name, 'ControlManifest.xml')));
    expect(built.length).toBeGreaterThan(0);
    for (const name of built) {
      const namespace = /<control\b[^>]*\snamespace="([^"]+)"/.exec(readFileSync(path.join(controlsOut, name, 'ControlManifest.xml'), 'utf8'))![1];
      expect(entries[`Controls/ecc_${namespace}.${name}/bundle.js`], name).toBeDefined();
    }
  });

  itWithSchema('customizations.xml with <CustomControls> validates against schema 9.0', () => {
    expect(() => validateXml(text(unzipped(packSolution(unpackedSolution(), { managed: true, controlsDir: builtControls() })), 'customizations.xml'))).not.toThrow();
  });
});
