/**
 * The account panels as one use case: for an account's SAP link (read as the rep beforehand),
 * the orders, deliveries, invoices and credit panels, each from SAP through a short-lived cache
 * per SAP customer, panel and query (a second view within `cacheSeconds` makes no SAP call, and
 * neither does one of a customer or credit account SAP does not have),
 * with identical concurrent requests sharing one read, and each panel's reads bounded by
 * `timeoutMs`. Customizing (payment terms and document type names, in the rep's language where
 * SAP has it), carrier names, the documents each panel
 * showed last (so their status is read alongside the next list, see listedDocuments.ts) and the
 * other payers of a customer's invoices (read alongside likewise) are kept longer
 * (`customizingCacheSeconds`). With the ecc365 SAP add-on (`addOn`) each panel is one RFC call and
 * needs nothing remembered.
 */

import type { CreditPanel, DeliveriesPanel, InvoicesPanel, ListQuery, OrdersPanel } from '../model/panelApi.js';
import { customerNumberIn } from '../sap/alpha.js';
import { SapNotFoundError } from '../sap/errors.js';
import { todayIso } from '../sap/operations/documentListQuery.js';
import type { RfcSession } from '../sap/rfc.js';
import { ACCOUNT_LINK_COLUMNS, type AccountSapLink } from './accountLink.js';
import { readCreditPanel, readCreditPanelWithAddOn } from './creditPanel.js';
import { sessionWithin, withinDeadline } from './deadline.js';
import { readDeliveriesPanel, readDeliveriesPanelWithAddOn } from './deliveriesPanel.js';
import { PanelError } from './errors.js';
import { readInvoicesPanel, readInvoicesPanelWithAddOn, type OtherPayer } from './invoicesPanel.js';
import { readOrdersPanel, readOrdersPanelWithAddOn } from './ordersPanel.js';
import { panelWindow, windowKey } from './panelQuery.js';
import { ReadThroughCache } from './readThroughCache.js';
import { isoLanguages, type SapTexts } from './sapTexts.js';

export interface AccountPanelsOptions {
  /** The RFC client: each call borrows its own connection, so a panel's independent reads run in parallel. */
  sap: RfcSession;
  /** SAP has the ecc365 add-on (docs/sap-addon.md): each panel is one RFC call. */
  addOn?: boolean;
  cacheSeconds: number;
  timeoutMs: number;
  customizingCacheSeconds: number;
  /** SAP's texts (payment terms, document type names) in the rep's language; the quote routes share them. */
  texts: SapTexts;
  /** For accounts whose own columns are empty. */
  defaults: { companyCode?: string | undefined; creditControlArea?: string | undefined };
  /** Cached panels kept at most (least recently used go first). */
  maxCachedPanels?: number;
  /** Today as an ISO date (default windows, payment status key date); the real date by default. */
  today?: () => string;
  /** Milliseconds (cache expiry, retrievedAt); Date.now by default. */
  now?: () => number;
}

export interface AccountPanels {
  /** `languages` as for credit: the document types' names come in the first SAP has. */
  orders(link: AccountSapLink, query: ListQuery, languages?: readonly string[]): Promise<OrdersPanel>;
  deliveries(link: AccountSapLink, query: ListQuery): Promise<DeliveriesPanel>;
  invoices(link: AccountSapLink, query: ListQuery): Promise<InvoicesPanel>;
  /** `languages`: the rep's languages, best first (BCP 47 tags such as de-DE); SAP's texts come in the first SAP has. */
  credit(link: AccountSapLink, languages?: readonly string[]): Promise<CreditPanel>;
}

/** SAP calls an account form's four panels make at once on a refresh with SAP's standard interfaces: orders 2, deliveries 4–5, invoices 2 (and one per other payer), credit 3; with the add-on, 4. */
export const ACCOUNT_FORM_SAP_CALLS = 12;
export const ACCOUNT_FORM_SAP_CALLS_WITH_ADD_ON = 4;

const SAP_KEY = /^[A-Za-z0-9]{1,10}$/;
const ORG_KEY = /^[A-Za-z0-9]{1,4}$/;

function notLinked(link: AccountSapLink, what: string, column: string, setting?: string): PanelError {
  const fallback = setting ? ` and ${setting} is not set` : '';
  return new PanelError('ACCOUNT_NOT_LINKED', `The account ${link.name || link.accountId} has no ${what} (${column})${fallback}, so this SAP panel cannot be shown. Ask an admin to complete the account's SAP link.`, {
    details: { column },
  });
}

/** A part of the SAP link, checked for SAP's form: an account with a malformed value is not linked, whatever was typed. */
function linkPart(link: AccountSapLink, part: 'customerNumber' | 'salesOrganization' | 'companyCode' | 'creditControlArea', what: string, fallback?: { value: string | undefined; setting: string }): string {
  const value = link[part] || fallback?.value || '';
  const column = ACCOUNT_LINK_COLUMNS[part];
  if (value === '') throw notLinked(link, what, column, fallback?.setting);
  if (!(part === 'customerNumber' ? SAP_KEY : ORG_KEY).test(value)) {
    throw new PanelError('ACCOUNT_NOT_LINKED', `The account ${link.name || link.accountId} has "${value}" as its ${what} (${column}), which is not an SAP key; ask an admin to correct it.`, { details: { column } });
  }
  return part === 'customerNumber' ? customerNumberIn(value) : value.toUpperCase();
}

