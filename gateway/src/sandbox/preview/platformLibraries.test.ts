import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPreviewPaths } from './paths.js';
import { compareVersions, createPlatformLibraries, platformLibraryModels } from './platformLibraries.js';

// The controls package's node_modules (react, react-dom, pcf-scripts, pcf-start), as npm install leaves them.
const { controlsPackageDir } = defaultPreviewPaths();

describe('platform libraries as the PCF runtime provides them', () => {
  const platform = createPlatformLibraries(controlsPackageDir);

  it('provides React 16.14 under the global its bundles read, Reactv16, from the React and ReactDOM UMD builds', () => {
    const react = platform.resolve('React', '16.14.0');
    expect(react).toMatchObject({ name: 'React', alias: 'Reactv16', definesGlobal: 'React' });
    expect(react.scripts.map((script) => script.key)).toEqual(['react-16.14.0.js', 'react-dom-16.14.0.js']);
    expect(readFileSync(react.scripts[0]!.file, 'utf8')).toContain('React v16.14.0');
    expect(platform.script('react-16.14.0.js')).toEqual(react.scripts[0]);
  });

  it("provides each Fluent version from pcf-start's platform build, which defines the alias itself", () => {
    const fluent = platform.resolve('Fluent', '8.121.1');
    expect(fluent).toMatchObject({ name: 'Fluent', alias: 'FluentUIReactv81211' });
    expect(readFileSync(fluent.scripts[0]!.file, 'utf8').slice(0, 1000)).toContain('FluentUIReactv81211');
    const older = platform.resolve('Fluent', '8.29.0');
    expect(older.alias).toBe('FluentUIReactv8290');
    expect(existsSync(older.scripts[0]!.file)).toBe(true);
  });

  it('refuses what the runtime does not provide, as pcf-scripts does', () => {
    expect(() => platform.resolve('Fluent', '7.0.0')).toThrow(/provides no fluent 7\.0\.0/);
    expect(() => platform.resolve('React', '18.3.1')).toThrow(/needs react 18\.3\.1 as the platform provides it; 16\.14\.0 is installed/);
    expect(() => platform.resolve('Lodash', '4.0.0')).toThrow(/no platform library "Lodash"/);
    expect(platform.script('../../package.json')).toBeUndefined();
  });

  it('says what to install when the controls package is not installed', () => {
    expect(() => createPlatformLibraries('/nonexistent/controls').resolve('React', '16.14.0')).toThrow(/not installed under \/nonexistent\/controls.*npm install/);
  });

  it('orders React before Fluent, whose builds read window.React, and tells Fluent where its icon fonts are', () => {
    const models = platformLibraryModels([platform.resolve('Fluent', '8.121.1'), platform.resolve('React', '16.14.0')], { script: (key) => `/platform/${key}`, iconFonts: '/platform/icons/' });
    expect(models.map((model) => [model.name, model.alias, model.scripts, model.iconBaseUrl])).toEqual([
      ['React', 'Reactv16', ['/platform/react-16.14.0.js', '/platform/react-dom-16.14.0.js'], undefined],
      ['Fluent', 'FluentUIReactv81211', ['/platform/fluent_8_121_1.js'], '/platform/icons/'],
    ]);
  });

  it("serves every icon font Fluent's platform builds load, and nothing else under that name", () => {
    for (const version of ['8.121.1', '8.29.0']) {
      const build = readFileSync(platform.resolve('Fluent', version).scripts[0]!.file, 'utf8');
      const fonts = [...new Set(build.match(/fabric-icons(-\d+)?-[0-9a-f]{8}\.woff/g))];
      expect(fonts.length, `Fluent ${version}`).toBeGreaterThan(10);
      for (const font of fonts) expect(platform.iconFont(font), `${font} of Fluent ${version}`).toSatisfy((file?: string) => file !== undefined && existsSync(file));
    }
    expect(platform.iconFont('../package.json')).toBeUndefined();
    expect(platform.iconFont('fabric-icons-00000000.woff')).toBeUndefined();
  });

  it('compares versions as numbers, short versions padded with zeros', () => {
    expect(compareVersions('8.29.1', '8.121.1')).toBe(-1);
    expect(compareVersions('8.0', '8.0.0')).toBe(0);
    expect(compareVersions('16.14.0', '16.8')).toBe(1);
  });
});
