/**
 * The schema names a packed solution defines: tables, columns, option sets (global and of a
 * column), relationships, alternate keys, environment variables and root components. Microsoft's
 * schema cannot say that a name must not start with `crm_` (a prefix Dataverse keeps for itself,
 * so a publisher may not use it); namesWithReservedPrefix finds the names that do.
 */

import { strFromU8, unzipSync } from 'fflate';

export type NameKind = 'table' | 'column' | 'option set' | 'relationship' | 'alternate key' | 'environment variable' | 'root component';

export interface DefinedName {
  kind: NameKind;
  name: string;
}

export const RESERVED_PREFIX = 'crm_';

const ENVIRONMENT_VARIABLE_FILE = /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/;

const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((match) => match[1]!.trim());
const child = (element: string, name: string): string[] => all(element, new RegExp(`<${name}>([^<]*)</${name}>`, 'g'));

function customizationNames(customizations: string): DefinedName[] {
  const names: DefinedName[] = [];
  const add = (kind: NameKind, values: string[]) => names.push(...values.map((name) => ({ kind, name })));
  add('table', all(customizations, /<entity\s+Name="([^"]+)"/g));
  add('table', all(customizations, /<Entity>\s*<Name\b[^>]*>([^<]+)<\/Name>/g));
  for (const [, physicalName, body] of customizations.matchAll(/<attribute\s+PhysicalName="([^"]+)"[^>]*>([\s\S]*?)<\/attribute>/g)) {
    add('column', [physicalName!, ...child(body!, 'Name'), ...child(body!, 'LogicalName')]);
  }
  add('option set', all(customizations, /<optionset\s+Name="([^"]+)"/g));
  add('relationship', all(customizations, /<EntityRelationship\s+Name="([^"]+)"/g));
  for (const [, body] of customizations.matchAll(/<EntityKey>([\s\S]*?)<\/EntityKey>/g)) {
    add('alternate key', [...child(body!, 'Name'), ...child(body!, 'LogicalName')]);
  }
  return names;
}

/** Every schema name the zip's customizations.xml, solution.xml and environment variable definitions define, once per kind. */
export function definedNames(zip: Uint8Array): DefinedName[] {
  const files = unzipSync(zip);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const names = [
    ...customizationNames(text('customizations.xml')),
    ...all(text('solution.xml'), /<RootComponent\b[^>]*\bschemaName="([^"]+)"/g).map((name) => ({ kind: 'root component' as const, name })),
    ...Object.keys(files)
      .filter((file) => ENVIRONMENT_VARIABLE_FILE.test(file))
      .flatMap((file) => all(text(file), /<environmentvariabledefinition\b[^>]*\bschemaname="([^"]+)"/g))
      .map((name) => ({ kind: 'environment variable' as const, name })),
  ];
  const seen = new Set<string>();
  return names.filter(({ kind, name }) => {
    const key = `${kind}\u0000${name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The names that start with the prefix Dataverse reserves (any letter case). */
export const namesWithReservedPrefix = (zip: Uint8Array): DefinedName[] =>
  definedNames(zip).filter(({ name }) => name.toLowerCase().startsWith(RESERVED_PREFIX));
