/**
 * Tells an empty list from a wrong customer number: lists read with RFC_READ_TABLE come back
 * empty either way, so when a list is empty the customer master (KNA1) is read once and an
 * unknown customer becomes SapNotFoundError.
 */

import { alphaOut, customerNumberIn } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import type { RfcSession } from '../rfc.js';
import { readTable, sqlLiteral } from './readTable.js';

export async function assertCustomerExists(session: RfcSession, customerNumber: string): Promise<void> {
  const rows = await readTable(session, { table: 'KNA1', fields: ['KUNNR'], where: [`KUNNR = ${sqlLiteral(customerNumberIn(customerNumber))}`], rowCount: 1 });
  if (rows.length === 0) {
    throw new SapNotFoundError(`Customer ${alphaOut(customerNumberIn(customerNumber))} does not exist in SAP; check the SAP customer number on the account`);
  }
}
