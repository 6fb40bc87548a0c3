import { expect, it } from 'vitest';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listMaterials } from './listMaterials.js';

const unpadded = (n: string | number | undefined): string => String(n).replace(/^0+/, '');

describeOverTransports('listMaterials', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;
  const numbers = [...db.table('MARA').all()].map((row) => String(row.MATNR)).sort();
  const descriptionOf = (matnr: string): string => String(db.table('MAKT').get({ MATNR: matnr, SPRAS: 'E' })!.MAKTX);

  it('lists materials by number, numeric ones as users write them, with their English description', async () => {
    const alphanumeric = numbers.find((n) => /[A-Z]/.test(n))!;
    const numeric = numbers.find((n) => /^\d+$/.test(n))!;
    const materials = await listMaterials(sap.client, { materialNumbers: [unpadded(numeric), alphanumeric], maxRows: 10 });
    expect(materials).toEqual([
      { materialNumber: unpadded(numeric), description: descriptionOf(numeric) },
      { materialNumber: alphanumeric, description: descriptionOf(alphanumeric) },
    ]);
  });

  it('selects by description pattern in capitals and by number pattern, bounded by maxRows', async () => {
    const pumps = numbers.filter((n) => descriptionOf(n).toUpperCase().includes('PUMP'));
    expect(pumps.length).toBeGreaterThan(2);
    const found = await listMaterials(sap.client, { descriptionPattern: '*pump*', maxRows: 1000 });
    expect(found.map((m) => m.materialNumber)).toEqual(pumps.map(unpadded));
    const bounded = await listMaterials(sap.client, { descriptionPattern: '*PUMP*', maxRows: 2 });
    expect(bounded.map((m) => m.materialNumber)).toEqual(pumps.slice(0, 2).map(unpadded));
    const byNumber = await listMaterials(sap.client, { numberPattern: 'SP-*', maxRows: 100 });
    expect(byNumber.map((m) => m.materialNumber)).toEqual(numbers.filter((n) => n.startsWith('SP-')));
  });

  it('selects the materials sold in a sales organisation and distribution channel', async () => {
    const soldIn = (org: string, channel: string) => numbers.filter((n) => db.table('MVKE').get({ MATNR: n, VKORG: org, VTWEG: channel }));
    const us = await listMaterials(sap.client, { salesOrganization: '3000', maxRows: 1000 });
    expect(us.map((m) => m.materialNumber)).toEqual(soldIn('3000', '10').map(unpadded));
    expect(us.length).toBeLessThan(numbers.length);
    const resale = await listMaterials(sap.client, { salesOrganization: '1000', distributionChannel: '12', descriptionPattern: '*MOTOR*', maxRows: 1000 });
    expect(resale.map((m) => m.materialNumber)).toEqual(soldIn('1000', '12').filter((n) => descriptionOf(n).toUpperCase().includes('MOTOR')).map(unpadded));
  });

  it('returns an empty list when nothing matches', async () => {
    await expect(listMaterials(sap.client, { materialNumbers: ['999999'], maxRows: 5 })).resolves.toEqual([]);
  });

  it('refuses an unbounded query', async () => {
    await expect(listMaterials(sap.client, { descriptionPattern: '*', maxRows: 0 })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
