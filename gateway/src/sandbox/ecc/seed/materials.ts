/**
 * Material master data: finished pumps and drives, spare parts and consumables, with English
 * and German descriptions, alternative units (carton, pallet), sales data per sales
 * organisation and channel, and tax classification. Some materials are not sold in one of the
 * sales organisations, a few are blocked for sales or marked for deletion.
 */

import { dats, pad, type SeedContext } from './context.js';
import { PRODUCT_LINES, type ProductLine } from './names.js';
import { SALES_ORGANIZATIONS } from './orgStructure.js';

export interface SeededMaterial {
  materialNumber: string;
  line: ProductLine;
  /** Base price per base unit in EUR, for the pricing seed. */
  basePrice: number;
  /** Sales organisation and channel pairs the material can be sold in (and is not blocked). */
  sellableIn: [string, string][];
}

const CHANNELS_BY_SALES_ORG: Record<string, string[]> = { '1000': ['10', '12'], '3000': ['10'] };

export function materialCount(customers: number): number {
  return Math.min(5000, Math.max(60, Math.round(customers / 50)));
}

export function seedMaterials(context: SeedContext): SeededMaterial[] {
  const { db, today } = context;
  const random = context.random.fork('materials');
  const materials: SeededMaterial[] = [];
  const count = materialCount(context.options.customers);
  for (let i = 0; i < count; i += 1) {
    const line = PRODUCT_LINES[i % PRODUCT_LINES.length]!;
    const [nameEn, nameDe] = random.pick(line.names);
    const size = random.int(2, 90) * 10;
    // Most material numbers are numeric (stored with leading zeros, MATN1); every eighth is alphanumeric.
    const materialNumber = i % 8 === 7 ? `${line.materialGroup === '003' ? 'SP' : 'PX'}-${pad(i + 1, 5)}` : pad(100000 + i, 18);
    const suffix = line.baseUnit === 'KG' ? `${size / 10} kg` : line.division === '02' ? `${(size / 40).toFixed(1)} kW` : `${size} mm`;
    const weight = Number((line.weight[0] + random.next() * (line.weight[1] - line.weight[0])).toFixed(3));
    const deleted = random.chance(0.01);
    db.table('MARA').insert({
      MATNR: materialNumber, ERSDA: dats(today, -random.int(400, 3000)), LAEDA: dats(today, -random.int(1, 300)), MTART: line.materialType,
      MBRSH: 'M', MATKL: line.materialGroup, MEINS: line.baseUnit, BRGEW: (weight * 1.1).toFixed(3), NTGEW: weight.toFixed(3), GEWEI: 'KG',
      SPART: line.division, EAN11: `400${pad(random.int(0, 999999999), 10)}`, LVORM: deleted ? 'X' : '',
    });
    db.table('MAKT').insert({ MATNR: materialNumber, SPRAS: 'E', MAKTX: `${nameEn} ${suffix}`.slice(0, 40) });
    db.table('MAKT').insert({ MATNR: materialNumber, SPRAS: 'D', MAKTX: `${nameDe} ${suffix}`.slice(0, 40) });
    db.table('MARM').insert({ MATNR: materialNumber, MEINH: line.baseUnit, UMREZ: '1', UMREN: '1', EAN11: '' });
    if (line.materialGroup === '003') {
      db.table('MARM').insert({ MATNR: materialNumber, MEINH: 'KAR', UMREZ: '10', UMREN: '1', EAN11: '' });
    }
    if (line.materialGroup === '001' || line.materialGroup === '002') {
      db.table('MARM').insert({ MATNR: materialNumber, MEINH: 'PAL', UMREZ: String(random.pick([4, 6, 8])), UMREN: '1', EAN11: '' });
    }
    const sellableIn: [string, string][] = [];
    for (const org of SALES_ORGANIZATIONS) {
      if (org.salesOrg === '3000' && random.chance(0.15)) continue; // not sold in the US
      for (const channel of CHANNELS_BY_SALES_ORG[org.salesOrg]!) {
        const blocked = random.chance(0.03);
        db.table('MVKE').insert({
          MATNR: materialNumber, VKORG: org.salesOrg, VTWEG: channel, VMSTA: blocked ? '02' : '', DWERK: org.plant,
          KONDM: random.pick(['01', '02']), PRODH: `${line.division}${line.materialGroup}`, MTPOS: line.itemCategoryGroup, VRKME: '',
          LVORM: deleted ? 'X' : '',
        });
        if (!blocked && !deleted) sellableIn.push([org.salesOrg, channel]);
      }
      db.table('MLAN').insert({ MATNR: materialNumber, ALAND: org.country, TAXM1: line.materialGroup === '004' ? '2' : '1' });
    }
    const basePrice = Number((line.price[0] + random.next() * (line.price[1] - line.price[0])).toFixed(2));
    materials.push({ materialNumber, line, basePrice, sellableIn });
  }
  return materials;
}
