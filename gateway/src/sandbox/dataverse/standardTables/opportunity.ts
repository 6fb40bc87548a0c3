/**
 * A potential sale that quotes are made for.
 * Source: MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/opportunity.md
 * (commit 10a51e4b03); object type code: "Organization service entities",
 * MicrosoftDocs/dynamics-365-customer-engagement (ce/developer, 10/31/2017).
 */

import {
  table, CREATE_ONLY, INT32, READ_ONLY, auditColumns, choice, customer, dateTime, decimal,
  entityName, lookup, memo, money, primaryKey, stateCode, statusCode, text, userOwnership,
  versionNumber, whole, yesNo,
} from './dsl.js';

export const opportunity = table({
  schemaName: 'Opportunity',
  entitySetName: 'opportunities',
  primaryIdAttribute: 'opportunityid',
  primaryNameAttribute: 'name',
  ownershipType: 'UserOwned',
  objectTypeCode: 3,
  changeTrackingEnabled: true,
}, [
  primaryKey('OpportunityId'),
  text('Name', 300, { required: 'ApplicationRequired' }),
  customer('CustomerId', { account: 'opportunity_customer_accounts', contact: 'opportunity_customer_contacts' }, { required: 'ApplicationRequired', cascadeDelete: { account: 'Cascade' } }),
  entityName('CustomerIdType', { required: 'ApplicationRequired' }),
  lookup('ParentAccountId', { account: 'opportunity_parent_account' }, { cascadeDelete: 'RemoveLink' }),
  lookup('ParentContactId', { contact: 'opportunity_parent_contact' }),
  lookup('PriceLevelId', { pricelevel: 'price_level_opportunties' }),
  memo('Description', 2000),
  money('EstimatedValue', [-1000000000000, 1000000000000], 2),
  dateTime('EstimatedCloseDate', 'DateOnly', 'DateOnly'),
  money('ActualValue', [-1000000000000, 1000000000000], 2),
  dateTime('ActualCloseDate', 'DateOnly', 'DateOnly'),
  whole('CloseProbability', [0, 100]),
  money('BudgetAmount', [0, 1000000000000], 2),
  choice('PurchaseTimeframe', [[0, 'Immediate'], [1, 'This Quarter'], [2, 'Next Quarter'], [3, 'This Year'], [4, 'Unknown']]),
  choice('OpportunityRatingCode', [[1, 'Hot'], [2, 'Warm'], [3, 'Cold']]),
  choice('PriorityCode', [[1, 'Default Value']]),
  yesNo('IsRevenueSystemCalculated', ['User Provided', 'System Calculated'], { default: false }),
  choice('SalesStageCode', [[1, 'Default Value']]),
  stateCode([[0, 'Open', 1, 'Open'], [1, 'Won', 3, 'Won'], [2, 'Lost', 4, 'Lost']]),
  statusCode([[1, 'In Progress', 0], [2, 'On Hold', 0], [3, 'Won', 1], [4, 'Canceled', 2], [5, 'Out-Sold', 2]]),
  money('DiscountAmount', [0, 1000000000000], 2),
  decimal('DiscountPercentage', [0, 100], 2),
  money('FreightAmount', [0, 1000000000000], 2),
  money('TotalAmount', [-922337203685477, 922337203685477], 2, { create: false }),
  money('TotalAmountLessFreight', [-922337203685477, 922337203685477], 2, { create: false }),
  money('TotalDiscountAmount', [-922337203685477, 922337203685477], 2, { create: false }),
  money('TotalLineItemAmount', [-922337203685477, 922337203685477], 2, { create: false }),
  money('TotalLineItemDiscountAmount', [-922337203685477, 922337203685477], 2, { create: false }),
  money('TotalTax', [-922337203685477, 922337203685477], 2, { create: false }),
  whole('ImportSequenceNumber', INT32, CREATE_ONLY),
  dateTime('OverriddenCreatedOn', 'DateOnly', 'UserLocal', CREATE_ONLY),
  lookup('TransactionCurrencyId', { transactioncurrency: 'transactioncurrency_opportunity' }, { required: 'ApplicationRequired' }),
  decimal('ExchangeRate', [1e-10, 100000000000], 10, READ_ONLY),
  ...userOwnership({ owner: 'owner_opportunities', owningUser: 'opportunity_owning_user', owningTeam: 'team_opportunities', owningBusinessUnit: 'business_unit_opportunities' }),
  ...auditColumns({ createdBy: 'lk_opportunitybase_createdby', createdOnBehalfBy: 'lk_opportunity_createdonbehalfby', modifiedBy: 'lk_opportunitybase_modifiedby', modifiedOnBehalfBy: 'lk_opportunity_modifiedonbehalfby' }),
  versionNumber(),
]);
