import { describe, expect, it } from 'vitest';
import { SapAbapException } from '../errors.js';
import { parseDecimal } from '../abapValues.js';
import { describeOverTransports } from '../testing/transports.js';
import { readTable, sqlIn, sqlLiteral, toOptionLines } from './readTable.js';

describe('toOptionLines', () => {
  it('splits a long WHERE between tokens into lines of at most 72 characters', () => {
    const where = sqlIn('KUNNR', Array.from({ length: 20 }, (_, i) => String(1000 + i).padStart(10, '0')));
    const lines = toOptionLines(where);
    expect(lines.length).toBeGreaterThan(4);
    for (const { TEXT } of lines) expect(TEXT.length).toBeLessThanOrEqual(72);
    expect(lines.map((l) => l.TEXT).join(' ').replace(/\s+/g, '')).toBe(where.replace(/\s+/g, ''));
  });

  it('keeps a literal with blanks and quotes whole', () => {
    const lines = toOptionLines(`NAME1 = ${sqlLiteral("O'Brien  & Sons (Ltd)")}`);
    expect(lines.map((l) => l.TEXT)).toEqual(["NAME1 = 'O''Brien  & Sons (Ltd)'"]);
  });
});

describeOverTransports('readTable', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;

  it('reads the requested columns of matching rows', async () => {
    const customer = seeded.seeded.customers[3]!;
    const rows = await readTable(sap.client, {
      table: 'KNVP',
      fields: ['PARVW', 'KUNN2', 'PARNR', 'VKORG'],
      where: [`KUNNR = ${sqlLiteral(customer.customerNumber)}`],
    });
    const expected = db.table('KNVP').select({ KUNNR: customer.customerNumber });
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.PARVW))).toEqual(new Set(expected.map((r) => r.PARVW)));
    expect([...new Set(rows.filter((r) => r.PARVW === 'AP').map((r) => r.PARNR))].sort()).toEqual(customer.contacts.slice().sort());
  });

  it('combines conditions, pages with ROWSKIPS and ROWCOUNT, and compares NUMC literals by value', async () => {
    const all = await readTable(sap.client, { table: 'KNVK', fields: ['PARNR', 'KUNNR'], where: ["PARNR BETWEEN '1' AND '20'"] });
    expect(all.map((r) => r.PARNR)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(10, '0')));
    const page = await readTable(sap.client, { table: 'KNVK', fields: ['PARNR'], where: ["PARNR BETWEEN '1' AND '20'"], rowSkips: 5, rowCount: 3 });
    expect(page.map((r) => r.PARNR)).toEqual(all.slice(5, 8).map((r) => r.PARNR));
  });

  it('selects by an IN list on a key field together with other conditions, in key order', async () => {
    const { db } = sap.testEcc.ecc;
    const contacts = [...db.table('KNVK').all()].slice(0, 6);
    const wanted = contacts.map((row) => String(row.PARNR));
    const kunnr = String(contacts[0]!.KUNNR);
    const rows = await readTable(sap.client, { table: 'KNVK', fields: ['PARNR', 'KUNNR'], where: [sqlIn('PARNR', [...wanted].reverse()), `KUNNR = ${sqlLiteral(kunnr)}`] });
    expect(rows.map((r) => r.PARNR)).toEqual(contacts.filter((row) => row.KUNNR === kunnr).map((row) => String(row.PARNR)).sort());
    const either = await readTable(sap.client, { table: 'KNVK', fields: ['PARNR'], where: [`${sqlIn('PARNR', wanted.slice(0, 2))} OR KUNNR = ${sqlLiteral(kunnr)}`] });
    expect(either.length).toBeGreaterThanOrEqual(2);
  });

  it('returns packed numbers with their sign', async () => {
    const customer = seeded.seeded.customers[0]!;
    const [row] = await readTable(sap.client, { table: 'KNKK', fields: ['KLIMK', 'KKBER'], where: [`KUNNR = ${sqlLiteral(customer.payer)}`] });
    const stored = db.table('KNKK').get({ KUNNR: customer.payer, KKBER: customer.salesOrg.creditControlArea })!;
    expect(parseDecimal(row!.KLIMK)).toBe(Number(stored.KLIMK));
  });

  it('raises the function module exceptions for a bad table, field or condition', async () => {
    await expect(readTable(sap.client, { table: 'ZNOTHERE', fields: ['X'] })).rejects.toMatchObject({ exception: 'TABLE_NOT_AVAILABLE' });
    await expect(readTable(sap.client, { table: 'KNA1', fields: ['NOPE'] })).rejects.toMatchObject({ exception: 'FIELD_NOT_VALID' });
    await expect(readTable(sap.client, { table: 'KNA1', fields: ['KUNNR'], where: ['NOPE = 1'] })).rejects.toBeInstanceOf(SapAbapException);
    await expect(readTable(sap.client, { table: 'CDPOS', fields: [] })).rejects.toMatchObject({ exception: 'DATA_BUFFER_EXCEEDED' });
  });
});
