/**
 * Reads one customer with BAPI_CUSTOMER_GETDETAIL2 (address, general data with blocks and
 * deletion flag, company code data when a company code is given) and its e-mail address from ADR6,
 * which the BAPI does not return. A customer SAP does not know, or one not created in the company
 * code, is a SapNotFoundError.
 */

import { z } from 'zod';
import type { Customer } from '../../model/customer.js';
import { customerNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcClient } from '../rfc.js';
import { structureOf } from '../rfc.js';
import { customerOf } from './customerMapping.js';
import { orgKey, sapKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';

const inputSchema = z.strictObject({ customerNumber: sapKey(10), companyCode: orgKey(4).optional() });

/** F2 502: the customer does not exist; F2 503: it exists but not in the company code. */
const NOT_FOUND_NUMBERS = new Set(['502', '503']);

/** The default e-mail address of the customer's own address (not its contact persons'). */
async function emailOf(client: RfcClient, addressNumber: string): Promise<string> {
  if (addressNumber === '') return '';
  const rows = await readTable(client, {
    table: 'ADR6',
    fields: ['CONSNUMBER', 'FLGDEFAULT', 'SMTP_ADDR'],
    where: [`ADDRNUMBER = ${sqlLiteral(addressNumber)}`, "PERSNUMBER = ' '"],
    rowCount: 20,
  });
  const preferred = rows.find((row) => row.FLGDEFAULT === 'X') ?? rows[0];
  return preferred?.SMTP_ADDR ?? '';
}

export async function getCustomer(client: RfcClient, customerNumber: string, options: { companyCode?: string } = {}): Promise<Customer> {
  const input = validInput(inputSchema, { customerNumber, ...options }, 'getCustomer');
  const result = await client.call('BAPI_CUSTOMER_GETDETAIL2', {
    CUSTOMERNO: customerNumberIn(input.customerNumber),
    ...(input.companyCode !== undefined ? { COMPANYCODE: input.companyCode.toUpperCase() } : {}),
  });
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => m.id === 'F2' && NOT_FOUND_NUMBERS.has(m.number))) {
    const where = input.companyCode !== undefined ? ` in company code ${input.companyCode}` : '';
    throw new SapNotFoundError(`Customer ${input.customerNumber} does not exist in SAP${where}`, errors);
  }
  if (errors.length > 0) throw new SapBusinessError(`SAP rejected reading customer ${input.customerNumber}: ${describeMessages(errors)}`, errors);

  const general = structureOf(result, 'CUSTOMERGENERALDETAIL');
  const email = await emailOf(client, String(general.ADDRESS ?? '').trim());
  const company = input.companyCode !== undefined ? structureOf(result, 'CUSTOMERCOMPANYDETAIL') : undefined;
  return customerOf(structureOf(result, 'CUSTOMERADDRESS'), general, company, email);
}