export function createAccountPanels(options: AccountPanelsOptions): AccountPanels {
  const now = options.now ?? Date.now;
  const today = options.today ?? todayIso;
  const maxEntries = options.maxCachedPanels ?? 10_000;
  // "No such customer" or "no credit account" is SAP's answer for the window as data is.
  const panelCache = { ttlMs: options.cacheSeconds * 1000, maxEntries, now, keepFailure: (error: unknown) => error instanceof SapNotFoundError };
  const longCache = { ttlMs: options.customizingCacheSeconds * 1000, maxEntries, now };
  const orders = new ReadThroughCache<Omit<OrdersPanel, 'fromCache'>>(panelCache);
  const deliveries = new ReadThroughCache<Omit<DeliveriesPanel, 'fromCache'>>(panelCache);
  const invoices = new ReadThroughCache<Omit<InvoicesPanel, 'fromCache'>>(panelCache);
  const credit = new ReadThroughCache<Omit<CreditPanel, 'fromCache'>>(panelCache);
  const shownDocuments = new ReadThroughCache<string[]>(longCache);
  const otherPayers = new ReadThroughCache<OtherPayer[]>(longCache);
  const carrierNames = new ReadThroughCache<string>(longCache);
  const { texts } = options;

  /** One panel through its cache: read under the deadline on first use, stamped with when it was read. */
  async function serve<T extends object>(cache: ReadThroughCache<T & { retrievedAt: string }>, panel: string, key: string, read: (sap: RfcSession) => Promise<T>): Promise<T & { retrievedAt: string; fromCache: boolean }> {
    const { value, fromCache } = await cache.get(key, () =>
      withinDeadline(options.timeoutMs, `the ${panel} panel`, async (signal) => ({ ...(await read(sessionWithin(options.sap, signal))), retrievedAt: new Date(now()).toISOString() })),
    );
    return { ...value, fromCache };
  }

  return {
    orders: async (link, query, languages = []) => {
      const customerNumber = linkPart(link, 'customerNumber', 'SAP customer number');
      const salesOrganization = linkPart(link, 'salesOrganization', 'SAP sales organization');
      const window = panelWindow(query, today());
      const wanted = isoLanguages(languages);
      const listKey = `orders|${customerNumber}|${salesOrganization}|${windowKey(window)}`;
      return serve(orders, 'orders', `${listKey}|${wanted.join(',')}`, async (sap) => {
        const typeNames = () => texts.read(sap, 'documentTypes', wanted);
        if (options.addOn) return readOrdersPanelWithAddOn(sap, { customerNumber, salesOrganization, window }, typeNames);
        const { panel, orders: shown } = await readOrdersPanel(sap, { customerNumber, salesOrganization, window }, shownDocuments.peek(listKey) ?? [], typeNames);
        shownDocuments.set(listKey, shown);
        return panel;
      });
    },
    deliveries: async (link, query) => {
      const customerNumber = linkPart(link, 'customerNumber', 'SAP customer number');
      const day = today();
      const window = panelWindow(query, day);
      const key = `deliveries|${customerNumber}|${windowKey(window)}`;
      return serve(deliveries, 'deliveries', key, async (sap) => {
        if (options.addOn) return readDeliveriesPanelWithAddOn(sap, { customerNumber, window });
        const known = shownDocuments.peek(key);
        const { panel, deliveries: shown } = await readDeliveriesPanel(sap, { customerNumber, window, today: day, customerKnown: known !== undefined }, known ?? [], carrierNames);
        shownDocuments.set(key, shown);
        return panel;
      });
    },
    invoices: async (link, query) => {
      const customerNumber = linkPart(link, 'customerNumber', 'SAP customer number');
      const companyCode = linkPart(link, 'companyCode', 'SAP company code', { value: options.defaults.companyCode, setting: 'panels.companyCode' });
      const day = today();
      const window = panelWindow(query, day);
      const key = `invoices|${customerNumber}|${companyCode}|${day}|${windowKey(window)}`;
      const payersKey = `invoices|${customerNumber}|${companyCode}`;
      return serve(invoices, 'invoices', key, async (sap) => {
        if (options.addOn) return readInvoicesPanelWithAddOn(sap, { customerNumber, companyCode, window, today: day });
        const { panel, payers } = await readInvoicesPanel(sap, { customerNumber, companyCode, window, today: day }, otherPayers.peek(payersKey) ?? []);
        otherPayers.set(payersKey, payers);
        return panel;
      });
    },
    credit: async (link, languages = []) => {
      const customerNumber = linkPart(link, 'customerNumber', 'SAP customer number');
      const creditControlArea = linkPart(link, 'creditControlArea', 'SAP credit control area', { value: options.defaults.creditControlArea, setting: 'panels.creditControlArea' });
      const companyCode = (link.companyCode || options.defaults.companyCode) ? linkPart(link, 'companyCode', 'SAP company code', { value: options.defaults.companyCode, setting: 'panels.companyCode' }) : '';
      const wanted = isoLanguages(languages);
      const key = `credit|${customerNumber}|${creditControlArea}|${companyCode}|${wanted.join(',')}`;
      const read = options.addOn ? readCreditPanelWithAddOn : readCreditPanel;
      return serve(credit, 'credit', key, (sap) => read(sap, { customerNumber, creditControlArea, companyCode }, () => texts.read(sap, 'paymentTerms', wanted)));
    },
  };
}
