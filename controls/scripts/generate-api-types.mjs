/**
 * Writes shared/generated/panelApi.ts from the gateway's OpenAPI document.
 *   npm run generate:api -w controls           the document of the gateway in this repository (built first)
 *   node scripts/generate-api-types.mjs <url>  the document a running gateway serves, e.g. http://127.0.0.1:4365/api/openapi.json
 *   node scripts/generate-api-types.mjs <file> a saved document
 */

import { readFile, writeFile } from 'node:fs/promises';
import { GENERATED_TYPES_PATH, renderApiTypes } from './apiTypes.mjs';

async function readDocument(source) {
  if (source === undefined) {
    const { openApiDocument } = await import('../../gateway/dist/api/openapi.js');
    return { document: openApiDocument(), from: 'gateway/dist/api/openapi.js' };
  }
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return { document: await response.json(), from: source };
  }
  return { document: JSON.parse(await readFile(source, 'utf8')), from: source };
}

const { document, from } = await readDocument(process.argv[2]);
await writeFile(GENERATED_TYPES_PATH, await renderApiTypes(document));
process.stdout.write(`Wrote ${GENERATED_TYPES_PATH.pathname} from ${from}\n`);
