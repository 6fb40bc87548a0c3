/**
 * CreateMultiple: POST <entity set>/Microsoft.Dynamics.CRM.CreateMultiple with the records as
 * Targets, each carrying "@odata.type": "Microsoft.Dynamics.CRM.<logical name>". On standard
 * tables all records are created or none. Returns the new ids in the order of the records. Not
 * safe to repeat after a lost answer.
 */

import { DataverseResponseError } from '../errors.js';
import { readJson, requestOptionsOf, type DataversePipeline, type RequestOptions } from '../pipeline.js';
import { bulkTargets, type BulkTable } from './bulkTable.js';

export async function createMultiple(pipeline: DataversePipeline, table: BulkTable, records: readonly Record<string, unknown>[], options: RequestOptions = {}): Promise<string[]> {
  const operation = `CreateMultiple ${table.entitySet}`;
  const response = await pipeline.send({
    ...requestOptionsOf(options),
    method: 'POST',
    path: `${table.entitySet}/Microsoft.Dynamics.CRM.CreateMultiple`,
    operation,
    idempotent: false,
    body: { Targets: bulkTargets(table, records, 'CreateMultiple') },
  });
  const ids = readJson<{ Ids?: unknown }>(response, operation).Ids;
  if (!Array.isArray(ids) || ids.length !== records.length || !ids.every((id) => typeof id === 'string')) {
    throw new DataverseResponseError(`Dataverse answered ${operation} without one id per record.`, { status: response.status });
  }
  return ids.map((id) => id.toLowerCase());
}
