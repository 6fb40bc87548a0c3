/**
 * A message filter: a message for one table (Update of account); a step on a table names one.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * sdkmessagefilter.md (commit 09770ae52b, 02/15/2023), relationship names included.
 */

import {
  table, INT32, READ_ONLY, auditColumns, entityName, lookup, primaryKey, text, versionNumber, whole, yesNo,
} from './dsl.js';

export const sdkmessagefilter = table({
  schemaName: 'SdkMessageFilter',
  entitySetName: 'sdkmessagefilters',
  primaryIdAttribute: 'sdkmessagefilterid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 4607,
  changeTrackingEnabled: false,
}, [
  primaryKey('SdkMessageFilterId'),
  text('Name', 256),
  lookup('SdkMessageId', { sdkmessage: 'sdkmessageid_sdkmessagefilter' }, { update: false, required: 'SystemRequired' }),
  entityName('PrimaryObjectTypeCode', { ...READ_ONLY, required: 'SystemRequired' }),
  entityName('SecondaryObjectTypeCode', { ...READ_ONLY, required: 'SystemRequired' }),
  yesNo('IsCustomProcessingStepAllowed', ['No', 'Yes'], { required: 'SystemRequired', default: false }),
  yesNo('IsVisible', ['No', 'Yes'], { ...READ_ONLY, required: 'SystemRequired', default: false }),
  whole('Availability', INT32, { required: 'SystemRequired' }),
  ...auditColumns({
    createdBy: 'createdby_sdkmessagefilter', createdOnBehalfBy: 'lk_sdkmessagefilter_createdonbehalfby',
    modifiedBy: 'modifiedby_sdkmessagefilter', modifiedOnBehalfBy: 'lk_sdkmessagefilter_modifiedonbehalfby',
  }),
  versionNumber(),
]);
