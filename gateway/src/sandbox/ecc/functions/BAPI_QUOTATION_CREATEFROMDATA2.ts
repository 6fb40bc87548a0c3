/**
 * BAPI_QUOTATION_CREATEFROMDATA2: creates a customer quotation (QUOTATION_* parameters; header
 * QT_VALID_F/QT_VALID_T is the validity). SAP's metadata of the sales-order BAPIs does not cover
 * it; the interface is confirmed by the "Local Interface" comment of a public copy of the
 * function module (SALESDOCUMENTIN, QUOTATION_HEADER_IN/INX, SENDER, BINARY_RELATIONSHIPTYPE,
 * INT_NUMBER_ASSIGNMENT, BEHAVE_WHEN_ERROR, LOGIC_SWITCH, TESTRUN, CONVERT; SALESDOCUMENT;
 * QUOTATION_ITEMS_IN/INX, QUOTATION_PARTNERS (mandatory), QUOTATION_SCHEDULES_IN/INX,
 * QUOTATION_CONDITIONS_IN/INX, QUOTATION_CFGS_*, QUOTATION_KEYS, QUOTATION_TEXT,
 * PARTNERADDRESSES) and by public ABAP calls of it (RETURN, EXTENSIONIN, EXTENSIONEX). Function
 * group 2031 (BUS2031) [unconfirmed].
 */

import { createBapiParameters, createSalesDocument } from '../createSalesDocument.js';
import { defineFunction } from '../functionModule.js';

export const BAPI_QUOTATION_CREATEFROMDATA2 = defineFunction({
  name: 'BAPI_QUOTATION_CREATEFROMDATA2',
  functionGroup: '2031',
  parameters: createBapiParameters('QUOTATION'),
  exceptions: [],
  handler: (context) => createSalesDocument(context, 'QUOTATION'),
});
