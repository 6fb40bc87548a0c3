/**
 * Creates an inquiry, quotation or order in SAP with the create BAPI of its category
 * (BAPI_INQUIRY_CREATEFROMDATA2, BAPI_QUOTATION_CREATEFROMDATA2, BAPI_SALESORDER_CREATEFROMDAT2;
 * parameters INQUIRY_*, QUOTATION_*, ORDER_*) and commits it on the same SAP session
 * (writeAndCommit). Every field sent is flagged in the check lists (…_INX, UPDATEFLAG I);
 * quantities go in the schedule lines, a manual price as condition PR00, the customer's PO in
 * PURCH_NO_C, a quotation's or inquiry's validity in QT_VALID_F/QT_VALID_T. With a reference
 * document the items refer to its items (REF_DOC, REF_DOC_IT, REF_DOC_CA) and SAP copies
 * material, quantity and prices; without items, every open item of the reference is taken over.
 *
 * A test run (TESTRUN) lets SAP check and price without saving or committing. SAP's messages come
 * back with the result; V1 150/154 mean the order failed the credit check (saved, but blocked
 * for credit management) and V1 555 that it is incomplete. RETURN with an error rolls back and
 * throws SapBusinessError.
 */

import type { SapMessage } from '../../model/errors.js';
import type { CreatedSalesDocument, NewSalesDocument, NewSalesDocumentItem } from '../../model/salesDocument.js';
import { toDats } from '../abapValues.js';
import { alphaOut, customerNumberIn, documentNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError } from '../errors.js';
import { writeAndCommit } from '../luw.js';
import type { RfcClient, RfcParameters, RfcStructure } from '../rfc.js';
import { scalarOf } from '../rfc.js';
import { getSalesDocuments } from './getSalesDocuments.js';
import { commonHeaderIn, CREATE_BAPIS, itemNumberOf, materialIn, partnersIn, sapCategoryOf, validSalesDocument, type SalesDocumentOptions } from './salesDocumentMapping.js';

export interface CreateOptions extends SalesDocumentOptions {
  /** Check and price only (TESTRUN = 'X'): nothing is saved. */
  testRun?: boolean;
}

const CREDIT_BLOCK_MESSAGES = new Set(['V1150', 'V1154']);
const INCOMPLETE_MESSAGE = 'V1555';

/** A structure with the fields set and its check list: UPDATEFLAG I and an "X" per field. */
function withChecklist(values: RfcStructure, keys: string[] = []): { values: RfcStructure; checklist: RfcStructure } {
  const checklist: RfcStructure = { UPDATEFLAG: 'I' };
  for (const [field, value] of Object.entries(values)) checklist[field] = keys.includes(field) ? value : 'X';
  return { values, checklist };
}

