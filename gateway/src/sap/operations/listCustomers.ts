/**
 * Lists customers by number with BAPI_CUSTOMER_GETLIST: the numbers given, a range, a pattern, or
 * all of them, bounded by maxRows. A customer is listed when it matches any of the criteria given.
 * Numbers are converted with ALPHA; a pattern applies to the number as SAP stores it. "No
 * customers found" (F2 718) is an empty list, not an error.
 */

import { z } from 'zod';
import type { Address, Customer } from '../../model/customer.js';
import { isFlagSet } from '../abapValues.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError } from '../errors.js';
import type { RfcClient, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { rowLimit, sapKey, validInput } from './inputValidation.js';

export const MAX_CUSTOMERS_PER_LIST = 1000;

const querySchema = z.strictObject({
  /** Customer numbers as users write them ("1000"). */
  customerNumbers: z.array(sapKey(10)).max(100).optional(),
  /** Both ends included; either may be left out. */
  from: sapKey(10).optional(),
  to: sapKey(10).optional(),
  /** On the number as SAP stores it: * for any characters, + for one ("00000010*"; a numeric number has 10 digits). */
  pattern: sapKey(10).optional(),
  /** Only one-time customers (CPD accounts). */
  oneTimeOnly: z.boolean().optional(),
  maxRows: rowLimit(MAX_CUSTOMERS_PER_LIST),
});

export type CustomerListQuery = z.input<typeof querySchema>;

/** What the list returns of each customer: its number, name and address without e-mail. */
export type CustomerSummary = Pick<Customer, 'customerNumber' | 'name' | 'searchTerm'> & {
  address: Omit<Address, 'email'>;
  oneTimeAccount: boolean;
};

const NOTHING_FOUND = { id: 'F2', number: '718' };

function idRangeOf(query: z.output<typeof querySchema>): RfcStructure[] {
  const rows: RfcStructure[] = (query.customerNumbers ?? []).map((n) => ({ SIGN: 'I', OPTION: 'EQ', LOW: customerNumberIn(n), HIGH: '' }));
  if (query.from !== undefined && query.to !== undefined) rows.push({ SIGN: 'I', OPTION: 'BT', LOW: customerNumberIn(query.from), HIGH: customerNumberIn(query.to) });
  else if (query.from !== undefined) rows.push({ SIGN: 'I', OPTION: 'GE', LOW: customerNumberIn(query.from), HIGH: '' });
  else if (query.to !== undefined) rows.push({ SIGN: 'I', OPTION: 'LE', LOW: customerNumberIn(query.to), HIGH: '' });
  if (query.pattern !== undefined) rows.push({ SIGN: 'I', OPTION: 'CP', LOW: query.pattern, HIGH: '' });
  return rows;
}

export async function listCustomers(client: RfcClient, query: CustomerListQuery): Promise<CustomerSummary[]> {
  const valid = validInput(querySchema, query, 'listCustomers');
  const result = await client.call('BAPI_CUSTOMER_GETLIST', {
    IDRANGE: idRangeOf(valid),
    MAXROWS: valid.maxRows,
    CPDONLY: valid.oneTimeOnly ? 'X' : '',
    ADDRESSDATA: [],
    SPECIALDATA: [],
  });
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => m.id === NOTHING_FOUND.id && m.number === NOTHING_FOUND.number)) return [];
  if (errors.length > 0) throw new SapBusinessError(`SAP rejected the customer list: ${describeMessages(errors)}`, errors);

  const oneTime = new Set(tableOf(result, 'SPECIALDATA').filter((row) => isFlagSet(row.ACC_1_TIME)).map((row) => String(row.CUSTOMER).trim()));
  return tableOf(result, 'ADDRESSDATA').map((row) => {
    const value = (field: string): string => String(row[field] ?? '').trim();
    return {
      customerNumber: alphaOut(value('CUSTOMER')),
      name: value('NAME'),
      searchTerm: value('SORT1'),
      address: {
        street: value('STREET'),
        postalCode: value('POSTL_COD1'),
        city: value('CITY'),
        country: value('COUNTRYISO') || value('COUNTRY'),
        region: value('REGION'),
        phone: value('TEL1_NUMBR'),
        fax: value('FAX_NUMBER'),
      },
      oneTimeAccount: oneTime.has(value('CUSTOMER')),
    };
  });
}
