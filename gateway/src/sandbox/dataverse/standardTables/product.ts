/**
 * A product; an SAP material.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/product.md
 * (commit 0ab00ed508); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, decimal, lookup, memo, money,
  primaryKey, stateCode, statusCode, text, versionNumber, whole, yesNo,
} from './dsl.js';

export const product = table({
  schemaName: 'Product',
  entitySetName: 'products',
  primaryIdAttribute: 'productid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 1024,
  changeTrackingEnabled: true,
}, [
  primaryKey('ProductId'),
  text('Name', 100, { required: 'ApplicationRequired' }),
  text('ProductNumber', 100, { required: 'SystemRequired' }),
  memo('Description', 2000),
  choice('ProductTypeCode', [[1, 'Sales Inventory'], [2, 'Miscellaneous Charges'], [3, 'Services'], [4, 'Flat Fees']]),
  choice('ProductStructure', [[1, 'Product'], [2, 'Product Family'], [3, 'Product Bundle']], { ...CREATE_ONLY, required: 'SystemRequired' }),
  lookup('DefaultUoMId', { uom: 'unit_of_measurement_products' }, { required: 'ApplicationRequired' }),
  lookup('DefaultUoMScheduleId', { uomschedule: 'unit_of_measurement_schedule_products' }, { required: 'ApplicationRequired' }),
  lookup('PriceLevelId', { pricelevel: 'price_level_products' }, { create: false, required: 'Recommended' }),
  money('Price', [0, 1000000000000], 2),
  money('StandardCost', [0, 1000000000000], 2),
  money('CurrentCost', [0, 1000000000000], 2),
  whole('QuantityDecimal', [0, 5], { required: 'ApplicationRequired' }),
  decimal('QuantityOnHand', [0, 1000000000], 2),
  yesNo('IsStockItem', ['No', 'Yes'], { default: false }),
  yesNo('IsKit', ['No', 'Yes'], { default: false }),
  decimal('StockWeight', [0, 1000000000], 2),
  decimal('StockVolume', [0, 1000000000], 2),
  text('Size', 200),
  text('VendorName', 100),
  text('VendorPartNumber', 100),
  dateTime('ValidFromDate', 'DateOnly', 'DateOnly'),
  dateTime('ValidToDate', 'DateOnly', 'DateOnly'),
  lookup('ParentProductId', { product: 'product_parent_product' }, CREATE_ONLY),
  text('ProductUrl', 255, { format: 'Url' }),
  stateCode([[0, 'Active', 1, 'Active'], [1, 'Retired', 2, 'Inactive'], [2, 'Draft', 0, 'Draft'], [3, 'Under Revision', 3, 'Under Revision']], { required: 'SystemRequired' }),
  statusCode([[0, 'Draft', 2], [1, 'Active', 0], [2, 'Retired', 1], [3, 'Under Revision', 3]]),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_product' }),
  decimal('ExchangeRate', [1e-10, 100000000000], 10, READ_ONLY),
  ...auditColumns({ createdBy: 'lk_productbase_createdby', createdOnBehalfBy: 'lk_product_createdonbehalfby', modifiedBy: 'lk_productbase_modifiedby', modifiedOnBehalfBy: 'lk_product_modifiedonbehalfby' }),
  versionNumber(),
]);
