/**
 * The ecc365 add-on's function modules (function group /ECC365/PANELS; contract:
 * docs/sap-addon.md): one RFC call per account panel, running inside SAP the reads the gateway
 * otherwise makes one by one. Like the ABAP, the orders, invoices and credit modules CALL
 * FUNCTION the standard BAPIs in the caller's session (FunctionContext.call), and the deliveries
 * and invoices modules select the tables as their Open SQL does. Present only while the knob
 * addOn is on, as on a system where the add-on is imported.
 *
 * Decided where the contract is silent (what the ABAP does): an initial date is no bound, also
 * when passed to the BAPIs; MAX_DOCUMENTS 0 or less lists nothing while DOCUMENTS_FOUND still
 * counts the window; F2 502 names the customer without leading zeros, as the simulated BAPIs
 * do. TABLES parameters come back holding only what the module read, never the caller's
 * rows (the ABAP clears them). The simulator has no authorization model, so the authority
 * checks the contract names (V_LIKP_VST, V_VBRK_VKO) leave every row in.
 */

import type { Row } from '../database.js';
import {
  ECC365_S_CUSTOMER_BLOCKS, ECC365_S_DELIVERED_DOC, ECC365_S_DELIVERY, ECC365_S_INVOICE, ECC365_S_ORDER_BUSINESS, ECC365_S_ORDER_FLOW,
  ECC365_S_ORDER_HEADER, ECC365_S_ORDER_ITEM, ECC365_S_ORDER_ITEM_STATUS, ECC365_S_ORDER_SCHEDULE, ECC365_S_ORDER_STATUS,
} from '../ddic/structures/ecc365.js';
import { BAPI1010_1, BAPI1010_2, BAPI3007_2 } from '../ddic/structures/finance.js';
import { BAPIRET2, BAPIRETURN, BAPIRETURN1 } from '../ddic/structures/returns.js';
import type { StructureDef } from '../ddic/types.js';
import { defineFunction, exporting, importing, tables, type CallOutput, type FunctionContext, type StructureValue } from '../functionModule.js';
import { ADD_ON_FUNCTION_GROUP } from '../knobs.js';
import { message, toBapiret2 } from '../messages.js';
import { dateOf, externalNumber } from '../salesDocumentRequest.js';

/** Forwarding agent, the partner function of the carrier (internal code). */
const FORWARDING_AGENT = 'SP';
/** Billing document categories the invoices panel lists: invoice, credit memo, debit memo. */
const LISTED_BILLING_CATEGORIES = ['M', 'O', 'P'];
/** Posting status of a billing document: accounting document created. */
const POSTED = 'C';
const HEADER_ITEM = '000000';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '').trim();
const rowsOf = (output: Record<string, unknown>, name: string): StructureValue[] => (Array.isArray(output[name]) ? (output[name] as StructureValue[]) : []);
const structureOf = (output: Record<string, unknown>, name: string): StructureValue => (output[name] ?? {}) as StructureValue;
const isError = (returned: StructureValue): boolean => returned.TYPE === 'E' || returned.TYPE === 'A';

/** The date window of DATE_FROM and DATE_TO, initial dates being no bound. */
function dateWindow(scalar: FunctionContext['scalar']): (date: string) => boolean {
  const from = dateOf(scalar('DATE_FROM'));
  const to = dateOf(scalar('DATE_TO'));
  return (date) => (from === '' || date >= from) && (to === '' || date <= to);
}

/** The first MAX_DOCUMENTS of a list. */
const firstDocuments = <T>(scalar: FunctionContext['scalar'], documents: T[]): T[] => documents.slice(0, Math.max(0, Number(scalar('MAX_DOCUMENTS'))));

/** Newest first: by the document date, then the document number, both descending. */
const newestFirst =
  (dateField: string, numberField = 'VBELN') =>
  (a: Row, b: Row): number =>
    `${text(b[dateField])}${text(b[numberField])}`.localeCompare(`${text(a[dateField])}${text(a[numberField])}`);

