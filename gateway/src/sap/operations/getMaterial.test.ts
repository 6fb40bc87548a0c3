import { expect, it } from 'vitest';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports } from '../testing/transports.js';
import { getMaterial } from './getMaterial.js';
import { InvalidInputError } from './inputValidation.js';

describeOverTransports('getMaterial', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;

  it('reads the general data, units of measure and sales views of a material', async () => {
    // A spare part has a carton unit besides its base unit.
    const { materialNumber } = seeded.seeded.materials.find((m) => m.line.materialGroup === '003' && /^\d+$/.test(m.materialNumber))!;
    const mara = db.table('MARA').get({ MATNR: materialNumber })!;
    const material = await getMaterial(sap.client, materialNumber.replace(/^0+/, ''));
    expect(material).toMatchObject({
      materialNumber: materialNumber.replace(/^0+/, ''),
      description: db.table('MAKT').get({ MATNR: materialNumber, SPRAS: 'E' })!.MAKTX,
      materialType: mara.MTART, materialGroup: mara.MATKL, baseUnit: mara.MEINS, division: mara.SPART,
      grossWeight: Number(mara.BRGEW), netWeight: Number(mara.NTGEW), weightUnit: 'KG', markedForDeletion: false,
    });
    const byUnit = (a: { unit: unknown }, b: { unit: unknown }) => String(a.unit).localeCompare(String(b.unit));
    expect([...material.units].sort(byUnit)).toEqual(db.table('MARM').select({ MATNR: materialNumber }).map((marm) => ({
      unit: marm.MEINH, numerator: Number(marm.UMREZ), denominator: Number(marm.UMREN), ean: '',
    })).sort(byUnit));
    expect(material.units.map((u) => u.unit)).toContain('KAR');
    expect(material.salesData).toEqual(db.table('MVKE').select({ MATNR: materialNumber }).map((mvke) => ({
      salesOrganization: mvke.VKORG, distributionChannel: mvke.VTWEG, salesStatus: mvke.VMSTA ?? '', deliveringPlant: mvke.DWERK,
      itemCategoryGroup: mvke.MTPOS, materialPriceGroup: mvke.KONDM,
    })));
  });

  it('reads an alphanumeric material as it is, and one marked for deletion', async () => {
    const { materialNumber } = seeded.seeded.materials.find((m) => /[A-Z]/.test(m.materialNumber))!;
    db.table('MARA').update({ MATNR: materialNumber }, { LVORM: 'X' });
    await expect(getMaterial(sap.client, materialNumber)).resolves.toMatchObject({ materialNumber, markedForDeletion: true });
  });

  it('is not found for a number SAP does not know', async () => {
    const error = await getMaterial(sap.client, '999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapNotFoundError);
    expect((error as SapNotFoundError).sapMessages).toEqual([expect.objectContaining({ type: 'E', id: 'M3', number: '305' })]);
  });

  it('refuses a number longer than 18 characters', async () => {
    await expect(getMaterial(sap.client, '1234567890123456789')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
