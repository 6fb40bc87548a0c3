/**
 * A price list.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/pricelevel.md
 * (commit 3551749d7f); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, decimal, lookup, memo,
  primaryKey, stateCode, statusCode, text, versionNumber, whole,
} from './dsl.js';

export const pricelevel = table({
  schemaName: 'PriceLevel',
  entitySetName: 'pricelevels',
  primaryIdAttribute: 'pricelevelid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 1022,
  changeTrackingEnabled: true,
}, [
  primaryKey('PriceLevelId'),
  text('Name', 100, { required: 'SystemRequired' }),
  memo('Description', 2000, { format: 'Text' }),
  dateTime('BeginDate', 'DateOnly', 'UserLocal'),
  dateTime('EndDate', 'DateOnly', 'UserLocal'),
  choice('FreightTermsCode', [[1, 'Default Value']]),
  choice('PaymentMethodCode', [[1, 'Default Value']]),
  choice('ShippingMethodCode', [[1, 'Default Value']]),
  stateCode([[0, 'Active', 100001, 'Active'], [1, 'Inactive', 100002, 'Inactive']]),
  statusCode([[100001, 'Active', 0], [100002, 'Inactive', 1]]),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_pricelevel' }, { ...CREATE_ONLY, required: 'ApplicationRequired' }),
  decimal('ExchangeRate', [1e-10, 100000000000], 10, READ_ONLY),
  ...auditColumns({ createdBy: 'lk_pricelevelbase_createdby', createdOnBehalfBy: 'lk_pricelevel_createdonbehalfby', modifiedBy: 'lk_pricelevelbase_modifiedby', modifiedOnBehalfBy: 'lk_pricelevel_modifiedonbehalfby' }, 'DateOnly'),
  versionNumber(),
]);
