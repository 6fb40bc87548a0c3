/**
 * BAPISDORDER_GETDETAILEDLIST: reads sales documents by number (SALES_DOCUMENTS) and returns the
 * parts I_BAPI_VIEW asks for with an "X": HEADER (VBAK), ITEM (VBAP), SDSCHEDULE (VBEP),
 * BUSINESS (VBKD), PARTNER (VBPA), SDCOND (KONV), STATUS_H (VBUK), STATUS_I (VBUP) and FLOW
 * (VBFA, preceding and subsequent documents). Unknown numbers are skipped; the BAPI has no
 * RETURN. Interface: SAP's own metadata (SAP/fundamental-tools, salesOrder parameters.yaml);
 * the mapping of status fields follows the data elements' default component names (e.g. FKSTK's
 * is BILLSTATUS). Function group BAPISDORDER [unconfirmed].
 */

import type { Database, Row } from '../database.js';
import {
  BAPICCARDM, BAPICONDHD, BAPICONDIT, BAPICONDQS, BAPICONDVS, BAPICUBLBM, BAPICUCFGM, BAPICUINSM, BAPICUPRTM, BAPICUREFM,
  BAPICUVALM, BAPICUVKM, BAPIPAREX, BAPISDBPL, BAPISDBPLD, BAPISDBUSI, BAPISDCNTR, BAPISDCOAD, BAPISDCOND, BAPISDFLOW,
  BAPISDHD, BAPISDHDST, BAPISDHEDU, BAPISDIT, BAPISDITST, BAPISDPART, BAPISDTEHD, BAPITEXTLI, ORDER_VIEW, SALES_KEY,
} from '../ddic/structures/sales.js';
import { defineFunction, importing, tables, type StructureValue } from '../functionModule.js';
import { rateOfStored } from '../pricing.js';
import { isSalesDocumentCategory, SALES_DOCUMENT_CATEGORIES } from '../salesDocuments.js';

const str = (value: string | number | undefined): string => String(value ?? '');

function header(db: Database, vbak: Row): Row {
  const category = str(vbak.VBTYP);
  const creditArea = str(vbak.KKBER);
  return {
    DOC_NUMBER: vbak.VBELN!, REC_DATE: vbak.ERDAT ?? '', REC_TIME: vbak.ERZET ?? '', CREATED_BY: vbak.ERNAM ?? '',
    QT_VALID_F: vbak.ANGDT ?? '', QT_VALID_T: vbak.BNDDT ?? '', DOC_DATE: vbak.AUDAT ?? '', SD_DOC_CAT: category,
    TRAN_GROUP: isSalesDocumentCategory(category) ? SALES_DOCUMENT_CATEGORIES[category].transactionGroup : '', DOC_TYPE: vbak.AUART ?? '',
    ORD_REASON: vbak.AUGRU ?? '', DLV_BLOCK: vbak.LIFSK ?? '', BILL_BLOCK: vbak.FAKSK ?? '', NET_VAL_HD: vbak.NETWR ?? 0,
    CURRENCY: vbak.WAERK ?? '', SALES_ORG: vbak.VKORG ?? '', DISTR_CHAN: vbak.VTWEG ?? '', DIVISION: vbak.SPART ?? '',
    SALES_GRP: vbak.VKGRP ?? '', SALES_OFF: vbak.VKBUR ?? '', CONDITIONS: vbak.KNUMV ?? '', REQ_DATE_H: vbak.VDATU ?? '',
    SD_PRIC_PR: 'RVAA01', PURCH_NO: vbak.BSTNK ?? '', PURCH_DATE: vbak.BSTDK ?? '', SOLD_TO: vbak.KUNNR ?? '', CH_ON: vbak.AEDAT ?? '',
    C_CTR_AREA: creditArea, CRED_ACCNT: vbak.KNKLI ?? '', CURR_CRED: creditArea ? db.table('T014').get({ KKBER: creditArea })?.WAERS ?? '' : '',
    REF_DOC: vbak.VGBEL ?? '', DOC_CAT_SD: vbak.VGTYP ?? '', COMP_CODE: db.table('TVKO').get({ VKORG: str(vbak.VKORG) })?.BUKRS ?? '',
  };
}

