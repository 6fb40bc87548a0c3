/**
 * The create BAPIs of sales documents: BAPI_SALESORDER_CREATEFROMDAT2 (ORDER_*),
 * BAPI_QUOTATION_CREATEFROMDATA2 (QUOTATION_*) and BAPI_INQUIRY_CREATEFROMDATA2 (INQUIRY_*) share
 * one interface apart from the parameter names' prefix and one logic: check, price, credit check
 * (orders), draw the number from RV_BELEG by the document type's interval (TVAK-NUMKI) and
 * register the update; nothing reaches the database before BAPI_TRANSACTION_COMMIT. TESTRUN = 'X'
 * checks and prices but draws no number and registers nothing.
 *
 * Where the BAPIs take their input from, as SAP documents them: the header structure
 * (BAPISDHD1, with PURCH_NO_C as the customer's PO, QT_VALID_F/QT_VALID_T as a quotation's or
 * inquiry's validity, REF_DOC/REFDOC_CAT as the reference document), the items (BAPISDITM,
 * REF_DOC/REF_DOC_IT/REF_DOC_CA per item), quantities from the schedule lines (BAPISCHDL-REQ_QTY,
 * else TARGET_QTY), manual conditions (BAPICOND), partners (BAPIPARNR; AG sold-to is required).
 * When a check list (…_INX) is passed, only fields flagged "X" are taken over. With CONVERT =
 * 'X' partner functions and the document type are given in their external (English) form.
 */

import { creditExposure } from './creditExposure.js';
import type { Database, Row } from './database.js';
import {
  BAPICCARD, BAPICOND, BAPICONDX, BAPICUBLB, BAPICUCFG, BAPICUINS, BAPICUPRT, BAPICUREF, BAPICUVAL, BAPICUVK, BAPIADDR1,
  BAPIPAREX, BAPIPARNR, BAPISCHDL, BAPISCHDLX, BAPISDHD1, BAPISDHD1X, BAPISDITM, BAPISDITMX, BAPISDKEY, BAPISDLS,
  BAPISDTEXT, BAPI_SENDER,
} from './ddic/structures/sales.js';
import { BAPIRET2 } from './ddic/structures/returns.js';
import { exporting, importing, tables, type CallOutput, type FunctionContext, type ParameterDef, type StructureValue } from './functionModule.js';
import { message, toBapiret2, type Message } from './messages.js';
import type { GivenCondition } from './pricing.js';
import {
  dateOf, EXTERNAL_DOCUMENT_TYPES, EXTERNAL_PARTNER_FUNCTIONS, externalNumber, prepareSalesDocument, type Finding, type PreparedDocument,
  type RequestItem, type SalesRequest,
} from './salesDocumentRequest.js';
import { recomputedStatus, SALES_DOCUMENT_CATEGORIES, salesDocumentRows, type SalesDocumentDraft } from './salesDocuments.js';

export type CreatePrefix = 'ORDER' | 'QUOTATION' | 'INQUIRY';

