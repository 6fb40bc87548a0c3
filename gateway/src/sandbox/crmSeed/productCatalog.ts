/**
 * The product catalog CRM needs to quote SAP's materials: currencies (the sales organisations'
 * currencies; the first organisation's is the base, the others carry SAP's exchange rate), a unit
 * group per base unit with that unit (named by SAP's unit code, which is what SAP expects as a
 * sales unit), a product per material (ecc_materialnumber in SAP's internal form), and a price
 * list per sales organisation in its currency holding the current PR00 price per base unit of
 * every material sold in its first distribution channel. Alternative units (cartons, pallets) are
 * material-specific conversions in SAP, which a Dataverse unit group cannot express; quote lines
 * are in base units.
 */

import { externalNumber } from '../ecc/salesDocumentRequest.js';
import type { EccCatalog } from './eccCatalog.js';
import { seededId } from './ids.js';
import type { RowWriter } from './rowWriter.js';

const CURRENCIES: Record<string, { name: string; symbol: string }> = {
  EUR: { name: 'Euro', symbol: '€' },
  USD: { name: 'US Dollar', symbol: '$' },
};

export interface PriceList {
  id: string;
  salesOrganization: string;
  distributionChannel: string;
  currency: string;
  currencyId: string;
  /** Price per base unit by material number. */
  prices: Map<string, number>;
}

export interface ProductCatalog {
  currencyIds: Map<string, string>;
  unitIds: Map<string, string>;
  productIds: Map<string, string>;
  priceLists: Map<string, PriceList>;
}

const cents = (amount: number): number => Math.round(amount * 100 + (amount >= 0 ? 1e-7 : -1e-7)) / 100;

export function seedProductCatalog(writer: RowWriter, ecc: EccCatalog): ProductCatalog {
  const organizations = ecc.salesOrganizations();
  const baseCurrency = organizations[0]?.currency ?? 'EUR';
  const currencyIds = new Map<string, string>();
  for (const currency of [...new Set(organizations.map((o) => o.currency))]) {
    const rate = currency === baseCurrency ? 1 : ecc.exchangeRate(baseCurrency, currency);
    if (rate === undefined) throw new Error(`The simulated ECC has no exchange rate from ${baseCurrency} to ${currency} for the CRM seed's currencies.`);
    const known = CURRENCIES[currency];
    currencyIds.set(currency, writer.create('transactioncurrency', seededId('currency', currency), {
      isocurrencycode: currency, currencyname: known?.name ?? currency, currencysymbol: known?.symbol ?? currency, currencyprecision: 2, exchangerate: rate,
    }));
  }

  const materials = ecc.allMaterials();
  const unitIds = new Map<string, string>();
  const scheduleIds = new Map<string, string>();
  for (const unit of [...new Set(materials.map((m) => m.baseUnit))].sort()) {
    const scheduleId = writer.create('uomschedule', seededId('unit group', unit), {
      name: `SAP unit ${unit}`, baseuomname: unit, description: `Quantities in SAP's unit ${unit}, the base unit of the materials sold in it.`,
    });
    const unitId = writer.create('uom', seededId('unit', unit), { name: unit, quantity: 1, 'uomscheduleid@odata.bind': writer.bind('uomschedule', scheduleId) });
    // The base unit of a group is its own base.
    writer.update('uom', unitId, { 'baseuom@odata.bind': writer.bind('uom', unitId) });
    scheduleIds.set(unit, scheduleId);
    unitIds.set(unit, unitId);
  }

  const productIds = new Map<string, string>();
  for (const material of materials) {
    productIds.set(material.materialNumber, writer.create('product', seededId('product', material.materialNumber), {
      name: material.description,
      productnumber: externalNumber(material.materialNumber),
      ecc_materialnumber: material.materialNumber,
      ecc_materialgroup: material.materialGroup || null,
      ecc_baseunit: material.baseUnit,
      productstructure: 1,
      producttypecode: 1,
      quantitydecimal: material.baseUnit === 'KG' ? 3 : 0,
      'defaultuomscheduleid@odata.bind': writer.bind('uomschedule', scheduleIds.get(material.baseUnit)!),
      'defaultuomid@odata.bind': writer.bind('uom', unitIds.get(material.baseUnit)!),
    }));
  }

  const priceLists = new Map<string, PriceList>();
  for (const organization of organizations) {
    const channel = ecc.firstChannel(organization.salesOrganization);
    if (channel === undefined) continue;
    const currencyId = currencyIds.get(organization.currency)!;
    const id = writer.create('pricelevel', seededId('price list', organization.salesOrganization), {
      name: `${organization.name}, ${ecc.channelName(channel)} (${organization.currency})`,
      description: `SAP's list prices (PR00) of sales organization ${organization.salesOrganization}, distribution channel ${channel}, per base unit.`,
      'transactioncurrencyid@odata.bind': writer.bind('transactioncurrency', currencyId),
    });
    const prices = new Map<string, number>();
    for (const material of materials) {
      if (!ecc.soldIn(material.materialNumber, organization.salesOrganization, channel)) continue;
      const price = ecc.listPrice(material.materialNumber, organization.salesOrganization, channel);
      if (!price || price.currency !== organization.currency) continue;
      const amount = cents(price.amount);
      writer.create('productpricelevel', seededId('price', organization.salesOrganization, material.materialNumber), {
        'pricelevelid@odata.bind': writer.bind('pricelevel', id),
        'productid@odata.bind': writer.bind('product', productIds.get(material.materialNumber)!),
        'uomid@odata.bind': writer.bind('uom', unitIds.get(material.baseUnit)!),
        'uomscheduleid@odata.bind': writer.bind('uomschedule', scheduleIds.get(material.baseUnit)!),
        amount,
        pricingmethodcode: 1,
        quantitysellingcode: 1,
      });
      prices.set(material.materialNumber, amount);
    }
    priceLists.set(organization.salesOrganization, { id, salesOrganization: organization.salesOrganization, distributionChannel: channel, currency: organization.currency, currencyId, prices });
  }
  return { currencyIds, unitIds, productIds, priceLists };
}
