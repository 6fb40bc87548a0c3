/**
 * The seeded sales documents, deliveries, invoices and receivables: the same for the same seed,
 * present in every status a panel shows, and consistent across tables the way SAP keeps them,
 * checked from the tables themselves (not from the generator's bookkeeping).
 */

import { describe, expect, it } from 'vitest';
import { Database, type Row } from '../database.js';
import type { TableName } from '../ddic/tables.js';
import { CARRIERS } from './orgStructure.js';
import { seedDatabase } from './index.js';

const TODAY = '2026-11-27';
const TODAY_DATS = TODAY.replaceAll('-', '');
const SALES_TABLES = ['KONH', 'KONP', 'A004', 'A005', 'A007', 'VBAK', 'VBAP', 'VBEP', 'VBUK', 'VBUP', 'VBPA', 'VBFA', 'KONV', 'LIKP', 'LIPS', 'VBRK', 'VBRP', 'BSID', 'BSAD', 'KNKK', 'NRIV'] as const;

const status = (done: number, due: number): string => (done <= 1e-9 ? 'A' : done + 1e-9 >= due ? 'C' : 'B');
const aggregate = (values: string[]): string => {
  const relevant = values.filter((v) => v !== '');
  return relevant.length === 0 ? '' : relevant.every((v) => v === 'A') ? 'A' : relevant.every((v) => v === 'C') ? 'C' : 'B';
};
const str = (value: string | number | undefined): string => String(value ?? '');

