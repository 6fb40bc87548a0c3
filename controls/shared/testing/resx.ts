/** A control's .resx strings as Dynamics 365 would serve them through context.resources.getString. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTROLS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function resxPath(control: string, languageId: number): string {
  return path.join(CONTROLS_ROOT, control, 'strings', `${control}.${languageId}.resx`);
}

export function loadResx(control: string, languageId: number): Record<string, string> {
  const document = new DOMParser().parseFromString(readFileSync(resxPath(control, languageId), 'utf8'), 'application/xml');
  const strings: Record<string, string> = {};
  for (const data of Array.from(document.getElementsByTagName('data'))) {
    const name = data.getAttribute('name');
    const value = data.getElementsByTagName('value')[0]?.textContent;
    if (name !== null && value !== undefined && value !== null) strings[name] = value;
  }
  return strings;
}

/** The control's strings typed as its view expects them, read from the real .resx file. */
export function stringsOf<Key extends string>(control: string, keys: readonly Key[], languageId = 1033): Readonly<Record<Key, string>> {
  const resx = loadResx(control, languageId);
  return Object.fromEntries(keys.map((key) => [key, resx[key] ?? key])) as Record<Key, string>;
}
