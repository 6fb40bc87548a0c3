/**
 * Root components of what is packed from a build rather than from the source (the PCF controls,
 * the web resources a build makes): solution.xml gets one for each, by schema name, after the
 * root components of lower types and before those of higher ones, as exports order them. One the
 * source lists but the package does not hold is refused: the import would miss it.
 */

import { UnpackedSolutionError } from './xmlText.js';

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

export function withPackedRootComponents(solutionXml: string, type: number, schemaNames: readonly string[], what: string, file: string): string {
  const listed = [...solutionXml.matchAll(/<RootComponent\b[^>]*>/g)].map((match) => match[0]);
  const listedOfType = listed.filter((tag) => attribute(tag, 'type') === String(type)).map((tag) => attribute(tag, 'schemaName') ?? '');
  const packed = new Set(schemaNames);
  const absent = listedOfType.filter((name) => !packed.has(name));
  if (absent.length > 0) throw new UnpackedSolutionError(file, `lists ${what} the package does not hold: ${absent.join(', ')}`);
  const tags = schemaNames.filter((name) => !listedOfType.includes(name)).map((name) => `<RootComponent type="${type}" schemaName="${name}" behavior="0" />`);
  if (tags.length === 0) return solutionXml;
  const after = listed.find((tag) => Number(attribute(tag, 'type')) > type);
  if (after) {
    const at = solutionXml.indexOf(after);
    const margin = /[ \t]*$/.exec(solutionXml.slice(0, at))![0];
    return `${solutionXml.slice(0, at)}${tags.map((tag) => `${tag}\n${margin}`).join('')}${solutionXml.slice(at)}`;
  }
  const end = solutionXml.indexOf('</RootComponents>');
  if (end < 0) throw new UnpackedSolutionError(file, 'the manifest has no </RootComponents>');
  return `${solutionXml.slice(0, end)}  ${tags.join('\n      ')}\n    ${solutionXml.slice(end)}`;
}
