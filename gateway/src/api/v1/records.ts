/**
 * GET /records/{table}/{id}/sync-results: the record's latest sync results, for the SyncStatus
 * control on any form. The record is read as the rep first (cached briefly), then the results
 * the rep may read.
 */

import { Router } from 'express';
import { recordParamsSchema } from '../../model/panelApi.js';
import type { SyncResultsReader } from '../../panels/syncResults.js';
import { userOf } from './authenticate.js';
import type { RecordAccess } from './recordAccess.js';
import { parsed } from './validation.js';

export interface RecordRoutesOptions {
  syncResults: SyncResultsReader;
  access: RecordAccess<true>;
}

export function recordsRouter(options: RecordRoutesOptions): Router {
  const router = Router();
  router.get('/records/:table/:id/sync-results', async (request, response) => {
    const { table, id } = parsed(recordParamsSchema, request.params, 'path');
    const user = userOf(response);
    await options.access.check(user, table, id, () => options.syncResults.assertReadable(user.objectId, table, id));
    response.json(await options.syncResults.list(user.objectId, table, id));
  });
  return router;
}
