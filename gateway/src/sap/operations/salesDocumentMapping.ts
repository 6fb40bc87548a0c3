/**
 * What the sales document operations share: the create BAPI of each document category, default
 * document types, SAP's document categories (VBTYP) in the canonical model, material numbers in
 * and out (MATERIAL, or MATERIAL_LONG on systems with 40-character material numbers), the
 * check of a new sales document before it is sent, and the header fields and partners it is
 * sent with.
 *
 * Document types go over RFC in SAP's internal form (AF, AG, TA): RFC runs no conversion exit,
 * and the BAPIs are called without CONVERT, so the language-dependent external forms (IN, QT,
 * OR) are not used.
 */

import { z } from 'zod';
import type { DocumentFlowCategory, NewSalesDocument, SalesDocumentCategory } from '../../model/salesDocument.js';
import { toDats } from '../abapValues.js';
import { alphaIn, alphaOut, customerNumberIn } from '../alpha.js';
import type { RfcStructure } from '../rfc.js';
import { orgKey, sapKey, sapText, validInput } from './inputValidation.js';

export interface SalesDocumentOptions {
  /**
   * Send material numbers in MATERIAL_LONG (CHAR40) instead of MATERIAL (CHAR18), for systems
   * with extended material numbers. Off by default: an ECC 6.0 does not know the field and
   * rejects the call.
   */
  longMaterialNumbers?: boolean;
}

export const CREATE_BAPIS: Record<SalesDocumentCategory, { functionModule: string; prefix: string; defaultType: string }> = {
  inquiry: { functionModule: 'BAPI_INQUIRY_CREATEFROMDATA2', prefix: 'INQUIRY', defaultType: 'AF' },
  quotation: { functionModule: 'BAPI_QUOTATION_CREATEFROMDATA2', prefix: 'QUOTATION', defaultType: 'AG' },
  order: { functionModule: 'BAPI_SALESORDER_CREATEFROMDAT2', prefix: 'ORDER', defaultType: 'TA' },
};

const CATEGORY_OF: Record<string, SalesDocumentCategory> = { A: 'inquiry', B: 'quotation', C: 'order' };
const SAP_CATEGORY_OF: Record<SalesDocumentCategory, string> = { inquiry: 'A', quotation: 'B', order: 'C' };
const FLOW_CATEGORY_OF: Record<string, DocumentFlowCategory> = { A: 'inquiry', B: 'quotation', C: 'order', J: 'delivery', M: 'invoice', N: 'invoiceCancellation' };

/** SAP's document category (VBTYP) of a sales document in the canonical model; undefined for other documents. */
export const categoryOf = (vbtyp: string): SalesDocumentCategory | undefined => CATEGORY_OF[vbtyp.trim()];
export const sapCategoryOf = (category: SalesDocumentCategory): string => SAP_CATEGORY_OF[category];
export const flowCategoryOf = (vbtyp: string): DocumentFlowCategory => FLOW_CATEGORY_OF[vbtyp.trim()] ?? 'other';

/** Material number as the BAPI field expects it: MATN1 (numeric numbers right-aligned with zeros to 18). */
export function materialIn(materialNumber: string, options: SalesDocumentOptions): RfcStructure {
  const trimmed = materialNumber.trim();
  const internal = /^\d+$/.test(trimmed) && trimmed.length <= 18 ? alphaIn(trimmed, 18) : trimmed;
  return options.longMaterialNumbers ? { MATERIAL_LONG: internal } : { MATERIAL: internal };
}

/** Material number of a BAPI row for people: MATERIAL_LONG when the setting is on and SAP sent it, else MATERIAL. */
export function materialOut(row: RfcStructure, options: SalesDocumentOptions): string {
  const long = options.longMaterialNumbers ? String(row.MATERIAL_LONG ?? '').trim() : '';
  return alphaOut(long || String(row.MATERIAL ?? ''));
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

function newSalesDocumentSchema(options: SalesDocumentOptions) {
  const item = z.object({
    materialNumber: sapKey(options.longMaterialNumbers ? 40 : 18),
    quantity: z.number().positive('must be more than 0').max(9_999_999_999, 'is too large for SAP'),
    unit: sapText(3).optional(),
    plant: orgKey(4).optional(),
    description: sapText(40).optional(),
    requestedDate: isoDate.optional(),
    manualPrice: z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code'), per: z.number().int().positive().optional() }).optional(),
    referenceItem: z.number().int().positive().optional(),
  });
  // Items taken over from a reference document need no material: SAP copies it.
  const referencedItem = item.extend({ materialNumber: z.string().max(options.longMaterialNumbers ? 40 : 18).optional(), quantity: item.shape.quantity.optional(), referenceItem: z.number().int().positive() });
  return z
    .object({
      category: z.enum(['inquiry', 'quotation', 'order']),
      documentType: sapKey(4).optional(),
      salesOrganization: orgKey(4),
      distributionChannel: orgKey(2),
      division: orgKey(2),
      soldTo: sapKey(10),
      shipTo: sapKey(10).optional(),
      customerReference: sapText(35).optional(),
      customerReferenceDate: isoDate.optional(),
      requestedDeliveryDate: isoDate.optional(),
      pricingDate: isoDate.optional(),
      validFrom: isoDate.optional(),
      validTo: isoDate.optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code').optional(),
      referenceDocument: sapKey(10).optional(),
      items: z.array(z.union([item, referencedItem])).max(500, 'must have at most 500 items'),
    })
    .refine((doc) => doc.items.length > 0 || doc.referenceDocument !== undefined, { message: 'needs at least one item, or a reference document whose items are taken over', path: ['items'] });
}

/** Checks a new sales document's shape and lengths; InvalidInputError names every problem. */
export function validSalesDocument(input: NewSalesDocument, operation: string, options: SalesDocumentOptions): NewSalesDocument {
  return validInput(newSalesDocumentSchema(options), input, operation) as NewSalesDocument;
}

/** Item numbers as SAP numbers them by default: 10, 20, 30 … */
export const itemNumberOf = (index: number): string => String((index + 1) * 10).padStart(6, '0');

/**
 * The header fields of a new document that the create BAPIs (BAPISDHD1) and
 * BAPI_SALESORDER_SIMULATE (BAPISDHEAD) share under the same names: document type, sales area,
 * the customer's purchase order and its date, requested delivery date, pricing date, currency.
 */
export function commonHeaderIn(document: NewSalesDocument): RfcStructure {
  const header: RfcStructure = {
    DOC_TYPE: document.documentType ?? CREATE_BAPIS[document.category].defaultType,
    SALES_ORG: document.salesOrganization,
    DISTR_CHAN: document.distributionChannel,
    DIVISION: document.division,
  };
  if (document.customerReference) header.PURCH_NO_C = document.customerReference;
  if (document.customerReferenceDate) header.PURCH_DATE = toDats(document.customerReferenceDate);
  if (document.requestedDeliveryDate) header.REQ_DATE_H = toDats(document.requestedDeliveryDate);
  if (document.pricingDate) header.PRICE_DATE = toDats(document.pricingDate);
  if (document.currency) header.CURRENCY = document.currency;
  return header;
}

/** The partners a new document is sent with (BAPIPARNR): the sold-to party (AG) and, when given, the ship-to party (WE). */
export function partnersIn(document: NewSalesDocument): RfcStructure[] {
  const partners: RfcStructure[] = [{ PARTN_ROLE: 'AG', PARTN_NUMB: customerNumberIn(document.soldTo) }];
  if (document.shipTo) partners.push({ PARTN_ROLE: 'WE', PARTN_NUMB: customerNumberIn(document.shipTo) });
  return partners;
}
