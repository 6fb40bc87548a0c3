/**
 * UpsertMultiple: POST <entity set>/Microsoft.Dynamics.CRM.UpsertMultiple, each record addressed
 * by "@odata.id": "<entity set>(<alternate key>)" (Dataverse's documented form), created when no
 * record has the key and updated otherwise; on standard tables all or none. Safe to repeat.
 */

import { requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { recordReference, type RecordRef } from '../recordAddress.js';
import { bulkTargets, type BulkTable } from './bulkTable.js';

export interface UpsertItem {
  /** The record's alternate key ({ key: { ecc_customernumber: '…' } }) or id. */
  ref: RecordRef;
  /** The columns to set; the key columns come from `ref`. */
  values: Record<string, unknown>;
}

export async function upsertMultiple(pipeline: DataversePipeline, table: BulkTable, items: readonly UpsertItem[], options: RequestOptions = {}): Promise<void> {
  const records = items.map((item) => ({ ...item.values, '@odata.id': recordReference(table.entitySet, item.ref) }));
  await pipeline.send({
    ...requestOptionsOf(options),
    method: 'POST',
    path: `${table.entitySet}/Microsoft.Dynamics.CRM.UpsertMultiple`,
    operation: `UpsertMultiple ${table.entitySet}`,
    idempotent: true,
    body: { Targets: bulkTargets(table, records, 'UpsertMultiple') },
  });
}
