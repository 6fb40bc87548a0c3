/**
 * A share: the access rights a user or team was granted on one record (GrantAccess writes these;
 * objectid and principalid are read-only through the Web API). The table has no primary name.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * principalobjectaccess.md (commit 17c39de825, 11/09/2024).
 */

import {
  table, INT32, READ_ONLY, dateTime, entityName, primaryKey, uniqueId, versionNumber, whole,
} from './dsl.js';

export const principalobjectaccess = table({
  schemaName: 'PrincipalObjectAccess',
  entitySetName: 'principalobjectaccessset',
  primaryIdAttribute: 'principalobjectaccessid',
  primaryNameAttribute: '',
  ownershipType: 'None',
  objectTypeCode: 11,
  changeTrackingEnabled: false,
}, [
  primaryKey('PrincipalObjectAccessId'),
  uniqueId('ObjectId', { ...READ_ONLY, required: 'SystemRequired' }),
  entityName('ObjectTypeCode', { required: 'SystemRequired' }),
  uniqueId('PrincipalId', { ...READ_ONLY, required: 'SystemRequired' }),
  entityName('PrincipalTypeCode'),
  whole('AccessRightsMask', INT32),
  whole('InheritedAccessRightsMask', INT32, { required: 'SystemRequired' }),
  dateTime('ChangedOn', 'DateOnly', 'UserLocal'),
  versionNumber(),
]);
