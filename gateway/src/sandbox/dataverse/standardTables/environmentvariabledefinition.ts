/**
 * An environment variable's definition: its schema name, type and default value. A solution brings
 * it (environmentvariabledefinitions/<schema name>/environmentvariabledefinition.xml); the ecc365
 * controls read the gateway's URL, application id and authentication mode from it and its value.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * environmentvariabledefinition.md (commit 1b6722f3d3, 10/05/2021): columns, options and
 * relationship names; owner relationship owner_environmentvariabledefinition: owner.md of the
 * same folder (03/04/2021). Object type code 380: the component type Dataverse's solution
 * component list gives environment variable definitions. Only the columns the product reads or a
 * solution import writes are defined.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, auditColumns, choice,
  dateTime, memo, primaryKey, stateCode, statusCode, text, userOwnership, versionNumber, whole, yesNo,
} from './dsl.js';

export const environmentvariabledefinition = table({
  schemaName: 'EnvironmentVariableDefinition',
  entitySetName: 'environmentvariabledefinitions',
  primaryIdAttribute: 'environmentvariabledefinitionid',
  primaryNameAttribute: 'schemaname',
  ownershipType: 'UserOwned',
  objectTypeCode: 380,
  changeTrackingEnabled: false,
}, [
  primaryKey('EnvironmentVariableDefinitionId'),
  text('SchemaName', 100, { ...CREATE_ONLY, required: 'SystemRequired' }),
  text('DisplayName', 100, { required: 'ApplicationRequired' }),
  memo('Description', 2000, { format: 'Text' }),
  choice('Type', [[100000000, 'String'], [100000001, 'Number'], [100000002, 'Boolean'], [100000003, 'JSON'], [100000004, 'Data Source']], { required: 'ApplicationRequired' }),
  memo('DefaultValue', 2000, { format: 'Text' }),
  memo('ValueSchema', 2000, { format: 'Text' }),
  yesNo('IsRequired', ['No', 'Yes'], { default: false, required: 'ApplicationRequired' }),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...userOwnership({
    owner: 'owner_environmentvariabledefinition', owningUser: 'user_environmentvariabledefinition',
    owningTeam: 'team_environmentvariabledefinition', owningBusinessUnit: 'business_unit_environmentvariabledefinition',
  }),
  ...auditColumns({
    createdBy: 'lk_environmentvariabledefinition_createdby', createdOnBehalfBy: 'lk_environmentvariabledefinition_createdonbehalfby',
    modifiedBy: 'lk_environmentvariabledefinition_modifiedby', modifiedOnBehalfBy: 'lk_environmentvariabledefinition_modifiedonbehalfby',
  }),
  versionNumber(),
]);