/** A structure's fields taken from rows with the same field names (MOVE-CORRESPONDING). */
function corresponding(structure: StructureDef, ...rows: (Row | undefined)[]): Row {
  const result: Row = {};
  for (const field of structure.fields) {
    const row = rows.find((candidate) => candidate?.[field.name] !== undefined);
    if (row) result[field.name] = row[field.name]!;
  }
  return result;
}

/** The detail BAPI's tables, each returned under the same name with the fields the panel reads. */
const ORDER_TABLES: [string, StructureDef][] = [
  ['ORDER_HEADERS_OUT', ECC365_S_ORDER_HEADER],
  ['ORDER_ITEMS_OUT', ECC365_S_ORDER_ITEM],
  ['ORDER_SCHEDULES_OUT', ECC365_S_ORDER_SCHEDULE],
  ['ORDER_BUSINESS_OUT', ECC365_S_ORDER_BUSINESS],
  ['ORDER_STATUSHEADERS_OUT', ECC365_S_ORDER_STATUS],
  ['ORDER_STATUSITEMS_OUT', ECC365_S_ORDER_ITEM_STATUS],
  ['ORDER_FLOWS_OUT', ECC365_S_ORDER_FLOW],
];

export const ECC365_PANEL_ORDERS = defineFunction({
  name: '/ECC365/PANEL_ORDERS',
  functionGroup: ADD_ON_FUNCTION_GROUP,
  parameters: [
    importing('CUSTOMER_NUMBER', 'CHAR10', { reference: 'KUNNR' }),
    importing('SALES_ORGANIZATION', 'CHAR4', { reference: 'VKORG' }),
    importing('DATE_FROM', 'DATS', { optional: true, reference: 'AUDAT' }),
    importing('DATE_TO', 'DATS', { optional: true, reference: 'AUDAT' }),
    importing('MAX_DOCUMENTS', 'INT4', { default: '50', reference: 'INT4' }),
    exporting('RETURN', BAPIRETURN),
    exporting('DOCUMENTS_FOUND', 'INT4', { reference: 'INT4' }),
    ...ORDER_TABLES.map(([name, rowType]) => tables(name, rowType, { optional: true })),
  ],
  exceptions: [],
  handler: async ({ scalar, call }): Promise<CallOutput> => {
    const list = await call('BAPI_SALESORDER_GETLIST', {
      CUSTOMER_NUMBER: scalar('CUSTOMER_NUMBER'),
      SALES_ORGANIZATION: scalar('SALES_ORGANIZATION'),
      DOCUMENT_DATE: scalar('DATE_FROM'),
      DOCUMENT_DATE_TO: scalar('DATE_TO'),
      TRANSACTION_GROUP: '0',
    });
    const returned = structureOf(list, 'RETURN');
    const noOrders = Object.fromEntries(ORDER_TABLES.map(([name]) => [name, []]));
    if (isError(returned)) return { RETURN: returned, ...noOrders };
    // The list has a line per item: one entry per order.
    const orders = new Map<string, Row>();
    for (const line of rowsOf(list, 'SALES_ORDERS')) orders.set(text(line.SD_DOC), { SD_DOC: text(line.SD_DOC), DOC_DATE: text(line.DOC_DATE) });
    const found = [...orders.values()].sort(newestFirst('DOC_DATE', 'SD_DOC'));
    const listed = firstDocuments(scalar, found);
    if (listed.length === 0) return { RETURN: returned, DOCUMENTS_FOUND: found.length, ...noOrders };
    const detail = await call('BAPISDORDER_GETDETAILEDLIST', {
      I_BAPI_VIEW: { HEADER: 'X', ITEM: 'X', SDSCHEDULE: 'X', BUSINESS: 'X', STATUS_H: 'X', STATUS_I: 'X', FLOW: 'X' },
      SALES_DOCUMENTS: listed.map((order) => ({ VBELN: order.SD_DOC })),
    });
    const projected = ORDER_TABLES.map(([name, rowType]): [string, Row[]] => [name, rowsOf(detail, name).map((row) => corresponding(rowType, row))]);
    return { RETURN: returned, DOCUMENTS_FOUND: found.length, ...Object.fromEntries(projected) };
  },
});

