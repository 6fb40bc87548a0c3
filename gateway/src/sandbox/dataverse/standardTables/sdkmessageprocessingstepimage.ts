/**
 * A step image: the row's columns before (pre-image) or after (post-image) the operation, sent
 * with the step's webhook post.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * sdkmessageprocessingstepimage.md (commit 09770ae52b, 02/15/2023), relationship names included.
 */

import {
  table, CREATE_ONLY, auditColumns, choice, lookup, primaryKey, text, versionNumber,
} from './dsl.js';

export const sdkmessageprocessingstepimage = table({
  schemaName: 'SdkMessageProcessingStepImage',
  entitySetName: 'sdkmessageprocessingstepimages',
  primaryIdAttribute: 'sdkmessageprocessingstepimageid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 4615,
  changeTrackingEnabled: false,
}, [
  primaryKey('SdkMessageProcessingStepImageId'),
  text('Name', 256, { required: 'SystemRequired' }),
  text('Description', 256),
  lookup('SdkMessageProcessingStepId', { sdkmessageprocessingstep: 'sdkmessageprocessingstepid_sdkmessageprocessingstepimage' }),
  choice('ImageType', [[0, 'PreImage'], [1, 'PostImage'], [2, 'Both']], { required: 'SystemRequired' }),
  text('EntityAlias', 256, { required: 'SystemRequired' }),
  text('Attributes', 100000),
  text('MessagePropertyName', 256, { required: 'SystemRequired' }),
  text('RelatedAttributeName', 256),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  ...auditColumns({
    createdBy: 'createdby_sdkmessageprocessingstepimage', createdOnBehalfBy: 'lk_sdkmessageprocessingstepimage_createdonbehalfby',
    modifiedBy: 'modifiedby_sdkmessageprocessingstepimage', modifiedOnBehalfBy: 'lk_sdkmessageprocessingstepimage_modifiedonbehalfby',
  }),
  versionNumber(),
]);
