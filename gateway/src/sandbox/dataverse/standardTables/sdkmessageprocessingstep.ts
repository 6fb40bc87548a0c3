/**
 * A processing step: runs an event handler (here a webhook's service endpoint) on a message for a
 * table, in a stage, synchronously or not, when the filtering attributes changed.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * sdkmessageprocessingstep.md (commit 09770ae52b, 02/15/2023): columns and the relationship names
 * sdkmessageid_sdkmessageprocessingstep and sdkmessagefilterid_sdkmessageprocessingstep (from the
 * sdkmessage and sdkmessagefilter pages). EventHandler's navigation properties
 * (eventhandler_serviceendpoint) follow the multi-table lookup naming clients use to register
 * webhooks; the remaining relationship names follow the SDK tables' naming.
 */

import {
  table, CREATE_ONLY, INT32, auditColumns, choice, entityName, lookup, primaryKey, stateCode, statusCode, text,
  versionNumber, whole, yesNo,
} from './dsl.js';

export const sdkmessageprocessingstep = table({
  schemaName: 'SdkMessageProcessingStep',
  entitySetName: 'sdkmessageprocessingsteps',
  primaryIdAttribute: 'sdkmessageprocessingstepid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 4608,
  changeTrackingEnabled: false,
}, [
  primaryKey('SdkMessageProcessingStepId'),
  text('Name', 256, { required: 'SystemRequired' }),
  text('Description', 256),
  lookup('EventHandler', {
    plugintype: 'plugintype_sdkmessageprocessingstep',
    serviceendpoint: 'serviceendpoint_sdkmessageprocessingstep',
  }, { required: 'SystemRequired' }),
  entityName('EventHandlerTypeCode'),
  lookup('SdkMessageId', { sdkmessage: 'sdkmessageid_sdkmessageprocessingstep' }, { required: 'SystemRequired' }),
  lookup('SdkMessageFilterId', { sdkmessagefilter: 'sdkmessagefilterid_sdkmessageprocessingstep' }),
  text('FilteringAttributes', 100000),
  text('Configuration', 1073741823),
  choice('Stage', [
    [5, 'Initial Pre-operation (For internal use only)'], [10, 'Pre-validation'],
    [15, 'Internal Pre-operation Before External Plugins (For internal use only)'], [20, 'Pre-operation'],
    [25, 'Internal Pre-operation After External Plugins (For internal use only)'], [30, 'Main Operation (For internal use only)'],
    [35, 'Internal Post-operation Before External Plugins (For internal use only)'], [40, 'Post-operation'],
    [45, 'Internal Post-operation After External Plugins (For internal use only)'], [50, 'Post-operation (Deprecated)'],
    [55, 'Final Post-operation (For internal use only)'], [80, 'Pre-Commit stage fired before transaction commit (For internal use only)'],
    [90, 'Post-Commit stage fired after transaction commit (For internal use only)'],
  ], { required: 'SystemRequired' }),
  choice('Mode', [[0, 'Synchronous'], [1, 'Asynchronous']], { required: 'SystemRequired' }),
  whole('Rank', INT32, { required: 'SystemRequired' }),
  choice('SupportedDeployment', [[0, 'Server Only'], [1, 'Microsoft Dynamics 365 Client for Outlook Only'], [2, 'Both']], { required: 'SystemRequired' }),
  choice('InvocationSource', [[-1, 'Internal'], [0, 'Parent'], [1, 'Child']], { required: 'SystemRequired' }),
  yesNo('AsyncAutoDelete', ['No', 'Yes'], { required: 'SystemRequired', default: false }),
  yesNo('CanUseReadOnlyConnection', ['No', 'Yes'], { ...CREATE_ONLY, required: 'SystemRequired', default: false }),
  lookup('ImpersonatingUserId', { systemuser: 'impersonatinguserid_sdkmessageprocessingstep' }),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  stateCode([[0, 'Enabled', 1, 'Enabled'], [1, 'Disabled', 2, 'Disabled']]),
  statusCode([[1, 'Enabled', 0], [2, 'Disabled', 1]]),
  ...auditColumns({
    createdBy: 'createdby_sdkmessageprocessingstep', createdOnBehalfBy: 'lk_sdkmessageprocessingstep_createdonbehalfby',
    modifiedBy: 'modifiedby_sdkmessageprocessingstep', modifiedOnBehalfBy: 'lk_sdkmessageprocessingstep_modifiedonbehalfby',
  }),
  versionNumber(),
]);
