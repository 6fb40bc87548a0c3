/**
 * BAPI_SALESORDER_GETLIST: a customer's sales documents in a sales organisation, one line per
 * item (SALES_ORDERS, BAPIORDERS), narrowed by document date range (DOCUMENT_DATE /
 * DOCUMENT_DATE_TO), material, customer purchase order (PURCHASE_ORDER: VBAK-BSTNK, 20
 * characters; PURCHASE_ORDER_NUMBER: VBKD-BSTKD, 35) and transaction group (TRANSACTION_GROUP:
 * 0 orders, 1 inquiries, 2 quotations; TVAK-TRVOG). Lines come in document and item order.
 * DOC_STATUS holds the text of the document's overall processing status (VBUK-GBSTK, domain
 * STATV) [unconfirmed: SAP's exact texts]. Interface: SAP's own metadata (SAP/fundamental-tools,
 * salesOrder parameters.yaml) without MATERIAL_LONG and MATERIAL_EVG. Function group 2032
 * [unconfirmed].
 */

import type { Row } from '../database.js';
import { BAPIRETURN } from '../ddic/structures/returns.js';
import { BAPIORDERS, BAPIPAREX } from '../ddic/structures/sales.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { dateOf } from '../salesDocumentRequest.js';
import { isSalesDocumentCategory, SALES_DOCUMENT_CATEGORIES } from '../salesDocuments.js';

/** Texts of domain STATV as SAP's metadata lists them. */
const STATUS_TEXTS: Record<string, string> = { '': 'Not Relevant', A: 'Not yet processed', B: 'Partially processed', C: 'Completely processed' };

export const BAPI_SALESORDER_GETLIST = defineFunction({
  name: 'BAPI_SALESORDER_GETLIST',
  functionGroup: '2032',
  parameters: [
    importing('CUSTOMER_NUMBER', 'CHAR10', { reference: 'BAPI1007-CUSTOMER' }),
    importing('SALES_ORGANIZATION', 'CHAR4', { reference: 'BAPIORDERS-SALES_ORG' }),
    importing('DOCUMENT_DATE', 'DATS', { optional: true, reference: 'BAPIORDERS-DOC_DATE' }),
    importing('DOCUMENT_DATE_TO', 'DATS', { optional: true, reference: 'BAPIORDERS-DOC_DATE' }),
    importing('MATERIAL', 'CHAR18', { optional: true, reference: 'BAPIORDERS-MATERIAL' }),
    importing('PURCHASE_ORDER', 'CHAR20', { optional: true, reference: 'BAPIORDERS-PURCH_NO' }),
    importing('PURCHASE_ORDER_NUMBER', 'CHAR35', { optional: true, reference: 'BAPIORDERS-PURCH_NO_C' }),
    importing('TRANSACTION_GROUP', 'CHAR1', { default: '0', reference: 'BAPIFLAG-BAPIFLAG' }),
    exporting('RETURN', BAPIRETURN),
    tables('SALES_ORDERS', BAPIORDERS),
    tables('EXTENSIONIN', BAPIPAREX, { optional: true }),
    tables('EXTENSIONEX', BAPIPAREX, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const customer = scalar('CUSTOMER_NUMBER').trim();
    const salesOrg = scalar('SALES_ORGANIZATION').trim();
    const from = dateOf(scalar('DOCUMENT_DATE'));
    const to = dateOf(scalar('DOCUMENT_DATE_TO'));
    const material = scalar('MATERIAL').trim();
    const purchaseOrder = scalar('PURCHASE_ORDER').trim();
    const purchaseOrderNumber = scalar('PURCHASE_ORDER_NUMBER').trim();
    const group = scalar('TRANSACTION_GROUP').trim() || '0';
    const name = String(db.table('KNA1').get({ KUNNR: customer })?.NAME1 ?? '');

    const headers = db
      .table('VBAK')
      .select({ KUNNR: customer }, (vbak) => {
        const category = String(vbak.VBTYP);
        if (!isSalesDocumentCategory(category) || SALES_DOCUMENT_CATEGORIES[category].transactionGroup !== group) return false;
        if (vbak.VKORG !== salesOrg) return false;
        const date = String(vbak.AUDAT);
        if ((from && date < from) || (to && date > to)) return false;
        if (purchaseOrder && vbak.BSTNK !== purchaseOrder) return false;
        if (purchaseOrderNumber && db.table('VBKD').get({ VBELN: vbak.VBELN!, POSNR: '000000' })?.BSTKD !== purchaseOrderNumber) return false;
        return true;
      })
      .sort((a, b) => (String(a.VBELN) < String(b.VBELN) ? -1 : 1));

    const lines: Row[] = [];
    for (const vbak of headers) {
      const vbeln = String(vbak.VBELN);
      const status = String(db.table('VBUK').get({ VBELN: vbeln })?.GBSTK ?? '');
      const schedules = db.table('VBEP').select({ VBELN: vbeln });
      const items = db.table('VBAP').select({ VBELN: vbeln }).sort((a, b) => Number(a.POSNR) - Number(b.POSNR));
      for (const item of items) {
        if (material && item.MATNR !== material) continue;
        const schedule = schedules.find((line) => line.POSNR === item.POSNR);
        lines.push({
          SD_DOC: vbeln, ITM_NUMBER: item.POSNR!, MATERIAL: item.MATNR ?? '', SHORT_TEXT: item.ARKTX ?? '', DOC_TYPE: vbak.AUART ?? '',
          DOC_DATE: vbak.AUDAT ?? '', REQ_QTY: item.KWMENG ?? 0, REQ_DATE: schedule?.EDATU ?? '', PURCH_NO: vbak.BSTNK ?? '',
          VALID_FROM: vbak.ANGDT ?? '', VALID_TO: vbak.BNDDT ?? '', BILL_BLOCK: vbak.FAKSK ?? '', DLV_BLOCK: vbak.LIFSK ?? '',
          SOLD_TO: customer, NAME: name, NET_PRICE: item.NETPR ?? 0, COND_P_UNT: item.KPEIN ?? 0, COND_UNIT: item.KMEIN ?? '',
          NET_VAL_HD: vbak.NETWR ?? 0, CURRENCY: vbak.WAERK ?? '', DIVISION: vbak.SPART ?? '', DOC_STATUS: STATUS_TEXTS[status] ?? '',
          SALES_UNIT: item.VRKME ?? '', SALES_ORG: vbak.VKORG ?? '', DISTR_CHAN: vbak.VTWEG ?? '', SHIP_POINT: item.VSTEL ?? '',
          PLANT: item.WERKS ?? '', SALES_GRP: vbak.VKGRP ?? '', SALES_OFF: vbak.VKBUR ?? '',
          PURCH_NO_C: db.table('VBKD').get({ VBELN: vbeln, POSNR: '000000' })?.BSTKD ?? '',
        });
      }
    }
    return { SALES_ORDERS: lines };
  },
});
