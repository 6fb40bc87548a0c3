/**
 * A customer's partner functions (KNVP) in all its sales areas or one, read with RFC_READ_TABLE:
 * sold-to, ship-to, bill-to, payer, contact persons and any other function, with SAP's internal
 * code kept beside the canonical role. RFC_READ_TABLE runs no conversion exit, so the codes are
 * the internal ones (AG, WE, RE, RG, AP) whatever the logon language.
 */

import { z } from 'zod';
import type { PartnerFunction, SalesArea } from '../../model/customer.js';
import { customerNumberIn } from '../alpha.js';
import type { RfcClient } from '../rfc.js';
import { partnerFunctionOf } from './customerMapping.js';
import { orgKey, sapKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';

const MAX_PARTNER_FUNCTIONS = 2000;

const inputSchema = z.strictObject({
  customerNumber: sapKey(10),
  salesArea: z.strictObject({ salesOrganization: orgKey(4), distributionChannel: orgKey(2), division: orgKey(2) }).optional(),
});

export async function listPartnerFunctions(client: RfcClient, customerNumber: string, salesArea?: SalesArea): Promise<PartnerFunction[]> {
  const input = validInput(inputSchema, { customerNumber, salesArea }, 'listPartnerFunctions');
  const where = [`KUNNR = ${sqlLiteral(customerNumberIn(input.customerNumber))}`];
  if (input.salesArea) {
    where.push(
      `VKORG = ${sqlLiteral(input.salesArea.salesOrganization.toUpperCase())}`,
      `VTWEG = ${sqlLiteral(input.salesArea.distributionChannel.toUpperCase())}`,
      `SPART = ${sqlLiteral(input.salesArea.division.toUpperCase())}`,
    );
  }
  const rows = await readTable(client, {
    table: 'KNVP',
    fields: ['KUNNR', 'VKORG', 'VTWEG', 'SPART', 'PARVW', 'PARZA', 'KUNN2', 'LIFNR', 'PERNR', 'PARNR'],
    where,
    rowCount: MAX_PARTNER_FUNCTIONS,
  });
  return rows.map(partnerFunctionOf);
}
