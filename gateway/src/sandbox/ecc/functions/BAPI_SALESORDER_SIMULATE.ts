/**
 * BAPI_SALESORDER_SIMULATE: prices a prospective sales document without saving anything. It
 * runs the checks and price determination of the create BAPIs (salesDocumentRequest.ts) and
 * returns what SAP's order processing determined: items with net value and subtotals
 * (BAPIITEMEX: NUMC with implied decimals and their DEC twins), every pricing condition
 * (ORDER_CONDITION_EX), schedule lines, the incompletion log, the sold-to, ship-to and payer as
 * the customer master has them (SOLD_TO_PARTY-ORDER_BLCK shows an order block), all messages
 * in MESSAGETABLE and the first error in RETURN (BAPIRETURN, CODE = class + number).
 *
 * Interface: SAP's own metadata (SAP/fundamental-tools, salesOrder parameters.yaml). Item
 * quantities are REQ_QTY (NUMC13, 3 implied decimals), else TARGET_QTY, else the sum of
 * ORDER_SCHEDULE_IN; a manual price or discount is COND_TYPE/COND_VALUE/COND_P_UNT/COND_D_UNT.
 * Function group 2032 [unconfirmed].
 */

import { creditExposure } from '../creditExposure.js';
import type { Database, Row } from '../database.js';
import { BAPIRET2, BAPIRETURN } from '../ddic/structures/returns.js';
import {
  BAPIADDR1, BAPICCARD, BAPICCARD_EX, BAPICOND, BAPICUBLB, BAPICUCFG, BAPICUINS, BAPICUPRT, BAPICUVAL, BAPIINCOMP,
  BAPIITEMEX, BAPIITEMIN, BAPIPAREX, BAPIPARTNR, BAPIPAYER, BAPISCHDL, BAPISDHEAD, BAPISDHEDU, BAPISHIPTO, BAPISOLDTO,
} from '../ddic/structures/sales.js';
import { defineFunction, exporting, importing, tables, type FunctionContext, type StructureValue } from '../functionModule.js';
import { toBapiret2, toBapireturn } from '../messages.js';
import type { GivenCondition } from '../pricing.js';
import {
  dateOf, EXTERNAL_DOCUMENT_TYPES, EXTERNAL_PARTNER_FUNCTIONS, prepareSalesDocument, type PreparedDocument, type RequestItem, type SalesRequest,
} from '../salesDocumentRequest.js';
import { SALES_DOCUMENT_CATEGORIES } from '../salesDocuments.js';

const text = (value: string | number | undefined): string => String(value ?? '').trim();

/** A NUMC value with implied decimals: (9.01, 2, 15) → "000000000000901"; NUMC has no sign. */
const impliedDecimals = (value: number, decimals: number, length: number): string =>
  String(Math.round(Math.abs(value) * 10 ** decimals)).padStart(length, '0');

function manualCondition(row: StructureValue, currency: string): GivenCondition[] {
  const type = text(row.COND_TYPE);
  if (!type) return [];
  return [{ type, rate: Number(row.COND_VALUE), rateUnit: text(row.CURRENCY) || currency, pricingUnit: Number(row.COND_P_UNT) || 1, conditionUnit: text(row.COND_D_UNT) }];
}

