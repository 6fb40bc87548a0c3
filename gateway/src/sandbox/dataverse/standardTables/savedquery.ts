/**
 * A view: the query (FetchXML) and the columns (layout XML) of a list of a table's rows. A
 * solution brings views (Entities/<table>/SavedQueries in customizations.xml); apps read them for
 * their lists and the subgrids of forms.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * savedquery.md (commit 009a738e72, 05/20/2021): columns, options and relationship names. Object
 * type code 1039: the SDK's entity type codes (View = 1039; not on Microsoft's page). Only the
 * columns a solution import writes and apps read are defined.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, auditColumns, entityName, memo, primaryKey,
  stateCode, statusCode, text, versionNumber, whole, yesNo,
} from './dsl.js';

export const savedquery = table({
  schemaName: 'SavedQuery',
  entitySetName: 'savedqueries',
  primaryIdAttribute: 'savedqueryid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 1039,
  changeTrackingEnabled: false,
}, [
  primaryKey('SavedQueryId'),
  text('Name', 200, { required: 'SystemRequired' }),
  memo('Description', 2000, { format: 'Text' }),
  entityName('ReturnedTypeCode', { required: 'SystemRequired' }),
  whole('QueryType', [0, 1000000000], { required: 'SystemRequired' }),
  memo('FetchXml', 1073741823, { format: 'TextArea' }),
  memo('LayoutXml', 1073741823, { format: 'TextArea' }),
  yesNo('IsDefault', ['No', 'Yes'], { default: false, required: 'SystemRequired' }),
  yesNo('IsQuickFindQuery', ['No', 'Yes'], { default: false, required: 'SystemRequired' }),
  text('IntroducedVersion', 48, { ...CREATE_ONLY, format: 'VersionNumber' }),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  ...auditColumns({
    createdBy: 'lk_savedquerybase_createdby', createdOnBehalfBy: 'lk_savedquery_createdonbehalfby',
    modifiedBy: 'lk_savedquerybase_modifiedby', modifiedOnBehalfBy: 'lk_savedquery_modifiedonbehalfby',
  }),
  versionNumber(),
]);
