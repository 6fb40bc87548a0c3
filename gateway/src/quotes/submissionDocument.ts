/**
 * The SAP document a quote is sent as: a quotation (valid from and to the quote's effective
 * dates) or a sales order, for the account's SAP customer in its sales area, with the quote's
 * lines as items and the quote number as the customer reference. An order for a quote that
 * names an SAP quotation (ecc_sapquotationnumber, set when the quote was sent as a quotation) is
 * created with reference to it: each line takes over an open quotation item of the same
 * material (SAP copies its prices and conditions); a line with no such item is a new item. Dates
 * before today are not sent: SAP would refuse them, and schedules from today.
 */

import type { NewSalesDocument, NewSalesDocumentItem, SalesDocument } from '../model/salesDocument.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import type { RfcClient } from '../sap/rfc.js';
import { QuoteError } from './errors.js';
import type { LinkedCustomer, SapLine } from './quoteLines.js';
import type { QuoteForSap } from './quoteRecords.js';
import { customerReferenceOf, type SubmissionCategory } from './submissionKeys.js';

export interface SubmissionDocument {
  document: NewSalesDocument;
  /** The SAP quotation the order refers to; empty when none. */
  referenceQuotation: string;
}

const withoutZeros = (number: string): string => number.trim().replace(/^0+(?=\d)/, '').toUpperCase();

const notBefore = (date: string, today: string): string | undefined => (date !== '' && date >= today ? date : undefined);

async function referencedQuotation(sap: RfcClient, number: string, customer: LinkedCustomer, quoteNumber: string): Promise<SalesDocument> {
  const [quotation] = await getSalesDocuments(sap, [number]);
  const problem = !quotation
    ? `SAP has no document ${number}`
    : quotation.category !== 'quotation'
      ? `SAP document ${number} is not a quotation`
      : withoutZeros(quotation.soldTo) !== withoutZeros(customer.customerNumber)
        ? `SAP quotation ${number} is for customer ${quotation.soldTo}, not for this account's customer ${withoutZeros(customer.customerNumber)}`
        : undefined;
  if (problem || !quotation) {
    throw new QuoteError('SAP_QUOTATION_INVALID', `Quote ${quoteNumber} refers to SAP quotation ${number}, but ${problem ?? 'it cannot be read'}. Correct or clear the SAP quotation number on the quote.`);
  }
  return quotation;
}

/** For each line, an open item of the quotation with the same material, each item taken once; undefined where there is none. */
function referenceItemsOf(lines: SapLine[], quotation: SalesDocument): (number | undefined)[] {
  const open = quotation.items.filter((item) => !item.rejectionReason && item.referenceStatus !== 'complete');
  return lines.map((line) => {
    const index = open.findIndex((item) => withoutZeros(item.materialNumber) === withoutZeros(line.materialNumber));
    return index >= 0 ? open.splice(index, 1)[0]!.itemNumber : undefined;
  });
}

function itemOf(line: SapLine, today: string, referenceItem: number | undefined): NewSalesDocumentItem {
  const requestedDate = notBefore(line.line.requestedDate, today);
  return {
    materialNumber: line.materialNumber,
    quantity: line.quantity,
    ...(line.unit ? { unit: line.unit } : {}),
    ...(requestedDate ? { requestedDate } : {}),
    ...(referenceItem !== undefined ? { referenceItem } : {}),
  };
}

export async function submissionDocumentOf(
  sap: RfcClient,
  quote: QuoteForSap,
  customer: LinkedCustomer,
  lines: SapLine[],
  category: SubmissionCategory,
  today: string,
): Promise<SubmissionDocument> {
  const reference = category === 'order' && quote.sapQuotationNumber ? await referencedQuotation(sap, quote.sapQuotationNumber, customer, quote.quoteNumber) : undefined;
  const referenceItems = reference ? referenceItemsOf(lines, reference) : undefined;
  const requestedDeliveryDate = notBefore(quote.requestedDeliveryDate, today);
  const validFrom = category === 'quotation' ? notBefore(quote.validFrom, today) : undefined;
  const validTo = category === 'quotation' ? notBefore(quote.validTo, today) : undefined;
  const document: NewSalesDocument = {
    category,
    soldTo: customer.customerNumber,
    ...customer.salesArea,
    customerReference: customerReferenceOf(quote),
    customerReferenceDate: today,
    ...(requestedDeliveryDate ? { requestedDeliveryDate } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    ...(reference ? { referenceDocument: reference.documentNumber } : {}),
    items: lines.map((line, index) => itemOf(line, today, referenceItems?.[index])),
  };
  return { document, referenceQuotation: reference?.documentNumber ?? '' };
}
