/**
 * A user: the reps and the gateway's application user (matched to Entra ID by
 * azureactivedirectoryobjectid, as CallerObjectId impersonation does).
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * systemuser.md (commit 09770ae52b, 02/15/2023). The relationship names business_unit_system_users
 * (businessunit page) and those of the audit columns, the manager and the currency (lk_systemuser…,
 * user_parent_user, transactioncurrency_systemuser) are not on the page; the latter follow the other
 * tables' naming.
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, decimal, lookup, primaryKey,
  text, uniqueId, versionNumber, whole, yesNo,
} from './dsl.js';

export const systemuser = table({
  schemaName: 'SystemUser',
  entitySetName: 'systemusers',
  primaryIdAttribute: 'systemuserid',
  primaryNameAttribute: 'fullname',
  ownershipType: 'BusinessOwned',
  objectTypeCode: 8,
  changeTrackingEnabled: true,
}, [
  primaryKey('SystemUserId'),
  text('FullName', 200, READ_ONLY),
  text('FirstName', 256, { required: 'ApplicationRequired' }),
  text('MiddleName', 50),
  text('LastName', 256, { required: 'ApplicationRequired' }),
  text('NickName', 50),
  text('Salutation', 20),
  text('Title', 128),
  text('JobTitle', 100),
  text('EmployeeId', 100),
  text('DomainName', 1024, { required: 'SystemRequired' }),
  text('InternalEMailAddress', 100, { format: 'Email', required: 'SystemRequired' }),
  text('PersonalEMailAddress', 100, { format: 'Email' }),
  text('WindowsLiveID', 1024, { format: 'Email' }),
  text('MobilePhone', 64, { format: 'Phone' }),
  text('HomePhone', 50, { format: 'Phone' }),
  text('Address1_Telephone1', 64, { format: 'Phone' }),
  text('Address1_Line1', 1024),
  text('Address1_City', 128),
  text('Address1_PostalCode', 40),
  text('Address1_StateOrProvince', 128),
  text('Address1_Country', 128),
  uniqueId('AzureActiveDirectoryObjectId', READ_ONLY),
  uniqueId('ApplicationId'),
  text('ApplicationIdUri', 1024, READ_ONLY),
  choice('AccessMode', [[0, 'Read-Write'], [1, 'Administrative'], [2, 'Read'], [3, 'Support User'], [4, 'Non-interactive'], [5, 'Delegated Admin']], { required: 'SystemRequired' }),
  choice('CALType', [
    [0, 'Professional'], [1, 'Administrative'], [2, 'Basic'], [3, 'Device Professional'], [4, 'Device Basic'], [5, 'Essential'],
    [6, 'Device Essential'], [7, 'Enterprise'], [8, 'Device Enterprise'], [9, 'Sales'], [10, 'Service'], [11, 'Field Service'],
    [12, 'Project Service'],
  ], { required: 'SystemRequired' }),
  lookup('BusinessUnitId', { businessunit: 'business_unit_system_users' }, { required: 'SystemRequired' }),
  lookup('ParentSystemUserId', { systemuser: 'user_parent_user' }),
  yesNo('IsDisabled', ['Enabled', 'Disabled'], { create: false, default: false }),
  yesNo('IsLicensed', ['No', 'Yes'], { required: 'SystemRequired', default: false }),
  yesNo('IsIntegrationUser', ['No', 'Yes'], { required: 'SystemRequired', default: false }),
  yesNo('SetupUser', ['No', 'Yes'], { required: 'SystemRequired', default: false }),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_systemuser' }),
  decimal('ExchangeRate', [1e-12, 100000000000], 12, READ_ONLY),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({
    createdBy: 'lk_systemuserbase_createdby', createdOnBehalfBy: 'lk_systemuser_createdonbehalfby',
    modifiedBy: 'lk_systemuserbase_modifiedby', modifiedOnBehalfBy: 'lk_systemuser_modifiedonbehalfby',
  }),
  versionNumber(),
]);
