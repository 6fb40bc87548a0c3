/**
 * Structures of the ecc365 add-on (function group /ECC365/PANELS, docs/sap-addon.md). Their
 * fields carry standard table or BAPI structure fields, so each takes the type, length and
 * decimals of the field it is read from (ddic/tables.ts, structures/sales.ts), as the add-on's
 * SE11 definitions refer to the same data elements; CARRIER and CARRIER_NAME are the vendor
 * number (LIFNR, CHAR10) and name (NAME1_GP, CHAR35) of the forwarding agent.
 *
 * The order structures are the rows of BAPISDORDER_GETDETAILEDLIST's tables cut to the fields the
 * orders panel reads (sap/operations/getSalesDocuments.ts), under the BAPI's names; the flow keeps
 * BASE_UOM as well, the unit its quantity REF_QTY refers to.
 */

import { TABLES } from '../tables.js';
import { structure, type FieldDef, type StructureDef } from '../types.js';
import { BAPISDBUSI, BAPISDFLOW, BAPISDHD, BAPISDHDST, BAPISDHEDU, BAPISDIT, BAPISDITST } from './sales.js';

const spec = ({ name, type, length, decimals }: FieldDef): string => `${name}:${type}${length}${decimals > 0 ? `.${decimals}` : ''}`;

/** The specs of a table's or structure's fields, in the order given. */
function fieldsOf(source: StructureDef, names: string[]): string {
  return names
    .map((name) => {
      const field = source.field(name);
      if (!field) throw new Error(`${source.name} has no field ${name}`);
      return spec(field);
    })
    .join(' ');
}

export const ECC365_S_DELIVERY = structure(
  '/ECC365/S_DELIVERY',
  [
    fieldsOf(TABLES.LIKP, ['VBELN', 'LFART', 'VKORG', 'VSTEL', 'KUNNR', 'KUNAG', 'LFDAT', 'WADAT', 'WADAT_IST', 'BTGEW', 'GEWEI', 'BOLNR']),
    fieldsOf(TABLES.VBUK, ['KOSTK', 'WBSTK', 'FKSTK', 'GBSTK']),
    'CARRIER:CHAR10 CARRIER_NAME:CHAR35',
  ].join(' '),
);

export const ECC365_S_DELIVERED_DOC = structure('/ECC365/S_DELIVERED_DOC', `${fieldsOf(TABLES.LIKP, ['VBELN'])} ${fieldsOf(TABLES.LIPS, ['VGBEL'])}`);

export const ECC365_S_INVOICE = structure(
  '/ECC365/S_INVOICE',
  fieldsOf(TABLES.VBRK, ['VBELN', 'FKART', 'VBTYP', 'FKDAT', 'KUNAG', 'KUNRG', 'BUKRS', 'NETWR', 'MWSBK', 'WAERK', 'ZTERM', 'FKSTO', 'RFBSK', 'BELNR', 'GJAHR']),
);

export const ECC365_S_CUSTOMER_BLOCKS = structure('/ECC365/S_CUSTOMER_BLOCKS', fieldsOf(TABLES.KNA1, ['AUFSD', 'LIFSD', 'FAKSD', 'SPERR']));

export const ECC365_S_ORDER_HEADER = structure(
  '/ECC365/S_ORDER_HEADER',
  fieldsOf(BAPISDHD, [
    'DOC_NUMBER', 'SD_DOC_CAT', 'DOC_TYPE', 'SALES_ORG', 'DISTR_CHAN', 'DIVISION', 'SOLD_TO', 'PURCH_NO', 'DOC_DATE', 'REQ_DATE_H',
    'QT_VALID_F', 'QT_VALID_T', 'NET_VAL_HD', 'CURRENCY', 'REC_DATE', 'CREATED_BY', 'REF_DOC', 'DLV_BLOCK', 'BILL_BLOCK',
  ]),
);

export const ECC365_S_ORDER_ITEM = structure(
  '/ECC365/S_ORDER_ITEM',
  fieldsOf(BAPISDIT, [
    'DOC_NUMBER', 'ITM_NUMBER', 'MATERIAL', 'SHORT_TEXT', 'REQ_QTY', 'CUM_CF_QTY', 'SALES_UNIT', 'SALES_QTY1', 'SALES_QTY2', 'NET_VALUE',
    'TAX_AMOUNT', 'NET_PRICE', 'COND_P_UNT', 'CURRENCY', 'PLANT', 'ITEM_CATEG', 'REA_FOR_RE', 'REF_DOC', 'POSNR_VOR',
  ]),
);

export const ECC365_S_ORDER_SCHEDULE = structure('/ECC365/S_ORDER_SCHEDULE', fieldsOf(BAPISDHEDU, ['DOC_NUMBER', 'ITM_NUMBER', 'SCHED_LINE', 'REQ_DATE']));

export const ECC365_S_ORDER_BUSINESS = structure('/ECC365/S_ORDER_BUSINESS', fieldsOf(BAPISDBUSI, ['SD_DOC', 'ITM_NUMBER', 'PURCH_NO_C']));

export const ECC365_S_ORDER_STATUS = structure('/ECC365/S_ORDER_STATUS', fieldsOf(BAPISDHDST, ['SD_DOC', 'PRC_STAT_H', 'DLV_STAT_H', 'OVERALLREJ', 'TOTREFSTAT', 'TOTSTATCCH']));

export const ECC365_S_ORDER_ITEM_STATUS = structure('/ECC365/S_ORDER_ITEM_STATUS', fieldsOf(BAPISDITST, ['SD_DOC', 'ITM_NUMBER', 'DLV_STAT_I', 'REFTOTSTAT']));

export const ECC365_S_ORDER_FLOW = structure(
  '/ECC365/S_ORDER_FLOW',
  fieldsOf(BAPISDFLOW, [
    'SD_DOC', 'PRECSDDOC', 'PREDITDOC', 'SUBSSDDOC', 'SUBSITDOC', 'DOCCATEGOR', 'DOC_CAT_SD', 'REF_QTY', 'BASE_UOM', 'REFERENVAL', 'STATISCURR', 'CREAT_DATE',
  ]),
);