function readRequest(context: FunctionContext): SalesRequest {
  const header = context.structure('ORDER_HEADER_IN');
  const convert = context.scalar('CONVERT_PARVW_AUART').trim() === 'X';
  const docType = text(header.DOC_TYPE);
  const schedules = context.table('ORDER_SCHEDULE_IN');
  const reference = text(header.REF_DOC);
  const items: RequestItem[] = context.table('ORDER_ITEMS_IN').map((row) => {
    const number = text(row.ITM_NUMBER);
    const scheduled = schedules.filter((line) => text(line.ITM_NUMBER) === number).reduce((sum, line) => sum + Number(line.REQ_QTY), 0);
    const quantity = Number(row.REQ_QTY) / 1000 || Number(row.TARGET_QTY) / 1000 || scheduled;
    const referenceItem = text(row.REF_DOC_IT);
    return {
      number: /^0*$/.test(number) ? '' : number,
      material: text(row.MATERIAL),
      quantity,
      salesUnit: text(row.SALES_UNIT) || text(row.TARGET_QU),
      plant: text(row.PLANT),
      description: text(row.SHORT_TEXT),
      requestedDate: dateOf(row.REQ_DATE),
      rejectionReason: text(row.REASON_REJ),
      manual: manualCondition(row, text(row.CURRENCY) || text(header.CURRENCY)),
      ...(referenceItem && !/^0+$/.test(referenceItem) ? { reference: { number: text(row.REF_DOC) || reference, item: referenceItem } } : {}),
    };
  });
  return {
    docType: convert ? EXTERNAL_DOCUMENT_TYPES[docType] ?? docType : docType,
    salesOrganization: text(header.SALES_ORG),
    distributionChannel: text(header.DISTR_CHAN),
    division: text(header.DIVISION),
    salesOffice: text(header.SALES_OFF),
    salesGroup: text(header.SALES_GRP),
    purchaseOrder: text(header.PURCH_NO_C) || text(header.PURCH_NO),
    purchaseOrderDate: dateOf(header.PURCH_DATE),
    requestedDate: dateOf(header.REQ_DATE_H),
    pricingDate: dateOf(header.PRICE_DATE),
    currency: text(header.CURRENCY),
    validFrom: dateOf(header.QT_VALID_F),
    validTo: dateOf(header.QT_VALID_T),
    deliveryBlock: text(header.DLV_BLOCK),
    billingBlock: text(header.BILL_BLOCK),
    ...(reference ? { reference: { number: reference, category: text(header.REF_DOC_CA) } } : {}),
    partners: context
      .table('ORDER_PARTNERS')
      .filter((row) => /^0*$/.test(text(row.ITM_NUMBER)))
      .map((row) => {
        const role = text(row.PARTN_ROLE);
        return { role: convert ? EXTERNAL_PARTNER_FUNCTIONS[role] ?? role : role, number: text(row.PARTN_NUMB) };
      }),
    items,
  };
}

const address = (customer: Row): Row => ({
  NAME: customer.NAME1 ?? '', STREET: customer.STRAS ?? '', POSTL_CODE: customer.PSTLZ ?? '', CITY: customer.ORT01 ?? '',
  LANGU: customer.SPRAS ?? '', TELEPHONE: customer.TELF1 ?? '', VAT_REG_NO: customer.STCEG ?? '',
});

/** SOLD_TO_PARTY as SAP fills it from the customer master, with the order block of the customer or sales area. */
function soldToParty(db: Database, request: SalesRequest): Row {
  const number = request.partners.find((p) => p.role === 'AG')?.number ?? '';
  const customer = db.table('KNA1').get({ KUNNR: number });
  if (!customer) return {};
  const area = db.table('KNVV').get({ KUNNR: number, VKORG: request.salesOrganization, VTWEG: request.distributionChannel, SPART: request.division }) ?? {};
  const country = String(customer.LAND1);
  return {
    SOLD_TO: number, ...address(customer), COUNTRY: country, ORDER_BLCK: customer.AUFSD || area.AUFSD || '', PRC_PROCED: area.KALKS ?? '',
    CUST_GROUP: area.KDGRP ?? '', SALES_DIST: area.BZIRK ?? '', PRICE_GRP: area.KONDA ?? '', PRICE_LIST: area.PLTYP ?? '',
    INCOTERMS1: area.INCO1 ?? '', INCOTERMS2: area.INCO2 ?? '', CURRENCY: area.WAERS ?? '', SHIP_COND: area.VSBED ?? '',
    DLV_BLOCK: customer.LIFSD || area.LIFSD || '', SALES_OFF: area.VKBUR ?? '', SALES_GRP: area.VKGRP ?? '',
    TAX_CLASS1: db.table('KNVI').get({ KUNNR: number, ALAND: country, TATYP: 'MWST' })?.TAXKD ?? '',
  };
}

function shipToParty(db: Database, document: PreparedDocument): Row {
  const customer = document.shipTo;
  const area = db.table('KNVV').get({ KUNNR: customer.KUNNR!, VKORG: document.salesOrganization, VTWEG: document.distributionChannel, SPART: document.division }) ?? {};
  return {
    SHIP_TO: customer.KUNNR!, ...address(customer), DEST_CNTRY: customer.LAND1 ?? '', REGION: customer.REGIO ?? '',
    DLV_PLANT: area.VWERK ?? '', DLV_BLOCK: customer.LIFSD || area.LIFSD || '', ORDER_BLCK: customer.AUFSD || area.AUFSD || '',
    SHIP_COND: area.VSBED ?? '', ACCNT_GRP: customer.KTOKD ?? '',
  };
}

