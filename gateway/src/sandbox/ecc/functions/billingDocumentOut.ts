/**
 * A billing document header (VBRK) as the billing BAPIs hand it out in BAPIVBRKOUT, shared by
 * BAPI_BILLINGDOC_GETLIST and BAPI_BILLINGDOC_GETDETAIL.
 */

import type { Row } from '../database.js';

const text = (row: Row, field: string): string => String(row[field] ?? '').trim();

/**
 * The ISO code of a currency (TCURC-ISOCD). The sandbox only uses ISO 4217 currency keys, for
 * which SAP's key and ISO code are the same.
 */
export const isoCurrency = (currency: string): string => (/^[A-Z]{3}$/.test(currency) ? currency : '');

export function billingDocumentOut(header: Row): Record<string, string> {
  return {
    BILLINGDOC: text(header, 'VBELN'),
    BILL_TYPE: text(header, 'FKART'),
    BILLCATEG: text(header, 'FKTYP'),
    SD_DOC_CAT: text(header, 'VBTYP'),
    CURRENCY: text(header, 'WAERK'),
    CURRENCY_ISO: isoCurrency(text(header, 'WAERK')),
    ACCTSTATUS: text(header, 'RFBSK'),
    NET_VALUE: text(header, 'NETWR') || '0',
    TAX_VALUE: text(header, 'MWSBK') || '0',
    CANCELLED: text(header, 'FKSTO'),
  };
}
