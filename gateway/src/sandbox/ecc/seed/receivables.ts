/**
 * Accounts receivable and credit exposure. Every invoice is posted to FI (document type RV,
 * debit on the payer; numbers from NRIV RF_BELEG per company code and fiscal year, in posting
 * order) and linked back (VBRK-BELNR). Most invoices are paid around their net due date (payment
 * DZ clears both items into BSAD); some are still open, overdue by days, weeks or months (BSID,
 * with a dunning level), and some are partly paid (the payment stays open in BSID against the
 * invoice, REBZG). A cancelled invoice is cleared against its cancellation. Customers blocked for
 * orders stopped paying.
 *
 * Credit: KNKK-SKFOR becomes the sum of the payer's open items. Limits are then set so that
 * customers blocked for orders and a few others are over their limit (their newest open orders
 * carry the credit block VBUK-CMGST = B, as do those of accounts blocked by credit management),
 * some are close to it, and the rest have room.
 */

import { creditExposure } from '../creditExposure.js';
import type { Row } from '../database.js';
import { nextNumber } from '../numberRanges.js';
import type { SeededInvoice } from './billing.js';
import { dats, type SeedContext } from './context.js';
import type { SeededCustomer } from './customers.js';
import { PAYMENT_TERMS } from './orgStructure.js';
import type { SeededDocument } from './salesDocuments.js';

export interface SeededReceivables {
  /** Invoices by what became of them. */
  invoices: { open: string[]; overdue: string[]; partlyPaid: string[]; paid: string[]; cancelled: string[] };
  /** Payers over their credit limit, close to it (85 % or more) and blocked by credit management. */
  credit: { overLimit: string[]; nearLimit: string[]; creditBlockedOrders: string[] };
}

type Payment = { kind: 'none' } | { kind: 'full'; day: number } | { kind: 'partial'; day: number; share: number };

interface Posting {
  day: number;
  order: number;
  companyCode: string;
  post: (belnr: string, gjahr: string) => void;
}

/** BSID/BSAD fields of an invoice or credit line. */
function lineItem(invoice: SeededInvoice, date: string, amount: number, debit: boolean, terms: (typeof PAYMENT_TERMS)[number] | undefined): Row {
  const [first, second] = terms?.discounts ?? [];
  return {
    BUKRS: invoice.companyCode, KUNNR: invoice.payer, UMSKS: '', UMSKZ: '', ZUONR: invoice.cancels ?? invoice.number, BUZEI: '001',
    BUDAT: date, BLDAT: date, CPUDT: date, WAERS: invoice.currency, XBLNR: invoice.number, BLART: 'RV', SHKZG: debit ? 'S' : 'H',
    DMBTR: amount.toFixed(2), WRBTR: amount.toFixed(2), SGTXT: '', ZFBDT: date, ZTERM: invoice.paymentTerms,
    ZBD1T: String(first?.[0] ?? terms?.netDays ?? 0), ZBD2T: String(second?.[0] ?? (first ? terms!.netDays : 0)), ZBD3T: String(second ? terms!.netDays : 0),
    ZBD1P: (first?.[1] ?? 0).toFixed(3), ZBD2P: (second?.[1] ?? 0).toFixed(3), VBELN: invoice.number, REBZG: '', MANST: '0',
  };
}

