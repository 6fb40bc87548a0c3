/**
 * Invoices (VBRK/VBRP, type F2, delivery-related) for the shipped deliveries the order's
 * progress says are billed, a few days after goods issue. Each invoice has its own conditions,
 * copied from the order item and priced for the billed quantity (so tax is redetermined), its
 * document flow (delivery → invoice and order → invoice) and partners. A few invoices were
 * cancelled (type S1, VBTYP N; the original gets FKSTO) and billed anew. The deliveries' billing
 * status follows. Invoices are passed to accounting (RFBSK C); their FI documents are posted by
 * the receivables seed.
 */

import type { Database, Row } from '../database.js';
import { nextNumber } from '../numberRanges.js';
import { conditionRows, priceItem, storedConditions, type PricingHeader } from '../pricing.js';
import { aggregateStatus, ITEM_NUMBER_STEP, posnr } from '../salesDocuments.js';
import { dats, insertAll, pad, type SeedContext } from './context.js';
import type { SeededDelivery } from './shipping.js';
import type { SeededDocument } from './salesDocuments.js';

export interface SeededInvoice {
  number: string;
  /** The cancellation document (VBTYP N) when this invoice was cancelled. */
  cancellation?: { number: string; day: number };
  /** A cancellation document itself; `cancels` is the invoice it reverses. */
  cancels?: string;
  order: SeededDocument;
  delivery: SeededDelivery;
  payer: string;
  companyCode: string;
  currency: string;
  paymentTerms: string;
  /** Days before today (negative). */
  day: number;
  net: number;
  tax: number;
}

interface BillingEvent {
  day: number;
  time: string;
  delivery: SeededDelivery;
  /** The invoice this event cancels. */
  cancels?: SeededInvoice;
  /** Whether this invoice is later cancelled (and billed anew). */
  cancelledAfter?: number;
}

function writeBillingDocument(db: Database, today: Date, event: BillingEvent): SeededInvoice {
  const { delivery } = event;
  const order = delivery.order;
  const cancellation = event.cancels !== undefined;
  const number = nextNumber(db, 'RV_BELEG', '19');
  const conditionNumber = nextNumber(db, 'KONV');
  const date = dats(today, event.day);
  const vbak = db.table('VBAK').get({ VBELN: order.number })!;
  const pricingDate = String(db.table('VBKD').get({ VBELN: order.number, POSNR: '000000' })?.PRSDT ?? vbak.AUDAT);
  const org = order.customer.salesOrg;
  const header: PricingHeader = {
    salesOrganization: String(vbak.VKORG), distributionChannel: String(vbak.VTWEG), division: String(vbak.SPART), soldTo: String(vbak.KUNNR),
    departureCountry: org.country,
    customerTaxClass: String(db.table('KNVI').get({ KUNNR: String(vbak.KUNNR), ALAND: org.country, TATYP: 'MWST' })?.TAXKD ?? ''),
    currency: String(vbak.WAERK), pricingDate,
  };
  const items: Row[] = [];
  const conditions: Row[] = [];
  const flows: Row[] = [];
  let net = 0;
  let tax = 0;
  delivery.items.forEach((deliveryItem, index) => {
    const source = db.table('VBAP').get({ VBELN: order.number, POSNR: deliveryItem.orderItem })!;
    const itemNumber = posnr((index + 1) * ITEM_NUMBER_STEP);
    const priced = priceItem(db, header, {
      material: String(source.MATNR), quantity: deliveryItem.quantity, salesUnit: String(source.VRKME),
      copied: storedConditions(db, String(vbak.KNUMV), deliveryItem.orderItem),
    });
    net += priced.net;
    tax += priced.tax;
    items.push({
      VBELN: number, POSNR: itemNumber, FKIMG: deliveryItem.quantity.toFixed(3), VRKME: source.VRKME ?? '', MEINS: source.MEINS ?? '',
      NETWR: priced.net.toFixed(2), MWSBP: priced.tax.toFixed(2), VGBEL: delivery.number, VGPOS: deliveryItem.number, AUBEL: order.number,
      AUPOS: deliveryItem.orderItem, MATNR: source.MATNR ?? '', ARKTX: source.ARKTX ?? '', MATKL: source.MATKL ?? '', WERKS: source.WERKS ?? '', ERDAT: date,
    });
    conditions.push(...conditionRows(conditionNumber, itemNumber, pricingDate, priced));
    const category = cancellation ? 'N' : 'M';
    const flow = { VBELN: number, POSNN: itemNumber, VBTYP_N: category, RFMNG: priced.baseQuantity.toFixed(3), MEINS: source.MEINS ?? '', RFWRT: priced.net.toFixed(2), WAERS: source.WAERK ?? '', ERDAT: date, ERZET: event.time };
    flows.push({ ...flow, VBELV: order.number, POSNV: deliveryItem.orderItem, VBTYP_V: 'C' });
    flows.push(
      cancellation
        ? { ...flow, VBELV: event.cancels!.number, POSNV: itemNumber, VBTYP_V: 'M' }
        : { ...flow, VBELV: delivery.number, POSNV: deliveryItem.number, VBTYP_V: 'J' },
    );
  });
  net = Math.round(net * 100) / 100;
  tax = Math.round(tax * 100) / 100;
  db.table('VBRK').insert({
    VBELN: number, FKART: cancellation ? 'S1' : 'F2', FKTYP: 'L', VBTYP: cancellation ? 'N' : 'M', WAERK: vbak.WAERK!, VKORG: vbak.VKORG!,
    VTWEG: vbak.VTWEG!, SPART: vbak.SPART!, KNUMV: conditionNumber, FKDAT: date, GJAHR: date.slice(0, 4), ZTERM: vbak.ZTERM ?? '',
    LAND1: String(db.table('KNA1').get({ KUNNR: order.shipTo })?.LAND1 ?? org.country), BUKRS: org.companyCode, NETWR: net.toFixed(2),
    MWSBK: tax.toFixed(2), ERNAM: 'BILLING01', ERZET: event.time, ERDAT: date, KUNRG: order.payer, KUNAG: order.customer.customerNumber,
    SFAKN: event.cancels?.number ?? '', FKSTO: '', RFBSK: 'C', BELNR: '', XBLNR: number,
  });
  insertAll(db, 'VBRP', items);
  insertAll(db, 'KONV', conditions);
  insertAll(db, 'VBFA', flows);
  const partner = (role: string, customer: string): Row => ({
    VBELN: number, POSNR: '000000', PARVW: role, KUNNR: customer, LIFNR: '', PARNR: '0000000000', ADRNR: '',
    LAND1: String(db.table('KNA1').get({ KUNNR: customer })?.LAND1 ?? ''),
  });
  insertAll(db, 'VBPA', [partner('AG', order.customer.customerNumber), partner('RE', order.customer.customerNumber), partner('RG', order.payer), partner('WE', order.shipTo)]);
  db.table('VBUK').insert({ VBELN: number, VBTYP: cancellation ? 'N' : 'M', BUCHK: 'C', UVALL: 'C' });
  if (cancellation) db.table('VBRK').update({ VBELN: event.cancels!.number }, { FKSTO: 'X' });
  setDeliveryBilled(db, delivery.number, !cancellation);
  return {
    number, order, delivery, payer: order.payer, companyCode: org.companyCode, currency: String(vbak.WAERK), paymentTerms: String(vbak.ZTERM ?? ''),
    day: event.day, net, tax, ...(cancellation ? { cancels: event.cancels!.number } : {}),
  };
}

