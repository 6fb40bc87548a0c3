/**
 * Credit exposure of a credit account in classic FI-AR credit management (KNKK), as the static
 * credit check of sales orders sees it: open receivables (KNKK-SKFOR) and special liabilities
 * (SSOBL), plus the value of orders not yet delivered, deliveries not yet billed and billing
 * documents not yet passed to accounting. Values are credit values: net value plus tax, per unit
 * from the order item's credit price (VBAP-CMPRE). ECC keeps the open values in info structures
 * S066/S067; the simulator derives them from the documents, which gives the same figures.
 */

import type { Database } from './database.js';

export interface CreditExposure {
  creditLimit: number;
  receivables: number;
  specialLiabilities: number;
  openOrderValue: number;
  openDeliveryValue: number;
  openBillingValue: number;
  /** Everything above except the limit. */
  total: number;
  /** KNKK-CRBLB: the credit account is blocked by credit management. */
  blocked: boolean;
}

/** Billed quantity (sales units) of each item of an order: invoices that are not cancelled. */
export function billedQuantities(db: Database, order: string): Map<string, number> {
  const billed = new Map<string, number>();
  for (const line of db.table('VBRP').select({ AUBEL: order })) {
    const invoice = db.table('VBRK').get({ VBELN: line.VBELN! });
    if (!invoice || invoice.VBTYP !== 'M' || invoice.FKSTO === 'X') continue;
    billed.set(String(line.AUPOS), (billed.get(String(line.AUPOS)) ?? 0) + Number(line.FKIMG));
  }
  return billed;
}

/** Open order, delivery and billing values of the orders charged to a credit account in a credit control area. */
export function openSalesValues(db: Database, creditAccount: string, creditControlArea: string): { order: number; delivery: number; billing: number } {
  let order = 0;
  let delivery = 0;
  let billing = 0;
  for (const header of db.table('VBAK').select({ KNKLI: creditAccount })) {
    if (header.VBTYP !== 'C' || header.KKBER !== creditControlArea) continue;
    const vbeln = String(header.VBELN);
    const delivered = new Map<string, number>();
    for (const line of db.table('LIPS').select({ VGBEL: vbeln })) {
      delivered.set(String(line.VGPOS), (delivered.get(String(line.VGPOS)) ?? 0) + Number(line.LFIMG));
    }
    const billed = billedQuantities(db, vbeln);
    const notPosted = new Map<string, number>();
    for (const line of db.table('VBRP').select({ AUBEL: vbeln })) {
      const invoice = db.table('VBRK').get({ VBELN: line.VBELN! });
      if (invoice?.VBTYP === 'M' && invoice.FKSTO !== 'X' && invoice.RFBSK !== 'C') {
        notPosted.set(String(line.AUPOS), (notPosted.get(String(line.AUPOS)) ?? 0) + Number(line.FKIMG));
      }
    }
    for (const item of db.table('VBAP').select({ VBELN: vbeln })) {
      const posnr = String(item.POSNR);
      const price = Number(item.CMPRE);
      const deliveredQuantity = delivered.get(posnr) ?? 0;
      if (!item.ABGRU) order += Math.max(0, Number(item.KWMENG) - deliveredQuantity) * price;
      delivery += Math.max(0, deliveredQuantity - (billed.get(posnr) ?? 0)) * price;
      billing += (notPosted.get(posnr) ?? 0) * price;
    }
  }
  const round = (value: number): number => Math.round(value * 100) / 100;
  return { order: round(order), delivery: round(delivery), billing: round(billing) };
}

/** The exposure of a credit account; undefined when the customer has no credit account in the area. */
export function creditExposure(db: Database, creditAccount: string, creditControlArea: string): CreditExposure | undefined {
  const account = db.table('KNKK').get({ KUNNR: creditAccount, KKBER: creditControlArea });
  if (!account) return undefined;
  const open = openSalesValues(db, creditAccount, creditControlArea);
  const receivables = Number(account.SKFOR ?? 0);
  const specialLiabilities = Number(account.SSOBL ?? 0);
  return {
    creditLimit: Number(account.KLIMK ?? 0),
    receivables,
    specialLiabilities,
    openOrderValue: open.order,
    openDeliveryValue: open.delivery,
    openBillingValue: open.billing,
    total: Math.round((receivables + specialLiabilities + open.order + open.delivery + open.billing) * 100) / 100,
    blocked: account.CRBLB === 'X',
  };
}
