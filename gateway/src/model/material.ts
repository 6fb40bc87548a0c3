/** Materials in the canonical model: SAP's MARA/MAKT/MARM/MVKE. */

export interface UnitOfMeasure {
  /** SAP internal unit (MEINH), e.g. "ST", "KG". */
  unit: string;
  /** How many base units one of this unit is: numerator / denominator. */
  numerator: number;
  denominator: number;
  ean: string;
}

export interface MaterialSalesData {
  salesOrganization: string;
  distributionChannel: string;
  /** Empty when the material may be sold; otherwise SAP's sales status code (e.g. blocked). */
  salesStatus: string;
  deliveringPlant: string;
  itemCategoryGroup: string;
  materialPriceGroup: string;
}

export interface Material {
  /** SAP material number without leading zeros of a purely numeric number. */
  materialNumber: string;
  description: string;
  materialType: string;
  materialGroup: string;
  baseUnit: string;
  division: string;
  grossWeight: number;
  netWeight: number;
  weightUnit: string;
  markedForDeletion: boolean;
  units: UnitOfMeasure[];
  salesData: MaterialSalesData[];
}

export interface MaterialSummary {
  materialNumber: string;
  description: string;
}
