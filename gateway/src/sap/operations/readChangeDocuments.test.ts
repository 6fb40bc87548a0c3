import { expect, it } from 'vitest';
import type { ChangeDocument } from '../../model/changeDocument.js';
import type { RfcClient } from '../rfc.js';
import { describeOverTransports } from '../testing/transports.js';
import { changeCustomer } from './changeCustomer.js';
import { InvalidInputError } from './inputValidation.js';
import { readChangeDocuments, type ChangeDocumentQuery } from './readChangeDocuments.js';

const TODAY = { date: '2026-11-27', time: '00:00:00' };

/** Reads every page from `since` on and returns the documents in the order they came. */
async function readAll(client: RfcClient, query: ChangeDocumentQuery): Promise<ChangeDocument[]> {
  const documents: ChangeDocument[] = [];
  let next = { since: query.since, skipChangeNumbers: query.skipChangeNumbers ?? [] };
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await readChangeDocuments(client, { ...query, ...next });
    const onPage = page.objects.flatMap((o) => o.documents).sort((a, b) => (a.changeNumber < b.changeNumber ? -1 : 1));
    expect(onPage.length).toBeLessThanOrEqual(query.maxRows);
    documents.push(...onPage);
    next = page.next;
    if (!page.hasMore) return documents;
  }
  throw new Error('paging did not end');
}

describeOverTransports('readChangeDocuments', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;
  const customers = seeded.seeded.customers;

  it('returns the changed fields of a customer with old and new values', async () => {
    const { customerNumber } = customers[3]!;
    const before = { ...db.table('KNA1').get({ KUNNR: customerNumber })! };
    await changeCustomer(sap.client, customerNumber, { city: 'Flensburg', postalCode: '24937' });
    const page = await readChangeDocuments(sap.client, { objectClass: 'DEBI', since: TODAY, maxRows: 50 });
    const object = page.objects.find((o) => o.objectId === customerNumber.replace(/^0+/, ''));
    expect(object?.documents).toHaveLength(1);
    const [document] = object!.documents;
    expect(document).toMatchObject({ kind: 'updated', changedBy: 'ECC365', transaction: 'XD02', changedAt: { date: '2026-11-27' } });
    expect(document!.changes.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { table: 'KNA1', key: customerNumber, field: 'ORT01', kind: 'updated', oldValue: before.ORT01, newValue: 'Flensburg' },
      { table: 'KNA1', key: customerNumber, field: 'PSTLZ', kind: 'updated', oldValue: before.PSTLZ, newValue: '24937' },
    ]);
    expect(page.hasMore).toBe(false);
  });

  it('pages with a cursor: every document once, oldest first', async () => {
    for (const customer of customers.slice(30, 35)) await changeCustomer(sap.client, customer.customerNumber, { phone: '+49 40 1234567' });
    const all = (await readChangeDocuments(sap.client, { objectClass: 'DEBI', since: TODAY, maxRows: 1000 })).objects.flatMap((o) => o.documents);
    const paged = await readAll(sap.client, { objectClass: 'DEBI', since: TODAY, maxRows: 2 });
    expect(paged.map((d) => d.changeNumber)).toEqual(all.map((d) => d.changeNumber).sort());
    expect(paged.length).toBe(6);
    const later = await readChangeDocuments(sap.client, { objectClass: 'DEBI', since: { date: '2026-11-28', time: '00:00:00' }, maxRows: 10 });
    expect(later).toEqual({ objects: [], next: { since: { date: '2026-11-28', time: '00:00:00' }, skipChangeNumbers: [] }, hasMore: false });
  });

  it('reads a backlog larger than one RFC_READ_TABLE scan by narrowing the time window', async () => {
    // 5,600 documents over 28 days, two per second, stored in an order unrelated to their time.
    const expected: string[] = [];
    for (let i = 0; i < 5600; i += 1) {
      const day = Math.floor(i / 200);
      const second = Math.floor((i % 200) / 2) * 37;
      const changeNumber = `9${String(i).padStart(9, '0')}`;
      db.table('CDHDR').insert({
        OBJECTCLAS: 'ZBACKLOG', OBJECTID: `OBJ${String((i * 7919) % 997).padStart(4, '0')}`, CHANGENR: changeNumber, USERNAME: 'LOADER',
        UDATE: `202610${String(day + 1).padStart(2, '0')}`, UTIME: new Date(second * 1000).toISOString().slice(11, 19).replaceAll(':', ''),
        TCODE: 'ZLOAD', CHANGE_IND: 'U',
      });
      if (day >= 2) expected.push(changeNumber);
    }
    const documents = await readAll(sap.client, { objectClass: 'ZBACKLOG', since: { date: '2026-10-03', time: '00:00:00' }, maxRows: 999 });
    expect(documents.map((d) => d.changeNumber)).toEqual(expected);
    expect(documents[0]).toMatchObject({ changedBy: 'LOADER', transaction: 'ZLOAD', changedAt: { date: '2026-10-03', time: '00:00:00' }, changes: [] });
  });

  it('refuses a malformed query', async () => {
    await expect(readChangeDocuments(sap.client, { objectClass: 'DEBI', since: { date: '27.11.2026', time: '00:00:00' }, maxRows: 10 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(readChangeDocuments(sap.client, { objectClass: 'DEBI', since: TODAY, maxRows: 0 })).rejects.toThrow(/maxRows/);
  });
});
