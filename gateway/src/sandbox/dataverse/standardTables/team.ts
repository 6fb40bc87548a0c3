/**
 * A team: an owner of records besides users, and (access teams) a principal records are shared with.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * team.md (commit 09770ae52b, 02/15/2023); business_unit_teams from the businessunit page. The other
 * relationship names follow the other tables' naming; the page does not list them.
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, decimal, lookup, memo,
  primaryKey, text, uniqueId, versionNumber, whole, yesNo,
} from './dsl.js';

export const team = table({
  schemaName: 'Team',
  entitySetName: 'teams',
  primaryIdAttribute: 'teamid',
  primaryNameAttribute: 'name',
  ownershipType: 'BusinessOwned',
  objectTypeCode: 9,
  changeTrackingEnabled: true,
}, [
  primaryKey('TeamId'),
  text('Name', 160, { required: 'SystemRequired' }),
  lookup('BusinessUnitId', { businessunit: 'business_unit_teams' }, { required: 'SystemRequired' }),
  lookup('AdministratorId', { systemuser: 'lk_teambase_administratorid' }, { required: 'SystemRequired' }),
  choice('TeamType', [[0, 'Owner'], [1, 'Access'], [2, 'AAD Security Group'], [3, 'AAD Office Group']], { ...CREATE_ONLY, required: 'SystemRequired' }),
  choice('MembershipType', [[0, 'Members and guests'], [1, 'Members'], [2, 'Owners'], [3, 'Guests']], { ...CREATE_ONLY, required: 'SystemRequired' }),
  uniqueId('AzureActiveDirectoryObjectId', CREATE_ONLY),
  yesNo('IsDefault', ['No', 'Yes'], { ...READ_ONLY, required: 'SystemRequired', default: false }),
  memo('Description', 2000),
  text('EMailAddress', 100, { format: 'Email' }),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_team' }),
  decimal('ExchangeRate', [1e-12, 100000000000], 12, READ_ONLY),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({
    createdBy: 'lk_teambase_createdby', createdOnBehalfBy: 'lk_team_createdonbehalfby',
    modifiedBy: 'lk_teambase_modifiedby', modifiedOnBehalfBy: 'lk_team_modifiedonbehalfby',
  }),
  versionNumber(),
]);