function items(db: Database, vbeln: string): Row[] {
  const schedules = db.table('VBEP').select({ VBELN: vbeln });
  return db.table('VBAP').select({ VBELN: vbeln }).map((item) => {
    const lines = schedules.filter((line) => line.POSNR === item.POSNR);
    const requested = lines.reduce((sum, line) => sum + Number(line.WMENG), 0);
    const confirmed = lines.reduce((sum, line) => sum + Number(line.BMENG), 0);
    const factor = (Number(item.UMVKZ) || 1) / (Number(item.UMVKN) || 1);
    const delivers = str(item.PSTYV) === 'TAN';
    return {
      DOC_NUMBER: vbeln, ITM_NUMBER: item.POSNR!, MATERIAL: item.MATNR ?? '', MAT_ENTRD: item.MATNR ?? '', MATL_GROUP: item.MATKL ?? '',
      SHORT_TEXT: item.ARKTX ?? '', ITEM_CATEG: item.PSTYV ?? '', REL_FOR_DE: delivers ? 'X' : '', REL_FOR_BI: delivers ? 'A' : '',
      REA_FOR_RE: item.ABGRU ?? '', BASE_UOM: item.MEINS ?? '', DIVISION: item.SPART ?? '', NET_VALUE: item.NETWR ?? 0, CURRENCY: item.WAERK ?? '',
      REQ_QTY: item.KWMENG ?? 0, CUM_REQ_DE: requested, CUM_CF_QTY: confirmed, CUM_CON_QU: confirmed * factor, SALES_UNIT: item.VRKME ?? '',
      SALES_QTY1: item.UMVKZ ?? 1, SALES_QTY2: item.UMVKN ?? 1, REF_DOC: item.VGBEL ?? '', POSNR_VOR: item.VGPOS ?? '',
      PREC_DOC: item.VGBEL ? 'X' : '', PLANT: item.WERKS ?? '', SHIP_POINT: item.VSTEL ?? '', CREAT_DATE: item.ERDAT ?? '',
      CREATED_BY: item.ERNAM ?? '', REC_TIME: item.ERZET ?? '', NET_PRICE: item.NETPR ?? 0, COND_P_UNT: item.KPEIN ?? 0,
      COND_UNIT: item.KMEIN ?? '', SUBTOT_PP1: item.KZWI1 ?? 0, SUBTOT_PP2: item.KZWI2 ?? 0, SUBTOT_PP3: item.KZWI3 ?? 0,
      SUBTOT_PP4: item.KZWI4 ?? 0, SUBTOT_PP5: item.KZWI5 ?? 0, SUBTOT_PP6: item.KZWI6 ?? 0, CREDPRICIT: item.CMPRE ?? 0,
      TAX_AMOUNT: item.MWSBP ?? 0,
    };
  });
}

function schedules(db: Database, vbeln: string): Row[] {
  const units = new Map(db.table('VBAP').select({ VBELN: vbeln }).map((item) => [item.POSNR, item]));
  return db.table('VBEP').select({ VBELN: vbeln }).map((line) => {
    const item = units.get(line.POSNR) ?? {};
    const factor = (Number(item.UMVKZ) || 1) / (Number(item.UMVKN) || 1);
    return {
      DOC_NUMBER: vbeln, ITM_NUMBER: line.POSNR!, SCHED_LINE: line.ETENR!, SCHED_TYPE: line.ETTYP ?? '', REQ_DATE: line.EDATU ?? '',
      REQ_QTY: line.WMENG ?? 0, CONFIR_QTY: line.BMENG ?? 0, SALES_UNIT: line.VRKME ?? '', REQ_QTY1: Number(line.WMENG) * factor,
      BASE_UOM: item.MEINS ?? '', REQ_DLV_BL: line.LIFSP ?? '', SALESQTYNR: item.UMVKZ ?? 1, SALESQTYDE: item.UMVKN ?? 1,
    };
  });
}

function conditions(db: Database, vbak: Row): Row[] {
  return db.table('KONV').select({ KNUMV: str(vbak.KNUMV) }).map((row) => ({
    SD_DOC: vbak.VBELN!, CONDIT_NO: row.KNUMV!, ITM_NUMBER: row.KPOSN!, COND_ST_NO: row.STUNR!, COND_COUNT: row.ZAEHK!,
    APPLICATIO: row.KAPPL ?? 'V', COND_TYPE: row.KSCHL ?? '', CONPRICDAT: row.KDATU ?? '', CALCTYPCON: row.KRECH ?? '',
    CONBASEVAL: row.KAWRT ?? 0, SDCURRENCY: vbak.WAERK ?? '', COND_VALUE: rateOfStored(str(row.KRECH), Number(row.KBETR)),
    CURRENCY: row.WAERS ?? '', COND_P_UNT: row.KPEIN ?? 0, COND_D_UNT: row.KMEIN ?? '', CONDTYPE: str(row.KSCHL) === 'MWST' ? 'D' : '',
    STAT_CON: row.KSTAT ?? '', CONDORIGIN: row.KHERK ?? '', COND_NO: row.KNUMH ?? '', TAX_CODE: row.MWSK1 ?? '', CONDVALUE: row.KWERT ?? 0,
    CONDISACTI: row.KINAK ?? '', CONDCLASS: row.KOAID ?? '',
  }));
}