/** BILLING_PARTY: the payer and its credit account (limit, receivables, open sales values). */
function billingParty(db: Database, document: PreparedDocument): Row {
  const customer = db.table('KNA1').get({ KUNNR: document.payer }) ?? {};
  const area = db.table('KNVV').get({ KUNNR: document.payer, VKORG: document.salesOrganization, VTWEG: document.distributionChannel, SPART: document.division }) ?? {};
  const account = db.table('KNKK').get({ KUNNR: document.payer, KKBER: document.creditControlArea });
  const exposure = creditExposure(db, document.payer, document.creditControlArea);
  return {
    PAYER: document.payer, ...address(customer), COUNTRY: customer.LAND1 ?? '', PMNTTRMS: area.ZTERM ?? '',
    BILL_BLOCK: customer.FAKSD || area.FAKSD || '', ORDER_BLCK: customer.AUFSD || area.AUFSD || '',
    ...(account && exposure
      ? {
          C_CTR_AREA: document.creditControlArea, CRED_ACCNT: document.payer, CRED_LIMIT: exposure.creditLimit,
          ORDER_VALS: exposure.openOrderValue + exposure.openDeliveryValue + exposure.openBillingValue, RCVBL_VALS: exposure.receivables,
          CRED_LIAB: exposure.specialLiabilities, CURRENCY: db.table('T014').get({ KKBER: document.creditControlArea })?.WAERS ?? '',
          RISK_CATEG: account.CTLPC ?? '', REPR_GROUP: account.SBGRP ?? '',
        }
      : {}),
  };
}

function itemRows(document: PreparedDocument, request: SalesRequest): { items: Row[]; conditions: Row[]; schedules: Row[] } {
  const config = SALES_DOCUMENT_CATEGORIES[document.category];
  const items: Row[] = [];
  const conditions: Row[] = [];
  const schedules: Row[] = [];
  for (const item of document.items) {
    const { priced } = item;
    const entered = request.items[item.row - 1]?.material ?? item.material;
    items.push({
      ITM_NUMBER: item.number, MATERIAL: item.material, MAT_ENTRD: entered, SHORT_TEXT: item.description,
      NET_VALUE: impliedDecimals(priced.net, 2, 15), CURRENCY: document.currency,
      ...Object.fromEntries(priced.subtotals.map((value, i) => [`SUBTOTAL_${i + 1}`, impliedDecimals(value, 2, 15)])),
      ...Object.fromEntries(priced.subtotals.map((value, i) => [`SUBTOTAL${i + 1}`, value.toFixed(4)])),
      SALES_UNIT: item.salesUnit, QTY_REQ_DT: impliedDecimals(item.quantity, 3, 13), DLV_DATE: item.requestedDate,
      PURCH_NO_C: request.purchaseOrder, NET_VALUE1: priced.net.toFixed(4), REQ_QTY: item.quantity.toFixed(3), PLANT: item.plant,
      TX_DOC_CUR: priced.tax.toFixed(4), ITEM_CATEG: config.itemCategory, SHIP_POINT: item.plant, REASON_REJ: item.rejectionReason,
      MATL_GROUP: item.materialGroup,
    });
    for (const c of priced.conditions) {
      conditions.push({
        ITM_NUMBER: item.number, COND_ST_NO: String(c.step).padStart(3, '0'), COND_COUNT: String(c.counter).padStart(2, '0'),
        COND_TYPE: c.type, COND_VALUE: c.rate.toFixed(9), CURRENCY: c.rateUnit, COND_UNIT: c.conditionUnit, COND_P_UNT: String(c.pricingUnit),
        APPLICATIO: 'V', CONPRICDAT: document.pricingDate, CALCTYPCON: c.calculation, CONBASEVAL: c.base.toFixed(9), CONDTYPE: c.category,
        CONDORIGIN: c.origin, CONDVALUE: c.value.toFixed(9), CURRENCY_2: document.currency, CONDCLASS: c.conditionClass,
        CONDCHAMAN: c.origin === 'C' ? 'X' : '', COND_NO: c.recordNumber, TAX_CODE: c.type === 'MWST' ? 'A1' : '',
      });
    }
    schedules.push({
      ITM_NUMBER: item.number, SCHED_LINE: '0001', SCHED_TYPE: config.scheduleLineCategory, RELFORDEL: document.category === 'C' ? 'X' : '',
      REQ_DATE: item.requestedDate, REQ_QTY: item.quantity.toFixed(3), CONFIR_QTY: document.category === 'C' ? item.quantity.toFixed(3) : '0.000',
      SALES_UNIT: item.salesUnit, REQ_QTY1: priced.baseQuantity.toFixed(3), BASE_UOM: item.baseUnit,
      SALESQTYNR: String(item.unitNumerator), SALESQTYDE: String(item.unitDenominator),
    });
  }
  return { items, conditions, schedules };
}

