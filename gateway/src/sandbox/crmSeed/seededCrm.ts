/**
 * The seeded CRM records by the role they play in a test or a demo — "an account of anna's", "an
 * approved quote of dave's that stands for an SAP quotation", "an account erin may not read" —
 * read from the simulated Dataverse's rows as they are now, so it works as well after a restart
 * from the state file as right after seeding.
 */

import type { SimulatedDataverse } from '../dataverse/simulatedDataverse.js';
import { isEntityReference, type Row } from '../dataverse/values.js';
import { SANDBOX_PERSONAS } from '../identities.js';
import type { SalesArea } from './eccCatalog.js';
import { personaOf } from './owners.js';

export interface SeededAccount {
  id: string;
  name: string;
  /** ecc_customernumber: SAP's internal form. */
  customerNumber: string;
  salesArea: SalesArea;
  /** Persona key of the owner. */
  owner: string;
  active: boolean;
}

export type QuoteRole = 'draft' | 'approved' | 'sapQuotation';

export interface SeededQuote {
  id: string;
  name: string;
  accountId: string;
  customerNumber: string;
  owner: string;
  /** draft: statecode Draft; approved: Active, not standing for an SAP quotation; sapQuotation: Active, with ecc_sapquotationnumber. */
  role: QuoteRole;
  sapQuotationNumber: string | undefined;
  /** ecc_sapdocumentnumber, once the quote was sent to SAP. */
  sapDocumentNumber: string | undefined;
  lineIds: string[];
}

export interface SeededCrm {
  accounts: SeededAccount[];
  quotes: SeededQuote[];
  /** The persona's first active account (by customer number). */
  accountOf(owner: string): SeededAccount;
  /** The persona's first quote in the role that has not been sent to SAP yet. */
  quoteOf(owner: string, role: QuoteRole): SeededQuote;
  /**
   * The first account (by customer number) the persona may not read, preferring one owned in the
   * persona's own business unit: for erin, the first US account, which dave owns.
   */
  accountNotReadableBy(persona: string): SeededAccount;
}

const text = (row: Row, column: string): string => {
  const value = row[column];
  return typeof value === 'string' ? value : '';
};

export function seededCrm(dataverse: SimulatedDataverse): SeededCrm {
  const personaByUser = new Map(SANDBOX_PERSONAS.map((p) => [p.systemUserId, p.key]));
  const ownerKey = (row: Row): string => (isEntityReference(row.ownerid) ? (personaByUser.get(row.ownerid.id) ?? row.ownerid.id) : '');

  const accountRows = [...dataverse.store.table('account').rows.values()].filter((row) => text(row, 'ecc_customernumber') !== '');
  const accounts: SeededAccount[] = accountRows
    .map((row) => ({
      id: row.accountid as string,
      name: text(row, 'name'),
      customerNumber: text(row, 'ecc_customernumber'),
      salesArea: { salesOrganization: text(row, 'ecc_salesorganization'), distributionChannel: text(row, 'ecc_distributionchannel'), division: text(row, 'ecc_division') },
      owner: ownerKey(row),
      active: row.statecode === 0,
    }))
    .sort((a, b) => a.customerNumber.localeCompare(b.customerNumber));
  const accountById = new Map(accounts.map((account) => [account.id, account]));

  const linesByQuote = new Map<string, string[]>();
  for (const line of dataverse.store.table('quotedetail').rows.values()) {
    if (!isEntityReference(line.quoteid)) continue;
    linesByQuote.set(line.quoteid.id, [...(linesByQuote.get(line.quoteid.id) ?? []), line.quotedetailid as string]);
  }
  const quotes: SeededQuote[] = [...dataverse.store.table('quote').rows.values()]
    .flatMap((row) => {
      const account = isEntityReference(row.customerid) ? accountById.get(row.customerid.id) : undefined;
      if (!account || (row.statecode !== 0 && row.statecode !== 1)) return [];
      const sapQuotationNumber = text(row, 'ecc_sapquotationnumber') || undefined;
      const role: QuoteRole = row.statecode === 0 ? 'draft' : sapQuotationNumber ? 'sapQuotation' : 'approved';
      return [{
        id: row.quoteid as string,
        name: text(row, 'name'),
        accountId: account.id,
        customerNumber: account.customerNumber,
        owner: ownerKey(row),
        role,
        sapQuotationNumber,
        sapDocumentNumber: text(row, 'ecc_sapdocumentnumber') || undefined,
        lineIds: (linesByQuote.get(row.quoteid as string) ?? []).sort(),
      }];
    })
    .sort((a, b) => a.customerNumber.localeCompare(b.customerNumber) || text(dataverse.store.table('quote').get(a.id)!, 'quotenumber').localeCompare(text(dataverse.store.table('quote').get(b.id)!, 'quotenumber')));

  const found = <T>(item: T | undefined, what: string): T => {
    if (item === undefined) throw new Error(`The seeded CRM data has no ${what}.`);
    return item;
  };

  return {
    accounts,
    quotes,
    accountOf: (owner) => found(accounts.find((a) => a.owner === owner && a.active), `active account owned by ${owner}`),
    quoteOf: (owner, role) => found(quotes.find((q) => q.owner === owner && q.role === role && q.sapDocumentNumber === undefined), `${role} quote of ${owner}'s not yet sent to SAP`),
    accountNotReadableBy: (persona) => {
      const principal = dataverse.security.bySystemUserId(personaOf(persona).systemUserId)!;
      const model = dataverse.model('account');
      const unreadable = accounts.filter((account) => !dataverse.security.hasAccess(principal, model, dataverse.store.table('account').get(account.id)!, 'ReadAccess'));
      const sameUnit = unreadable.find((account) => {
        const unit = dataverse.store.table('account').get(account.id)!.owningbusinessunit;
        return isEntityReference(unit) && unit.id === principal.businessUnitId;
      });
      return found(sameUnit ?? unreadable[0], `account ${persona} may not read`);
    },
  };
}
