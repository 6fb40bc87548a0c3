/**
 * A unit group: the units a product can be sold in.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/uomschedule.md
 * (commit 21453c823c); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, auditColumns,
  dateTime, memo, primaryKey, stateCode, statusCode, text, versionNumber, whole,
} from './dsl.js';

export const uomschedule = table({
  schemaName: 'UoMSchedule',
  entitySetName: 'uomschedules',
  primaryIdAttribute: 'uomscheduleid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  objectTypeCode: 1056,
  changeTrackingEnabled: true,
}, [
  primaryKey('UoMScheduleId'),
  text('Name', 200, { required: 'SystemRequired' }),
  memo('Description', 2000, { format: 'Text' }),
  text('BaseUoMName', 100, CREATE_ONLY),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({ createdBy: 'lk_uomschedulebase_createdby', createdOnBehalfBy: 'lk_uomschedule_createdonbehalfby', modifiedBy: 'lk_uomschedulebase_modifiedby', modifiedOnBehalfBy: 'lk_uomschedule_modifiedonbehalfby' }),
  versionNumber(),
]);