export const BAPI_SALESORDER_SIMULATE = defineFunction({
  name: 'BAPI_SALESORDER_SIMULATE',
  functionGroup: '2032',
  parameters: [
    importing('ORDER_HEADER_IN', BAPISDHEAD),
    importing('CONVERT_PARVW_AUART', 'CHAR1', { default: ' ', reference: 'BAPIFLAG-BAPIFLAG' }),
    exporting('SALESDOCUMENT', 'CHAR10', { reference: 'BAPIVBELN-VBELN' }),
    exporting('SOLD_TO_PARTY', BAPISOLDTO),
    exporting('SHIP_TO_PARTY', BAPISHIPTO),
    exporting('BILLING_PARTY', BAPIPAYER),
    exporting('RETURN', BAPIRETURN),
    tables('ORDER_ITEMS_IN', BAPIITEMIN),
    tables('ORDER_PARTNERS', BAPIPARTNR),
    tables('ORDER_SCHEDULE_IN', BAPISCHDL, { optional: true }),
    tables('ORDER_ITEMS_OUT', BAPIITEMEX, { optional: true }),
    tables('ORDER_CFGS_REF', BAPICUCFG, { optional: true }),
    tables('ORDER_CFGS_INST', BAPICUINS, { optional: true }),
    tables('ORDER_CFGS_PART_OF', BAPICUPRT, { optional: true }),
    tables('ORDER_CFGS_VALUE', BAPICUVAL, { optional: true }),
    tables('ORDER_CFGS_BLOB', BAPICUBLB, { optional: true }),
    tables('ORDER_CCARD', BAPICCARD, { optional: true }),
    tables('ORDER_CCARD_EX', BAPICCARD_EX, { optional: true }),
    tables('ORDER_SCHEDULE_EX', BAPISDHEDU, { optional: true }),
    tables('ORDER_CONDITION_EX', BAPICOND, { optional: true }),
    tables('ORDER_INCOMPLETE', BAPIINCOMP, { optional: true }),
    tables('MESSAGETABLE', BAPIRET2, { optional: true }),
    tables('EXTENSIONIN', BAPIPAREX, { optional: true }),
    tables('PARTNERADDRESSES', BAPIADDR1, { optional: true }),
  ],
  exceptions: [],
  handler: (context) => {
    const { db, ecc } = context;
    const request = readRequest(context);
    const { document, findings } = prepareSalesDocument({ db, today: ecc.today(), headerParameter: 'ORDER_HEADER_IN', itemParameter: 'ORDER_ITEMS_IN' }, request);
    const messageTable = findings.map((f) => toBapiret2(f.message, { ...(f.parameter ? { parameter: f.parameter } : {}), ...(f.row ? { row: f.row } : {}), ...(f.field ? { field: f.field } : {}) }));
    const firstError = findings.find((f) => f.message.type === 'E');
    const output = {
      SALESDOCUMENT: '',
      SOLD_TO_PARTY: soldToParty(db, request),
      MESSAGETABLE: messageTable,
      RETURN: firstError ? toBapireturn(firstError.message) : {},
    };
    if (!document) return { ...output, ORDER_ITEMS_OUT: [], ORDER_CONDITION_EX: [], ORDER_SCHEDULE_EX: [], ORDER_INCOMPLETE: [] };
    const rows = itemRows(document, request);
    return {
      ...output,
      SHIP_TO_PARTY: shipToParty(db, document),
      BILLING_PARTY: billingParty(db, document),
      ORDER_ITEMS_OUT: rows.items,
      ORDER_CONDITION_EX: rows.conditions,
      ORDER_SCHEDULE_EX: rows.schedules,
      ORDER_INCOMPLETE: document.incompletion.map((entry) => ({ ITM_NUMBER: entry.item, TABLE_NAME: entry.table, FIELD_NAME: entry.field, FIELD_TEXT: entry.text })),
    };
  },
});
