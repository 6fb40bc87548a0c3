/**
 * A form (or dashboard) of a table: its layout as form XML, the table it belongs to and its type.
 * A solution brings forms (Entities/<table>/FormXml in customizations.xml); apps, and the form
 * preview, read them to lay out a record's page.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * systemform.md (commit 0028c27816, 10/05/2021): columns and options. The page lists no audit
 * columns. Object type code 1030: the SDK's entity type codes (SystemForm = 1030; not on
 * Microsoft's page). Only the columns a solution import writes and apps read are defined.
 */

import { table, CREATE_ONLY, choice, entityName, memo, primaryKey, text, versionNumber, yesNo } from './dsl.js';

export const systemform = table({
  schemaName: 'SystemForm',
  entitySetName: 'systemforms',
  primaryIdAttribute: 'formid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 1030,
  changeTrackingEnabled: false,
}, [
  primaryKey('FormId'),
  text('Name', 100, { required: 'SystemRequired' }),
  memo('Description', 2000, { format: 'Text' }),
  entityName('ObjectTypeCode', CREATE_ONLY),
  choice('Type', [
    [0, 'Dashboard'], [1, 'AppointmentBook'], [2, 'Main'], [3, 'MiniCampaignBO'], [4, 'Preview'], [5, 'Mobile - Express'],
    [6, 'Quick View Form'], [7, 'Quick Create'], [8, 'Dialog'], [9, 'Task Flow Form'], [10, 'InteractionCentricDashboard'],
    [11, 'Card'], [12, 'Main - Interactive experience'], [13, 'Contextual Dashboard'], [100, 'Other'], [101, 'MainBackup'],
    [102, 'AppointmentBookBackup'], [103, 'Power BI Dashboard'],
  ], CREATE_ONLY),
  memo('FormXml', 1073741823, { format: 'TextArea', required: 'SystemRequired' }),
  choice('FormActivationState', [[0, 'Inactive'], [1, 'Active']], { required: 'SystemRequired' }),
  choice('FormPresentation', [[0, 'ClassicForm'], [1, 'AirForm'], [2, 'ConvertedICForm']], { required: 'SystemRequired' }),
  yesNo('IsDefault', ['No', 'Yes'], { default: false, required: 'SystemRequired' }),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  versionNumber(),
]);
