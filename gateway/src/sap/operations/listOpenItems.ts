/**
 * A customer's open items in a company code as they stood at a key date, oldest due date first
 * and bounded in rows, each with its net due date and days overdue at the key date
 * (BAPI_AR_ACC_GETOPENITEMS).
 */

import { z } from 'zod';
import type { OpenItem } from '../../model/invoice.js';
import type { RfcSession } from '../rfc.js';
import { readCustomerOpenItems } from './customerOpenItems.js';
import { isoDateInput } from './documentListQuery.js';
import { orgKey, rowLimit, sapKey, validInput } from './inputValidation.js';

export const DEFAULT_OPEN_ITEMS_PER_LIST = 200;
export const MAX_OPEN_ITEMS_PER_LIST = 1000;

const querySchema = z.strictObject({
  customerNumber: sapKey(10),
  companyCode: orgKey(4),
  keyDate: isoDateInput,
  maxRows: rowLimit(MAX_OPEN_ITEMS_PER_LIST).optional(),
});

const byDueDate = (a: OpenItem, b: OpenItem): number =>
  a.dueDate.localeCompare(b.dueDate) || `${a.fiscalYear}${a.documentNumber.padStart(10, '0')}`.localeCompare(`${b.fiscalYear}${b.documentNumber.padStart(10, '0')}`) || a.lineItem - b.lineItem;

export async function listOpenItems(
  session: RfcSession,
  customerNumber: string,
  companyCode: string,
  keyDate: string,
  options: { maxRows?: number } = {},
): Promise<OpenItem[]> {
  const query = validInput(querySchema, { customerNumber, companyCode, keyDate, ...options }, 'listOpenItems');
  const items = await readCustomerOpenItems(session, query.customerNumber, query.companyCode.toUpperCase(), query.keyDate);
  return items.sort(byDueDate).slice(0, query.maxRows ?? DEFAULT_OPEN_ITEMS_PER_LIST);
}
