/**
 * The seed generator: fills an empty simulated ECC with a deterministic, internally consistent
 * data set. Steps run in dependency order; each gets its own random stream, so a step that
 * draws more numbers does not change what the others produce.
 */

import type { Database } from '../database.js';
import { Random } from '../../random.js';
import type { SeedContext, SeedOptions } from './context.js';
import { seedCustomers, type SeededCustomer } from './customers.js';
import { seedMaterials, type SeededMaterial } from './materials.js';
import { seedOrgStructure } from './orgStructure.js';
import { seedBilling, type SeededInvoice } from './billing.js';
import { seedPricing } from './pricing.js';
import { seedReceivables, type SeededReceivables } from './receivables.js';
import { seedSalesDocuments, type SeededSalesDocuments } from './salesDocuments.js';
import { seedDeliveries, type SeededDelivery } from './shipping.js';

export type { SeedOptions } from './context.js';

export interface SeedResult {
  customers: SeededCustomer[];
  materials: SeededMaterial[];
  /** Inquiries, quotations and orders by what became of them. */
  sales: SeededSalesDocuments;
  deliveries: SeededDelivery[];
  /** Invoices and their cancellations. */
  invoices: SeededInvoice[];
  receivables: SeededReceivables;
}

export const DEFAULT_SEED_OPTIONS: SeedOptions = { seed: 4365, customers: 300 };

export function seedDatabase(db: Database, options: Partial<SeedOptions> = {}, today: string = new Date().toISOString().slice(0, 10)): SeedResult {
  const context: SeedContext = {
    db,
    random: new Random((options.seed ?? DEFAULT_SEED_OPTIONS.seed) >>> 0),
    options: { ...DEFAULT_SEED_OPTIONS, ...options },
    today: new Date(`${today}T00:00:00Z`),
  };
  seedOrgStructure(context);
  const materials = seedMaterials(context);
  const customers = seedCustomers(context);
  seedPricing(context, materials, customers);
  const sales = seedSalesDocuments(context, customers, materials);
  const deliveries = seedDeliveries(context, sales.orders);
  const invoices = seedBilling(context, deliveries);
  const receivables = seedReceivables(context, invoices, sales.orders, customers);
  return { customers, materials, sales, deliveries, invoices, receivables };
}
