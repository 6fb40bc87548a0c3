/**
 * A connection role: the part a record plays in a connection (the CRM side of SAP partner
 * functions).
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * connectionrole.md (commit 09770ae52b, 02/15/2023). Audit relationship names follow the
 * lk_<table>base_… pattern; the page does not list them.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, auditColumns, choice,
  primaryKey, stateCode, statusCode, text, versionNumber, whole,
} from './dsl.js';

export const connectionrole = table({
  schemaName: 'ConnectionRole',
  entitySetName: 'connectionroles',
  primaryIdAttribute: 'connectionroleid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 3231,
  changeTrackingEnabled: true,
}, [
  primaryKey('ConnectionRoleId'),
  text('Name', 100, { required: 'SystemRequired' }),
  choice('Category', [[1, 'Business'], [2, 'Family'], [3, 'Social'], [4, 'Sales'], [5, 'Other'], [1000, 'Stakeholder'], [1001, 'Sales Team'], [1002, 'Service']]),
  text('Description', 1000),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  ...auditColumns({
    createdBy: 'lk_connectionrolebase_createdby', createdOnBehalfBy: 'lk_connectionrole_createdonbehalfby',
    modifiedBy: 'lk_connectionrolebase_modifiedby', modifiedOnBehalfBy: 'lk_connectionrole_modifiedonbehalfby',
  }),
  versionNumber(),
]);