function createParameters(document: NewSalesDocument, items: NewSalesDocumentItem[], options: CreateOptions): RfcParameters {
  const { prefix } = CREATE_BAPIS[document.category];
  const referenceCategory = document.category === 'order' ? sapCategoryOf('quotation') : sapCategoryOf('inquiry');
  const header = commonHeaderIn(document);
  if (document.category !== 'order') {
    if (document.validFrom) header.QT_VALID_F = toDats(document.validFrom);
    if (document.validTo) header.QT_VALID_T = toDats(document.validTo);
  }
  if (document.referenceDocument) {
    header.REF_DOC = documentNumberIn(document.referenceDocument);
    header.REFDOC_CAT = referenceCategory;
  }
  const headerIn = withChecklist(header);

  const itemRows: RfcStructure[] = [];
  const itemChecklists: RfcStructure[] = [];
  const schedules: RfcStructure[] = [];
  const scheduleChecklists: RfcStructure[] = [];
  const conditions: RfcStructure[] = [];
  const conditionChecklists: RfcStructure[] = [];
  items.forEach((item, index) => {
    const ITM_NUMBER = itemNumberOf(index);
    const row: RfcStructure = { ITM_NUMBER };
    if (item.materialNumber) Object.assign(row, materialIn(item.materialNumber, options));
    if (item.unit) row.SALES_UNIT = item.unit;
    if (item.plant) row.PLANT = item.plant;
    if (item.description) row.SHORT_TEXT = item.description;
    if (item.referenceItem !== undefined && document.referenceDocument) {
      Object.assign(row, { REF_DOC: documentNumberIn(document.referenceDocument), REF_DOC_IT: String(item.referenceItem).padStart(6, '0'), REF_DOC_CA: referenceCategory });
    }
    const itemIn = withChecklist(row, ['ITM_NUMBER']);
    itemRows.push(itemIn.values);
    itemChecklists.push(itemIn.checklist);
    if (item.quantity !== undefined) {
      const schedule: RfcStructure = { ITM_NUMBER, SCHED_LINE: '0001', REQ_QTY: item.quantity.toFixed(3) };
      if (item.requestedDate) schedule.REQ_DATE = toDats(item.requestedDate);
      const scheduleIn = withChecklist(schedule, ['ITM_NUMBER', 'SCHED_LINE']);
      schedules.push(scheduleIn.values);
      scheduleChecklists.push(scheduleIn.checklist);
    }
    if (item.manualPrice) {
      const condition: RfcStructure = { ITM_NUMBER, COND_TYPE: 'PR00', COND_VALUE: item.manualPrice.amount.toFixed(2), CURRENCY: item.manualPrice.currency, COND_P_UNT: String(item.manualPrice.per ?? 1) };
      const conditionIn = withChecklist(condition, ['ITM_NUMBER', 'COND_TYPE']);
      conditions.push(conditionIn.values);
      conditionChecklists.push(conditionIn.checklist);
    }
  });
  return {
    [`${prefix}_HEADER_IN`]: headerIn.values,
    [`${prefix}_HEADER_INX`]: headerIn.checklist,
    [`${prefix}_ITEMS_IN`]: itemRows,
    [`${prefix}_ITEMS_INX`]: itemChecklists,
    [`${prefix}_SCHEDULES_IN`]: schedules,
    [`${prefix}_SCHEDULES_INX`]: scheduleChecklists,
    [`${prefix}_CONDITIONS_IN`]: conditions,
    [`${prefix}_CONDITIONS_INX`]: conditionChecklists,
    [`${prefix}_PARTNERS`]: partnersIn(document),
    RETURN: [],
    ...(options.testRun ? { TESTRUN: 'X' } : {}),
  };
}

/** The open items of a reference document, to be taken over whole. */
async function openReferenceItems(client: RfcClient, reference: string, options: SalesDocumentOptions): Promise<NewSalesDocumentItem[]> {
  const [source] = await getSalesDocuments(client, [reference], options);
  if (!source) return [];
  return source.items.filter((item) => !item.rejectionReason && item.referenceStatus !== 'complete').map((item) => ({ materialNumber: item.materialNumber, referenceItem: item.itemNumber }) as NewSalesDocumentItem);
}

function createdOf(document: NewSalesDocument, number: string, testRun: boolean, messages: SapMessage[]): CreatedSalesDocument {
  const codes = new Set(messages.map((m) => `${m.id}${m.number}`));
  return {
    documentNumber: number ? alphaOut(number) : '',
    category: document.category,
    testRun,
    creditBlocked: [...CREDIT_BLOCK_MESSAGES].some((code) => codes.has(code)),
    incomplete: codes.has(INCOMPLETE_MESSAGE),
    messages,
  };
}

export async function createSalesDocument(client: RfcClient, input: NewSalesDocument, options: CreateOptions = {}): Promise<CreatedSalesDocument> {
  const document = validSalesDocument(input, 'createSalesDocument', options);
  const items = document.items.length > 0 || !document.referenceDocument ? document.items : await openReferenceItems(client, document.referenceDocument, options);
  const { functionModule } = CREATE_BAPIS[document.category];
  const parameters = createParameters(document, items, options);
  const action = `the ${document.category} for customer ${alphaOut(customerNumberIn(document.soldTo))}`;
  if (options.testRun) {
    const result = await client.call(functionModule, parameters);
    const messages = returnMessages(result);
    const errors = messages.filter(isErrorMessage);
    if (errors.length > 0) throw new SapBusinessError(`SAP rejected ${action}: ${describeMessages(errors)}`, messages);
    return createdOf(document, '', true, messages);
  }
  const { result, messages } = await writeAndCommit(client, action, functionModule, parameters);
  return createdOf(document, scalarOf(result, 'SALESDOCUMENT'), false, messages);
}