export function seedReceivables(context: SeedContext, invoices: SeededInvoice[], orders: SeededDocument[], customers: SeededCustomer[]): SeededReceivables {
  const { db, today } = context;
  const random = context.random.fork('receivables');
  const termsOf = new Map(PAYMENT_TERMS.map((terms) => [terms.key, terms]));
  const result: SeededReceivables = {
    invoices: { open: [], overdue: [], partlyPaid: [], paid: [], cancelled: [] },
    credit: { overLimit: [], nearLimit: [], creditBlockedOrders: [] },
  };

  const postings: Posting[] = [];
  const fiNumber = new Map<string, { belnr: string; gjahr: string }>();
  for (const invoice of invoices) {
    const terms = termsOf.get(invoice.paymentTerms);
    const amount = Math.round((invoice.net + invoice.tax) * 100) / 100;
    const date = dats(today, invoice.day);
    if (invoice.cancels) {
      // The cancellation credits the customer and clears the original invoice.
      postings.push({
        day: invoice.day, order: 1, companyCode: invoice.companyCode,
        post: (belnr, gjahr) => {
          fiNumber.set(invoice.number, { belnr, gjahr });
          db.table('VBRK').update({ VBELN: invoice.number }, { BELNR: belnr });
          const original = db.table('BSID').select({ KUNNR: invoice.payer }, (row) => row.VBELN === invoice.cancels && row.SHKZG === 'S')[0]!;
          db.table('BSID').delete(original);
          const clearing = { AUGDT: date, AUGBL: belnr };
          db.table('BSAD').insert({ ...original, ...clearing });
          db.table('BSAD').insert({ ...lineItem(invoice, date, amount, false, terms), ...clearing, GJAHR: gjahr, BELNR: belnr });
        },
      });
      continue;
    }
    const blocked = invoice.order.customer.blockedForOrders;
    const dueDay = invoice.day + (terms?.netDays ?? 0);
    let payment: Payment = { kind: 'none' };
    if (!invoice.cancellation && !blocked) {
      const within = (from: number, to: number): number => Math.max(invoice.day + 1, Math.min(-1, random.int(Math.min(from, to), Math.max(from, to))));
      if (dueDay > -1) {
        if (invoice.day < -2 && random.chance(0.25)) payment = { kind: 'full', day: within(invoice.day + 1, -1) };
      } else {
        const behaviour = random.pickWeighted([['paid', 75], ['open', 18], ['partial', 7]] as const);
        if (behaviour === 'paid') payment = { kind: 'full', day: within(dueDay - 10, dueDay + 15) };
        if (behaviour === 'partial') payment = { kind: 'partial', day: within(invoice.day + 1, -1), share: random.int(2, 7) / 10 };
      }
    }
    postings.push({
      day: invoice.day, order: 0, companyCode: invoice.companyCode,
      post: (belnr, gjahr) => {
        fiNumber.set(invoice.number, { belnr, gjahr });
        db.table('VBRK').update({ VBELN: invoice.number }, { BELNR: belnr });
        const daysOverdue = -dueDay;
        const dunning = payment.kind === 'full' || daysOverdue <= 14 ? '0' : daysOverdue <= 30 ? '1' : daysOverdue <= 60 ? '2' : '3';
        db.table('BSID').insert({ ...lineItem(invoice, date, amount, true, terms), AUGDT: '00000000', AUGBL: '', GJAHR: gjahr, BELNR: belnr, MANST: dunning });
      },
    });
    if (invoice.cancellation) result.invoices.cancelled.push(invoice.number);
    else if (payment.kind === 'full') result.invoices.paid.push(invoice.number);
    else if (payment.kind === 'partial') result.invoices.partlyPaid.push(invoice.number);
    else if (dueDay <= -1) result.invoices.overdue.push(invoice.number);
    else result.invoices.open.push(invoice.number);
    if (payment.kind === 'none') continue;
    const paid = payment.kind === 'full' ? amount : Math.round(amount * payment.share * 100) / 100;
    const paymentDate = dats(today, payment.day);
    postings.push({
      day: payment.day, order: 2, companyCode: invoice.companyCode,
      post: (belnr, gjahr) => {
        const invoiceDocument = fiNumber.get(invoice.number)!;
        const line = {
          ...lineItem(invoice, paymentDate, paid, false, undefined), BLART: 'DZ', ZTERM: '', VBELN: '', ZBD1T: '0', ZBD2T: '0', ZBD3T: '0',
          ZUONR: invoice.number, GJAHR: gjahr, BELNR: belnr,
        };
        if (payment.kind === 'partial') {
          db.table('BSID').insert({ ...line, AUGDT: '00000000', AUGBL: '', REBZG: invoiceDocument.belnr });
          return;
        }
        const original = db.table('BSID').get({
          BUKRS: invoice.companyCode, KUNNR: invoice.payer, UMSKS: '', UMSKZ: '', AUGDT: '00000000', AUGBL: '', ZUONR: invoice.number,
          GJAHR: invoiceDocument.gjahr, BELNR: invoiceDocument.belnr, BUZEI: '001',
        })!;
        db.table('BSID').delete(original);
        const clearing = { AUGDT: paymentDate, AUGBL: belnr };
        db.table('BSAD').insert({ ...original, ...clearing, MANST: '0' });
        db.table('BSAD').insert({ ...line, ...clearing });
      },
    });
  }
  postings.sort((a, b) => a.day - b.day || a.order - b.order);
  for (const posting of postings) {
    const year = dats(today, posting.day).slice(0, 4);
    posting.post(nextNumber(db, 'RF_BELEG', '00', posting.companyCode, year), year);
  }

  seedCreditExposure(context, random, orders, customers, result);
  return result;
}