export const ECC365_PANEL_DELIVERIES = defineFunction({
  name: '/ECC365/PANEL_DELIVERIES',
  functionGroup: ADD_ON_FUNCTION_GROUP,
  parameters: [
    importing('CUSTOMER_NUMBER', 'CHAR10', { reference: 'KUNAG' }),
    importing('DATE_FROM', 'DATS', { optional: true, reference: 'LFDAT' }),
    importing('DATE_TO', 'DATS', { optional: true, reference: 'LFDAT' }),
    importing('MAX_DOCUMENTS', 'INT4', { default: '50', reference: 'INT4' }),
    exporting('RETURN', BAPIRET2),
    exporting('DOCUMENTS_FOUND', 'INT4', { reference: 'INT4' }),
    tables('DELIVERIES', ECC365_S_DELIVERY, { optional: true }),
    tables('DELIVERED_DOCUMENTS', ECC365_S_DELIVERED_DOC, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, scalar }): CallOutput => {
    const customer = scalar('CUSTOMER_NUMBER');
    const inWindow = dateWindow(scalar);
    const found = db.table('LIKP').select({ KUNAG: customer }, (likp) => inWindow(text(likp.LFDAT))).sort(newestFirst('LFDAT'));
    if (found.length === 0 && !db.table('KNA1').get({ KUNNR: customer })) {
      return { RETURN: toBapiret2(message('E', 'F2', '502', externalNumber(customer)), { parameter: 'CUSTOMER_NUMBER' }), DOCUMENTS_FOUND: 0, DELIVERIES: [], DELIVERED_DOCUMENTS: [] };
    }
    const listed = firstDocuments(scalar, found);
    const deliveries = listed.map((likp) => {
      const vbeln = text(likp.VBELN);
      const carrier = text(db.table('VBPA').get({ VBELN: vbeln, POSNR: HEADER_ITEM, PARVW: FORWARDING_AGENT })?.LIFNR);
      const carrierName = carrier === '' ? '' : text(db.table('LFA1').get({ LIFNR: carrier })?.NAME1);
      return { ...corresponding(ECC365_S_DELIVERY, likp, db.table('VBUK').get({ VBELN: vbeln })), CARRIER: carrier, CARRIER_NAME: carrierName };
    });
    const deliveredDocuments = listed.flatMap((likp) => {
      const vbeln = text(likp.VBELN);
      const items = db.table('LIPS').select({ VBELN: vbeln }).sort((a, b) => text(a.POSNR).localeCompare(text(b.POSNR)));
      const documents = new Set(items.map((item) => text(item.VGBEL)).filter((vgbel) => vgbel !== ''));
      return [...documents].map((vgbel) => ({ VBELN: vbeln, VGBEL: vgbel }));
    });
    return { DOCUMENTS_FOUND: found.length, DELIVERIES: deliveries, DELIVERED_DOCUMENTS: deliveredDocuments };
  },
});

