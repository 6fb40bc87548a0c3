/**
 * The SAP half of sending a quote: find the document an earlier press created (by the customer
 * reference it carries, among the customer's documents of the category), or create it; then read
 * it back for its type and status. The search runs before every create, so that an answer SAP
 * sent and the gateway lost (a broken connection after the commit, the gateway stopping before
 * it wrote the number to CRM) never leads to a second document.
 */

import type { SapMessage } from '../model/errors.js';
import type { NewSalesDocument, SalesDocument } from '../model/salesDocument.js';
import { createSalesDocument } from '../sap/operations/createSalesDocument.js';
import { getSalesDocuments } from '../sap/operations/getSalesDocuments.js';
import { listSalesOrders } from '../sap/operations/listSalesOrders.js';
import type { RfcClient } from '../sap/rfc.js';
import type { SubmissionCategory } from './submissionKeys.js';

/** What SAP holds for a submission. */
export interface SapDocument {
  documentNumber: string;
  category: SubmissionCategory;
  documentType: string;
  /** For people and the quote's SAP status column, e.g. "Open; blocked by credit management". */
  status: string;
  netValue: number;
  currency: string;
  /** False when SAP already had it: an earlier press created it and its answer was lost. */
  created: boolean;
  messages: SapMessage[];
}

/** More lines than one customer reference ever has: the search is bounded, not cut. */
const SEARCH_LINES = 1000;

const OVERALL_STATUS: Record<SalesDocument['status']['overall'], string> = { notRelevant: 'Open', open: 'Open', partial: 'In process', complete: 'Completed' };

function statusText(document: SalesDocument, incomplete: boolean): string {
  return [
    OVERALL_STATUS[document.status.overall],
    ...(document.status.creditBlocked ? ['blocked by credit management'] : []),
    ...(document.status.deliveryBlock ? [`delivery block ${document.status.deliveryBlock}`] : []),
    ...(document.status.billingBlock ? [`billing block ${document.status.billingBlock}`] : []),
    ...(incomplete ? ['incomplete'] : []),
  ].join('; ');
}

/** The document of this category, customer, sales area and customer reference, if SAP has one (the first, if ever several). */
export async function findSubmittedDocument(sap: RfcClient, document: NewSalesDocument & { category: SubmissionCategory }): Promise<string | undefined> {
  if (!document.customerReference) return undefined;
  const list = await listSalesOrders(sap, {
    customerNumber: document.soldTo,
    salesOrganization: document.salesOrganization,
    category: document.category,
    customerReference: document.customerReference,
    maxLines: SEARCH_LINES,
  });
  const numbers = list.lines
    .filter((line) => line.customerReference === document.customerReference && line.distributionChannel === document.distributionChannel && line.division === document.division)
    .map((line) => line.documentNumber);
  return [...new Set(numbers)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))[0];
}

/**
 * The submission's document in SAP: found, or created. `mayCreate` is asked right before the
 * create, so that an attempt that has run out of time does not create what another press may be
 * creating by then.
 */
export async function findOrCreateDocument(
  sap: RfcClient,
  document: NewSalesDocument & { category: SubmissionCategory },
  mayCreate: () => void,
): Promise<SapDocument> {
  const existing = await findSubmittedDocument(sap, document);
  let number = existing;
  let messages: SapMessage[] = [];
  let incomplete = false;
  if (number === undefined) {
    mayCreate();
    const created = await createSalesDocument(sap, document);
    number = created.documentNumber;
    messages = created.messages;
    incomplete = created.incomplete;
  }
  const [saved] = await getSalesDocuments(sap, [number]);
  return {
    documentNumber: number,
    category: document.category,
    documentType: saved?.documentType ?? '',
    status: saved ? statusText(saved, incomplete) : '',
    netValue: saved?.netValue ?? 0,
    currency: saved?.currency ?? '',
    created: existing === undefined,
    messages,
  };
}