function statusHeader(vbuk: Row, vbak: Row): Row {
  const credit = str(vbuk.CMGST);
  return {
    SD_DOC: vbuk.VBELN!, REFDOCHDST: vbuk.RFSTK ?? '', TOTREFSTAT: vbuk.RFGSK ?? '', DELIV_STAT: vbuk.LFSTK ?? '', DLV_STAT_H: vbuk.LFGSK ?? '',
    TOTGOODSMV: vbuk.WBSTK ?? '', BILLSTATUS: vbuk.FKSTK ?? '', BILLINGSTA: vbuk.FKSAK ?? '', ACCOUNTSTA: vbuk.BUCHK ?? '',
    OVERALLREJ: vbuk.ABSTK ?? '', PRC_STAT_H: vbuk.GBSTK ?? '', OVERALLPIC: vbuk.KOSTK ?? '', GENINCOMHD: vbuk.UVALL ?? '',
    SD_DOC_CAT: vbuk.VBTYP ?? '', STATSTACLC: credit, TOTSTATCCH: credit,
    TODELBLOST: vbak.LIFSK ? 'C' : '', TOBILBLOST: vbak.FAKSK ? 'C' : '', TOBLOCKSTA: vbak.LIFSK || vbak.FAKSK ? 'C' : '',
  };
}

const statusItem = (vbup: Row): Row => ({
  SD_DOC: vbup.VBELN!, ITM_NUMBER: vbup.POSNR!, REFERNSTAT: vbup.RFSTA ?? '', REFTOTSTAT: vbup.RFGSA ?? '', DELIV_STAT: vbup.LFSTA ?? '',
  DLV_STAT_I: vbup.LFGSA ?? '', GOODSMVSTA: vbup.WBSTA ?? '', BILLSTATHD: vbup.FKSTA ?? '', BILLSTATIT: vbup.FKSAA ?? '',
  REJSTATIT: vbup.ABSTA ?? '', OVRPROCSTA: vbup.GBSTA ?? '', PICKINGSTA: vbup.KOSTA ?? '',
});

function flows(db: Database, vbeln: string): Row[] {
  const flow = db.table('VBFA');
  const rows = [...flow.select({ VBELN: vbeln }), ...flow.select({ VBELV: vbeln })];
  return rows.map((row) => ({
    SD_DOC: vbeln, PRECSDDOC: row.VBELV!, PREDITDOC: row.POSNV!, SUBSSDDOC: row.VBELN!, SUBSITDOC: row.POSNN!, DOCCATEGOR: row.VBTYP_N!,
    REF_QTY: row.RFMNG ?? 0, BASE_UOM: row.MEINS ?? '', REFERENVAL: row.RFWRT ?? 0, STATISCURR: row.WAERS ?? '', DOC_CAT_SD: row.VBTYP_V ?? '',
    CREAT_DATE: row.ERDAT ?? '', REC_TIME: row.ERZET ?? '',
  }));
}