/** The interface of a create BAPI; only the prefix of the document parameters differs. */
export function createBapiParameters(prefix: CreatePrefix): ParameterDef[] {
  const flag = { optional: true, reference: 'BAPIFLAG-BAPIFLAG' };
  return [
    importing(`${prefix}_HEADER_IN`, BAPISDHD1),
    importing(`${prefix}_HEADER_INX`, BAPISDHD1X, { optional: true }),
    importing('SALESDOCUMENTIN', 'CHAR10', { optional: true, reference: 'BAPIVBELN-VBELN' }),
    importing('SENDER', BAPI_SENDER, { optional: true }),
    importing('BINARY_RELATIONSHIPTYPE', 'CHAR4', { optional: true, reference: 'BAPIRELTYPE-RELTYPE' }),
    importing('INT_NUMBER_ASSIGNMENT', 'CHAR1', flag),
    importing('BEHAVE_WHEN_ERROR', 'CHAR1', flag),
    importing('LOGIC_SWITCH', BAPISDLS, { optional: true }),
    importing('TESTRUN', 'CHAR1', flag),
    importing('CONVERT', 'CHAR1', { default: ' ', reference: 'BAPIFLAG-BAPIFLAG' }),
    exporting('SALESDOCUMENT', 'CHAR10', { reference: 'BAPIVBELN-VBELN' }),
    tables('RETURN', BAPIRET2, { optional: true }),
    tables(`${prefix}_ITEMS_IN`, BAPISDITM, { optional: true }),
    tables(`${prefix}_ITEMS_INX`, BAPISDITMX, { optional: true }),
    tables(`${prefix}_PARTNERS`, BAPIPARNR),
    tables(`${prefix}_SCHEDULES_IN`, BAPISCHDL, { optional: true }),
    tables(`${prefix}_SCHEDULES_INX`, BAPISCHDLX, { optional: true }),
    tables(`${prefix}_CONDITIONS_IN`, BAPICOND, { optional: true }),
    tables(`${prefix}_CONDITIONS_INX`, BAPICONDX, { optional: true }),
    tables(`${prefix}_CFGS_REF`, BAPICUCFG, { optional: true }),
    tables(`${prefix}_CFGS_INST`, BAPICUINS, { optional: true }),
    tables(`${prefix}_CFGS_PART_OF`, BAPICUPRT, { optional: true }),
    tables(`${prefix}_CFGS_VALUE`, BAPICUVAL, { optional: true }),
    tables(`${prefix}_CFGS_BLOB`, BAPICUBLB, { optional: true }),
    tables(`${prefix}_CFGS_VK`, BAPICUVK, { optional: true }),
    tables(`${prefix}_CFGS_REFINST`, BAPICUREF, { optional: true }),
    ...(prefix === 'ORDER' ? [tables('ORDER_CCARD', BAPICCARD, { optional: true })] : []),
    tables(`${prefix}_TEXT`, BAPISDTEXT, { optional: true }),
    tables(`${prefix}_KEYS`, BAPISDKEY, { optional: true }),
    tables('EXTENSIONIN', BAPIPAREX, { optional: true }),
    tables('EXTENSIONEX', BAPIPAREX, { optional: true }),
    tables('PARTNERADDRESSES', BAPIADDR1, { optional: true }),
  ];
}

const text = (value: string | number | undefined): string => String(value ?? '').trim();

/** Fields of a structure the caller means: all when no check list was passed, else those flagged "X". */
function takenOver(values: StructureValue, checklist: StructureValue | undefined): (field: string) => string {
  const flagged = checklist && Object.entries(checklist).some(([field, value]) => field !== 'UPDATEFLAG' && value === 'X');
  return (field) => (!flagged || checklist?.[field] === 'X' ? text(values[field]) : '');
}

/** BAPICOND rows of one item as conditions entered by hand. */
function manualConditions(rows: StructureValue[], item: string): GivenCondition[] {
  return rows
    .filter((row) => text(row.ITM_NUMBER) === item && text(row.COND_TYPE) !== '')
    .map((row) => ({
      type: text(row.COND_TYPE),
      rate: Number(row.COND_VALUE),
      rateUnit: text(row.CURRENCY),
      pricingUnit: Number(row.COND_P_UNT) || 1,
      conditionUnit: text(row.COND_UNIT),
    }));
}

