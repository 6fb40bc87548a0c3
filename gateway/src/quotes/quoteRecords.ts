/**
 * The quote as the quote-to-SAP use cases need it, read from Dataverse as the rep: the quote
 * (state, numbers, dates, currency, what was sent to SAP before, the installation's approval
 * column), its customer account's SAP link (customer number and sales area) and its lines with
 * product, SAP material number and unit. Reading as the rep (CallerObjectId) is the access check:
 * a rep who may not read the quote or its account gets NOT_AUTHORIZED, and nothing is sent to SAP.
 * The quote's update after a submission is here too: this file and syncResults.ts are where the
 * quote tables' Dataverse names live.
 */

import type { DataverseClient } from '../dataverse/client.js';
import { eq } from '../dataverse/filter.js';
import { guid } from '../dataverse/odataValues.js';
import { batchRequest, type BatchOperation } from '../dataverse/requests/batch.js';
import { WRITTEN_TABLES, type ColumnValues } from '../dataverse/writtenColumns.js';
import type { SalesArea } from '../model/customer.js';
import { QuoteError } from './errors.js';
import { readAsUser } from './readAsUser.js';

/** SAP takes at most this many items in one document (the create BAPIs' limit in salesDocumentMapping.ts). */
export const MAX_QUOTE_LINES = 500;

export type QuoteState = 'draft' | 'active' | 'won' | 'closed';
const QUOTE_STATES: Record<number, QuoteState> = { 0: 'draft', 1: 'active', 2: 'won', 3: 'closed' };

/** ecc_sapstatus holds 100 characters (Quote/Entity.xml of the solution). */
const SAP_STATUS_LENGTH = 100;

/** ecc_sapdocumentcategory's options (Quote/Entity.xml of the solution). */
export const SAP_DOCUMENT_CATEGORY_VALUES: Record<'quotation' | 'order', number> = { quotation: 363650000, order: 363650001 };

export interface QuoteProduct {
  id: string;
  name: string;
  /** SAP material number as the product holds it; empty when not linked. */
  materialNumber: string;
  defaultUnitId: string;
}

export interface QuoteLine {
  quoteDetailId: string;
  /** 1-based position on the quote, in the order the form shows the lines. */
  position: number;
  /** undefined for a write-in line (no product). */
  product: QuoteProduct | undefined;
  /** The product's name, or a write-in line's description. */
  label: string;
  quantity: number;
  unitId: string;
  /** The CRM unit's name (e.g. "ST", "Primary Unit"). */
  unitName: string;
  /** ISO date, empty when not set. */
  requestedDate: string;
}

export interface QuoteAccount extends Partial<SalesArea> {
  accountId: string;
  name: string;
  /** As the account holds it (internal form with leading zeros); empty when not linked to SAP. */
  customerNumber: string;
}

export interface QuoteForSap {
  id: string;
  quoteNumber: string;
  revision: number;
  name: string;
  state: QuoteState;
  /** The installation's approval column's value, when one is configured. */
  approvalValue: unknown;
  /** undefined when the quote's customer is a contact, not an account. */
  account: QuoteAccount | undefined;
  /** ISO 4217 code of the quote's currency. */
  currency: string;
  requestedDeliveryDate: string;
  validFrom: string;
  validTo: string;
  /** The SAP document the quote was last sent as; empty number when never sent. */
  sapDocument: { number: string; category: 'quotation' | 'order' | ''; status: string };
  /** An SAP quotation a sales order is created with reference to; empty when none. */
  sapQuotationNumber: string;
  lines: QuoteLine[];
}

export interface ReadQuoteOptions {
  /** The installation's approval column on quote (quotes.approvalColumn), read with the quote. */
  approvalColumn?: string | undefined;
}

type Row = Record<string, unknown>;

const LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname';

const text = (row: Row | undefined, column: string): string => (typeof row?.[column] === 'string' ? (row[column]) : '');
const dateOf = (row: Row, column: string): string => text(row, column).slice(0, 10);

const refusalsFor = (what: string, id: string, notFound: QuoteError['code']) => ({
  forbidden: `You may not read ${what} ${id} in CRM, so the gateway does not show or change its SAP data. Ask its owner or your CRM administrator for access.`,
  notFound: () => new QuoteError(notFound, `CRM has no ${what} ${id}; it may have been deleted.`),
});

function categoryOfValue(value: unknown): 'quotation' | 'order' | '' {
  const entry = Object.entries(SAP_DOCUMENT_CATEGORY_VALUES).find(([, option]) => option === value);
  return entry ? (entry[0] as 'quotation' | 'order') : '';
}

function lineOf(row: Row, index: number): QuoteLine {
  const product = row.productid as Row | null | undefined;
  const unit = row.uomid as Row | null | undefined;
  const productName = text(product ?? undefined, 'name');
  return {
    quoteDetailId: text(row, 'quotedetailid'),
    position: index + 1,
    product: product
      ? { id: text(product, 'productid'), name: productName, materialNumber: text(product, 'ecc_materialnumber').trim(), defaultUnitId: text(product, '_defaultuomid_value') }
      : undefined,
    label: productName || text(row, 'productdescription'),
    quantity: typeof row.quantity === 'number' ? row.quantity : Number(row.quantity ?? 0),
    unitId: text(row, '_uomid_value'),
    unitName: text(unit ?? undefined, 'name'),
    requestedDate: dateOf(row, 'requestdeliveryby'),
  };
}

