/**
 * A customer's sales areas with their sales data. BAPI_CUSTOMER_GETSALESAREAS says which sales
 * areas the customer is created in, but returns only their keys; the sales data (currency,
 * payment terms, incoterms, groups, blocks) comes from KNVV through RFC_READ_TABLE. A customer
 * without sales data, or unknown to SAP (the BAPI does not tell them apart: QC160), has none.
 */

import { z } from 'zod';
import type { CustomerSalesArea } from '../../model/customer.js';
import { customerNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError } from '../errors.js';
import type { RfcClient } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { customerSalesAreaOf } from './customerMapping.js';
import { sapKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';

/** A customer is created in a few sales areas; this bounds the KNVV read. */
const MAX_SALES_AREAS = 200;

const SALES_DATA_FIELDS = ['KUNNR', 'VKORG', 'VTWEG', 'SPART', 'WAERS', 'ZTERM', 'INCO1', 'INCO2', 'VSBED', 'KDGRP', 'KONDA', 'PLTYP', 'VKBUR', 'VKGRP', 'AUFSD', 'LIFSD', 'FAKSD'];

const areaKey = (salesOrg: string | number = '', channel: string | number = '', division: string | number = ''): string =>
  [salesOrg, channel, division].map((v) => String(v).trim()).join('/');

export async function getCustomerSalesAreas(client: RfcClient, customerNumber: string): Promise<CustomerSalesArea[]> {
  const { customerNumber: valid } = validInput(z.strictObject({ customerNumber: sapKey(10) }), { customerNumber }, 'getCustomerSalesAreas');
  const kunnr = customerNumberIn(valid);
  const result = await client.call('BAPI_CUSTOMER_GETSALESAREAS', { CUSTOMERNO: kunnr, SALESAREAS: [] });
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => m.id === 'QC' && m.number === '160')) return [];
  if (errors.length > 0) throw new SapBusinessError(`SAP rejected reading the sales areas of customer ${valid}: ${describeMessages(errors)}`, errors);

  const areas = new Set(tableOf(result, 'SALESAREAS').map((row) => areaKey(row.SALESORG, row.DISTRCHANN, row.DIVISION)));
  const salesData = await readTable(client, {
    table: 'KNVV',
    fields: SALES_DATA_FIELDS,
    where: [`KUNNR = ${sqlLiteral(kunnr)}`],
    rowCount: MAX_SALES_AREAS,
  });
  return salesData.filter((row) => areas.has(areaKey(row.VKORG, row.VTWEG, row.SPART))).map(customerSalesAreaOf);
}
