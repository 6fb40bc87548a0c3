/**
 * SAP's price for a prospective sales document (BAPI_SALESORDER_SIMULATE), nothing saved: each
 * item's net value, tax and every pricing condition classified as price, discount, surcharge or
 * tax. The item amounts come from BAPIITEMEX's NUMC fields with implied decimals (NET_VALUE,
 * SUBTOTAL_1 with two, QTY_REQ_DT with three); NUMC has no sign, so the sign is taken from the
 * DEC twin. Conditions come from ORDER_CONDITION_EX (BAPICOND: COND_VALUE is the rate, a
 * percentage when CALCTYPCON is A; CONDVALUE the value; CONDCLASS the condition class KOAID: A
 * discount or surcharge, B price, D tax). RETURN (BAPIRETURN) or MESSAGETABLE holding an error
 * means SAP refused: SapBusinessError with SAP's messages (an unknown material, a material not
 * sold in the sales area, a customer blocked for orders …).
 */

import type { SapMessage } from '../../model/errors.js';
import type { ConditionKind, PriceCondition, PricedItem, PriceResult } from '../../model/pricing.js';
import type { NewSalesDocument } from '../../model/salesDocument.js';
import { fromDats, fromImpliedDecimals, parseDecimal, roundAmount, toDats, toImpliedDecimals } from '../abapValues.js';
import { alphaOut, customerNumberIn, documentNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError } from '../errors.js';
import type { RfcSession, RfcStructure } from '../rfc.js';
import { structureOf, tableOf } from '../rfc.js';
import { commonHeaderIn, itemNumberOf, materialIn, materialOut, partnersIn, sapCategoryOf, validSalesDocument, type SalesDocumentOptions } from './salesDocumentMapping.js';

const text = (row: RfcStructure, field: string): string => String(row[field] ?? '').trim();

/** An unsigned NUMC amount with implied decimals, signed like its DEC twin. */
function signedImplied(row: RfcStructure, numcField: string, decimals: number, decField: string): number {
  const magnitude = fromImpliedDecimals(text(row, numcField), decimals);
  return parseDecimal(row[decField]) < 0 ? -magnitude : magnitude;
}

function kindOf(row: RfcStructure): ConditionKind {
  const conditionClass = text(row, 'CONDCLASS');
  if (conditionClass === 'B') return 'price';
  if (conditionClass === 'D' || text(row, 'CONDTYPE') === 'D') return 'tax';
  if (conditionClass === 'A') return parseDecimal(row.CONDVALUE) < 0 || parseDecimal(row.COND_VALUE) < 0 ? 'discount' : 'surcharge';
  return 'other';
}

export function conditionOf(row: RfcStructure): PriceCondition {
  const isPercentage = text(row, 'CALCTYPCON') === 'A';
  return {
    conditionType: text(row, 'COND_TYPE'),
    kind: kindOf(row),
    rate: parseDecimal(row.COND_VALUE),
    isPercentage,
    rateCurrency: isPercentage ? '' : text(row, 'CURRENCY'),
    pricingUnit: isPercentage ? 0 : parseDecimal(row.COND_P_UNT),
    unit: text(row, 'COND_UNIT'),
    value: parseDecimal(row.CONDVALUE),
    manual: text(row, 'CONDORIGIN') === 'C' || text(row, 'CONDCHAMAN') === 'X',
  };
}