/** Reads the quote, its account and its lines as the rep; NOT_AUTHORIZED when CRM does not let the rep read them. */
export async function readQuoteForSap(dataverse: DataverseClient, quoteId: string, userObjectId: string, options: ReadQuoteOptions = {}): Promise<QuoteForSap> {
  const rep = dataverse.asUser(userObjectId);
  const select = [
    'quoteid', 'name', 'quotenumber', 'revisionnumber', 'statecode', '_customerid_value', 'effectivefrom', 'effectiveto', 'requestdeliveryby',
    'ecc_sapdocumentnumber', 'ecc_sapdocumentcategory', 'ecc_sapstatus', 'ecc_sapquotationnumber',
    ...(options.approvalColumn ? [options.approvalColumn] : []),
  ];
  const quote = await readAsUser(
    () => rep.retrieve<Row>('quotes', quoteId, { select, expand: [{ navigation: 'transactioncurrencyid', select: ['isocurrencycode'] }], includeAnnotations: 'Microsoft.Dynamics.CRM.lookuplogicalname' }),
    refusalsFor('quote', quoteId, 'QUOTE_NOT_FOUND'),
  );
  const customerId = text(quote, '_customerid_value');
  const customerIsAccount = quote[`_customerid_value${LOOKUP_TABLE}`] === 'account';

  const [account, lines] = await Promise.all([
    customerIsAccount
      ? readAsUser(
          () => rep.retrieve<Row>('accounts', customerId, { select: ['accountid', 'name', 'ecc_customernumber', 'ecc_salesorganization', 'ecc_distributionchannel', 'ecc_division'] }),
          refusalsFor("the quote's account", customerId, 'ACCOUNT_NOT_LINKED'),
        )
      : Promise.resolve(undefined),
    readAsUser(
      () =>
        rep
          .retrieveMultiple<Row>(
            'quotedetails',
            {
              select: ['quotedetailid', 'quantity', 'productdescription', 'requestdeliveryby', '_uomid_value', 'sequencenumber', 'lineitemnumber'],
              filter: eq('_quoteid_value', guid(quoteId)),
              orderBy: ['sequencenumber', 'lineitemnumber', 'createdon'],
              expand: [
                { navigation: 'productid', select: ['productid', 'name', 'ecc_materialnumber', '_defaultuomid_value'] },
                { navigation: 'uomid', select: ['name'] },
              ],
            },
            { maxRows: MAX_QUOTE_LINES },
          )
          .collect(),
      refusalsFor('the lines of quote', quoteId, 'QUOTE_NOT_FOUND'),
    ),
  ]);
  if (!lines.complete) throw new QuoteError('QUOTE_TOO_MANY_LINES', `The quote has more than ${MAX_QUOTE_LINES} lines; SAP takes at most ${MAX_QUOTE_LINES} items in one document. Split the quote.`);

  const currency = quote.transactioncurrencyid as Row | null | undefined;
  return {
    id: text(quote, 'quoteid'),
    quoteNumber: text(quote, 'quotenumber'),
    revision: typeof quote.revisionnumber === 'number' ? quote.revisionnumber : 0,
    name: text(quote, 'name'),
    state: QUOTE_STATES[quote.statecode as number] ?? 'draft',
    approvalValue: options.approvalColumn ? quote[options.approvalColumn] : undefined,
    account: account
      ? {
          accountId: text(account, 'accountid'),
          name: text(account, 'name'),
          customerNumber: text(account, 'ecc_customernumber').trim(),
          ...(text(account, 'ecc_salesorganization') ? { salesOrganization: text(account, 'ecc_salesorganization').trim() } : {}),
          ...(text(account, 'ecc_distributionchannel') ? { distributionChannel: text(account, 'ecc_distributionchannel').trim() } : {}),
          ...(text(account, 'ecc_division') ? { division: text(account, 'ecc_division').trim() } : {}),
        }
      : undefined,
    currency: text(currency ?? undefined, 'isocurrencycode'),
    requestedDeliveryDate: dateOf(quote, 'requestdeliveryby'),
    validFrom: dateOf(quote, 'effectivefrom'),
    validTo: dateOf(quote, 'effectiveto'),
    sapDocument: { number: text(quote, 'ecc_sapdocumentnumber'), category: categoryOfValue(quote.ecc_sapdocumentcategory), status: text(quote, 'ecc_sapstatus') },
    sapQuotationNumber: text(quote, 'ecc_sapquotationnumber').trim(),
    lines: lines.rows.map(lineOf),
  };
}

/** What the quote records of the SAP document it was sent as. */
export interface QuoteSubmission {
  documentNumber: string;
  category: 'quotation' | 'order';
  status: string;
  submittedAt: string;
}

/**
 * The quote's update after a submission, as a $batch request (it commits with the sync result row):
 * the SAP document's number, category and status, when it was sent, and for a quotation also the
 * SAP quotation number a later order refers to.
 */
export const quoteSubmissionUpdate = (quoteId: string, submission: QuoteSubmission): BatchOperation =>
  batchRequest.update(WRITTEN_TABLES.quote.entitySet, quoteId, {
    ecc_sapdocumentnumber: submission.documentNumber,
    ecc_sapdocumentcategory: SAP_DOCUMENT_CATEGORY_VALUES[submission.category],
    ecc_sapstatus: submission.status.slice(0, SAP_STATUS_LENGTH),
    ecc_sapsubmittedon: submission.submittedAt,
    ...(submission.category === 'quotation' ? ({ ecc_sapquotationnumber: submission.documentNumber } satisfies ColumnValues<'quote'>) : {}),
  } satisfies ColumnValues<'quote'>);
