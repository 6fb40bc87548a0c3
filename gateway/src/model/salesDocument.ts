/** Sales documents (inquiries, quotations, orders) in the canonical model: SAP's VBAK/VBAP/VBUK/VBUP. */

import type { SalesArea } from './customer.js';

export type SalesDocumentCategory = 'inquiry' | 'quotation' | 'order';

/** SAP's status values (domain STATV): not relevant, not yet, partly, completely processed. */
export type ProcessingStatus = 'notRelevant' | 'open' | 'partial' | 'complete';

export interface SalesDocumentStatus {
  overall: ProcessingStatus;
  delivery: ProcessingStatus;
  billing: ProcessingStatus;
  rejection: ProcessingStatus;
  creditBlocked: boolean;
  deliveryBlock: string;
  billingBlock: string;
}

export interface SalesDocumentItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  netValue: number;
  netPrice: number;
  currency: string;
  plant: string;
  itemCategory: string;
  requestedDate: string;
  rejectionReason: string;
  deliveryStatus: ProcessingStatus;
}

export interface SalesDocument extends SalesArea {
  documentNumber: string;
  category: SalesDocumentCategory;
  documentType: string;
  soldTo: string;
  shipTo: string;
  customerReference: string;
  documentDate: string;
  requestedDeliveryDate: string;
  validFrom: string;
  validTo: string;
  netValue: number;
  currency: string;
  createdOn: string;
  createdBy: string;
  /** The quotation or inquiry this document was created with reference to. */
  referenceDocument: string;
  status: SalesDocumentStatus;
  items: SalesDocumentItem[];
}

/** A line in a list of a customer's orders (BAPI_SALESORDER_GETLIST). */
export interface SalesDocumentSummary {
  documentNumber: string;
  itemNumber: number;
  documentType: string;
  documentDate: string;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  netValue: number;
  currency: string;
  customerReference: string;
  salesOrganization: string;
  status: string;
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
  validFrom?: string;
  validTo?: string;
  currency?: string;
  /** An SAP quotation (or inquiry) this document follows. */
  referenceDocument?: string;
  items: NewSalesDocumentItem[];
}
