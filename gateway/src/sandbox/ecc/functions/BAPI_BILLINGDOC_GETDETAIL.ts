/**
 * BAPI_BILLINGDOC_GETDETAIL: header data of one billing document (VBRK) in BAPIVBRKOUT.
 * The interface is not in the stored SE37 references; it is confirmed by ABAP callers
 * (EXPORTING billingdocument TYPE bapivbrksuccess-bill_doc, IMPORTING billingdocumentdetail
 * TYPE bapivbrkout and return TYPE bapireturn1) and a JCo caller that passes BILLINGDOCUMENT.
 * Function group VBRK as SAP's function documentation names it [unconfirmed]. It has no items:
 * callers read VBRP for them. An unknown document gets an error in RETURN.
 */

import { BAPIVBRKOUT } from '../ddic/structures/billing.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing } from '../functionModule.js';
import { message, toBapireturn1 } from '../messages.js';
import { billingDocumentOut } from './billingDocumentOut.js';

export const BAPI_BILLINGDOC_GETDETAIL = defineFunction({
  name: 'BAPI_BILLINGDOC_GETDETAIL',
  functionGroup: 'VBRK',
  parameters: [
    importing('BILLINGDOCUMENT', 'CHAR10', { reference: 'BAPIVBRKSUCCESS-BILL_DOC' }),
    exporting('BILLINGDOCUMENTDETAIL', BAPIVBRKOUT),
    exporting('RETURN', BAPIRETURN1),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const number = scalar('BILLINGDOCUMENT');
    const header = db.table('VBRK').get({ VBELN: number });
    if (!header) return { RETURN: toBapireturn1(message('E', 'VF', '056', number.replace(/^0+(?=.)/, ''))) };
    return { BILLINGDOCUMENTDETAIL: billingDocumentOut(header) };
  },
});
