/**
 * A system job: here the record of an asynchronous webhook step's run, succeeded or failed, that
 * an admin reads under Settings > System > System Jobs or queries by the step
 * (_owningextensionid_value), as Microsoft's register-web-hook.md describes.
 * Source: MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * asyncoperation.md (commit 09770ae52b, 02/15/2023): columns, options and the relationship names
 * (lk_asyncoperation_*, owner_asyncoperations, business_unit_asyncoperation, team_asyncoperation,
 * system_user_asyncoperation, SdkMessageProcessingStep_AsyncOperations, <Table>_AsyncOperations);
 * regarding navigation names (regardingobjectid_<table>): MicrosoftDocs/dynamics-365-customer-engagement,
 * asyncoperation EntityType reference (07/10/2017). Only the columns a webhook's system job uses are
 * defined. Regarding targets whose relationship these pages do not name are readable, not navigable.
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, dateTime, entityName, float, lookup, memo, owner, primaryKey,
  stateCode, statusCode, text, uniqueId, whole,
} from './dsl.js';

export const asyncoperation = table({
  schemaName: 'AsyncOperation',
  entitySetName: 'asyncoperations',
  primaryIdAttribute: 'asyncoperationid',
  primaryNameAttribute: 'name',
  ownershipType: 'UserOwned',
  objectTypeCode: 4700,
  changeTrackingEnabled: false,
}, [
  primaryKey('AsyncOperationId'),
  text('Name', 256, CREATE_ONLY),
  choice('OperationType', [
    [1, 'System Event'], [2, 'Bulk Email'], [3, 'Import File Parse'], [4, 'Transform Parse Data'], [5, 'Import'], [6, 'Activity Propagation'],
    [7, 'Duplicate Detection Rule Publish'], [8, 'Bulk Duplicate Detection'], [9, 'SQM Data Collection'], [10, 'Workflow'], [11, 'Quick Campaign'],
    [12, 'Matchcode Update'], [13, 'Bulk Delete'], [14, 'Deletion Service'], [15, 'Index Management'], [16, 'Collect Organization Statistics'],
    [17, 'Import Subprocess'], [18, 'Calculate Organization Storage Size'], [19, 'Collect Organization Database Statistics'],
    [20, 'Collection Organization Size Statistics'], [21, 'Database Tuning'], [22, 'Calculate Organization Maximum Storage Size'],
    [23, 'Bulk Delete Subprocess'], [24, 'Update Statistic Intervals'], [25, 'Organization Full Text Catalog Index'], [26, 'Database log backup'],
    [27, 'Update Contract States'], [28, 'DBCC SHRINKDATABASE maintenance job'], [29, 'DBCC SHRINKFILE maintenance job'],
    [30, 'Reindex all indices maintenance job'], [31, 'Storage Limit Notification'], [32, 'Cleanup inactive workflow assemblies'],
    [35, 'Recurring Series Expansion'], [38, 'Import Sample Data'], [40, 'Goal Roll Up'], [41, 'Audit Partition Creation'],
    [42, 'Check For Language Pack Updates'], [43, 'Provision Language Pack'], [44, 'Update Organization Database'], [45, 'Update Solution'],
    [46, 'Regenerate Entity Row Count Snapshot Data'], [47, 'Regenerate Read Share Snapshot Data'], [49, 'Post to Yammer'],
    [50, 'Outgoing Activity'], [51, 'Incoming Email Processing'], [52, 'Mailbox Test Access'], [53, 'Encryption Health Check'],
    [54, 'Execute Async Request'], [56, 'Update Entitlement States'], [57, 'Calculate Rollup Field'], [58, 'Mass Calculate Rollup Field'],
    [59, 'Import Translation'], [62, 'Convert Date And Time Behavior'], [63, 'EntityKey Index Creation'], [65, 'Update Knowledge Article States'],
    [68, 'Resource Booking Sync'], [69, 'Relationship Assistant Cards'], [71, 'Cleanup Solution Components'], [72, 'App Module Metadata Operation'],
    [73, 'ALM Anomaly Detection Operation'], [75, 'Flow Notification'], [76, 'Ribbon Client Metadata Operation'],
    [79, 'CallbackRegistration Expander Operation'], [85, 'Migrate notes to attachments job'], [86, 'Migrate article content to file storage'],
    [87, 'Updated Deactived On for Resolved Cases job'], [90, 'CascadeAssign'], [91, 'CascadeDelete'], [92, 'Event Expander Operation'],
    [93, 'Import Solution Metadata'], [94, 'Bulk Delete File Attachment'], [95, 'Refresh Business Unit for Records Owned By Principal'],
    [96, 'Revoke Inherited Access'], [98, 'Create Or Refresh Virtual Entity'], [100, 'Cascade FlowSession Permissions Async Operation'],
    [101, 'Update Modern Flow Async Operation'], [102, 'AsyncArchive Async Operation'], [103, 'Cancel Async Operations (System)'],
    [201, 'Provision language for user'], [202, 'Export Solution Async Operation'], [203, 'Import Solution Async Operation'],
    [204, 'PublishAll Async Operation'], [207, 'DeleteAndPromote Async Operation'], [208, 'UninstallSolution Async Operation'],
    [209, 'ProvisionLanguage Async Operation'], [210, 'ImportTranslation Async Operation'], [211, 'StageAndUpgrade Async Operation'],
    [239, 'Denormalization Async Operation'], [250, 'Refresh Runtime Integration Components Async Operation'], [300, 'Bulk Archive Operation'],
    [301, 'Archive Execution Async Operation'], [302, 'FinOps Deployment Async Operation'], [304, 'Purge Archived Content Operation'],
    [305, 'Register Offering Async Operation'], [306, 'Execute DataProcessing Configuration'], [307, 'Sync Synapse Tables Schema'],
    [308, 'FinOps DB Sync Async Operation'], [309, 'FinOps Unit Test Async Operation'], [320, 'Catalog Service Generate Package Async Operation'],
    [321, 'Catalog Service Submit Approval Request Async Operation'], [322, 'Catalog Service Install Request Async Operation'],
    [12801, 'Cascade Grant or Revoke Access Version Tracking Async Operation'], [190690091, 'AI Builder Training Events'],
    [190690092, 'AI Builder Prediction Events'],
  ], CREATE_ONLY),
  text('MessageName', 160, CREATE_ONLY),
  entityName('PrimaryEntityType', CREATE_ONLY),
  lookup('RegardingObjectId', {
    account: 'Account_AsyncOperations', contact: 'Contact_AsyncOperations', invoice: 'Invoice_AsyncOperations',
    invoicedetail: 'InvoiceDetail_AsyncOperations', connection: 'Connection_AsyncOperations', connectionrole: 'Connection_Role_AsyncOperations',
    businessunit: 'BusinessUnit_AsyncOperations', systemuser: 'SystemUser_AsyncOperations', team: 'Team_AsyncOperations',
    transactioncurrency: 'TransactionCurrency_AsyncOperations',
  }, {
    ...CREATE_ONLY,
    otherTargets: ['opportunity', 'quote', 'quotedetail', 'salesorder', 'salesorderdetail', 'product', 'pricelevel', 'productpricelevel', 'uom', 'uomschedule'],
  }),
  lookup('OwningExtensionId', { sdkmessageprocessingstep: 'SdkMessageProcessingStep_AsyncOperations' }, CREATE_ONLY),
  uniqueId('CorrelationId', { ...CREATE_ONLY, required: 'SystemRequired' }),
  uniqueId('RequestId', CREATE_ONLY),
  whole('Depth', [0, 2147483647], { ...CREATE_ONLY, required: 'SystemRequired' }),
  memo('Data', 1073741823),
  memo('FriendlyMessage', 100000, { create: false, format: 'Text' }),
  memo('Message', 100000, { ...READ_ONLY, format: 'Text' }),
  whole('ErrorCode', INT32, READ_ONLY),
  whole('RetryCount', [0, 2147483647], READ_ONLY),
  dateTime('PostponeUntil', 'DateAndTime', 'UserLocal'),
  dateTime('StartedOn', 'DateAndTime', 'UserLocal', READ_ONLY),
  dateTime('CompletedOn', 'DateAndTime', 'UserLocal', READ_ONLY),
  float('ExecutionTimeSpan', [0, 1000000000], 2, { ...READ_ONLY, required: 'SystemRequired' }),
  stateCode([[0, 'Ready', 0, 'Ready'], [1, 'Suspended', 10, 'Suspended'], [2, 'Locked', 20, 'Locked'], [3, 'Completed', 30, 'Completed']]),
  statusCode([
    [0, 'Waiting For Resources', 0], [10, 'Waiting', 1], [20, 'In Progress', 2], [21, 'Pausing', 2], [22, 'Canceling', 2],
    [30, 'Succeeded', 3], [31, 'Failed', 3], [32, 'Canceled', 3],
  ], { create: false }),
  owner('owner_asyncoperations', { update: false, required: 'SystemRequired' }),
  entityName('OwnerIdType', { required: 'SystemRequired' }),
  lookup('OwningUser', { systemuser: 'system_user_asyncoperation' }, READ_ONLY),
  lookup('OwningTeam', { team: 'team_asyncoperation' }, READ_ONLY),
  lookup('OwningBusinessUnit', { businessunit: 'business_unit_asyncoperation' }, { ...READ_ONLY, required: 'SystemRequired' }),
  ...auditColumns({
    createdBy: 'lk_asyncoperation_createdby', createdOnBehalfBy: 'lk_asyncoperation_createdonbehalfby',
    modifiedBy: 'lk_asyncoperation_modifiedby', modifiedOnBehalfBy: 'lk_asyncoperation_modifiedonbehalfby',
  }),
]);
