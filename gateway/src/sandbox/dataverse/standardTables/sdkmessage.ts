/**
 * A message (Create, Update, Delete, SetState …) that processing steps register on.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * sdkmessage.md (commit 09770ae52b, 02/15/2023). Audit relationship names follow the naming the
 * sdkmessagefilter page shows (createdby_<table>, lk_<table>_createdonbehalfby …).
 */

import {
  table, INT32, auditColumns, primaryKey, text, versionNumber, whole, yesNo,
} from './dsl.js';

export const sdkmessage = table({
  schemaName: 'SdkMessage',
  entitySetName: 'sdkmessages',
  primaryIdAttribute: 'sdkmessageid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 4606,
  changeTrackingEnabled: false,
}, [
  primaryKey('SdkMessageId'),
  text('Name', 256, { required: 'SystemRequired' }),
  text('CategoryName', 25, { required: 'SystemRequired' }),
  whole('Availability', INT32, { required: 'SystemRequired' }),
  yesNo('IsActive', ['No', 'Yes'], { default: true }),
  yesNo('IsPrivate', ['No', 'Yes'], { default: false }),
  yesNo('IsReadOnly', ['No', 'Yes'], { update: false, required: 'SystemRequired', default: false }),
  ...auditColumns({
    createdBy: 'createdby_sdkmessage', createdOnBehalfBy: 'lk_sdkmessage_createdonbehalfby',
    modifiedBy: 'modifiedby_sdkmessage', modifiedOnBehalfBy: 'lk_sdkmessage_modifiedonbehalfby',
  }),
  versionNumber(),
]);
