/**
 * A connection between two records in roles (an account's contacts and partners as SAP partner
 * functions see them).
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * connection.md (commit 09770ae52b, 02/15/2023): columns, the targets of Record1Id/Record2Id and
 * the relationship names account_connections1/2, contact_connections1, connection_role_connections1/2,
 * connection_related_connection, business_unit_connections. The names for the system user and team
 * targets, the owner, owning user and team, the currency and the audit columns follow the naming
 * of the other tables and are not on the page.
 */

import {
  table, ACTIVE_INACTIVE_STATES, ACTIVE_INACTIVE_STATUSES, CREATE_ONLY, INT32, READ_ONLY, auditColumns,
  dateTime, decimal, lookup, memo, primaryKey, stateCode, statusCode, text, userOwnership, versionNumber, whole,
} from './dsl.js';

// Record1Id/Record2Id may point to these tables too; the sandbox has none of them.
const OTHER_CONNECTABLE = [
  'activitypointer', 'appointment', 'channelaccessprofilerule', 'email', 'fax', 'goal', 'knowledgearticle',
  'knowledgebaserecord', 'letter', 'phonecall', 'position', 'processsession', 'recurringappointmentmaster',
  'socialactivity', 'socialprofile', 'task', 'territory',
];

const connectedRecord = (side: 1 | 2) => lookup(`Record${side}Id`, {
  account: `account_connections${side}`,
  contact: `contact_connections${side}`,
  systemuser: `systemuser_connections${side}`,
  team: `team_connections${side}`,
}, { otherTargets: OTHER_CONNECTABLE });

export const connection = table({
  schemaName: 'Connection',
  entitySetName: 'connections',
  primaryIdAttribute: 'connectionid',
  primaryNameAttribute: 'name',
  ownershipType: 'UserOwned',
  objectTypeCode: 3234,
  changeTrackingEnabled: true,
}, [
  primaryKey('ConnectionId'),
  text('Name', 500, READ_ONLY),
  connectedRecord(1),
  lookup('Record1RoleId', { connectionrole: 'connection_role_connections1' }),
  connectedRecord(2),
  lookup('Record2RoleId', { connectionrole: 'connection_role_connections2' }),
  lookup('RelatedConnectionId', { connection: 'connection_related_connection' }, { ...READ_ONLY, required: 'ApplicationRequired' }),
  memo('Description', 2000),
  dateTime('EffectiveStart', 'DateOnly', 'UserLocal'),
  dateTime('EffectiveEnd', 'DateOnly', 'UserLocal'),
  stateCode(ACTIVE_INACTIVE_STATES),
  statusCode(ACTIVE_INACTIVE_STATUSES),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_connection' }),
  decimal('ExchangeRate', [1e-12, 100000000000], 12, READ_ONLY),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  ...userOwnership({
    owner: 'owner_connections', owningUser: 'user_connections', owningTeam: 'team_connections',
    owningBusinessUnit: 'business_unit_connections',
  }),
  ...auditColumns({
    createdBy: 'lk_connectionbase_createdby', createdOnBehalfBy: 'lk_connectionbase_createdonbehalfby',
    modifiedBy: 'lk_connectionbase_modifiedby', modifiedOnBehalfBy: 'lk_connectionbase_modifiedonbehalfby',
  }),
  versionNumber(),
]);
