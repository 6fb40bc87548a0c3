/**
 * A service endpoint: where Dataverse posts events; the gateway registers a webhook (contract 8)
 * whose key (authvalue, never readable back) Dataverse sends with each post.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * serviceendpoint.md (commit 09770ae52b, 02/15/2023). The page lists no VersionNumber column and no
 * relationship names; the audit relationship names follow the SDK tables' naming.
 */

import {
  table, READ_ONLY, auditColumns, choice, memo, primaryKey, text, yesNo,
} from './dsl.js';

export const serviceendpoint = table({
  schemaName: 'ServiceEndpoint',
  entitySetName: 'serviceendpoints',
  primaryIdAttribute: 'serviceendpointid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 4618,
  changeTrackingEnabled: false,
}, [
  primaryKey('ServiceEndpointId'),
  text('Name', 256, { required: 'SystemRequired' }),
  memo('Description', 2000),
  choice('Contract', [
    [1, 'OneWay'], [2, 'Queue'], [3, 'Rest'], [4, 'TwoWay'], [5, 'Topic'], [6, 'Queue (Persistent)'], [7, 'Event Hub'], [8, 'Webhook'],
    [9, 'Event Grid'],
  ], { required: 'SystemRequired' }),
  choice('ConnectionMode', [[1, 'Normal'], [2, 'Federated']], { required: 'SystemRequired' }),
  text('Url', 2000),
  choice('AuthType', [
    [1, 'ACS'], [2, 'SAS Key'], [3, 'SAS Token'], [4, 'Webhook Key'], [5, 'Http Header'], [6, 'Http Query String'],
    [7, 'Connection String'], [8, 'Access Key'],
  ]),
  text('AuthValue', 2048, { read: false }),
  yesNo('IsAuthValueSet', ['No', 'Yes'], { ...READ_ONLY, default: false }),
  choice('MessageFormat', [[1, 'Binary XML'], [2, 'Json'], [3, 'Text XML']]),
  choice('MessageCharset', [[0, 'Default'], [1, 'UTF8']]),
  choice('UserClaim', [[1, 'None'], [2, 'UserId'], [3, 'UserInfo']], { required: 'SystemRequired' }),
  text('NamespaceAddress', 255),
  choice('NamespaceFormat', [[1, 'Namespace Name'], [2, 'Namespace Address']]),
  text('Path', 160, { required: 'SystemRequired' }),
  text('SolutionNamespace', 160, { required: 'SystemRequired' }),
  text('SASKeyName', 256),
  text('SASKey', 256, { read: false }),
  text('SASToken', 256, { read: false }),
  yesNo('IsManaged', ['Unmanaged', 'Managed'], { ...READ_ONLY, required: 'SystemRequired', default: false }),
  ...auditColumns({
    createdBy: 'createdby_serviceendpoint', createdOnBehalfBy: 'lk_serviceendpoint_createdonbehalfby',
    modifiedBy: 'modifiedby_serviceendpoint', modifiedOnBehalfBy: 'lk_serviceendpoint_modifiedonbehalfby',
  }),
]);
