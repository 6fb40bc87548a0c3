/**
 * Rows the platform itself writes (its SDK messages and message filters, the system jobs of
 * asynchronous steps): straight into the store, bypassing the checks a caller's request passes
 * (their columns are read-only to callers), with the system columns Dataverse gives every row.
 */

import type { SimulatedDataverse } from '../simulatedDataverse.js';
import type { Row } from '../values.js';

export interface RowAuthor {
  userId: string;
  businessUnitId: string;
}

const timestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Creates or updates a row as the platform; only columns the table has are kept. */
export function writePlatformRow(dataverse: SimulatedDataverse, table: string, id: string, values: Row, author: RowAuthor): void {
  const model = dataverse.model(table);
  const existing = dataverse.store.table(table).get(id);
  const now = timestamp(dataverse.now());
  const user = { id: author.userId, logicalName: 'systemuser' };
  const system: Row = existing ? { modifiedon: now, modifiedby: user } : { createdon: now, createdby: user, modifiedon: now, modifiedby: user };
  if (!existing && model.ownedByPrincipals()) {
    Object.assign(system, { ownerid: user, owninguser: user, owneridtype: 'systemuser', owningbusinessunit: { id: author.businessUnitId, logicalName: 'businessunit' } });
  }
  const row: Row = { ...existing };
  for (const [name, value] of Object.entries({ ...values, ...system, [model.primaryId]: id })) {
    if (model.has(name)) row[name] = value;
  }
  dataverse.store.write(table, id, row, model.keys);
}

export function deletePlatformRow(dataverse: SimulatedDataverse, table: string, id: string): void {
  dataverse.store.delete(table, id, dataverse.model(table).keys);
}
