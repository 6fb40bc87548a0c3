/**
 * Who owns a seeded customer in CRM: the sales representative of its region, by the business
 * units of sandbox/identities.ts. US customers belong to Sales USA (dave); German ones to Sales
 * Germany North (anna) or Sales Germany South (ben) by postal code zone — zones 0 to 5 (Saxony,
 * Berlin, Hamburg, Lower Saxony, North Rhine-Westphalia) are the north, 6 to 9 (Hesse,
 * Baden-Württemberg, Bavaria) the south. Carla
 * (Germany North, reads her business unit) and Olivia (reads everything) own nothing and read
 * through their roles; Erin (USA, reads only her own records) owns nothing, so she may read none
 * of the accounts.
 */

import { SANDBOX_PERSONAS, type SandboxPersona } from '../identities.js';
import type { EccCustomer } from './eccCatalog.js';

export type OwnerKey = 'anna' | 'ben' | 'dave';

/** The personas who own seeded records. */
export const OWNERS: readonly OwnerKey[] = ['anna', 'ben', 'dave'];

export function personaOf(key: string): SandboxPersona {
  const persona = SANDBOX_PERSONAS.find((p) => p.key === key);
  if (!persona) throw new Error(`The sandbox has no persona '${key}' to own seeded CRM records (identities.ts).`);
  return persona;
}

/** The owner of a customer's CRM records. */
export function ownerOf(customer: EccCustomer): OwnerKey {
  if (customer.country === 'US') return 'dave';
  return /^[6-9]/.test(customer.postalCode) ? 'ben' : 'anna';
}