function simulationParameters(document: NewSalesDocument, options: SalesDocumentOptions): Record<string, RfcStructure | RfcStructure[]> {
  const header = commonHeaderIn(document);
  if (document.referenceDocument) {
    header.REF_DOC = documentNumberIn(document.referenceDocument);
    header.REF_DOC_CA = document.category === 'order' ? sapCategoryOf('quotation') : sapCategoryOf('inquiry');
  }
  const items = document.items.map((item, index): RfcStructure => {
    const row: RfcStructure = { ITM_NUMBER: itemNumberOf(index), REQ_QTY: toImpliedDecimals(item.quantity ?? 0, 3, 13) };
    if (item.materialNumber) Object.assign(row, materialIn(item.materialNumber, options));
    if (item.unit) row.SALES_UNIT = item.unit;
    if (item.plant) row.PLANT = item.plant;
    if (item.description) row.SHORT_TEXT = item.description;
    if (item.requestedDate) row.REQ_DATE = toDats(item.requestedDate);
    if (item.referenceItem !== undefined && document.referenceDocument) {
      Object.assign(row, { REF_DOC: documentNumberIn(document.referenceDocument), REF_DOC_IT: String(item.referenceItem).padStart(6, '0'), REF_DOC_CA: header.REF_DOC_CA! });
    }
    if (item.manualPrice) {
      Object.assign(row, { COND_TYPE: 'PR00', COND_VALUE: item.manualPrice.amount.toFixed(2), CURRENCY: item.manualPrice.currency, COND_P_UNT: String(item.manualPrice.per ?? 1) });
    }
    return row;
  });
  return { ORDER_HEADER_IN: header, ORDER_PARTNERS: partnersIn(document), ORDER_ITEMS_IN: items };
}

export async function simulatePrices(session: RfcSession, input: NewSalesDocument, options: SalesDocumentOptions = {}): Promise<PriceResult> {
  const document = validSalesDocument(input, 'simulatePrices', options);
  const result = await session.call('BAPI_SALESORDER_SIMULATE', {
    ...simulationParameters(document, options),
    ORDER_ITEMS_OUT: [],
    ORDER_CONDITION_EX: [],
    ORDER_SCHEDULE_EX: [],
    ORDER_INCOMPLETE: [],
    MESSAGETABLE: [],
  });
  const messages: SapMessage[] = [...returnMessages(result, 'RETURN'), ...returnMessages(result, 'MESSAGETABLE')];
  const errors = messages.filter(isErrorMessage);
  if (errors.length > 0) {
    const orderBlock = text(structureOf(result, 'SOLD_TO_PARTY'), 'ORDER_BLCK');
    throw new SapBusinessError(`SAP refused the price simulation for customer ${alphaOut(customerNumberIn(document.soldTo))}: ${describeMessages(errors)}`, messages, {
      details: orderBlock ? { orderBlock } : {},
    });
  }
  const conditions = tableOf(result, 'ORDER_CONDITION_EX');
  const schedules = tableOf(result, 'ORDER_SCHEDULE_EX');
  const items = tableOf(result, 'ORDER_ITEMS_OUT').map((row): PricedItem => {
    const itemNumber = text(row, 'ITM_NUMBER');
    const quantity = fromImpliedDecimals(text(row, 'QTY_REQ_DT'), 3) || parseDecimal(row.REQ_QTY);
    const netValue = signedImplied(row, 'NET_VALUE', 2, 'NET_VALUE1');
    const schedule = schedules.find((line) => text(line, 'ITM_NUMBER') === itemNumber);
    return {
      itemNumber: Number(itemNumber),
      materialNumber: materialOut(row, options),
      description: text(row, 'SHORT_TEXT'),
      quantity,
      unit: text(row, 'SALES_UNIT'),
      undiscountedValue: signedImplied(row, 'SUBTOTAL_1', 2, 'SUBTOTAL1'),
      netPrice: quantity > 0 ? roundAmount(netValue / quantity) : 0,
      netValue,
      taxAmount: parseDecimal(row.TX_DOC_CUR),
      currency: text(row, 'CURRENCY'),
      plant: text(row, 'PLANT'),
      deliveryDate: fromDats(row.DLV_DATE) || fromDats(schedule?.REQ_DATE),
      conditions: conditions.filter((c) => text(c, 'ITM_NUMBER') === itemNumber).map(conditionOf),
    };
  });
  const netValue = roundAmount(items.reduce((sum, item) => sum + item.netValue, 0));
  const taxAmount = roundAmount(items.reduce((sum, item) => sum + item.taxAmount, 0));
  return {
    soldTo: alphaOut(text(structureOf(result, 'SOLD_TO_PARTY'), 'SOLD_TO') || customerNumberIn(document.soldTo)),
    currency: items[0]?.currency ?? text(structureOf(result, 'SOLD_TO_PARTY'), 'CURRENCY'),
    netValue,
    taxAmount,
    grossValue: roundAmount(netValue + taxAmount),
    items,
    messages,
  };
}