/** KNKK-SKFOR from the open items, then credit limits and the credit blocks they imply. */
function seedCreditExposure(context: SeedContext, random: SeedContext['random'], orders: SeededDocument[], customers: SeededCustomer[], result: SeededReceivables): void {
  const { db } = context;
  const knkk = db.table('KNKK');
  const accounts = [...knkk.all()].sort((a, b) => (`${a.KUNNR}/${a.KKBER}` < `${b.KUNNR}/${b.KKBER}` ? -1 : 1));
  for (const account of accounts) {
    let receivables = 0;
    for (const item of db.table('BSID').select({ KUNNR: account.KUNNR! }, (row) => row.BUKRS === account.KKBER)) {
      receivables += (item.SHKZG === 'H' ? -1 : 1) * Number(item.DMBTR);
    }
    knkk.update(account, { SKFOR: receivables.toFixed(2) });
  }

  const blockedPayers = new Set(customers.filter((c) => c.blockedForOrders).map((c) => `${c.payer}/${c.salesOrg.creditControlArea}`));
  const recentOpen = new Map<string, SeededDocument[]>();
  for (const order of orders) {
    const status = db.table('VBUK').get({ VBELN: order.number });
    if (order.day < -30 || status?.LFSTK !== 'A') continue;
    const key = `${order.payer}/${order.customer.salesOrg.creditControlArea}`;
    const list = recentOpen.get(key) ?? [];
    list.push(order);
    recentOpen.set(key, list);
  }
  const blocked = new Set<string>();
  const blockOrders = (key: string): void => {
    for (const order of recentOpen.get(key) ?? []) {
      if (blocked.has(order.number)) continue;
      blocked.add(order.number);
      db.table('VBUK').update({ VBELN: order.number }, { CMGST: 'B' });
      result.credit.creditBlockedOrders.push(order.number);
    }
  };
  const overCandidates = [...recentOpen.keys()].filter((key) => !blockedPayers.has(key));
  const overLimit = new Set(overCandidates.filter(() => random.chance(0.06)));
  if (overLimit.size === 0 && overCandidates.length > 0) overLimit.add(overCandidates[0]!);

  for (const account of accounts) {
    const key = `${account.KUNNR}/${account.KKBER}`;
    const exposure = creditExposure(db, String(account.KUNNR), String(account.KKBER))!;
    const total = exposure.total;
    let limit = Number(account.KLIMK);
    if ((blockedPayers.has(key) || overLimit.has(key)) && total > 0) {
      limit = Math.floor((total * random.int(50, 90)) / 100 / 1000) * 1000;
      result.credit.overLimit.push(String(account.KUNNR));
      blockOrders(key);
    } else if (total > 0 && random.chance(0.08)) {
      limit = Math.ceil(total / (random.int(88, 97) / 100) / 100) * 100;
      result.credit.nearLimit.push(String(account.KUNNR));
    } else if (limit < total * 1.3) {
      limit = Math.ceil((total * 2) / 10_000) * 10_000;
    }
    knkk.update(account, { KLIMK: limit.toFixed(2) });
    if (account.CRBLB === 'X') blockOrders(key);
  }
}
