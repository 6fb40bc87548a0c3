/**
 * What of a quote goes to SAP, checked before anything is sent: the account's SAP customer number
 * and sales area, and for every line a product with an SAP material number, a positive quantity
 * and a unit. The unit: a line in its product's default unit is sent without one, so SAP uses the
 * material's sales unit; a line in another unit is sent with that unit's name, which must then be
 * SAP's unit code (ST, KG, …). Prices are never sent: SAP determines them.
 */

import type { SalesArea } from '../model/customer.js';
import type { Material } from '../model/material.js';
import { lineError, QuoteError, type LineReference } from './errors.js';
import type { QuoteForSap, QuoteLine } from './quoteRecords.js';

export interface LinkedCustomer {
  customerNumber: string;
  salesArea: SalesArea;
}

/** A quote line ready for SAP. */
export interface SapLine {
  line: QuoteLine;
  materialNumber: string;
  quantity: number;
  /** SAP unit code; undefined: the material's sales unit. */
  unit: string | undefined;
}

export const lineReferenceOf = (line: QuoteLine): LineReference => ({ quoteDetailId: line.quoteDetailId, position: line.position, product: line.label });

/** The quote's account as SAP knows it, or ACCOUNT_NOT_LINKED saying what is missing. */
export function linkedCustomerOf(quote: QuoteForSap): LinkedCustomer {
  const account = quote.account;
  if (!account) {
    throw new QuoteError('ACCOUNT_NOT_LINKED', `Quote ${quote.quoteNumber}'s customer is a contact; only a quote for an account linked to an SAP customer can be priced or sent to SAP. Set an account as the quote's customer.`);
  }
  const missing = [
    account.customerNumber ? undefined : 'SAP customer number',
    account.salesOrganization ? undefined : 'sales organization',
    account.distributionChannel ? undefined : 'distribution channel',
    account.division ? undefined : 'division',
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0 || !account.salesOrganization || !account.distributionChannel || !account.division) {
    throw new QuoteError(
      'ACCOUNT_NOT_LINKED',
      `Account ${account.name} has no ${missing.join(', ')}, so SAP cannot price or take its quotes. Link the account to its SAP customer (the customer sync fills these columns) or ask an admin.`,
      { details: { accountId: account.accountId, missing } },
    );
  }
  return {
    customerNumber: account.customerNumber,
    salesArea: { salesOrganization: account.salesOrganization, distributionChannel: account.distributionChannel, division: account.division },
  };
}

/** Every line checked and mapped, in the quote's order; the first problem found is thrown, naming its line. */
export function sapLinesOf(quote: QuoteForSap): SapLine[] {
  if (quote.lines.length === 0) throw new QuoteError('QUOTE_HAS_NO_LINES', `Quote ${quote.quoteNumber} has no lines; add products before asking SAP.`);
  return quote.lines.map((line): SapLine => {
    const reference = lineReferenceOf(line);
    if (!line.product) {
      throw lineError('LINE_WITHOUT_PRODUCT', reference, 'is a write-in line without a product; SAP needs a product with an SAP material number. Choose an existing product for the line.');
    }
    if (!line.product.materialNumber) {
      throw lineError('PRODUCT_WITHOUT_MATERIAL', reference, `product ${line.product.name} has no SAP material number. Set it on the product (SAP Material Number) or choose a product that is linked to SAP.`);
    }
    if (!(line.quantity > 0)) throw lineError('LINE_QUANTITY_INVALID', reference, `has quantity ${line.quantity}; SAP needs a quantity above 0.`);
    const inDefaultUnit = line.unitId === '' || line.unitId === line.product.defaultUnitId;
    return { line, materialNumber: line.product.materialNumber, quantity: line.quantity, unit: inDefaultUnit ? undefined : line.unitName.trim() };
  });
}

const sameMaterial = (a: string, b: string): boolean => a.replace(/^0+(?=\d)/, '').toUpperCase() === b.replace(/^0+(?=\d)/, '').toUpperCase();

/**
 * Why SAP would not sell a line's material in the sales area, or undefined when it would: the
 * material must exist, not be marked for deletion, have a sales view for the sales organisation
 * and distribution channel without a sales status (block), and know the line's unit.
 */
export function sellabilityProblem(sapLine: SapLine, material: Material | undefined, salesArea: SalesArea): QuoteError | undefined {
  const reference = lineReferenceOf(sapLine.line);
  const where = `sales organization ${salesArea.salesOrganization}, distribution channel ${salesArea.distributionChannel}`;
  if (!material || !sameMaterial(material.materialNumber, sapLine.materialNumber)) {
    return lineError('MATERIAL_NOT_FOUND', reference, `SAP has no material ${sapLine.materialNumber}. Correct the product's SAP material number.`);
  }
  if (material.markedForDeletion) {
    return lineError('MATERIAL_NOT_SELLABLE', reference, `material ${material.materialNumber} is marked for deletion in SAP. Choose another product.`);
  }
  const salesView = material.salesData.find((view) => view.salesOrganization === salesArea.salesOrganization && view.distributionChannel === salesArea.distributionChannel);
  if (!salesView) {
    return lineError('MATERIAL_NOT_SELLABLE', reference, `material ${material.materialNumber} is not sold in the account's sales area (${where}). Choose another product, or have the material extended to that sales area in SAP.`);
  }
  if (salesView.salesStatus) {
    return lineError('MATERIAL_NOT_SELLABLE', reference, `material ${material.materialNumber} is blocked for sales in ${where} (SAP sales status ${salesView.salesStatus}). Choose another product.`);
  }
  if (sapLine.unit !== undefined && !material.units.some((unit) => unit.unit.toUpperCase() === sapLine.unit!.toUpperCase())) {
    const known = material.units.map((unit) => unit.unit).join(', ');
    return lineError(
      'UNIT_NOT_MAPPED',
      reference,
      `unit "${sapLine.unit}" is not a unit of material ${material.materialNumber} in SAP (${known}). Use the product's default unit, or a CRM unit named like SAP's unit code.`,
    );
  }
  return undefined;
}
