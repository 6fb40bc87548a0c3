/**
 * A unit of measure within a unit group.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/uom.md
 * (commit 1496009ce3); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, dateTime, decimal, lookup, primaryKey, text,
  versionNumber, whole, yesNo,
} from './dsl.js';

export const uom = table({
  schemaName: 'UoM',
  entitySetName: 'uoms',
  primaryIdAttribute: 'uomid',
  primaryNameAttribute: 'name',
  ownershipType: 'None',
  objectTypeCode: 1055,
  changeTrackingEnabled: true,
}, [
  primaryKey('UoMId'),
  text('Name', 100, { required: 'SystemRequired' }),
  lookup('UoMScheduleId', { uomschedule: 'unit_of_measure_schedule_conversions' }, { ...CREATE_ONLY, required: 'SystemRequired' }),
  lookup('BaseUoM', { uom: 'unit_of_measurement_base_unit' }, { required: 'ApplicationRequired' }),
  decimal('Quantity', [0, 10000000000], 5, { required: 'ApplicationRequired' }),
  yesNo('IsScheduleBaseUoM', ['No', 'Yes'], { default: false, ...READ_ONLY }),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...auditColumns({ createdBy: 'lk_uombase_createdby', createdOnBehalfBy: 'lk_uom_createdonbehalfby', modifiedBy: 'lk_uombase_modifiedby', modifiedOnBehalfBy: 'lk_uom_modifiedonbehalfby' }),
  versionNumber(),
]);
