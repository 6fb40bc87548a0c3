/**
 * The platform libraries a virtual control declares (<platform-library name="React"|"Fluent">),
 * provided the way the PCF runtime provides them: under the global names the bundle's webpack
 * externals read. Which version and global a declaration gets comes from pcf-scripts' own
 * PlatformLibraryVersions.json (the table `pcf-scripts build` used to name the externals); the
 * files come from the controls' node_modules: React and ReactDOM's UMD builds (React under
 * Reactv16, as Microsoft's harness aliases it) and Fluent's platform builds that pcf-start ships
 * (lib/fluent_8_121_1.js defines FluentUIReactv81211 itself). A Fluent build registers Fluent's
 * icons when it loads, with their fonts from Microsoft's CDN unless window.FabricConfig names
 * another place; the preview serves them from @fluentui/font-icons-mdl2, which ships the same
 * files, so icons show on a machine without internet access too.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PlatformLibraryModel } from './shared/pageModel.js';

interface PlatformVersion {
  minVersion: string;
  maxVersion: string;
  platformVersion: string;
  staticFileTag: string;
  libAlias: string;
}

/** A script the preview serves as a platform library. */
export interface PlatformScript {
  /** The name it is served under: /sandbox/preview/platform/<key>. */
  key: string;
  file: string;
}

export interface ResolvedLibrary {
  name: string;
  alias: string;
  definesGlobal?: string;
  scripts: PlatformScript[];
  /** Whether the library loads Fluent's icon fonts (from iconFont). */
  iconFonts?: true;
}

export interface PlatformLibraries {
  /** The library a manifest declares; throws PlatformLibraryError when it cannot be provided. */
  resolve(name: string, version: string): ResolvedLibrary;
  /** A served script by key, or undefined for any other name. */
  script(key: string): PlatformScript | undefined;
  /** The file of one of Fluent's icon fonts by its name (fabric-icons-….woff), or undefined for any other name. */
  iconFont(name: string): string | undefined;
}

const ICON_FONT = /^fabric-icons(-\d+)?-[0-9a-f]{8}\.woff$/;

export class PlatformLibraryError extends Error {
  override readonly name = 'PlatformLibraryError';
}

const parts = (version: string): number[] => version.split('.').map((part) => Number.parseInt(part, 10) || 0);

export function compareVersions(a: string, b: string): number {
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const within = (version: string, range: PlatformVersion): boolean => compareVersions(version, range.minVersion) >= 0 && compareVersions(version, range.maxVersion) <= 0;

/** Platform libraries from the node_modules the controls package (`packageDir`) resolves. */
export function createPlatformLibraries(packageDir: string): PlatformLibraries {
  const require = createRequire(path.join(packageDir, 'package.json'));
  const scripts = new Map<string, PlatformScript>();

  function locate(specifier: string, purpose: string): string {
    try {
      return require.resolve(specifier);
    } catch {
      throw new PlatformLibraryError(`${specifier} is not installed under ${packageDir} (${purpose}); run npm install.`);
    }
  }

  function versionTable(): Record<string, PlatformVersion[]> {
    const file = locate('pcf-scripts/PlatformLibraryVersions.json', "pcf-scripts' table of platform library versions");
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, PlatformVersion[]>;
  }

  function supported(library: string, version: string): PlatformVersion {
    const candidates = (versionTable()[library] ?? []).filter((range) => within(version, range));
    const best = candidates.sort((a, b) => compareVersions(b.maxVersion, a.maxVersion))[0];
    if (!best) throw new PlatformLibraryError(`The PCF runtime provides no ${library} ${version} (pcf-scripts' PlatformLibraryVersions.json).`);
    return best;
  }

  function served(key: string, file: string): PlatformScript {
    if (!existsSync(file)) throw new PlatformLibraryError(`${file} is missing; run npm install.`);
    const script = { key, file };
    scripts.set(key, script);
    return script;
  }

  function installedVersion(packageName: string): string {
    return (JSON.parse(readFileSync(locate(`${packageName}/package.json`, `the ${packageName} platform library`), 'utf8')) as { version: string }).version;
  }

  function react(version: string): ResolvedLibrary {
    const platform = supported('react', version);
    for (const packageName of ['react', 'react-dom']) {
      const installed = installedVersion(packageName);
      if (!within(installed, platform)) {
        throw new PlatformLibraryError(`The control needs ${packageName} ${platform.platformVersion} as the platform provides it; ${installed} is installed.`);
      }
    }
    const umd = (packageName: string) => path.join(path.dirname(locate(`${packageName}/package.json`, 'a platform library')), 'umd', `${packageName}.production.min.js`);
    return {
      name: 'React',
      alias: platform.libAlias,
      definesGlobal: 'React',
      scripts: [served(`react-${installedVersion('react')}.js`, umd('react')), served(`react-dom-${installedVersion('react-dom')}.js`, umd('react-dom'))],
    };
  }

  function fluent(version: string): ResolvedLibrary {
    const platform = supported('fluent', version);
    if (platform.staticFileTag === '') throw new PlatformLibraryError(`pcf-scripts names no build of Fluent ${platform.platformVersion}.`);
    const file = path.join(path.dirname(locate('pcf-start/package.json', "pcf-start's platform builds of Fluent")), 'lib', `${platform.staticFileTag}.js`);
    return { name: 'Fluent', alias: platform.libAlias, scripts: [served(`${platform.staticFileTag}.js`, file)], iconFonts: true };
  }

  /** Where @fluentui/font-icons-mdl2 keeps its fonts; undefined when it is not installed. */
  function findIconFontsDir(): string | undefined {
    let entry: string;
    try {
      // Found from Fluent's own package, whose dependency it is, wherever npm put it.
      entry = createRequire(locate('@fluentui/react/package.json', 'Fluent')).resolve('@fluentui/font-icons-mdl2');
    } catch {
      return undefined;
    }
    // The package exports only its entry point: its folder is the nearest above it with a package.json.
    for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'fonts');
    }
    return undefined;
  }
  let iconFontsDir: string | undefined | null = null;

  return {
    resolve(name, version) {
      switch (name.toLowerCase()) {
        case 'react':
          return react(version);
        case 'fluent':
          return fluent(version);
        default:
          throw new PlatformLibraryError(`The PCF runtime provides no platform library "${name}".`);
      }
    },
    script: (key) => scripts.get(key),
    iconFont: (name) => {
      if (!ICON_FONT.test(name)) return undefined;
      if (iconFontsDir === null) iconFontsDir = findIconFontsDir();
      const file = iconFontsDir && path.join(iconFontsDir, name);
      return file && existsSync(file) ? file : undefined;
    },
  };
}

/** The libraries of a control in load order (React first: Fluent's builds read window.React and window.ReactDOM). */
export function platformLibraryModels(resolved: ResolvedLibrary[], urls: { script(key: string): string; iconFonts: string }): PlatformLibraryModel[] {
  return [...resolved]
    .sort((a, b) => Number(b.name === 'React') - Number(a.name === 'React'))
    .map((library) => ({
      name: library.name,
      alias: library.alias,
      ...(library.definesGlobal !== undefined ? { definesGlobal: library.definesGlobal } : {}),
      scripts: library.scripts.map((script) => urls.script(script.key)),
      ...(library.iconFonts ? { iconBaseUrl: urls.iconFonts } : {}),
    }));
}
