/** Sales documents (inquiries, quotations, orders) in the canonical model: SAP's VBAK/VBAP/VBUK/VBUP/VBFA. */

import type { SalesArea } from './customer.js';
import type { SapMessage } from './errors.js';

export type SalesDocumentCategory = 'inquiry' | 'quotation' | 'order';

/** SAP's status values (domain STATV): not relevant, not yet, partly, completely processed. */
export type ProcessingStatus = 'notRelevant' | 'open' | 'partial' | 'complete';

export interface SalesDocumentStatus {
  overall: ProcessingStatus;
  delivery: ProcessingStatus;
  /** How far the ordered quantity has been invoiced (net of cancelled invoices); notRelevant for inquiries and quotations. */
  billing: ProcessingStatus;
  rejection: ProcessingStatus;
  /** How far an inquiry or quotation has been taken over into follow-up documents; notRelevant for orders. */
  reference: ProcessingStatus;
  creditBlocked: boolean;
  deliveryBlock: string;
  billingBlock: string;
}

export interface SalesDocumentItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  confirmedQuantity: number;
  unit: string;
  netValue: number;
  taxAmount: number;
  /** Net price per pricing unit (netPriceUnit of unit). */
  netPrice: number;
  netPriceUnit: number;
  currency: string;
  plant: string;
  itemCategory: string;
  requestedDate: string;
  rejectionReason: string;
  deliveryStatus: ProcessingStatus;
  billingStatus: ProcessingStatus;
  referenceStatus: ProcessingStatus;
  /** The quotation or inquiry item this item was copied from; empty when none. */
  referenceDocument: string;
  referenceItem: number;
}

/** The business document a document flow entry points to. */
export type DocumentFlowCategory = 'inquiry' | 'quotation' | 'order' | 'delivery' | 'invoice' | 'invoiceCancellation' | 'other';

/** One link of SAP's document flow (VBFA) of a sales document. */
export interface DocumentFlowEntry {
  /** preceding: the linked document came before this one; subsequent: it followed. */
  direction: 'preceding' | 'subsequent';
  documentNumber: string;
  itemNumber: number;
  category: DocumentFlowCategory;
  /** The item of this sales document the link belongs to (0 for the header). */
  ownItemNumber: number;
  quantity: number;
  value: number;
  currency: string;
  createdOn: string;
}

export interface SalesDocument extends SalesArea {
  documentNumber: string;
  category: SalesDocumentCategory;
  documentType: string;
  soldTo: string;
  shipTo: string;
  payer: string;
  customerReference: string;
  documentDate: string;
  requestedDeliveryDate: string;
  validFrom: string;
  validTo: string;
  netValue: number;
  taxAmount: number;
  currency: string;
  createdOn: string;
  createdBy: string;
  /** The quotation or inquiry this document was created with reference to. */
  referenceDocument: string;
  status: SalesDocumentStatus;
  items: SalesDocumentItem[];
  documentFlow: DocumentFlowEntry[];
}

/** A line in a list of a customer's sales documents (BAPI_SALESORDER_GETLIST): one per item. */
export interface SalesDocumentSummary {
  documentNumber: string;
  itemNumber: number;
  documentType: string;
  documentDate: string;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  requestedDate: string;
  netPrice: number;
  netPriceUnit: number;
  /** Net value of the whole document, in currency. */
  documentNetValue: number;
  currency: string;
  customerReference: string;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  /** Quotations and inquiries: the validity period; empty for orders. */
  validFrom: string;
  validTo: string;
  deliveryBlock: string;
  billingBlock: string;
  /** SAP's text for the document's overall processing status, as the list returns it. */
  status: string;
}

/** A bounded list: `truncated` says there were more lines than the list holds. */
export interface SalesDocumentList {
  lines: SalesDocumentSummary[];
  truncated: boolean;
}

export interface NewSalesDocumentItem {
  materialNumber: string;
  quantity: number;
  /** Sales unit; SAP uses the material's sales unit when absent. */
  unit?: string;
  plant?: string;
  description?: string;
  requestedDate?: string;
  /** A manual price per unit that overrides SAP's price (condition PR00). */
  manualPrice?: { amount: number; currency: string; per?: number };
  /** The item of the reference document (referenceDocument) this item takes over. */
  referenceItem?: number;
}

export interface NewSalesDocument extends SalesArea {
  category: SalesDocumentCategory;
  /** SAP document type; defaults by category (inquiry AF, quotation AG, order TA). */
  documentType?: string;
  soldTo: string;
  shipTo?: string;
  customerReference?: string;
  customerReferenceDate?: string;
  requestedDeliveryDate?: string;
  /** Date the prices are determined for; SAP uses today when absent. */
  pricingDate?: string;
  validFrom?: string;
  validTo?: string;
  currency?: string;
  /** An SAP quotation (or inquiry) this document follows; without items, all its open items are taken over. */
  referenceDocument?: string;
  items: NewSalesDocumentItem[];
}

/** What SAP answered when a sales document was created. */
export interface CreatedSalesDocument {
  /** The new document's number; empty for a test run, which saves nothing. */
  documentNumber: string;
  category: SalesDocumentCategory;
  testRun: boolean;
  /** The order failed the credit check and waits for credit management (SAP saved it anyway). */
  creditBlocked: boolean;
  /** SAP saved the document but reported data missing (incompletion log). */
  incomplete: boolean;
  messages: SapMessage[];
}