function readRequest(context: FunctionContext, prefix: CreatePrefix): SalesRequest {
  const convert = context.scalar('CONVERT').trim() === 'X';
  const header = takenOver(context.structure(`${prefix}_HEADER_IN`), context.input[`${prefix}_HEADER_INX`] as StructureValue | undefined);
  const docType = header('DOC_TYPE');
  const itemChecklists = new Map(context.table(`${prefix}_ITEMS_INX`).map((row) => [text(row.ITM_NUMBER), row]));
  const schedules = context.table(`${prefix}_SCHEDULES_IN`);
  const conditions = context.table(`${prefix}_CONDITIONS_IN`);
  const reference = header('REF_DOC');
  const items: RequestItem[] = context.table(`${prefix}_ITEMS_IN`).map((row) => {
    const number = text(row.ITM_NUMBER);
    const field = takenOver(row, itemChecklists.get(number));
    const lines = schedules.filter((line) => text(line.ITM_NUMBER) === number);
    const scheduled = lines.reduce((sum, line) => sum + Number(line.REQ_QTY), 0);
    const referenceItem = field('REF_DOC_IT');
    return {
      number: /^0*$/.test(number) ? '' : number,
      material: field('MATERIAL'),
      quantity: scheduled > 0 ? scheduled : Number(field('TARGET_QTY') || 0),
      salesUnit: field('SALES_UNIT') || field('TARGET_QU'),
      plant: field('PLANT'),
      description: field('SHORT_TEXT'),
      requestedDate: dateOf(lines[0]?.REQ_DATE),
      rejectionReason: field('REASON_REJ'),
      manual: manualConditions(conditions, number),
      ...(referenceItem && !/^0+$/.test(referenceItem) ? { reference: { number: field('REF_DOC') || reference, item: referenceItem } } : {}),
    };
  });
  return {
    docType: convert ? EXTERNAL_DOCUMENT_TYPES[docType] ?? docType : docType,
    salesOrganization: header('SALES_ORG'),
    distributionChannel: header('DISTR_CHAN'),
    division: header('DIVISION'),
    salesOffice: header('SALES_OFF'),
    salesGroup: header('SALES_GRP'),
    purchaseOrder: header('PURCH_NO_C'),
    purchaseOrderDate: dateOf(header('PURCH_DATE')),
    requestedDate: dateOf(header('REQ_DATE_H')),
    pricingDate: dateOf(header('PRICE_DATE')),
    currency: header('CURRENCY'),
    validFrom: dateOf(header('QT_VALID_F')),
    validTo: dateOf(header('QT_VALID_T')),
    deliveryBlock: header('DLV_BLOCK'),
    billingBlock: header('BILL_BLOCK'),
    ...(reference ? { reference: { number: reference, category: header('REFDOC_CAT') } } : {}),
    partners: context
      .table(`${prefix}_PARTNERS`)
      .filter((row) => /^0*$/.test(text(row.ITM_NUMBER)))
      .map((row) => {
        const role = text(row.PARTN_ROLE);
        return { role: convert ? EXTERNAL_PARTNER_FUNCTIONS[role] ?? role : role, number: text(row.PARTN_NUMB) };
      }),
    items,
  };
}

const toReturn = (findings: Finding[]): Row[] =>
  findings.map((f) => toBapiret2(f.message, { ...(f.parameter ? { parameter: f.parameter } : {}), ...(f.row ? { row: f.row } : {}), ...(f.field ? { field: f.field } : {}) }));

/** The static credit check of an order: CMGST and, when it fails, the warning SAP gives. */
function creditCheck(db: Database, document: PreparedDocument): { status: string; warning?: Message } {
  if (document.category !== 'C') return { status: '' };
  const exposure = creditExposure(db, document.payer, document.creditControlArea);
  if (!exposure) return { status: '' };
  if (exposure.blocked) return { status: 'B', warning: message('W', 'V1', '154') };
  const orderValue = document.items.filter((item) => !item.rejectionReason).reduce((sum, item) => sum + item.priced.net + item.priced.tax, 0);
  const excess = exposure.total + orderValue - exposure.creditLimit;
  if (excess > 0) {
    const currency = String(db.table('T014').get({ KKBER: document.creditControlArea })?.WAERS ?? document.currency);
    return { status: 'B', warning: message('W', 'V1', '150', excess.toFixed(2), currency) };
  }
  return { status: 'A' };
}

function draftOf(context: FunctionContext, document: PreparedDocument, request: SalesRequest, number: string, conditionNumber: string, creditStatus: string): SalesDocumentDraft {
  const { ecc, session } = context;
  const area = document.salesArea;
  const validity = document.category === 'C' ? { validFrom: '', validTo: '' } : { validFrom: request.validFrom || ecc.today(), validTo: request.validTo };
  return {
    number,
    type: document.docType,
    category: document.category,
    salesOrganization: document.salesOrganization,
    distributionChannel: document.distributionChannel,
    division: document.division,
    salesOffice: document.salesOffice,
    salesGroup: document.salesGroup,
    soldTo: String(document.soldTo.KUNNR),
    shipTo: String(document.shipTo.KUNNR),
    billTo: document.billTo,
    payer: document.payer,
    contact: document.contact,
    createdOn: ecc.today(),
    createdAt: ecc.now(),
    createdBy: session.user,
    documentDate: ecc.today(),
    requestedDate: document.requestedDate,
    pricingDate: document.pricingDate,
    ...validity,
    purchaseOrder: request.purchaseOrder,
    purchaseOrderDate: request.purchaseOrderDate,
    currency: document.currency,
    paymentTerms: String(area.ZTERM ?? ''),
    incoterms: String(area.INCO1 ?? ''),
    incotermsLocation: String(area.INCO2 ?? ''),
    customerGroup: String(area.KDGRP ?? ''),
    priceGroup: String(area.KONDA ?? ''),
    priceList: String(area.PLTYP ?? ''),
    deliveryBlock: request.deliveryBlock,
    billingBlock: request.billingBlock,
    creditControlArea: document.category === 'C' ? document.creditControlArea : '',
    creditAccount: document.category === 'C' ? document.payer : '',
    creditStatus,
    conditionNumber,
    ...(document.reference ? { reference: document.reference } : {}),
    incomplete: document.incompletion.length > 0,
    items: document.items.map(({ row: _row, ...item }) => ({
      ...item,
      shippingPoint: item.plant,
      confirmedQuantity: document.category === 'C' ? item.quantity : 0,
    })),
  };
}

