/**
 * SAP's price for a quote: the quote's lines simulated as a sales order for the account's SAP
 * customer in its sales area (BAPI_SALESORDER_SIMULATE through simulatePrices), answered per line
 * with net price, net value, tax and every condition, with totals, currency and SAP's messages.
 * With apply, SAP's prices are written onto the quote's lines (linePrices.ts); only a draft
 * quote's lines can change, as in CRM, and only when SAP prices in the quote's currency.
 *
 * The quote is read as the rep first: a rep who may not read it gets NOT_AUTHORIZED and SAP is not
 * called; lines that SAP cannot price (no product, no material number) are refused before SAP is
 * called. Whether SAP sells each material in the sales area is SAP's answer to the simulation; when
 * SAP refuses, the materials are read to name the line behind the refusal.
 */

import type { QuotePrice } from '../model/panelApi.js';
import type { PricedItem, PriceResult } from '../model/pricing.js';
import type { NewSalesDocument } from '../model/salesDocument.js';
import { SapBusinessError } from '../sap/errors.js';
import { simulatePrices } from '../sap/operations/simulatePrices.js';
import type { QuoteToSapDependencies } from './dependencies.js';
import { QuoteError } from './errors.js';
import { writeLinePrices } from './linePrices.js';
import { findUnsellableLine } from './materialCheck.js';
import { linkedCustomerOf, sapLinesOf, type LinkedCustomer, type SapLine } from './quoteLines.js';
import { readQuoteForSap } from './quoteRecords.js';

/** SAP numbers a new document's items 10, 20, 30 …, in the order they were sent. */
const ITEM_STEP = 10;

function simulationOf(customer: LinkedCustomer, lines: SapLine[]): NewSalesDocument {
  return {
    category: 'order',
    soldTo: customer.customerNumber,
    ...customer.salesArea,
    items: lines.map((line) => ({ materialNumber: line.materialNumber, quantity: line.quantity, ...(line.unit ? { unit: line.unit } : {}) })),
  };
}

async function simulate(deps: QuoteToSapDependencies, customer: LinkedCustomer, lines: SapLine[]): Promise<PriceResult> {
  try {
    return await simulatePrices(deps.sap, simulationOf(customer, lines));
  } catch (error) {
    if (!(error instanceof SapBusinessError)) throw error;
    // SAP refused the simulation: name the line when it is a material SAP does not sell there.
    throw (await findUnsellableLine(deps.sap, lines, customer.salesArea)) ?? error;
  }
}

function pricedLines(lines: SapLine[], result: PriceResult): { line: SapLine; item: PricedItem }[] {
  return lines.map((line, index) => {
    const item = result.items.find((candidate) => candidate.itemNumber === (index + 1) * ITEM_STEP);
    if (!item) {
      throw new QuoteError('SAP_PRICE_INCOMPLETE', `SAP priced ${result.items.length} of the quote's ${lines.length} lines and left out line ${line.line.position} (${line.line.label}). Try again; if it persists, an admin should look at SAP's pricing for material ${line.materialNumber}.`, {
        category: 'system',
        sapMessages: result.messages,
      });
    }
    return { line, item };
  });
}

export async function priceQuote(deps: QuoteToSapDependencies, quoteId: string, userObjectId: string, options: { apply: boolean }): Promise<QuotePrice> {
  const quote = await readQuoteForSap(deps.dataverse, quoteId, userObjectId);
  if (options.apply && quote.state !== 'draft') {
    throw new QuoteError('QUOTE_NOT_EDITABLE', `Quote ${quote.quoteNumber} is ${quote.state}, and CRM lets only a draft quote's lines change. Revise the quote to get a draft, then apply SAP's prices to it.`);
  }
  const customer = linkedCustomerOf(quote);
  const lines = sapLinesOf(quote);
  const result = await simulate(deps, customer, lines);
  const priced = pricedLines(lines, result);
  const pricedAt = (deps.now ?? (() => new Date()))();

  if (options.apply) {
    if (quote.currency && result.currency && quote.currency !== result.currency) {
      throw new QuoteError('CURRENCY_MISMATCH', `SAP prices customer ${result.soldTo} in ${result.currency}, but quote ${quote.quoteNumber} is in ${quote.currency}; SAP's prices were not written onto it. Create the quote in ${result.currency}.`);
    }
    await writeLinePrices(
      deps.dataverse,
      priced.map(({ line, item }) => ({ quoteDetailId: line.line.quoteDetailId, netPrice: item.netPrice, taxAmount: item.taxAmount })),
      pricedAt,
    );
  }

  return {
    quoteId: quote.id,
    customerNumber: result.soldTo,
    currency: result.currency,
    netValue: result.netValue,
    taxAmount: result.taxAmount,
    grossValue: result.grossValue,
    lines: priced.map(({ line, item }) => ({
      quoteDetailId: line.line.quoteDetailId,
      materialNumber: item.materialNumber,
      description: item.description,
      quantity: item.quantity,
      unit: item.unit,
      netPrice: item.netPrice,
      netValue: item.netValue,
      taxAmount: item.taxAmount,
      conditions: item.conditions.map((condition) => ({ conditionType: condition.conditionType, kind: condition.kind, rate: condition.rate, isPercentage: condition.isPercentage, value: condition.value })),
    })),
    messages: result.messages.map((message) => ({ type: message.type, id: message.id, number: message.number, message: message.message })),
    applied: options.apply,
    pricedAt: pricedAt.toISOString(),
  };
}
