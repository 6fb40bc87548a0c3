/**
 * The account as the panels need it, read from Dataverse as the rep (CallerObjectId): the read
 * is the access check (Dataverse refuses a record the rep may not see, and the panel answers
 * NOT_AUTHORIZED without calling SAP) and brings the account's SAP link in the same request.
 * This file is where the account's Dataverse names live for the panels.
 */

import type { DataverseClient } from '../dataverse/client.js';
import { PanelError } from './errors.js';
import { readAsRep } from './readAsRep.js';

/** An account's link to SAP, as the account's columns hold it; empty strings where a column is empty. */
export interface AccountSapLink {
  accountId: string;
  name: string;
  /** The SAP customer number as the account holds it. */
  customerNumber: string;
  salesOrganization: string;
  distributionChannel: string;
  division: string;
  companyCode: string;
  creditControlArea: string;
}

const COLUMNS = {
  name: 'name',
  customerNumber: 'ecc_customernumber',
  salesOrganization: 'ecc_salesorganization',
  distributionChannel: 'ecc_distributionchannel',
  division: 'ecc_division',
  companyCode: 'ecc_companycode',
  creditControlArea: 'ecc_creditcontrolarea',
} as const;

/** The account column behind each part of the link, for messages to admins. */
export const ACCOUNT_LINK_COLUMNS: Readonly<Record<Exclude<keyof AccountSapLink, 'accountId'>, string>> = COLUMNS;

/**
 * Reads the account as the rep. Dataverse's refusal becomes NOT_AUTHORIZED, a missing account
 * ACCOUNT_NOT_FOUND, an account without SAP customer number ACCOUNT_NOT_LINKED.
 */
export async function readAccountSapLink(dataverseAsRep: DataverseClient, accountId: string, options: { signal?: AbortSignal } = {}): Promise<AccountSapLink> {
  const row = await readAsRep(() => dataverseAsRep.retrieve('accounts', accountId, { select: Object.values(COLUMNS), ...options }), {
    forbidden: 'You may not see this account in CRM, so the gateway shows no SAP data for it. Ask your CRM administrator for access.',
    notFound: () => new PanelError('ACCOUNT_NOT_FOUND', `There is no account ${accountId} in CRM; it may have been deleted.`),
  });
  const text = (column: string): string => (typeof row[column] === 'string' ? row[column].trim() : '');
  const link: AccountSapLink = {
    accountId,
    name: text(COLUMNS.name),
    customerNumber: text(COLUMNS.customerNumber),
    salesOrganization: text(COLUMNS.salesOrganization),
    distributionChannel: text(COLUMNS.distributionChannel),
    division: text(COLUMNS.division),
    companyCode: text(COLUMNS.companyCode),
    creditControlArea: text(COLUMNS.creditControlArea),
  };
  if (link.customerNumber === '') {
    throw new PanelError('ACCOUNT_NOT_LINKED', `The account ${link.name || accountId} is not linked to an SAP customer: its SAP customer number (${COLUMNS.customerNumber}) is empty.`, {
      details: { column: COLUMNS.customerNumber },
    });
  }
  return link;
}