export const BAPISDORDER_GETDETAILEDLIST = defineFunction({
  name: 'BAPISDORDER_GETDETAILEDLIST',
  functionGroup: 'BAPISDORDER',
  parameters: [
    importing('I_BAPI_VIEW', ORDER_VIEW),
    importing('I_MEMORY_READ', 'CHAR1', { optional: true, reference: 'ORDER_READ-MEM_ACCESS' }),
    importing('I_WITH_HEADER_CONDITIONS', 'CHAR1', { default: ' ', reference: 'XFELD' }),
    tables('SALES_DOCUMENTS', SALES_KEY),
    tables('ORDER_HEADERS_OUT', BAPISDHD, { optional: true }),
    tables('ORDER_ITEMS_OUT', BAPISDIT, { optional: true }),
    tables('ORDER_SCHEDULES_OUT', BAPISDHEDU, { optional: true }),
    tables('ORDER_BUSINESS_OUT', BAPISDBUSI, { optional: true }),
    tables('ORDER_PARTNERS_OUT', BAPISDPART, { optional: true }),
    tables('ORDER_ADDRESS_OUT', BAPISDCOAD, { optional: true }),
    tables('ORDER_STATUSHEADERS_OUT', BAPISDHDST, { optional: true }),
    tables('ORDER_STATUSITEMS_OUT', BAPISDITST, { optional: true }),
    tables('ORDER_CONDITIONS_OUT', BAPISDCOND, { optional: true }),
    tables('ORDER_COND_HEAD', BAPICONDHD, { optional: true }),
    tables('ORDER_COND_ITEM', BAPICONDIT, { optional: true }),
    tables('ORDER_COND_QTY_SCALE', BAPICONDQS, { optional: true }),
    tables('ORDER_COND_VAL_SCALE', BAPICONDVS, { optional: true }),
    tables('ORDER_CONTRACTS_OUT', BAPISDCNTR, { optional: true }),
    tables('ORDER_TEXTHEADERS_OUT', BAPISDTEHD, { optional: true }),
    tables('ORDER_TEXTLINES_OUT', BAPITEXTLI, { optional: true }),
    tables('ORDER_FLOWS_OUT', BAPISDFLOW, { optional: true }),
    tables('ORDER_CFGS_CUREFS_OUT', BAPICUREFM, { optional: true }),
    tables('ORDER_CFGS_CUCFGS_OUT', BAPICUCFGM, { optional: true }),
    tables('ORDER_CFGS_CUINS_OUT', BAPICUINSM, { optional: true }),
    tables('ORDER_CFGS_CUPRTS_OUT', BAPICUPRTM, { optional: true }),
    tables('ORDER_CFGS_CUVALS_OUT', BAPICUVALM, { optional: true }),
    tables('ORDER_CFGS_CUBLBS_OUT', BAPICUBLBM, { optional: true }),
    tables('ORDER_CFGS_CUVKS_OUT', BAPICUVKM, { optional: true }),
    tables('ORDER_BILLINGPLANS_OUT', BAPISDBPL, { optional: true }),
    tables('ORDER_BILLINGDATES_OUT', BAPISDBPLD, { optional: true }),
    tables('ORDER_CREDITCARDS_OUT', BAPICCARDM, { optional: true }),
    tables('EXTENSIONOUT', BAPIPAREX, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, structure, table }) => {
    const view: StructureValue = structure('I_BAPI_VIEW');
    const wants = (part: string): boolean => view[part] === 'X';
    const out: Record<string, Row[]> = {
      ORDER_HEADERS_OUT: [], ORDER_ITEMS_OUT: [], ORDER_SCHEDULES_OUT: [], ORDER_BUSINESS_OUT: [], ORDER_PARTNERS_OUT: [],
      ORDER_STATUSHEADERS_OUT: [], ORDER_STATUSITEMS_OUT: [], ORDER_CONDITIONS_OUT: [], ORDER_FLOWS_OUT: [],
    };
    const seen = new Set<string>();
    for (const key of table('SALES_DOCUMENTS')) {
      const vbeln = str(key.VBELN);
      const vbak = db.table('VBAK').get({ VBELN: vbeln });
      if (!vbak || seen.has(vbeln)) continue;
      seen.add(vbeln);
      if (wants('HEADER')) out.ORDER_HEADERS_OUT!.push(header(db, vbak));
      if (wants('ITEM')) out.ORDER_ITEMS_OUT!.push(...items(db, vbeln));
      if (wants('SDSCHEDULE')) out.ORDER_SCHEDULES_OUT!.push(...schedules(db, vbeln));
      if (wants('BUSINESS')) {
        for (const row of db.table('VBKD').select({ VBELN: vbeln })) {
          out.ORDER_BUSINESS_OUT!.push({
            SD_DOC: vbeln, ITM_NUMBER: row.POSNR!, PRICE_GRP: row.KONDA ?? '', CUST_GROUP: row.KDGRP ?? '', PRICE_LIST: row.PLTYP ?? '',
            INCOTERMS1: row.INCO1 ?? '', INCOTERMS2: row.INCO2 ?? '', PMNTTRMS: row.ZTERM ?? '', PRICE_DATE: row.PRSDT ?? '',
            PURCH_NO_C: row.BSTKD ?? '', PURCH_DATE: row.BSTDK ?? '',
          });
        }
      }
      if (wants('PARTNER')) {
        for (const row of db.table('VBPA').select({ VBELN: vbeln })) {
          out.ORDER_PARTNERS_OUT!.push({ SD_DOC: vbeln, ITM_NUMBER: row.POSNR!, PARTN_ROLE: row.PARVW!, CUSTOMER: row.KUNNR ?? '', VENDOR_NO: row.LIFNR ?? '', CONTACT: row.PARNR ?? '', ADDRESS: row.ADRNR ?? '', COUNTRY: row.LAND1 ?? '' });
        }
      }
      if (wants('STATUS_H')) {
        const vbuk = db.table('VBUK').get({ VBELN: vbeln });
        if (vbuk) out.ORDER_STATUSHEADERS_OUT!.push(statusHeader(vbuk, vbak));
      }
      if (wants('STATUS_I')) out.ORDER_STATUSITEMS_OUT!.push(...db.table('VBUP').select({ VBELN: vbeln }).map(statusItem));
      if (wants('SDCOND')) out.ORDER_CONDITIONS_OUT!.push(...conditions(db, vbak));
      if (wants('FLOW')) out.ORDER_FLOWS_OUT!.push(...flows(db, vbeln));
    }
    return out;
  },
});
