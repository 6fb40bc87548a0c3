/**
 * BAPI_AR_ACC_GETOPENITEMS (function group 3007): a customer's line items in one company code
 * that are open at a key date. Interface confirmed by stechno.net's SE37 page (see
 * reference/sap/signatures); LINEITEMS is BAPI3007_2 (ddic/structures/finance.ts says which of
 * its fields are confirmed). Items posted after the key date are left out and items cleared
 * after it count as open, so the result is the account as it stood on that date.
 *
 * Not modelled: noted items (NOTEDITEMS, BSTAT S) and the secondary-index switch SECINDEX,
 * which only changes how SAP reads, not what it returns. An unknown customer (F2 502) or one
 * without data in the company code (F2 503, the messages BAPI_CUSTOMER_EXISTENCECHECK
 * documents) gets an error in RETURN; one without open items an empty table and RETURN.
 */

import { BAPI3007_2 } from '../ddic/structures/finance.js';
import { BAPIRETURN } from '../ddic/structures/returns.js';
import type { Row } from '../database.js';
import { openItemsAtKeyDate } from '../finance/customerItems.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { message, toBapireturn } from '../messages.js';

const text = (row: Row, field: string): string => String(row[field] ?? '').trim();

/** An open item has no clearing yet on the key date, so CLEAR_DATE and CLR_DOC_NO stay initial. */
function lineItem(row: Row, localCurrency: string): Record<string, string | number> {
  return {
    COMP_CODE: text(row, 'BUKRS'),
    CUSTOMER: text(row, 'KUNNR'),
    SP_GL_IND: text(row, 'UMSKZ'),
    ALLOC_NMBR: text(row, 'ZUONR'),
    FISC_YEAR: text(row, 'GJAHR'),
    DOC_NO: text(row, 'BELNR'),
    ITEM_NUM: text(row, 'BUZEI'),
    PSTNG_DATE: text(row, 'BUDAT'),
    DOC_DATE: text(row, 'BLDAT'),
    ENTRY_DATE: text(row, 'CPUDT'),
    CURRENCY: text(row, 'WAERS'),
    LOC_CURRCY: localCurrency,
    REF_DOC_NO: text(row, 'XBLNR'),
    DOC_TYPE: text(row, 'BLART'),
    DB_CR_IND: text(row, 'SHKZG'),
    LC_AMOUNT: text(row, 'DMBTR'),
    AMT_DOCCUR: text(row, 'WRBTR'),
    ITEM_TEXT: text(row, 'SGTXT'),
    BLINE_DATE: text(row, 'ZFBDT'),
    PMNTTRMS: text(row, 'ZTERM'),
    DSCT_DAYS1: text(row, 'ZBD1T'),
    DSCT_DAYS2: text(row, 'ZBD2T'),
    NETTERMS: text(row, 'ZBD3T'),
    DSCT_PCT1: text(row, 'ZBD1P'),
    DSCT_PCT2: text(row, 'ZBD2P'),
    INV_REF: text(row, 'REBZG'),
    INV_YEAR: text(row, 'REBZJ'),
    INV_ITEM: text(row, 'REBZZ'),
    DUNN_LEVEL: text(row, 'MANST'),
    BILL_DOC: text(row, 'VBELN'),
  };
}

export const BAPI_AR_ACC_GETOPENITEMS = defineFunction({
  name: 'BAPI_AR_ACC_GETOPENITEMS',
  functionGroup: '3007',
  parameters: [
    importing('COMPANYCODE', 'CHAR4', { reference: 'BAPI3007_1-COMP_CODE' }),
    importing('CUSTOMER', 'CHAR10', { reference: 'BAPI3007_1-CUSTOMER' }),
    importing('KEYDATE', 'DATS', { reference: 'BAPI3007-KEY_DATE' }),
    importing('NOTEDITEMS', 'CHAR1', { default: ' ', reference: 'BAPI3007-NTDITMS_RQ' }),
    importing('SECINDEX', 'CHAR1', { default: ' ', reference: 'BAPI3007-SINDEX_RQ' }),
    exporting('RETURN', BAPIRETURN),
    tables('LINEITEMS', BAPI3007_2),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const companyCode = scalar('COMPANYCODE');
    const customer = scalar('CUSTOMER');
    const shown = customer.replace(/^0+(?=.)/, '');
    if (!db.table('KNA1').get({ KUNNR: customer })) return { RETURN: toBapireturn(message('E', 'F2', '502', shown)), LINEITEMS: [] };
    if (!db.table('KNB1').get({ KUNNR: customer, BUKRS: companyCode })) {
      return { RETURN: toBapireturn(message('E', 'F2', '503', shown, companyCode)), LINEITEMS: [] };
    }
    const localCurrency = text(db.table('T001').get({ BUKRS: companyCode }) ?? {}, 'WAERS');
    const items = openItemsAtKeyDate(db, companyCode, customer, scalar('KEYDATE'));
    return { LINEITEMS: items.map((row) => lineItem(row, localCurrency)) };
  },
});
