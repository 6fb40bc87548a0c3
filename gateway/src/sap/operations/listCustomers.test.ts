import { expect, it } from 'vitest';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listCustomers } from './listCustomers.js';

const unpadded = (kunnr: string | number | undefined): string => String(kunnr).replace(/^0+/, '');

describeOverTransports('listCustomers', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;
  const allNumbers = [...db.table('KNA1').all()].map((row) => String(row.KUNNR)).sort();

  it('lists the customers asked for by number, with their address, as users write the numbers', async () => {
    const wanted = [allNumbers[3]!, allNumbers[17]!, allNumbers[40]!];
    const customers = await listCustomers(sap.client, { customerNumbers: wanted.map(unpadded), maxRows: 10 });
    expect(customers.map((c) => c.customerNumber)).toEqual(wanted.map(unpadded));
    const kna1 = db.table('KNA1').get({ KUNNR: wanted[1]! })!;
    expect(customers[1]).toEqual({
      customerNumber: unpadded(kna1.KUNNR),
      name: kna1.NAME1,
      searchTerm: kna1.SORTL,
      address: { street: kna1.STRAS, postalCode: kna1.PSTLZ, city: kna1.ORT01, country: kna1.LAND1, region: kna1.REGIO, phone: kna1.TELF1, fax: kna1.TELFX ?? '' },
      oneTimeAccount: false,
    });
  });

  it('lists a range of numbers, in order', async () => {
    const [from, to] = [allNumbers[10]!, allNumbers[24]!];
    const customers = await listCustomers(sap.client, { from: unpadded(from), to: unpadded(to), maxRows: 100 });
    expect(customers.map((c) => c.customerNumber)).toEqual(allNumbers.filter((n) => n >= from && n <= to).map(unpadded));
  });

  it('selects by pattern on the stored number (CP) and stops at maxRows', async () => {
    const pattern = '000000101*';
    const matching = allNumbers.filter((n) => n.startsWith('000000101'));
    expect(matching.length).toBeGreaterThan(3);
    const all = await listCustomers(sap.client, { pattern, maxRows: 100 });
    expect(all.map((c) => c.customerNumber)).toEqual(matching.map(unpadded));
    const bounded = await listCustomers(sap.client, { pattern, maxRows: 3 });
    expect(bounded.map((c) => c.customerNumber)).toEqual(matching.slice(0, 3).map(unpadded));
    const single = await listCustomers(sap.client, { pattern: '00000010+5', maxRows: 100 });
    expect(single.map((c) => c.customerNumber)).toEqual(allNumbers.filter((n) => /^00000010\d5$/.test(n)).map(unpadded));
  });

  it('combines criteria as alternatives', async () => {
    const customers = await listCustomers(sap.client, { customerNumbers: [unpadded(allNumbers[50])], pattern: '000000100+', maxRows: 100 });
    expect(customers.map((c) => c.customerNumber)).toEqual([...allNumbers.filter((n) => /^000000100\d$/.test(n)), allNumbers[50]!].map(unpadded));
  });

  it('lists only one-time customers when asked', async () => {
    const oneTime = allNumbers[7]!;
    db.table('KNA1').update({ KUNNR: oneTime }, { XCPDK: 'X' });
    const customers = await listCustomers(sap.client, { oneTimeOnly: true, maxRows: 100 });
    expect(customers).toEqual([expect.objectContaining({ customerNumber: unpadded(oneTime), oneTimeAccount: true })]);
  });

  it('returns an empty list when SAP finds nothing (F2 718)', async () => {
    await expect(listCustomers(sap.client, { customerNumbers: ['999999'], maxRows: 10 })).resolves.toEqual([]);
  });

  it('refuses unbounded or malformed queries before calling SAP', async () => {
    const before = seeded.ecc.callCounts.get('BAPI_CUSTOMER_GETLIST') ?? 0;
    await expect(listCustomers(sap.client, { maxRows: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(listCustomers(sap.client, { maxRows: 5000 })).rejects.toThrow(/maxRows: must be at most 1000/);
    await expect(listCustomers(sap.client, { customerNumbers: ['12345678901'], maxRows: 5 })).rejects.toThrow(/customerNumbers.0/);
    expect(seeded.ecc.callCounts.get('BAPI_CUSTOMER_GETLIST') ?? 0).toBe(before);
  });
});
