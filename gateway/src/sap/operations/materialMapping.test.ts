import { describe, expect, it } from 'vitest';
import { materialOf, unitOfMeasureOf } from './materialMapping.js';

describe('materialOf', () => {
  it('strips the leading zeros MATN1 adds, parses weights and reads the deletion flag', () => {
    const general = { MATL_DESC: 'Impeller 120 mm', MATL_TYPE: 'HAWA', MATL_GROUP: '003', BASE_UOM: 'ST', DIVISION: '01', GROSS_WT: '2.750', NET_WEIGHT: '2.500', UNIT_OF_WT: 'KG', DEL_FLAG: 'X' };
    const material = materialOf('000000000000100017', general, [], [{ VKORG: '1000', VTWEG: '10', VMSTA: '02', DWERK: '1000', MTPOS: 'NORM', KONDM: '01' }]);
    expect(material).toEqual({
      materialNumber: '100017', description: 'Impeller 120 mm', materialType: 'HAWA', materialGroup: '003', baseUnit: 'ST', division: '01',
      grossWeight: 2.75, netWeight: 2.5, weightUnit: 'KG', markedForDeletion: true, units: [],
      salesData: [{ salesOrganization: '1000', distributionChannel: '10', salesStatus: '02', deliveringPlant: '1000', itemCategoryGroup: 'NORM', materialPriceGroup: '01' }],
    });
    expect(materialOf('PX-00008', general, [], []).materialNumber).toBe('PX-00008');
  });
});

describe('unitOfMeasureOf', () => {
  it('reads the conversion to the base unit as numerator and denominator', () => {
    expect(unitOfMeasureOf({ MEINH: 'PAL', UMREZ: '8 ', UMREN: '1 ', EAN11: '' })).toEqual({ unit: 'PAL', numerator: 8, denominator: 1, ean: '' });
  });
});
