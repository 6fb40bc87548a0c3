/**
 * A business unit: the level at which a rep's read depth (BusinessUnit, ParentChildBusinessUnits)
 * widens what the rep may see.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * businessunit.md (commit 09770ae52b, 02/15/2023). Relationship names of the parent, the currency
 * and the audit columns follow the other tables' naming; the page does not list them.
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, dateTime, decimal, lookup, primaryKey, text,
  versionNumber, whole, yesNo,
} from './dsl.js';

export const businessunit = table({
  schemaName: 'BusinessUnit',
  entitySetName: 'businessunits',
  primaryIdAttribute: 'businessunitid',
  primaryNameAttribute: 'name',
  ownershipType: 'BusinessOwned',
  objectTypeCode: 10,
  changeTrackingEnabled: true,
}, [
  primaryKey('BusinessUnitId'),
  text('Name', 160, { required: 'SystemRequired' }),
  lookup('ParentBusinessUnitId', { businessunit: 'business_unit_parent_business_unit' }, { required: 'ApplicationRequired' }),
  yesNo('IsDisabled', ['No', 'Yes'], { create: false, required: 'SystemRequired', default: false }),
  text('DisabledReason', 500, READ_ONLY),
  text('WebSiteUrl', 200, { format: 'Url' }),
  text('Address1_Line1', 250),
  text('Address1_City', 80),
  text('Address1_PostalCode', 20),
  text('Address1_StateOrProvince', 50),
  text('Address1_Country', 80),
  text('Address1_Telephone1', 50),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_businessunit' }),
  decimal('ExchangeRate', [1e-12, 100000000000], 12, READ_ONLY),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({
    createdBy: 'lk_businessunitbase_createdby', createdOnBehalfBy: 'lk_businessunit_createdonbehalfby',
    modifiedBy: 'lk_businessunitbase_modifiedby', modifiedOnBehalfBy: 'lk_businessunit_modifiedonbehalfby',
  }),
  versionNumber(),
]);
