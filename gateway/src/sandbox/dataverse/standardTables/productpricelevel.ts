/**
 * The price of a product in a price list, per unit.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/productpricelevel.md
 * (commit 0b1fd92a77); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, decimal, lookup, money,
  primaryKey, text, versionNumber, whole,
} from './dsl.js';

export const productpricelevel = table({
  schemaName: 'ProductPriceLevel',
  entitySetName: 'productpricelevels',
  primaryIdAttribute: 'productpricelevelid',
  primaryNameAttribute: 'productidname',
  ownershipType: 'None',
  objectTypeCode: 1026,
  changeTrackingEnabled: true,
}, [
  primaryKey('ProductPriceLevelId'),
  lookup('PriceLevelId', { pricelevel: 'price_level_product_price_levels' }, { ...CREATE_ONLY, required: 'SystemRequired' }),
  lookup('ProductId', { product: 'product_price_levels' }, { required: 'SystemRequired' }),
  text('ProductIdName', 100, READ_ONLY),
  text('ProductNumber', 100, { ...READ_ONLY, required: 'SystemRequired' }),
  lookup('UoMId', { uom: 'unit_of_measurement_product_price_levels' }, { required: 'ApplicationRequired' }),
  lookup('UoMScheduleId', { uomschedule: 'unit_of_measure_schedule_product_price_level' }),
  money('Amount', [0, 100000000000000], 2, { required: 'ApplicationRequired' }),
  decimal('Percentage', [0, 1000000000], 2, { required: 'ApplicationRequired' }),
  choice('PricingMethodCode', [[1, 'Currency Amount'], [2, 'Percent of List'], [3, 'Percent Markup - Current Cost'], [4, 'Percent Margin - Current Cost'], [5, 'Percent Markup - Standard Cost'], [6, 'Percent Margin - Standard Cost']], { required: 'ApplicationRequired' }),
  choice('QuantitySellingCode', [[1, 'No Control'], [2, 'Whole'], [3, 'Whole and Fractional']], { required: 'ApplicationRequired' }),
  choice('RoundingOptionCode', [[1, 'Ends in'], [2, 'Multiple of']], { required: 'ApplicationRequired' }),
  choice('RoundingPolicyCode', [[1, 'None'], [2, 'Up'], [3, 'Down'], [4, 'To Nearest']], { required: 'ApplicationRequired' }),
  money('RoundingOptionAmount', [-100000000000000, 100000000000000], 2, { required: 'ApplicationRequired' }),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_productpricelevel' }, { create: false }),
  decimal('ExchangeRate', [1e-10, 100000000000], 10, READ_ONLY),
  ...auditColumns({ createdBy: 'lk_productpricelevelbase_createdby', createdOnBehalfBy: 'lk_productpricelevel_createdonbehalfby', modifiedBy: 'lk_productpricelevelbase_modifiedby', modifiedOnBehalfBy: 'lk_productpricelevel_modifiedonbehalfby' }),
  versionNumber(),
]);
