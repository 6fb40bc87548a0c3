/**
 * A customer's central blocks (KNA1, read with RFC_READ_TABLE): order, delivery and billing
 * blocks are reason codes (any value blocks); the posting block is a flag. An unknown customer
 * reads as unblocked: callers that must tell it apart check the customer first.
 */

import type { CustomerBlocks } from '../../model/customer.js';
import { isFlagSet } from '../abapValues.js';
import { customerNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { readTable, sqlLiteral } from './readTable.js';

export async function readCustomerBlocks(session: RfcSession, customerNumber: string): Promise<CustomerBlocks> {
  const [row] = await readTable(session, {
    table: 'KNA1',
    fields: ['AUFSD', 'LIFSD', 'FAKSD', 'SPERR'],
    where: [`KUNNR = ${sqlLiteral(customerNumberIn(customerNumber))}`],
    rowCount: 1,
  });
  return customerBlocksOf(row);
}

/** The blocks in a customer's KNA1 fields AUFSD, LIFSD, FAKSD and SPERR; none without a row. */
export function customerBlocksOf(row: Partial<Record<'AUFSD' | 'LIFSD' | 'FAKSD' | 'SPERR', string>> | undefined): CustomerBlocks {
  return { order: Boolean(row?.AUFSD), delivery: Boolean(row?.LIFSD), billing: Boolean(row?.FAKSD), posting: isFlagSet(row?.SPERR) };
}
