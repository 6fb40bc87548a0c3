/**
 * One billing document with items, payment status and open balance: the header from
 * BAPI_BILLINGDOC_GETDETAIL (type, category, currency, values, posting status, cancellation),
 * the rest of VBRK (dates, partners, company code, accounting document) and the items (VBRP)
 * with RFC_READ_TABLE, as the BAPI returns neither, and the payer's open items at `asOf`.
 */

import { z } from 'zod';
import type { Invoice } from '../../model/invoice.js';
import { alphaOut, documentNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcSession } from '../rfc.js';
import { structureOf } from '../rfc.js';
import { isoDateInput, todayIso } from './documentListQuery.js';
import { sapKey, validInput } from './inputValidation.js';
import { headerWithDetail, INVOICE_HEADER_FIELDS, INVOICE_ITEM_FIELDS, invoiceOf } from './invoiceMapping.js';
import { PayerOpenItems } from './payerOpenItems.js';
import { readTable, sqlLiteral } from './readTable.js';

/** VF 056 "Billing document … does not exist". */
const NOT_FOUND = { id: 'VF', number: '056' };

const inputSchema = z.strictObject({ invoiceNumber: sapKey(10), asOf: isoDateInput.optional() });

export async function getInvoice(session: RfcSession, invoiceNumber: string, options: { asOf?: string } = {}): Promise<Invoice> {
  const input = validInput(inputSchema, { invoiceNumber, ...options }, 'getInvoice');
  const vbeln = documentNumberIn(input.invoiceNumber);
  const result = await session.call('BAPI_BILLINGDOC_GETDETAIL', { BILLINGDOCUMENT: vbeln });
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => m.id === NOT_FOUND.id && m.number === NOT_FOUND.number)) {
    throw new SapNotFoundError(`Invoice ${alphaOut(vbeln)} does not exist in SAP`, errors);
  }
  if (errors.length > 0) throw new SapBusinessError(`SAP refused invoice ${alphaOut(vbeln)}: ${describeMessages(errors)}`, errors);

  const [vbrk] = await readTable(session, { table: 'VBRK', fields: INVOICE_HEADER_FIELDS, where: [`VBELN = ${sqlLiteral(vbeln)}`], rowCount: 1 });
  if (!vbrk) throw new SapNotFoundError(`Invoice ${alphaOut(vbeln)} does not exist in SAP`);
  const header = headerWithDetail(vbrk, structureOf(result, 'BILLINGDOCUMENTDETAIL'));
  const items = await readTable(session, { table: 'VBRP', fields: INVOICE_ITEM_FIELDS, where: [`VBELN = ${sqlLiteral(vbeln)}`] });
  const openItems = await PayerOpenItems.read(session, [header], input.asOf ?? todayIso());
  return invoiceOf(header, items, openItems.of(header));
}
