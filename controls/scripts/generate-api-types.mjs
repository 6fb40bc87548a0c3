/**
 * Writes shared/generated/panelApi.ts from the gateway's OpenAPI document.
 *   node scripts/generate-api-types.mjs [url-or-file]
 * Without an argument it reads http://127.0.0.1:4365/api/openapi.json (the gateway `npm start` runs).
 */

import { readFile, writeFile } from 'node:fs/promises';
import { GENERATED_TYPES_PATH, renderApiTypes } from './apiTypes.mjs';

const source = process.argv[2] ?? 'http://127.0.0.1:4365/api/openapi.json';

async function readDocument(from) {
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(from, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${from} answered ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(from, 'utf8'));
}

const document = await readDocument(source);
await writeFile(GENERATED_TYPES_PATH, await renderApiTypes(document));
process.stdout.write(`Wrote ${GENERATED_TYPES_PATH.pathname} from ${source}\n`);
