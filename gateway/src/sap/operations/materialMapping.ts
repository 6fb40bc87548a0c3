/**
 * Material master data between SAP's shapes (BAPIMATDOA, MARM and MVKE rows) and the canonical
 * model. Pure functions; numbers leave without the leading zeros MATN1 adds to numeric ones.
 */

import type { Material, MaterialSalesData, UnitOfMeasure } from '../../model/material.js';
import { isFlagSet, parseDecimal } from '../abapValues.js';
import { alphaOut } from '../alpha.js';
import type { RfcStructure } from '../rfc.js';
import type { TableRow } from './readTable.js';

const text = (row: RfcStructure | TableRow, field: string): string => String(row[field] ?? '').trim();

export function unitOfMeasureOf(marm: TableRow): UnitOfMeasure {
  return {
    unit: text(marm, 'MEINH'),
    numerator: parseDecimal(marm.UMREZ),
    denominator: parseDecimal(marm.UMREN),
    ean: text(marm, 'EAN11'),
  };
}

export function materialSalesDataOf(mvke: TableRow): MaterialSalesData {
  return {
    salesOrganization: text(mvke, 'VKORG'),
    distributionChannel: text(mvke, 'VTWEG'),
    salesStatus: text(mvke, 'VMSTA'),
    deliveringPlant: text(mvke, 'DWERK'),
    itemCategoryGroup: text(mvke, 'MTPOS'),
    materialPriceGroup: text(mvke, 'KONDM'),
  };
}

/** A material from BAPI_MATERIAL_GET_DETAIL's general data and its MARM and MVKE rows. */
export function materialOf(materialNumber: string, general: RfcStructure, units: TableRow[], salesViews: TableRow[]): Material {
  return {
    materialNumber: alphaOut(materialNumber),
    description: text(general, 'MATL_DESC'),
    materialType: text(general, 'MATL_TYPE'),
    materialGroup: text(general, 'MATL_GROUP'),
    baseUnit: text(general, 'BASE_UOM'),
    division: text(general, 'DIVISION'),
    grossWeight: parseDecimal(general.GROSS_WT),
    netWeight: parseDecimal(general.NET_WEIGHT),
    weightUnit: text(general, 'UNIT_OF_WT'),
    markedForDeletion: isFlagSet(general.DEL_FLAG),
    units: units.map(unitOfMeasureOf),
    salesData: salesViews.map(materialSalesDataOf),
  };
}