export const ECC365_PANEL_INVOICES = defineFunction({
  name: '/ECC365/PANEL_INVOICES',
  functionGroup: ADD_ON_FUNCTION_GROUP,
  parameters: [
    importing('CUSTOMER_NUMBER', 'CHAR10', { reference: 'KUNAG' }),
    importing('COMPANY_CODE', 'CHAR4', { reference: 'BUKRS' }),
    importing('KEY_DATE', 'DATS', { reference: 'DATS' }),
    importing('DATE_FROM', 'DATS', { optional: true, reference: 'FKDAT' }),
    importing('DATE_TO', 'DATS', { optional: true, reference: 'FKDAT' }),
    importing('MAX_DOCUMENTS', 'INT4', { default: '50', reference: 'INT4' }),
    exporting('RETURN', BAPIRETURN),
    exporting('DOCUMENTS_FOUND', 'INT4', { reference: 'INT4' }),
    tables('INVOICES', ECC365_S_INVOICE, { optional: true }),
    tables('OPEN_ITEMS', BAPI3007_2, { optional: true }),
  ],
  exceptions: [],
  handler: async ({ db, scalar, call }): Promise<CallOutput> => {
    const customer = scalar('CUSTOMER_NUMBER');
    const companyCode = scalar('COMPANY_CODE');
    const openItemsOf = (payer: string, payerCompanyCode: string): Promise<Record<string, unknown>> =>
      call('BAPI_AR_ACC_GETOPENITEMS', { COMPANYCODE: payerCompanyCode, CUSTOMER: payer, KEYDATE: scalar('KEY_DATE') });
    const own = await openItemsOf(customer, companyCode);
    const returned = structureOf(own, 'RETURN');
    if (isError(returned)) return { RETURN: returned, INVOICES: [], OPEN_ITEMS: [] };

    const inWindow = dateWindow(scalar);
    const found = db
      .table('VBRK')
      .select({ KUNAG: customer }, (vbrk) => LISTED_BILLING_CATEGORIES.includes(text(vbrk.VBTYP)) && inWindow(text(vbrk.FKDAT)))
      .sort(newestFirst('FKDAT'));
    const listed = firstDocuments(scalar, found);

    const openItems = [...rowsOf(own, 'LINEITEMS')];
    const read = new Set([`${customer}/${companyCode}`]);
    for (const vbrk of listed) {
      if (text(vbrk.RFBSK) !== POSTED || text(vbrk.BELNR) === '') continue;
      const [payer, payerCompanyCode] = [text(vbrk.KUNRG), text(vbrk.BUKRS)];
      if (read.has(`${payer}/${payerCompanyCode}`)) continue;
      read.add(`${payer}/${payerCompanyCode}`);
      const theirs = await openItemsOf(payer, payerCompanyCode);
      if (!isError(structureOf(theirs, 'RETURN'))) openItems.push(...rowsOf(theirs, 'LINEITEMS'));
    }
    return { RETURN: returned, DOCUMENTS_FOUND: found.length, INVOICES: listed.map((vbrk) => corresponding(ECC365_S_INVOICE, vbrk)), OPEN_ITEMS: openItems };
  },
});

export const ECC365_PANEL_CREDIT = defineFunction({
  name: '/ECC365/PANEL_CREDIT',
  functionGroup: ADD_ON_FUNCTION_GROUP,
  parameters: [
    importing('CUSTOMER_NUMBER', 'CHAR10', { reference: 'KUNNR' }),
    importing('CREDIT_CONTROL_AREA', 'CHAR4', { reference: 'KKBER' }),
    importing('COMPANY_CODE', 'CHAR4', { optional: true, reference: 'BUKRS' }),
    exporting('RETURN', BAPIRETURN1),
    exporting('CENTRAL_BLOCKS', ECC365_S_CUSTOMER_BLOCKS),
    exporting('PAYMENT_TERMS', 'CHAR4', { reference: 'DZTERM' }),
    tables('CREDIT_ACCOUNT_DETAIL', BAPI1010_1, { optional: true }),
    tables('CREDIT_ACCOUNT_OPEN_ITEMS', BAPI1010_2, { optional: true }),
  ],
  exceptions: [],
  handler: async ({ db, scalar, call }): Promise<CallOutput> => {
    const customer = scalar('CUSTOMER_NUMBER');
    const companyCode = scalar('COMPANY_CODE');
    const status = await call('BAPI_CREDIT_ACCOUNT_GET_STATUS', { CREDITCONTROLAREA: scalar('CREDIT_CONTROL_AREA'), CUSTOMER: customer });
    const paymentTerms = companyCode === '' ? '' : text(db.table('KNB1').get({ KUNNR: customer, BUKRS: companyCode })?.ZTERM);
    return {
      RETURN: structureOf(status, 'RETURN'),
      CENTRAL_BLOCKS: corresponding(ECC365_S_CUSTOMER_BLOCKS, db.table('KNA1').get({ KUNNR: customer })),
      PAYMENT_TERMS: paymentTerms,
      CREDIT_ACCOUNT_DETAIL: rowsOf(status, 'CREDIT_ACCOUNT_DETAIL'),
      CREDIT_ACCOUNT_OPEN_ITEMS: rowsOf(status, 'CREDIT_ACCOUNT_OPEN_ITEMS'),
    };
  },
});