/** A delivery's billing status (and with it its overall status) after it was billed or its invoice cancelled. */
function setDeliveryBilled(db: Database, delivery: string, billed: boolean): void {
  const items = db.table('VBUP').select({ VBELN: delivery });
  for (const item of items) {
    db.table('VBUP').update({ VBELN: delivery, POSNR: item.POSNR! }, { FKSTA: billed ? 'C' : 'A', GBSTA: billed && item.WBSTA === 'C' ? 'C' : 'B' });
  }
  const updated = db.table('VBUP').select({ VBELN: delivery });
  db.table('VBUK').update({ VBELN: delivery }, {
    FKSTK: aggregateStatus(updated.map((row) => String(row.FKSTA))),
    GBSTK: aggregateStatus(updated.map((row) => String(row.GBSTA))),
  });
}

export function seedBilling(context: SeedContext, deliveries: SeededDelivery[]): SeededInvoice[] {
  const { db, today } = context;
  const random = context.random.fork('billing');
  const events: BillingEvent[] = [];
  for (const delivery of deliveries) {
    if (!delivery.toBeBilled) continue;
    const day = Math.min(-1, delivery.day + random.int(0, 3));
    const time = pad(random.int(180000, 195959), 6);
    const cancelledAfter = day <= -15 && random.chance(0.03) ? random.int(1, 10) : undefined;
    events.push({ day, time, delivery, ...(cancelledAfter !== undefined ? { cancelledAfter } : {}) });
  }
  const invoices: SeededInvoice[] = [];
  const queue = events.sort((a, b) => a.day - b.day || (a.time < b.time ? -1 : 1));
  // Cancellations and their new invoices are dated after the original, so they join the queue in date order.
  for (let i = 0; i < queue.length; i += 1) {
    const event = queue[i]!;
    const invoice = writeBillingDocument(db, today, event);
    invoices.push(invoice);
    if (event.cancels) event.cancels.cancellation = { number: invoice.number, day: event.day };
    if (event.cancelledAfter !== undefined) {
      const cancelDay = event.day + event.cancelledAfter;
      const later = [
        { day: cancelDay, time: '090000', delivery: event.delivery, cancels: invoice },
        { day: cancelDay, time: '090100', delivery: event.delivery },
      ];
      for (const next of later) {
        const at = queue.findIndex((candidate, index) => index > i && (candidate.day > next.day || (candidate.day === next.day && candidate.time > next.time)));
        queue.splice(at === -1 ? queue.length : at, 0, next);
      }
    }
  }
  return invoices;
}
