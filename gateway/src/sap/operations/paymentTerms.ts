/**
 * Payment terms: a customer's key in a company code (KNB1-ZTERM) and the texts of all payment
 * terms in a language (T052U), read with RFC_READ_TABLE. The texts are customizing, the same for
 * every customer and changed by transport: callers read them once and keep them.
 */

import { z } from 'zod';
import { customerNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { languageKey, orgKey, sapKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';

/** Far more payment terms than any installation keeps, times their day-limit lines. */
const MAX_TEXT_ROWS = 10_000;

const termsKeySchema = z.strictObject({ customerNumber: sapKey(10), companyCode: orgKey(4) });

/** The customer's payment terms key in the company code; empty when it has none or is not created there. */
export async function readPaymentTermsKey(session: RfcSession, customerNumber: string, companyCode: string): Promise<string> {
  const input = validInput(termsKeySchema, { customerNumber, companyCode }, 'readPaymentTermsKey');
  const [row] = await readTable(session, {
    table: 'KNB1',
    fields: ['ZTERM'],
    where: [`KUNNR = ${sqlLiteral(customerNumberIn(input.customerNumber))}`, `BUKRS = ${sqlLiteral(input.companyCode.toUpperCase())}`],
    rowCount: 1,
  });
  return row?.ZTERM ?? '';
}

/** Every payment terms key's text in the language; of terms with day limits (ZTAGG), the first line's. */
export async function readPaymentTermsTexts(session: RfcSession, language: string): Promise<Map<string, string>> {
  const spras = validInput(languageKey, language, 'readPaymentTermsTexts');
  const rows = await readTable(session, { table: 'T052U', fields: ['ZTERM', 'ZTAGG', 'TEXT1'], where: [`SPRAS = ${sqlLiteral(spras)}`], rowCount: MAX_TEXT_ROWS });
  const texts = new Map<string, string>();
  for (const row of rows.sort((a, b) => String(a.ZTAGG).localeCompare(String(b.ZTAGG)))) {
    if (!texts.has(row.ZTERM ?? '')) texts.set(row.ZTERM ?? '', row.TEXT1 ?? '');
  }
  return texts;
}
