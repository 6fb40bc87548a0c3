/**
 * A currency: money columns of every transactional table carry one (SAP's document currency).
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * transactioncurrency.md (commit 09770ae52b, 02/15/2023). Relationship names of the audit columns
 * follow the lk_<table>base_… pattern of the Sales tables; the page does not list them.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, auditColumns, dateTime,
  decimal, primaryKey, stateCode, statusCode, text, versionNumber, whole,
} from './dsl.js';

export const transactioncurrency = table({
  schemaName: 'TransactionCurrency',
  entitySetName: 'transactioncurrencies',
  primaryIdAttribute: 'transactioncurrencyid',
  primaryNameAttribute: 'currencyname',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 9105,
  changeTrackingEnabled: true,
}, [
  primaryKey('TransactionCurrencyId'),
  text('CurrencyName', 100, { required: 'SystemRequired' }),
  text('ISOCurrencyCode', 5, { ...CREATE_ONLY, required: 'SystemRequired' }),
  text('CurrencySymbol', 10, { required: 'SystemRequired' }),
  whole('CurrencyPrecision', [0, 10], { required: 'SystemRequired' }),
  decimal('ExchangeRate', [1e-12, 100000000000], 12, { required: 'SystemRequired' }),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({
    createdBy: 'lk_transactioncurrencybase_createdby', createdOnBehalfBy: 'lk_transactioncurrency_createdonbehalfby',
    modifiedBy: 'lk_transactioncurrencybase_modifiedby', modifiedOnBehalfBy: 'lk_transactioncurrency_modifiedonbehalfby',
  }),
  versionNumber(),
]);