describe('seeded sales documents', () => {
  it('are the same for the same seed and date, and different for another seed', () => {
    const dumps = [7, 7, 8].map((seed) => {
      const db = new Database();
      seedDatabase(db, { seed, customers: 40 }, TODAY);
      return JSON.stringify(SALES_TABLES.map((table) => [...db.table(table).all()]));
    });
    expect(dumps[0]).toBe(dumps[1]);
    expect(dumps[0]).not.toBe(dumps[2]);
  });

  const db = new Database();
  const seeded = seedDatabase(db, { customers: 150 }, TODAY);
  const rows = (table: TableName): Row[] => [...db.table(table).all()];

  it('has documents in every status a panel shows', () => {
    const orders = rows('VBAK').filter((row) => row.VBTYP === 'C');
    const headerStatus = (vbeln: string | number | undefined) => db.table('VBUK').get({ VBELN: str(vbeln) })!;
    expect(new Set(orders.map((o) => headerStatus(o.VBELN).LFSTK))).toEqual(new Set(['A', 'B', 'C']));
    expect(orders.some((o) => o.LIFSK !== '')).toBe(true);
    expect(orders.some((o) => o.FAKSK !== '')).toBe(true);
    expect(orders.some((o) => headerStatus(o.VBELN).CMGST === 'B')).toBe(true);
    expect(orders.some((o) => headerStatus(o.VBELN).ABSTK === 'B')).toBe(true);
    expect(orders.some((o) => o.VGBEL !== '')).toBe(true);
    const quotations = rows('VBAK').filter((row) => row.VBTYP === 'B');
    expect(quotations.some((q) => str(q.BNDDT) < TODAY_DATS)).toBe(true);
    expect(quotations.some((q) => str(q.BNDDT) >= TODAY_DATS && headerStatus(q.VBELN).RFSTK === 'A')).toBe(true);
    expect(new Set(quotations.map((q) => headerStatus(q.VBELN).RFSTK))).toEqual(new Set(['', 'A', 'B', 'C']));
    expect(rows('VBAK').some((row) => row.VBTYP === 'A')).toBe(true);
    expect(new Set(rows('LIKP').map((d) => headerStatus(d.VBELN).WBSTK))).toEqual(new Set(['A', 'C']));
    expect(rows('VBRK').some((invoice) => invoice.FKSTO === 'X')).toBe(true);
    expect(rows('BSID').some((item) => item.SHKZG === 'H' && item.REBZG !== '')).toBe(true);
    expect(rows('BSID').some((item) => item.SHKZG === 'S' && Number(str(item.ZFBDT)) + 100 < Number(TODAY_DATS))).toBe(true);
    expect(seeded.receivables.credit.nearLimit.length).toBeGreaterThan(0);
    expect(seeded.receivables.credit.overLimit.length).toBeGreaterThan(0);
  });

  it('delivers only order items that exist, no more than ordered, and keeps order and delivery statuses with the quantities', () => {
    const delivered = new Map<string, number>();
    for (const line of rows('LIPS')) {
      const item = db.table('VBAP').get({ VBELN: line.VGBEL!, POSNR: line.VGPOS! });
      expect(item, `order item ${line.VGBEL}/${line.VGPOS} of delivery ${line.VBELN}`).toBeDefined();
      expect([line.MATNR, line.VRKME]).toEqual([item!.MATNR, item!.VRKME]);
      expect(item!.ABGRU).toBe('');
      const key = `${line.VGBEL}/${line.VGPOS}`;
      delivered.set(key, (delivered.get(key) ?? 0) + Number(line.LFIMG));
      expect(db.table('VBFA').get({ VBELV: line.VGBEL!, POSNV: line.VGPOS!, VBELN: line.VBELN!, POSNN: line.POSNR!, VBTYP_N: 'J' }), `flow to ${line.VBELN}`).toBeDefined();
    }
    for (const order of rows('VBAK').filter((row) => row.VBTYP === 'C')) {
      const items = db.table('VBAP').select({ VBELN: order.VBELN! });
      const itemStatus = items.map((item) => {
        const done = delivered.get(`${item.VBELN}/${item.POSNR}`) ?? 0;
        expect(done).toBeLessThanOrEqual(Number(item.KWMENG));
        const vbup = db.table('VBUP').get({ VBELN: item.VBELN!, POSNR: item.POSNR! })!;
        expect(vbup.LFSTA, `delivery status of ${item.VBELN}/${item.POSNR}`).toBe(item.ABGRU ? '' : status(done, Number(item.KWMENG)));
        return vbup;
      });
      const vbuk = db.table('VBUK').get({ VBELN: order.VBELN! })!;
      expect(vbuk.LFSTK).toBe(aggregate(itemStatus.map((s) => str(s.LFSTA))));
      expect(vbuk.GBSTK).toBe(aggregate(itemStatus.map((s) => str(s.GBSTA))));
      expect(vbuk.ABSTK).toBe(aggregate(itemStatus.map((s) => str(s.ABSTA))));
    }
  });

  it('keeps the reference status of quotations and inquiries with the quantities taken over', () => {
    for (const source of rows('VBAK').filter((row) => row.VBTYP === 'A' || row.VBTYP === 'B')) {
      for (const item of db.table('VBAP').select({ VBELN: source.VBELN! })) {
        const factor = Number(item.UMVKZ) / Number(item.UMVKN);
        const taken = db.table('VBFA').select({ VBELV: source.VBELN! }, (row) => row.POSNV === item.POSNR).reduce((sum, row) => sum + Number(row.RFMNG) / factor, 0);
        expect(db.table('VBUP').get({ VBELN: item.VBELN!, POSNR: item.POSNR! })!.RFSTA).toBe(item.ABGRU ? '' : status(taken, Number(item.KWMENG)));
      }
    }
  });

  it('adds up values: item net value from its conditions, document net value from its items', () => {
    for (const order of rows('VBAK')) {
      const items = db.table('VBAP').select({ VBELN: order.VBELN! });
      const conditions = db.table('KONV').select({ KNUMV: order.KNUMV! });
      for (const item of items) {
        const own = conditions.filter((c) => c.KPOSN === item.POSNR);
        const net = own.filter((c) => c.KOAID !== 'D').reduce((sum, c) => sum + Number(c.KWERT), 0);
        const tax = own.filter((c) => c.KOAID === 'D').reduce((sum, c) => sum + Number(c.KWERT), 0);
        expect(Number(item.NETWR)).toBeCloseTo(net, 2);
        expect(Number(item.MWSBP)).toBeCloseTo(tax, 2);
      }
      expect(Number(order.NETWR)).toBeCloseTo(items.filter((item) => !item.ABGRU).reduce((sum, item) => sum + Number(item.NETWR), 0), 2);
    }
  });

  it('prices with the condition record valid on the pricing date, percentages in tenths', () => {
    // Documents with a reference copy their reference's conditions; the others found theirs in the records.
    for (const document of rows('VBAK').filter((row) => row.VGBEL === '')) {
      for (const condition of db.table('KONV').select({ KNUMV: document.KNUMV! })) {
        const konp = db.table('KONP').get({ KNUMH: condition.KNUMH!, KOPOS: '01' })!;
        const konh = db.table('KONH').get({ KNUMH: condition.KNUMH! })!;
        expect([konp.KSCHL, konp.KBETR, konp.KRECH]).toEqual([condition.KSCHL, condition.KBETR, condition.KRECH]);
        expect(str(condition.KDATU)).toBe(str(document.AUDAT));
        expect(str(konh.DATAB) <= str(condition.KDATU) && str(konh.DATBI) >= str(condition.KDATU), `record ${condition.KNUMH} valid on ${condition.KDATU}`).toBe(true);
        if (condition.KRECH === 'A') expect(Math.abs(Number(condition.KWERT) - (Number(condition.KAWRT) * Number(condition.KBETR)) / 1000)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
    const tax = rows('A002').map((row) => [row.ALAND, row.TAXK1, row.TAXM1, db.table('KONP').get({ KNUMH: row.KNUMH!, KOPOS: '01' })!.KBETR]);
    expect(tax).toEqual(expect.arrayContaining([['DE', '1', '1', '190.00'], ['DE', '1', '2', '70.00'], ['US', '1', '1', '62.50']]));
    expect(rows('KONP').filter((row) => row.KSCHL === 'K007').every((row) => Number(row.KBETR) < 0 && row.KONWA === '%')).toBe(true);
  });

  it('ships with a carrier and a tracking number of its prefix once goods issue is posted', () => {
    for (const delivery of rows('LIKP')) {
      const vbuk = db.table('VBUK').get({ VBELN: delivery.VBELN! })!;
      const carrierPartner = db.table('VBPA').get({ VBELN: delivery.VBELN!, POSNR: '000000', PARVW: 'SP' })!;
      const carrier = CARRIERS.find((c) => c.vendor === carrierPartner.LIFNR)!;
      expect(db.table('LFA1').get({ LIFNR: carrier.vendor })).toBeDefined();
      const issued = vbuk.WBSTK === 'C';
      expect(str(delivery.WADAT_IST) !== '00000000').toBe(issued);
      expect(issued ? str(delivery.BOLNR).startsWith(carrier.trackingPrefix) : delivery.BOLNR === '').toBe(true);
      const billed = db.table('VBRP').select({ AUBEL: db.table('LIPS').select({ VBELN: delivery.VBELN! })[0]!.VGBEL! }, (line) => line.VGBEL === delivery.VBELN && db.table('VBRK').get({ VBELN: line.VBELN! })!.VBTYP === 'M' && db.table('VBRK').get({ VBELN: line.VBELN! })!.FKSTO !== 'X');
      expect(vbuk.FKSTK).toBe(billed.length > 0 ? 'C' : 'A');
      if (billed.length > 0) expect(issued).toBe(true);
    }
  });

  it('links invoices to deliveries and orders, and cancellations to what they cancel', () => {
    for (const line of rows('VBRP')) {
      const invoice = db.table('VBRK').get({ VBELN: line.VBELN! })!;
      expect(db.table('LIPS').get({ VBELN: line.VGBEL!, POSNR: line.VGPOS! })).toMatchObject({ VGBEL: line.AUBEL, VGPOS: line.AUPOS });
      expect(db.table('VBFA').select({ VBELN: line.VBELN! }, (flow) => flow.POSNN === line.POSNR && flow.VBELV === line.AUBEL)).toHaveLength(1);
      if (invoice.VBTYP === 'N') expect(db.table('VBRK').get({ VBELN: invoice.SFAKN! })!.FKSTO).toBe('X');
    }
  });

  it('posts every invoice to accounts receivable with its gross value, cleared when paid or cancelled', () => {
    for (const invoice of rows('VBRK')) {
      const key = { KUNNR: invoice.KUNRG! };
      const items = [...db.table('BSID').select(key), ...db.table('BSAD').select(key)].filter((item) => item.VBELN === invoice.VBELN);
      expect(items, `FI items of ${invoice.VBELN}`).toHaveLength(1);
      const [item] = items;
      expect(item).toMatchObject({ BELNR: invoice.BELNR, BUKRS: invoice.BUKRS, BLART: 'RV', SHKZG: invoice.VBTYP === 'M' ? 'S' : 'H' });
      expect(Number(item!.DMBTR)).toBeCloseTo(Number(invoice.NETWR) + Number(invoice.MWSBK), 2);
      if (invoice.FKSTO === 'X' || invoice.VBTYP === 'N') expect(db.table('BSID').select(key).some((open) => open.VBELN === invoice.VBELN)).toBe(false);
    }
    for (const item of rows('BSAD')) {
      const clearing = [...db.table('BSAD').select({ KUNNR: item.KUNNR! })].filter((other) => other.AUGBL === item.AUGBL);
      expect(clearing.reduce((sum, other) => sum + (other.SHKZG === 'S' ? 1 : -1) * Number(other.DMBTR), 0)).toBeCloseTo(0, 2);
    }
  });

  it('numbers FI documents per company code and year in posting order', () => {
    const byRange = new Map<string, Row[]>();
    for (const item of [...rows('BSID'), ...rows('BSAD')]) {
      const key = `${item.BUKRS}/${item.GJAHR}`;
      byRange.set(key, [...(byRange.get(key) ?? []), item]);
    }
    for (const items of byRange.values()) {
      const sorted = [...new Map(items.map((item) => [str(item.BELNR), item])).values()].sort((a, b) => (str(a.BELNR) < str(b.BELNR) ? -1 : 1));
      expect(sorted.map((item) => str(item.BUDAT))).toEqual(sorted.map((item) => str(item.BUDAT)).sort());
    }
  });

  it('keeps KNKK-SKFOR the sum of the open items and puts customers blocked for orders over their limit', () => {
    for (const account of rows('KNKK')) {
      const open = db.table('BSID').select({ KUNNR: account.KUNNR! }, (item) => item.BUKRS === account.KKBER);
      expect(Number(account.SKFOR)).toBeCloseTo(open.reduce((sum, item) => sum + (item.SHKZG === 'S' ? 1 : -1) * Number(item.DMBTR), 0), 2);
    }
    const blocked = seeded.customers.filter((c) => c.blockedForOrders);
    expect(blocked.length).toBeGreaterThan(0);
    for (const customer of blocked) {
      const account = db.table('KNKK').get({ KUNNR: customer.payer, KKBER: customer.salesOrg.creditControlArea })!;
      if (Number(account.SKFOR) > 0) expect(Number(account.KLIMK)).toBeLessThan(Number(account.SKFOR));
    }
    for (const order of rows('VBUK').filter((row) => row.CMGST === 'B')) {
      const vbak = db.table('VBAK').get({ VBELN: order.VBELN! })!;
      const account = db.table('KNKK').get({ KUNNR: vbak.KNKLI!, KKBER: vbak.KKBER! })!;
      expect(account.CRBLB === 'X' || seeded.receivables.credit.overLimit.includes(str(vbak.KNKLI))).toBe(true);
      expect(order.LFSTK).toBe('A');
    }
  });

  it('leaves the number ranges after the seeded numbers, so documents created later continue them', () => {
    const highest = (values: (string | number | undefined)[]): string => values.map(str).sort().at(-1) ?? '';
    const level = (object: string, interval: string, subobject = '', year = '0000'): string =>
      str(db.table('NRIV').get({ OBJECT: object, SUBOBJECT: subobject, NRRANGENR: interval, TOYEAR: year })!.NRLEVEL);
    const byType = (type: string) => rows('VBAK').filter((row) => row.AUART === type).map((row) => row.VBELN);
    expect(level('RV_BELEG', '01')).toBe(highest(byType('TA')));
    expect(level('RV_BELEG', '11')).toBe(highest(byType('AF')));
    expect(level('RV_BELEG', '12')).toBe(highest(byType('AG')));
    expect(level('RV_BELEG', '17')).toBe(highest(rows('LIKP').map((row) => row.VBELN)));
    expect(level('RV_BELEG', '19')).toBe(highest(rows('VBRK').map((row) => row.VBELN)));
    expect(level('KONV', '01')).toBe(highest([...rows('VBAK'), ...rows('VBRK')].map((row) => row.KNUMV)));
    expect(level('KONH', '01')).toBe(highest(rows('KONH').map((row) => row.KNUMH)));
    for (const companyCode of ['1000', '3000']) {
      const documents = [...rows('BSID'), ...rows('BSAD')].filter((row) => row.BUKRS === companyCode && row.GJAHR === '2026').map((row) => row.BELNR);
      expect(level('RF_BELEG', '00', companyCode, '2026')).toBe(highest(documents));
    }
  });
});
