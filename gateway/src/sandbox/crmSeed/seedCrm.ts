/**
 * Seeds the sandbox's Dataverse from the simulated ECC, as the sync flows will once they exist:
 * currencies, units, products and price lists from SAP's materials and PR00 prices; accounts and
 * contacts from the sold-to customers and their contact persons; SAP's sales areas and the
 * accounts' sales data in them; value maps of countries and units; opportunities and quotes (draft
 * and approved, some standing for an open SAP quotation); and the values of the gateway's
 * environment variables. The same ECC data and seed give the same rows, ids included. Rows are
 * written through the engine's table operations as the application user, in one transaction.
 *
 * At most `maxAccounts` customers (the lowest customer numbers) become accounts, so that a very
 * large ECC seed still starts quickly; the catalog is always complete. An environment that already
 * has accounts (restored from its state file) is left as it is.
 */

import type { Database } from '../ecc/database.js';
import type { SimulatedDataverse } from '../dataverse/simulatedDataverse.js';
import { Random } from '../random.js';
import { seedAccounts } from './accounts.js';
import { EccCatalog } from './eccCatalog.js';
import { SANDBOX_GATEWAY_VALUES, setEnvironmentVariableValues } from './environmentValues.js';
import { seedProductCatalog } from './productCatalog.js';
import { seedQuotes } from './quotes.js';
import { RowWriter } from './rowWriter.js';
import { seedCustomerSalesAreas, seedSalesAreas } from './salesAreas.js';
import { seedValueMaps } from './valueMaps.js';

export const DEFAULT_MAX_ACCOUNTS = 2000;

export interface CrmSeedOptions {
  /** Seed of the choices the CRM data adds to SAP's (which materials a quote has, quantities …). */
  seed?: number;
  /** Most customers that become accounts (default 2000). */
  maxAccounts?: number;
}

/** The simulated ECC as the seed reads it: its database and its today (DATS). */
export interface EccSource {
  db: Database;
  today(): string;
}

export interface CrmSeedResult {
  /** False when the environment had data already and was left alone. */
  seeded: boolean;
  counts: {
    accounts: number; contacts: number; products: number; priceListItems: number; opportunities: number; quotes: number; quoteLines: number;
    salesAreas: number; customerSalesAreas: number; valueMaps: number;
  };
}

/** Columns the solution brings that the seed writes: without them the solution was not imported. */
const SOLUTION_COLUMNS: [string, string][] = [
  ['account', 'ecc_customernumber'], ['product', 'ecc_materialnumber'], ['quote', 'ecc_sapquotationnumber'], ['ecc_customersalesarea', 'ecc_accountid'], ['ecc_valuemap', 'ecc_sapvalue'],
];

export async function seedCrmFromEcc(dataverse: SimulatedDataverse, ecc: EccSource, options: CrmSeedOptions = {}): Promise<CrmSeedResult> {
  const counts = { accounts: 0, contacts: 0, products: 0, priceListItems: 0, opportunities: 0, quotes: 0, quoteLines: 0, salesAreas: 0, customerSalesAreas: 0, valueMaps: 0 };
  if (dataverse.store.table('account').rows.size > 0) return { seeded: false, counts };
  const missing = SOLUTION_COLUMNS.filter(([table, column]) => !dataverse.models.byLogicalName(table)?.has(column));
  if (missing.length > 0) {
    throw new Error(`The simulated Dataverse lacks ${missing.map(([t, c]) => `${t}.${c}`).join(', ')}: import the ecc365 solution (importSolution(dataverse, zip)) before seeding it.`);
  }

  const catalog = new EccCatalog(ecc.db, ecc.today());
  const customers = catalog.customers(options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS);
  const random = new Random((options.seed ?? 4365) >>> 0).fork('crm');
  const writer = new RowWriter(dataverse);
  dataverse.transaction(() => {
    const products = seedProductCatalog(writer, catalog);
    const accounts = seedAccounts(writer, customers, products);
    const salesAreaIds = seedSalesAreas(writer, catalog);
    counts.salesAreas = salesAreaIds.size;
    counts.customerSalesAreas = seedCustomerSalesAreas(writer, accounts, salesAreaIds);
    counts.valueMaps = seedValueMaps(writer, catalog.allMaterials().map((material) => material.baseUnit));
    Object.assign(counts, seedQuotes(writer, catalog, products, accounts, random));
    counts.accounts = accounts.length;
    counts.contacts = customers.reduce((sum, customer) => sum + customer.contacts.length, 0);
    counts.products = products.productIds.size;
    counts.priceListItems = [...products.priceLists.values()].reduce((sum, list) => sum + list.prices.size, 0);
    setEnvironmentVariableValues(dataverse, SANDBOX_GATEWAY_VALUES);
  });
  // The seed's writes reach the environment's hooks (webhooks, state file) like any others.
  await dataverse.publishCommittedWrites();
  return { seeded: true, counts };
}
