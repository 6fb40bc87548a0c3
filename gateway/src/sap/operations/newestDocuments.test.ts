import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../model/invoice.js';
import { describeOverTransports } from '../testing/transports.js';
import { DOCUMENTS_SCANNED_PER_READ, readNewestDocuments } from './newestDocuments.js';

describeOverTransports('readNewestDocuments', (sap) => {
  const test = sap.testEcc;
  // More deliveries for one sold-to than one read returns: numbered upwards over 300 days, four a day.
  const count = DOCUMENTS_SCANNED_PER_READ + 200;
  const dates = Array.from({ length: count }, (_, i) => addDays('2026-01-01', Math.floor(i / 4)));

  beforeAll(async () => {
    dates.forEach((date, i) => test.ecc.db.table('LIKP').insert({ VBELN: String(85_000_000 + i).padStart(10, '0'), KUNAG: '0000099990', LFDAT: date.replaceAll('-', ''), LFART: 'LF' }));
  });

  const newest = (maxRows: number, from = '2026-01-01', to?: string) =>
    readNewestDocuments(sap.client, { table: 'LIKP', fields: ['VBELN', 'LFDAT'], where: ["KUNAG = '0000099990'"], dateField: 'LFDAT', from, to, horizon: '2026-12-31', maxRows });

  it('finds the newest documents even when the window holds more than one read returns', async () => {
    const rows = await newest(6);
    expect(rows.map((row) => row.VBELN)).toEqual(Array.from({ length: 6 }, (_, i) => String(85_000_000 + count - 1 - i).padStart(10, '0')));
  });

  it('finds as many as asked for when the newest days hold fewer', async () => {
    const rows = await newest(150);
    expect(rows).toHaveLength(150);
    expect(rows[149]!.VBELN).toBe(String(85_000_000 + count - 150).padStart(10, '0'));
  });

  it('keeps to the end of a closed window', async () => {
    const rows = await newest(3, '2026-01-01', '2026-02-01');
    expect(rows.map((row) => row.LFDAT)).toEqual(['20260201', '20260201', '20260201']);
  });
});
