/**
 * BAPI_SALESORDER_CREATEFROMDAT2: creates a sales order (ORDER_* parameters). The interface is
 * SAP's own metadata (SAP/fundamental-tools, salesOrder parameters.yaml); the logic is shared
 * with the quotation and inquiry BAPIs (createSalesDocument.ts). Function group 2032 (the
 * business object BUS2032) [unconfirmed].
 */

import { createBapiParameters, createSalesDocument } from '../createSalesDocument.js';
import { defineFunction } from '../functionModule.js';

export const BAPI_SALESORDER_CREATEFROMDAT2 = defineFunction({
  name: 'BAPI_SALESORDER_CREATEFROMDAT2',
  functionGroup: '2032',
  parameters: createBapiParameters('ORDER'),
  exceptions: [],
  handler: (context) => createSalesDocument(context, 'ORDER'),
});
