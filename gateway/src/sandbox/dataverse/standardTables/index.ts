/**
 * The standard Dataverse tables the product touches, as Microsoft's table reference documents
 * them (each file names its page). Only the columns a CRM integration with SAP reads or writes, and
 * the system columns every table has, are defined. The definitions are frozen: a registry copies
 * what it changes, so environments never share edits.
 */

import type { EntityMetadata } from '../metadata.js';
import { account } from './account.js';
import { asyncoperation } from './asyncoperation.js';
import { businessunit } from './businessunit.js';
import { connection } from './connection.js';
import { connectionrole } from './connectionrole.js';
import { contact } from './contact.js';
import { environmentvariabledefinition } from './environmentvariabledefinition.js';
import { environmentvariablevalue } from './environmentvariablevalue.js';
import { invoice } from './invoice.js';
import { invoicedetail } from './invoicedetail.js';
import { opportunity } from './opportunity.js';
import { pricelevel } from './pricelevel.js';
import { principalobjectaccess } from './principalobjectaccess.js';
import { product } from './product.js';
import { productpricelevel } from './productpricelevel.js';
import { quote } from './quote.js';
import { quotedetail } from './quotedetail.js';
import { salesorder } from './salesorder.js';
import { salesorderdetail } from './salesorderdetail.js';
import { savedquery } from './savedquery.js';
import { sdkmessage } from './sdkmessage.js';
import { sdkmessagefilter } from './sdkmessagefilter.js';
import { sdkmessageprocessingstep } from './sdkmessageprocessingstep.js';
import { sdkmessageprocessingstepimage } from './sdkmessageprocessingstepimage.js';
import { serviceendpoint } from './serviceendpoint.js';
import { systemform } from './systemform.js';
import { systemuser } from './systemuser.js';
import { team } from './team.js';
import { transactioncurrency } from './transactioncurrency.js';
import { uom } from './uom.js';
import { uomschedule } from './uomschedule.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const STANDARD_TABLES: readonly EntityMetadata[] = deepFreeze([
  // Customers and the sales documents
  account, contact, opportunity, quote, quotedetail, salesorder, salesorderdetail, invoice, invoicedetail,
  // Products and prices
  product, uom, uomschedule, pricelevel, productpricelevel, transactioncurrency,
  // Relationships between records
  connection, connectionrole,
  // Security: users, teams, business units and shares
  systemuser, businessunit, team, principalobjectaccess,
  // Webhook registration, and the system jobs of asynchronous steps
  serviceendpoint, sdkmessage, sdkmessagefilter, sdkmessageprocessingstep, sdkmessageprocessingstepimage, asyncoperation,
  // Environment variables: configuration a solution defines and each environment sets
  environmentvariabledefinition, environmentvariablevalue,
  // Forms and views a solution brings, which apps lay out records and lists by
  systemform, savedquery,
]);
