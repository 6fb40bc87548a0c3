/**
 * BAPI_INQUIRY_CREATEFROMDATA2: creates a customer inquiry (INQUIRY_* parameters; header
 * QT_VALID_F/QT_VALID_T is the validity). The interface is confirmed by a public SAP CAP service
 * definition imported from a system's RFC metadata (INQUIRY_HEADER_IN mandatory, INQUIRY_HEADER_INX,
 * SALESDOCUMENTIN, SENDER, BINARY_RELATIONSHIPTYPE, INT_NUMBER_ASSIGNMENT, BEHAVE_WHEN_ERROR,
 * LOGIC_SWITCH, TESTRUN, CONVERT default SPACE; export SALESDOCUMENT; tables INQUIRY_ITEMS_IN/INX,
 * INQUIRY_PARTNERS, INQUIRY_SCHEDULES_IN/INX, INQUIRY_CONDITIONS_IN/INX, INQUIRY_CFGS_*,
 * INQUIRY_KEYS, INQUIRY_TEXT, PARTNERADDRESSES, EXTENSIONIN, EXTENSIONEX, RETURN) and by a public
 * JCo client. Function group 2030 (BUS2030) [unconfirmed].
 */

import { createBapiParameters, createSalesDocument } from '../createSalesDocument.js';
import { defineFunction } from '../functionModule.js';

export const BAPI_INQUIRY_CREATEFROMDATA2 = defineFunction({
  name: 'BAPI_INQUIRY_CREATEFROMDATA2',
  functionGroup: '2030',
  parameters: createBapiParameters('INQUIRY'),
  exceptions: [],
  handler: (context) => createSalesDocument(context, 'INQUIRY'),
});
