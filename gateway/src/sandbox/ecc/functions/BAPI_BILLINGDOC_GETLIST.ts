/**
 * BAPI_BILLINGDOC_GETLIST: the billing documents that follow a range of preceding documents
 * (sales orders or deliveries). The interface is not in the stored SE37 references; it is
 * confirmed by SAP's function documentation quoted in the SAP Community
 * (community.sap.com/t5/application-development-and-automation-discussions/bapi-billingdoc-getlist/m-p/2221572:
 * parameters REFDOCRANGE, RETURN, SUCCESS, BILLINGDOCUMENTDETAIL; REF_DOC_RANGE required; item
 * information in SUCCESS, header information in BILLINGDOCUMENTDETAIL; function group VBRK) and by ABAP and JCo callers
 * (REFDOCRANGE is a BAPI_REF_DOC_RANGE structure with SIGN, OPTION, REF_DOC_LOW, REF_DOC_HIGH;
 * RETURN is an exported structure). RETURN's type is not confirmed: BAPIRETURN1, as in
 * BAPI_BILLINGDOC_GETDETAIL.
 *
 * It cannot select by customer; a billing item qualifies when its reference document (VBRP-VGBEL)
 * or its sales order (VBRP-AUBEL) is in the range. Cancellation documents qualify too: they copy
 * the references of the document they cancel.
 */

import type { Row } from '../database.js';
import { BAPI_REF_DOC_RANGE, BAPIVBRKOUT, BAPIVBRKSUCCESS } from '../ddic/structures/billing.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { toBapireturn1 } from '../messages.js';
import { invalidRange, rangeMatcher, rangesOf } from '../selectionRanges.js';
import { billingDocumentOut, isoCurrency } from './billingDocumentOut.js';

const text = (row: Row, field: string): string => String(row[field] ?? '').trim();

export const BAPI_BILLINGDOC_GETLIST = defineFunction({
  name: 'BAPI_BILLINGDOC_GETLIST',
  functionGroup: 'VBRK',
  parameters: [
    importing('REFDOCRANGE', BAPI_REF_DOC_RANGE),
    exporting('RETURN', BAPIRETURN1),
    tables('SUCCESS', BAPIVBRKSUCCESS, { optional: true }),
    tables('BILLINGDOCUMENTDETAIL', BAPIVBRKOUT, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, structure }) => {
    const ranges = rangesOf([structure('REFDOCRANGE')], 'REF_DOC_LOW', 'REF_DOC_HIGH');
    const invalid = invalidRange(ranges);
    if (invalid) return { RETURN: toBapireturn1(invalid), SUCCESS: [], BILLINGDOCUMENTDETAIL: [] };
    const matches = rangeMatcher(ranges);
    const inRange = (value: string): boolean => value !== '' && matches(value);

    const success: Record<string, string | number>[] = [];
    const headers = new Map<string, Row>();
    const items = db.table('VBRP').select({}, (item) => inRange(text(item, 'VGBEL')) || inRange(text(item, 'AUBEL')));
    items.sort((a, b) => `${text(a, 'VBELN')}${text(a, 'POSNR')}`.localeCompare(`${text(b, 'VBELN')}${text(b, 'POSNR')}`));
    for (const item of items) {
      const header = db.table('VBRK').get({ VBELN: item.VBELN ?? '' });
      if (!header) continue;
      headers.set(text(header, 'VBELN'), header);
      const byDelivery = inRange(text(item, 'VGBEL'));
      const net = Number(item.NETWR ?? 0);
      const tax = Number(item.MWSBP ?? 0);
      success.push({
        REF_DOC: byDelivery ? text(item, 'VGBEL') : text(item, 'AUBEL'),
        REF_DOC_ITEM: byDelivery ? text(item, 'VGPOS') : text(item, 'AUPOS'),
        BILL_DOC: text(item, 'VBELN'),
        BILL_DOC_ITEM: text(item, 'POSNR'),
        NET_VALUE: text(header, 'NETWR') || '0',
        TAX_VALUE: text(header, 'MWSBK') || '0',
        CURRENCY: text(header, 'WAERK'),
        CURRENCY_ISO: isoCurrency(text(header, 'WAERK')),
        NET_VALUE_ITEM: net,
        TAX_VALUE_ITEM: tax,
        GRO_VALUE_ITEM: Math.round((net + tax) * 100) / 100,
      });
    }
    return { SUCCESS: success, BILLINGDOCUMENTDETAIL: [...headers.values()].map(billingDocumentOut) };
  },
});
