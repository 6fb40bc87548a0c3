/**
 * Outbound deliveries (LIKP/LIPS, type LF) for the orders that got that far: one delivery for
 * the whole order, two when it went out in parts or was billed in part, partial quantities when
 * it is partly delivered. A delivery is picked, then goods issue is posted a day or more after it
 * was created (LIKP-WADAT_IST); the forwarding agent is partner SP (an LFA1 carrier of the sales
 * organisation's country) and its tracking number, with the carrier's prefix, is the bill of
 * lading (LIKP-BOLNR). Statuses follow: picking (KOSTK), goods movement (WBSTK), billing (FKSTK,
 * set by the billing seed) and overall (GBSTK); the orders' delivery statuses are recomputed.
 */

import type { Database, Row } from '../database.js';
import { nextNumber } from '../numberRanges.js';
import { aggregateStatus, ITEM_NUMBER_STEP, posnr } from '../salesDocuments.js';
import { dats, insertAll, pad, type SeedContext } from './context.js';
import { CARRIERS } from './orgStructure.js';
import { refreshStatus, type SeededDocument } from './salesDocuments.js';
import type { Random } from '../../random.js';

export interface SeededDeliveryItem {
  number: string;
  order: SeededDocument;
  orderItem: string;
  quantity: number;
}

export interface SeededDelivery {
  number: string;
  order: SeededDocument;
  /** Days before today it was created (negative). */
  day: number;
  goodsIssued: boolean;
  /** Whether the billing seed is to bill it. */
  toBeBilled: boolean;
  items: SeededDeliveryItem[];
}

interface DeliveryPlan {
  order: SeededDocument;
  day: number;
  time: string;
  picked: boolean;
  goodsIssued: boolean;
  toBeBilled: boolean;
  quantities: Map<string, number>;
}

/** A carrier's tracking number: its prefix and digits (UPS: "1Z" and sixteen characters). */
function trackingNumber(random: Random, prefix: string): string {
  if (prefix === '1Z') return `1Z${Array.from({ length: 16 }, () => random.pick([...'0123456789ABCDEFGHJKLMNPRSTUVWXY'])).join('')}`;
  const digits = prefix === 'JJD' ? 18 : 12;
  return `${prefix}${Array.from({ length: digits }, () => random.int(0, 9)).join('')}`;
}

/** Splits what an order ships into delivery plans according to how far it got. */
function planDeliveries(random: Random, order: SeededDocument): DeliveryPlan[] {
  const open = order.items.filter((item) => !item.rejected);
  if (order.progress === 'open' || open.length === 0) return [];
  const firstDay = Math.min(-1, order.day + random.int(2, 8));
  const full = new Map(open.map((item) => [item.number, item.quantity]));
  const part = (share: number): Map<string, number> =>
    new Map(open.map((item) => [item.number, item.salesUnit === 'KG' ? Math.round(item.quantity * share) : Math.max(0, Math.floor(item.quantity * share))]));
  const plan = (day: number, quantities: Map<string, number>, toBeBilled: boolean): DeliveryPlan => {
    const goodsIssued = day <= -2;
    return { order, day, time: pad(random.int(60000, 175959), 6), picked: goodsIssued || random.chance(0.5), goodsIssued, toBeBilled, quantities };
  };
  switch (order.progress) {
    case 'partlyDelivered': {
      const first = part(random.int(3, 7) / 10);
      if ([...first.values()].every((q) => q <= 0)) first.set(open[0]!.number, Math.min(open[0]!.quantity, 1));
      return [plan(firstDay, first, false)];
    }
    case 'partlyBilled':
    case 'delivered':
    case 'billed': {
      const split = order.progress === 'partlyBilled' || random.chance(0.2);
      if (!split) return [plan(firstDay, full, order.progress === 'billed')];
      const first = part(0.5);
      if ([...first.values()].every((q) => q <= 0)) first.set(open[0]!.number, full.get(open[0]!.number)!);
      const second = new Map([...full].map(([item, quantity]) => [item, quantity - (first.get(item) ?? 0)]));
      const secondDay = Math.min(-1, firstDay + random.int(3, 10));
      if ([...second.values()].every((q) => q <= 0)) return [plan(firstDay, full, order.progress === 'billed')];
      return [plan(firstDay, first, order.progress !== 'delivered'), plan(order.progress === 'delivered' ? secondDay : Math.min(-3, secondDay), second, order.progress === 'billed')];
    }
    default:
      return [];
  }
}

