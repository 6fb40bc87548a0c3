/**
 * The controls' API types (controls/shared/generated/panelApi.ts) are generated from the gateway's
 * OpenAPI document; this fails when the document changed and the types were not generated again,
 * so a control never compiles against a contract the gateway no longer serves.
 */

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES_PATH, renderApiTypes } from '../controls/scripts/apiTypes.mjs';
import { openApiDocument } from '../gateway/src/api/openapi.js';

describe("the controls' panel API types", () => {
  it('are what openapi-typescript makes of the OpenAPI document the gateway serves now', async () => {
    const committed = await readFile(GENERATED_TYPES_PATH, 'utf8');
    const current = await renderApiTypes(openApiDocument());
    expect(committed, 'controls/shared/generated/panelApi.ts is out of date: run `npm run generate:api -w controls`').toBe(current);
  });
});
