import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOLUTION_SOURCE_DIR, UnpackedSolutionError, packSolution } from './index.js';
import { CUSTOMIZATIONS_FRAME, REPOSITORY_ROOT, folderWith, itWithSchema, textOf, validateXml } from './testing/solutionTesting.js';

/** customizations.xml's frame with the web resources packed here, in the schema's order (before the controls). */
const CUSTOMIZATIONS = CUSTOMIZATIONS_FRAME.replace('  <CustomControls />', '  <WebResources />\n  <CustomControls />');

const repositorySolutionXml = readFileSync(path.join(SOLUTION_SOURCE_DIR, 'Other/Solution.xml'), 'utf8');
const manifest = (...rootComponents: string[]) =>
  repositorySolutionXml.replace(/<RootComponents>[\s\S]*<\/RootComponents>/, `<RootComponents>\n${rootComponents.map((component) => `      ${component}\n`).join('')}    </RootComponents>`);

const data = (name: string, type: string, id = '{5b0e7d1a-3c2f-4e8b-9a61-0d4f2c7e8a10}') => `<?xml version="1.0" encoding="utf-8"?>
<WebResource xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <WebResourceId>${id}</WebResourceId>
  <Name>${name}</Name>
  <DisplayName>${name}</DisplayName>
  <WebResourceType>${type}</WebResourceType>
  <IntroducedVersion>1.0.0.0</IntroducedVersion>
  <IsCustomizable>1</IsCustomizable>
  <FileName>/WebResources/${name}</FileName>
</WebResource>
`;

const bridgeSource = (others: Record<string, string> = {}, solutionXml = manifest('<RootComponent type="1" schemaName="account" behavior="2" />')) =>
  folderWith({
    'Other/Solution.xml': solutionXml,
    'Other/Customizations.xml': CUSTOMIZATIONS,
    'WebResources/ecc_/controls/msal-redirect.html.data.xml': data('ecc_/controls/msal-redirect.html', '1'),
    'WebResources/ecc_/controls/msal-redirect.js.data.xml': data('ecc_/controls/msal-redirect.js', '3', '{6c1f8e2b-4d30-4f9c-8b72-1e5a3d8f9b21}'),
    ...others,
  });
const bridgeBuild = () => folderWith({ 'ecc_/controls/msal-redirect.html': '<!DOCTYPE html><p>Signing in…</p>', 'ecc_/controls/msal-redirect.js': 'bridge();' });


describe('packSolution: web resources', () => {
  it('takes the content of a web resource the build makes from the build folder, puts it at its <FileName> and its metadata under <WebResources>', () => {
    const entries = textOf(packSolution(bridgeSource(), { managed: true, webResourcesDir: bridgeBuild() }));
    expect(entries['WebResources/ecc_/controls/msal-redirect.html']).toBe('<!DOCTYPE html><p>Signing in…</p>');
    expect(entries['WebResources/ecc_/controls/msal-redirect.js']).toBe('bridge();');
    const names = [...entries['customizations.xml']!.matchAll(/<WebResource>\s*<WebResourceId>[^<]+<\/WebResourceId>\s*<Name>([^<]+)<\/Name>/g)].map((m) => m[1]);
    expect(names).toEqual(['ecc_/controls/msal-redirect.html', 'ecc_/controls/msal-redirect.js']);
    expect(entries['customizations.xml']).not.toMatch(/<WebResource xmlns/);
    const rootComponents = [...entries['solution.xml']!.matchAll(/<RootComponent type="(\d+)" schemaName="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rootComponents).toEqual(['1 account', '61 ecc_/controls/msal-redirect.html', '61 ecc_/controls/msal-redirect.js']);
    expect(entries['[Content_Types].xml']).toContain('<Default Extension="html" ContentType="application/octet-stream" /><Default Extension="js" ContentType="application/octet-stream" />');
  });

  it('takes the content from beside the metadata when the source holds it, as SolutionPackager lays it out', () => {
    const source = bridgeSource({ 'WebResources/ecc_/controls/msal-redirect.html': '<p>from the source</p>', 'WebResources/ecc_/controls/msal-redirect.js': 'source();' });
    const entries = textOf(packSolution(source, { managed: true }));
    expect(entries['WebResources/ecc_/controls/msal-redirect.html']).toBe('<p>from the source</p>');
    expect(() => packSolution(source, { managed: true, webResourcesDir: bridgeBuild() })).toThrow(/its content is both in the source and in/);
  });

  it('leaves out a web resource the build makes when no build folder is given, with its root component', () => {
    const entries = textOf(packSolution(bridgeSource(), { managed: true }));
    expect(Object.keys(entries).some((name) => name.startsWith('WebResources/'))).toBe(false);
    expect(entries['customizations.xml']).toContain('<WebResources />');
    expect(entries['solution.xml']).not.toContain('type="61"');
    const listed = bridgeSource({}, manifest('<RootComponent type="61" schemaName="ecc_/controls/msal-redirect.html" behavior="0" />'));
    expect(() => packSolution(listed, { managed: true })).toThrow('Other/Solution.xml: lists web resources the package does not hold: ecc_/controls/msal-redirect.html');
  });

  it('refuses a build folder without the content, a name that is not the file\'s and a type that is not the extension\'s', () => {
    expect(() => packSolution(bridgeSource(), { managed: true, webResourcesDir: folderWith({}) })).toThrow(/msal-redirect\.html\.data\.xml: its content is neither in the source nor at .*build the controls first/);
    const renamed = bridgeSource({ 'WebResources/ecc_/controls/msal-redirect.js.data.xml': data('ecc_/controls/bridge.js', '3') });
    expect(() => packSolution(renamed, { managed: true })).toThrow(UnpackedSolutionError);
    expect(() => packSolution(renamed, { managed: true })).toThrow('its <Name> is "ecc_/controls/bridge.js", not the web resource its file is named after, "ecc_/controls/msal-redirect.js"');
    const mistyped = bridgeSource({ 'WebResources/ecc_/controls/msal-redirect.js.data.xml': data('ecc_/controls/msal-redirect.js', '1') });
    expect(() => packSolution(mistyped, { managed: true })).toThrow('its <WebResourceType> is 1, which is not the type of a .js file (3)');
  });
});

const webResourcesOut = path.join(REPOSITORY_ROOT, 'controls', 'out', 'webresources');

describe("packSolution: the repository's web resources", () => {
  it.skipIf(!existsSync(webResourcesOut))(`packs the controls' sign-in redirect bridge from ${webResourcesOut} (skipped when the controls are not built)`, () => {
    const entries = textOf(packSolution(SOLUTION_SOURCE_DIR, { managed: true, webResourcesDir: webResourcesOut }));
    for (const name of ['ecc_/controls/msal-redirect.html', 'ecc_/controls/msal-redirect.js']) {
      expect(entries[`WebResources/${name}`], name).toBe(readFileSync(path.join(webResourcesOut, name), 'utf8'));
      expect(entries['solution.xml']).toContain(`<RootComponent type="61" schemaName="${name}" behavior="0" />`);
    }
  });

  itWithSchema('customizations.xml with <WebResources> validates against schema 9.0', () => {
    expect(() => validateXml(textOf(packSolution(bridgeSource(), { managed: true, webResourcesDir: bridgeBuild() }))['customizations.xml']!)).not.toThrow();
  });
});
