/**
 * An environment variable of a solution as Dataverse resolves it: the environment's value
 * (environmentvariablevalue, through the definition's environmentvariabledefinition_environmentvariablevalue
 * relationship) when one is set, else the definition's default value; undefined when the
 * environment has no such definition or neither is set.
 */

import type { DataverseClient } from './client.js';
import { eq } from './filter.js';

const DEFINITIONS = 'environmentvariabledefinitions';
const VALUES = 'environmentvariabledefinition_environmentvariablevalue';

type Row = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export async function readEnvironmentVariable(dataverse: DataverseClient, schemaName: string): Promise<string | undefined> {
  const { rows } = await dataverse
    .retrieveMultiple<Row>(DEFINITIONS, { select: ['schemaname', 'defaultvalue'], filter: eq('schemaname', schemaName), expand: [{ navigation: VALUES, select: ['value'] }] }, { maxRows: 1 })
    .collect();
  const definition = rows[0];
  if (!definition) return undefined;
  const values = Array.isArray(definition[VALUES]) ? (definition[VALUES] as Row[]) : [];
  const current = values.map((row) => text(row.value)).find((value) => value !== '');
  const value = current ?? text(definition.defaultvalue);
  return value === '' ? undefined : value;
}
