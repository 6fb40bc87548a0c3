/**
 * The value of an environment variable in this environment, overriding its definition's default.
 * Clients read a variable by expanding its definition's values:
 * environmentvariabledefinitions?$filter=schemaname eq '…'&$expand=environmentvariabledefinition_environmentvariablevalue($select=value).
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * environmentvariablevalue.md (commit 89ead0c9b4, 10/05/2021): columns, options and relationship
 * names; owner relationship owner_environmentvariablevalue: owner.md of the same folder
 * (03/04/2021). The lookup to the definition is navigated by its schema name,
 * EnvironmentVariableDefinitionId, as Web API clients bind it. Object type code 381: the component
 * type Dataverse's solution component list gives environment variable values.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, auditColumns, dateTime,
  lookup, memo, primaryKey, stateCode, statusCode, text, userOwnership, versionNumber, whole,
} from './dsl.js';

export const environmentvariablevalue = table({
  schemaName: 'EnvironmentVariableValue',
  entitySetName: 'environmentvariablevalues',
  primaryIdAttribute: 'environmentvariablevalueid',
  primaryNameAttribute: 'schemaname',
  ownershipType: 'UserOwned',
  objectTypeCode: 381,
  changeTrackingEnabled: false,
}, [
  primaryKey('EnvironmentVariableValueId'),
  lookup(
    'EnvironmentVariableDefinitionId',
    { environmentvariabledefinition: 'environmentvariabledefinition_environmentvariablevalue' },
    { ...CREATE_ONLY, required: 'ApplicationRequired', navigation: 'EnvironmentVariableDefinitionId' },
  ),
  text('SchemaName', 100, { required: 'ApplicationRequired' }),
  memo('Value', 2000, { format: 'Text' }),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...userOwnership({
    owner: 'owner_environmentvariablevalue', owningUser: 'user_environmentvariablevalue',
    owningTeam: 'team_environmentvariablevalue', owningBusinessUnit: 'business_unit_environmentvariablevalue',
  }),
  ...auditColumns({
    createdBy: 'lk_environmentvariablevalue_createdby', createdOnBehalfBy: 'lk_environmentvariablevalue_createdonbehalfby',
    modifiedBy: 'lk_environmentvariablevalue_modifiedby', modifiedOnBehalfBy: 'lk_environmentvariablevalue_modifiedonbehalfby',
  }),
  versionNumber(),
]);
