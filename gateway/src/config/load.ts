/**
 * Loads the configuration: defaults, then the file (ecc365.config.json in the working
 * directory, or the path in ECC365_CONFIG / --config), then environment variables, validated
 * once with the schema. An invalid value stops start-up with a message naming the key, what is
 * wrong, and where the value came from.
 *
 * Environment variables: PORT and HOST for server.port and server.host, LOG_LEVEL for
 * log.level, and any key as ECC365_<SECTION>__<KEY> in upper snake case, "__" between levels:
 * ECC365_SAP__PASSWORD sets sap.password, ECC365_SANDBOX__ECC__LATENCY_MS sets
 * sandbox.ecc.latencyMs. Objects (e.g. ECC365_SAP__CONNECTION for node-rfc) are given as JSON.
 */

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'ecc365.config.json';
const ENV_PREFIX = 'ECC365_';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

type Json = Record<string, unknown>;

const camel = (segment: string): string => segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Objects and lists are given as JSON; everything else stays a string for the schema to convert. */
function parseValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return raw;
  try {
    return JSON.parse(trimmed);
  } catch {
    return raw;
  }
}

function setPath(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const child = node[segment];
    node[segment] = child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {};
    node = node[segment] as Json;
  }
  node[path[path.length - 1]!] = value;
}

/** The configuration overrides found in the environment, with the variable behind each key. */
export function environmentOverrides(env: NodeJS.ProcessEnv): { values: Json; sources: Map<string, string> } {
  const values: Json = {};
  const sources = new Map<string, string>();
  const add = (variable: string, path: string[], raw: string): void => {
    setPath(values, path, parseValue(raw));
    sources.set(path.join('.'), variable);
  };
  if (env.PORT !== undefined && env.PORT !== '') add('PORT', ['server', 'port'], env.PORT);
  if (env.HOST !== undefined && env.HOST !== '') add('HOST', ['server', 'host'], env.HOST);
  if (env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== '') add('LOG_LEVEL', ['log', 'level'], env.LOG_LEVEL);
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(ENV_PREFIX) || variable === 'ECC365_CONFIG' || raw === undefined || raw === '') continue;
    const path = variable.slice(ENV_PREFIX.length).split('__').map(camel);
    if (path.some((segment) => segment === '')) continue;
    add(variable, path, raw);
  }
  return { values, sources };
}

function merge(base: Json, override: Json): Json {
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const existing = result[key];
    result[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && existing !== null && typeof existing === 'object' && !Array.isArray(existing)
        ? merge(existing as Json, value as Json)
        : value;
  }
  return result;
}

export interface LoadedConfig {
  config: Config;
  /** The file read, if any. */
  file: string | undefined;
}

export function loadConfig(options: { file?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const explicit = options.file ?? env.ECC365_CONFIG;
  const file = resolve(options.cwd ?? process.cwd(), explicit ?? DEFAULT_CONFIG_FILE);
  let fromFile: Json = {};
  const fileExists = existsSync(file);
  if (explicit && !fileExists) throw new ConfigError(`Configuration file ${file} does not exist`);
  if (fileExists) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be a JSON object');
      fromFile = parsed as Json;
    } catch (error) {
      throw new ConfigError(`Configuration file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const { values, sources } = environmentOverrides(env);
  const result = configSchema.safeParse(merge(fromFile, values));
  if (!result.success) throw new ConfigError(describeIssues(result.error, sources, fileExists ? file : undefined));
  return { config: result.data, file: fileExists ? file : undefined };
}

function describeIssues(error: z.ZodError, sources: Map<string, string>, file: string | undefined): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path.join('.') || '(top level)';
    const variable = [...sources.entries()].find(([path]) => key === path || key.startsWith(`${path}.`))?.[1];
    const origin = variable ? ` (from environment variable ${variable})` : file ? ` (in ${file})` : '';
    return `  - ${key}: ${issue.message}${origin}`;
  });
  return `Invalid configuration:\n${lines.join('\n')}`;
}
