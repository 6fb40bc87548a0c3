/**
 * What CreateMultiple and UpsertMultiple share: the table named twice (entity set in the URL,
 * logical name in each record's @odata.type) and the Targets array, bounded in size.
 */

import { DataverseRequestError } from '../errors.js';
import { assertIdentifier } from '../odataValues.js';

/** Microsoft suggests no more than about 1000 records per bulk request; larger sets are split by the caller, who decides what a partial success means. */
export const MAX_BULK_RECORDS = 1000;

/** A table as bulk messages need it: the entity set in the URL, the logical name in @odata.type. */
export interface BulkTable {
  entitySet: string;
  logicalName: string;
}

export function bulkTargets(table: BulkTable, records: readonly Record<string, unknown>[], message: string): Record<string, unknown>[] {
  assertIdentifier(table.entitySet, 'entity set');
  assertIdentifier(table.logicalName, 'table');
  if (records.length === 0) throw new DataverseRequestError(`${message} needs at least one record.`);
  if (records.length > MAX_BULK_RECORDS) throw new DataverseRequestError(`${message} takes at most ${MAX_BULK_RECORDS} records per request, not ${records.length}; split them.`);
  return records.map((record) => ({ '@odata.type': `Microsoft.Dynamics.CRM.${table.logicalName}`, ...record }));
}
