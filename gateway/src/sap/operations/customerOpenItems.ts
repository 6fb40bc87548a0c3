/**
 * A customer's open items in a company code at a key date (BAPI_AR_ACC_GETOPENITEMS) in the
 * canonical model, with the net due date and the days overdue worked out from each item's
 * baseline date and payment terms days. Shared by the open item list and the invoices, which
 * take their payment status from these items.
 */

import { daysBetween, netDueDate, type OpenItem } from '../../model/invoice.js';
import { fromDats, parseDecimal, toDats } from '../abapValues.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcParameters, RfcSession, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';

/** F2 502 "Debtor does not exist", F2 503 "… has not been created in company code". */
const NOT_FOUND = new Set(['F2502', 'F2503']);

const text = (row: RfcStructure, field: string): string => String(row[field] ?? '').trim();

export function openItemOf(row: RfcStructure, keyDate: string): OpenItem {
  const credit = text(row, 'DB_CR_IND') === 'H';
  const sign = credit ? -1 : 1;
  const baselineDate = fromDats(row.BLINE_DATE);
  const relatedDocument = alphaOut(text(row, 'INV_REF'));
  const dueDate = baselineDate === ''
    ? ''
    : netDueDate(
        baselineDate,
        { discountDays1: parseDecimal(row.DSCT_DAYS1), discountDays2: parseDecimal(row.DSCT_DAYS2), netDays: parseDecimal(row.NETTERMS) },
        { credit, invoiceReference: relatedDocument },
      );
  return {
    companyCode: text(row, 'COMP_CODE'),
    customerNumber: alphaOut(text(row, 'CUSTOMER')),
    documentNumber: alphaOut(text(row, 'DOC_NO')),
    fiscalYear: text(row, 'FISC_YEAR'),
    lineItem: Number(text(row, 'ITEM_NUM') || 0),
    documentType: text(row, 'DOC_TYPE'),
    postingDate: fromDats(row.PSTNG_DATE),
    documentDate: fromDats(row.DOC_DATE),
    baselineDate,
    dueDate,
    amount: sign * parseDecimal(row.AMT_DOCCUR),
    currency: text(row, 'CURRENCY'),
    amountInLocalCurrency: sign * parseDecimal(row.LC_AMOUNT),
    localCurrency: text(row, 'LOC_CURRCY'),
    reference: text(row, 'REF_DOC_NO'),
    invoiceNumber: alphaOut(text(row, 'BILL_DOC')),
    relatedDocument,
    relatedFiscalYear: relatedDocument === '' ? '' : text(row, 'INV_YEAR'),
    paymentTerms: text(row, 'PMNTTRMS'),
    daysOverdue: credit || dueDate === '' ? 0 : Math.max(0, daysBetween(dueDate, keyDate)),
  };
}

/** The open items at `keyDate` (ISO); SapNotFoundError when the customer is not in the company code. */
export async function readCustomerOpenItems(session: RfcSession, customerNumber: string, companyCode: string, keyDate: string): Promise<OpenItem[]> {
  const result = await session.call('BAPI_AR_ACC_GETOPENITEMS', {
    COMPANYCODE: companyCode,
    CUSTOMER: customerNumberIn(customerNumber),
    KEYDATE: toDats(keyDate),
    LINEITEMS: [],
  });
  return openItemsIn(result, customerNumber, companyCode, keyDate);
}

/**
 * The open items in a result with BAPI_AR_ACC_GETOPENITEMS's RETURN and its items in `table`
 * (LINEITEMS); SapNotFoundError as readCustomerOpenItems.
 */
export function openItemsIn(result: RfcParameters, customerNumber: string, companyCode: string, keyDate: string, table = 'LINEITEMS'): OpenItem[] {
  const errors = returnMessages(result).filter(isErrorMessage);
  if (errors.some((m) => NOT_FOUND.has(`${m.id}${m.number}`))) {
    throw new SapNotFoundError(`Customer ${alphaOut(customerNumberIn(customerNumber))} has no accounting data in company code ${companyCode}: ${describeMessages(errors)}`, errors);
  }
  if (errors.length > 0) throw new SapBusinessError(`SAP refused the open items of customer ${alphaOut(customerNumberIn(customerNumber))}: ${describeMessages(errors)}`, errors);
  return tableOf(result, table).map((row) => openItemOf(row, keyDate));
}