function writeDelivery(db: Database, today: Date, random: Random, plan: DeliveryPlan): SeededDelivery {
  const { order } = plan;
  const number = nextNumber(db, 'RV_BELEG', '17');
  const created = dats(today, plan.day);
  const issuedOn = plan.goodsIssued ? created : '00000000';
  const org = order.customer.salesOrg;
  const carriers = CARRIERS.filter((carrier) => carrier.country === org.country);
  const carrier = random.pick(carriers);
  const orderItems = new Map(db.table('VBAP').select({ VBELN: order.number }).map((row) => [String(row.POSNR), row]));
  const items: SeededDeliveryItem[] = [];
  const lips: Row[] = [];
  const flows: Row[] = [];
  let net = 0;
  let gross = 0;
  for (const [orderItem, quantity] of plan.quantities) {
    if (quantity <= 0) continue;
    const source = orderItems.get(orderItem)!;
    const material = db.table('MARA').get({ MATNR: source.MATNR! })!;
    const factor = (Number(source.UMVKZ) || 1) / (Number(source.UMVKN) || 1);
    const baseQuantity = quantity * factor;
    const itemNumber = posnr((items.length + 1) * ITEM_NUMBER_STEP);
    const itemNet = baseQuantity * Number(material.NTGEW);
    const itemGross = baseQuantity * Number(material.BRGEW);
    net += itemNet;
    gross += itemGross;
    lips.push({
      VBELN: number, POSNR: itemNumber, PSTYV: 'TAN', ERNAM: 'SHIPPING01', ERDAT: created, MATNR: source.MATNR!, MATKL: source.MATKL ?? '',
      WERKS: source.WERKS ?? '', CHARG: '', ARKTX: source.ARKTX ?? '', LFIMG: quantity.toFixed(3), MEINS: source.MEINS ?? '', VRKME: source.VRKME ?? '',
      NTGEW: itemNet.toFixed(3), BRGEW: itemGross.toFixed(3), GEWEI: 'KG', VGBEL: order.number, VGPOS: orderItem,
    });
    flows.push({
      VBELV: order.number, POSNV: orderItem, VBELN: number, POSNN: itemNumber, VBTYP_N: 'J', VBTYP_V: 'C', RFMNG: baseQuantity.toFixed(3),
      MEINS: source.MEINS ?? '', RFWRT: ((Number(source.NETWR) * quantity) / Number(source.KWMENG)).toFixed(2), WAERS: source.WAERK ?? '',
      ERDAT: created, ERZET: plan.time,
    });
    items.push({ number: itemNumber, order, orderItem, quantity });
  }
  const picking = plan.picked ? 'C' : 'A';
  const goodsMovement = plan.goodsIssued ? 'C' : 'A';
  db.table('LIKP').insert({
    VBELN: number, ERNAM: 'SHIPPING01', ERZET: plan.time, ERDAT: created, VSTEL: org.shippingPoint, VKORG: org.salesOrg, LFART: 'LF', ROUTE: '',
    WADAT: dats(today, plan.goodsIssued ? plan.day : plan.day + 1), LFDAT: dats(today, plan.day + random.int(2, 4)), KUNNR: order.shipTo,
    KUNAG: order.customer.customerNumber, BTGEW: gross.toFixed(3), NTGEW: net.toFixed(3), GEWEI: 'KG',
    BOLNR: plan.goodsIssued ? trackingNumber(random, carrier.trackingPrefix) : '', TRAID: '', WADAT_IST: issuedOn, LIFSK: '',
  });
  insertAll(db, 'LIPS', lips);
  insertAll(db, 'VBFA', flows);
  const partner = (role: string, customer: string, vendor = ''): Row => ({
    VBELN: number, POSNR: '000000', PARVW: role, KUNNR: customer, LIFNR: vendor, PARNR: '0000000000', ADRNR: '',
    LAND1: String(db.table(vendor ? 'LFA1' : 'KNA1').get(vendor ? { LIFNR: vendor } : { KUNNR: customer })?.LAND1 ?? ''),
  });
  insertAll(db, 'VBPA', [partner('AG', order.customer.customerNumber), partner('WE', order.shipTo), partner('SP', '', carrier.vendor)]);
  const itemStatus: Row[] = lips.map((line) => ({
    VBELN: number, POSNR: line.POSNR!, KOSTA: picking, WBSTA: goodsMovement, FKSTA: 'A', GBSTA: plan.picked ? 'B' : 'A',
  }));
  insertAll(db, 'VBUP', itemStatus);
  db.table('VBUK').insert({
    VBELN: number, VBTYP: 'J', KOSTK: picking, WBSTK: goodsMovement, FKSTK: 'A', GBSTK: aggregateStatus(itemStatus.map((row) => String(row.GBSTA))), UVALL: 'C',
  });
  return { number, order, day: plan.day, goodsIssued: plan.goodsIssued, toBeBilled: plan.toBeBilled && plan.goodsIssued, items };
}

export function seedDeliveries(context: SeedContext, orders: SeededDocument[]): SeededDelivery[] {
  const { db, today } = context;
  const random = context.random.fork('deliveries');
  const plans = orders.flatMap((order) => planDeliveries(random, order));
  plans.sort((a, b) => a.day - b.day || (a.time < b.time ? -1 : 1));
  const deliveries = plans.map((plan) => writeDelivery(db, today, random, plan));
  for (const order of new Set(deliveries.map((delivery) => delivery.order.number))) refreshStatus(db, order);
  return deliveries;
}