/** Runs a create BAPI of the given prefix. */
export function createSalesDocument(context: FunctionContext, prefix: CreatePrefix): CallOutput {
  const { ecc, db, session } = context;
  const request = readRequest(context, prefix);
  const { document, findings } = prepareSalesDocument({ db, today: ecc.today(), headerParameter: 'SALES_HEADER_IN', itemParameter: 'SALES_ITEM_IN' }, request);
  const notChanged = { message: message('E', 'V4', '219', '') };
  if (!document) return { SALESDOCUMENT: '', RETURN: toReturn([...findings, notChanged]) };

  const referenced = [...new Set(document.items.flatMap((item) => (item.reference ? [item.reference.number] : [])))];
  for (const number of referenced) {
    const holder = ecc.enqueue(session, `EVVBAKE/${number}`);
    if (holder) return { SALESDOCUMENT: '', RETURN: toReturn([{ message: message('E', 'V1', '554', externalNumber(number), holder) }, notChanged]) };
  }

  const credit = creditCheck(db, document);
  const messages: Finding[] = [
    { message: message('S', 'V4', '233', 'SALES_HEADER_IN'), parameter: 'SALES_HEADER_IN' },
    ...document.items.map((item) => ({ message: message('S', 'V4', '233', 'SALES_ITEM_IN'), parameter: 'SALES_ITEM_IN', row: item.row })),
    ...findings,
    ...(credit.warning ? [{ message: credit.warning }] : []),
    ...(document.incompletion.length > 0 ? [{ message: message('W', 'V1', '555') }] : []),
  ];
  if (context.scalar('TESTRUN').trim() === 'X') return { SALESDOCUMENT: '', RETURN: toReturn(messages) };

  const number = ecc.nextNumber('RV_BELEG', document.numberRange);
  const conditionNumber = ecc.nextNumber('KONV');
  const draft = draftOf(context, document, request, number, conditionNumber, credit.status);
  const rows = salesDocumentRows(db, draft);
  const config = SALES_DOCUMENT_CATEGORIES[document.category];
  session.registerUpdate({
    changeDocument: { objectClass: 'VERKBELEG', objectId: number, tcode: config.createTransaction },
    apply: (writer) => {
      writer.insert('VBAK', rows.VBAK);
      for (const row of rows.VBAP) writer.insert('VBAP', row);
      for (const row of rows.VBEP) writer.insert('VBEP', row);
      for (const row of rows.VBPA) writer.insert('VBPA', row);
    },
  });
  session.registerUpdate({
    apply: (writer) => {
      writer.insert('VBKD', rows.VBKD);
      writer.insert('VBUK', rows.VBUK);
      for (const row of rows.VBUP) writer.insert('VBUP', row);
      for (const row of rows.KONV) writer.insert('KONV', row);
      for (const row of rows.VBFA) writer.insert('VBFA', row);
      for (const source of referenced) {
        const status = recomputedStatus(db, source);
        if (!status) continue;
        writer.update('VBUK', { VBELN: source }, status.header);
        for (const item of status.items) writer.update('VBUP', { VBELN: source, POSNR: item.POSNR! }, item);
      }
    },
  });
  return {
    SALESDOCUMENT: number,
    RETURN: toReturn([...messages, { message: message('S', 'V1', '311', config.text, externalNumber(number)) }]),
  };
}
