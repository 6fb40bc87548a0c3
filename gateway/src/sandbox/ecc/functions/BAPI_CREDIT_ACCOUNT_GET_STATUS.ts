/**
 * BAPI_CREDIT_ACCOUNT_GET_STATUS (function group 1010, business object DebtorCreditAccount
 * method GetStatus): the credit status of a credit account in a credit control area. Interface
 * confirmed by stechno.net's SE37 page (see reference/sap/signatures); the tables are
 * BAPI1010_1 (one row of status data) and BAPI1010_2 (open items by days in arrears), see
 * ddic/structures/finance.ts for which of their fields are confirmed.
 *
 * The status is computed when called: the credit master data from KNKK (limit, risk category,
 * block, next review), receivables and special liabilities from the open items (BSID), and the
 * open order, delivery and billing values the same way the sales order credit check counts them
 * (creditExposure.ts). A customer without a credit account in the area gets an error in RETURN
 * and no rows.
 */

import { BAPI1010_1, BAPI1010_2 } from '../ddic/structures/finance.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { openSalesValues } from '../creditExposure.js';
import { creditReceivables } from '../finance/creditReceivables.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { message, toBapireturn1 } from '../messages.js';

export const BAPI_CREDIT_ACCOUNT_GET_STATUS = defineFunction({
  name: 'BAPI_CREDIT_ACCOUNT_GET_STATUS',
  functionGroup: '1010',
  parameters: [
    importing('CREDITCONTROLAREA', 'CHAR4', { reference: 'BAPI1010-C_CTR_AREA' }),
    importing('CUSTOMER', 'CHAR10', { reference: 'BAPI1010-CUSTMR_NO' }),
    exporting('RETURN', BAPIRETURN1),
    tables('CREDIT_ACCOUNT_DETAIL', BAPI1010_1),
    tables('CREDIT_ACCOUNT_OPEN_ITEMS', BAPI1010_2),
  ],
  exceptions: [],
  handler: ({ ecc, db, scalar }) => {
    const area = scalar('CREDITCONTROLAREA');
    const customer = scalar('CUSTOMER');
    const account = db.table('KNKK').get({ KUNNR: customer, KKBER: area });
    if (!account) {
      return {
        RETURN: toBapireturn1(message('E', 'F5', '806', customer.replace(/^0+(?=.)/, ''), area)),
        CREDIT_ACCOUNT_DETAIL: [],
        CREDIT_ACCOUNT_OPEN_ITEMS: [],
      };
    }
    const currency = String(db.table('T014').get({ KKBER: area })?.WAERS ?? '');
    const today = ecc.today();
    const receivables = creditReceivables(db, customer, area, currency, today);
    const open = openSalesValues(db, customer, area);
    const key = {
      LOGICAL_SYS: `${ecc.systemId}CLNT${ecc.client}`,
      CUSTMR_NO: customer,
      C_CTR_AREA: area,
      CURRENT_PAYER_ONLY: '',
      TIMESTAMP: `${today}${ecc.now()}`,
    };
    const total = receivables.receivables + receivables.specialLiabilities + open.order + open.delivery + open.billing;
    return {
      CREDIT_ACCOUNT_DETAIL: [
        {
          ...key,
          CURRENCY: currency,
          CRED_LIMIT: String(account.KLIMK ?? '0'),
          RISK_CATEG: String(account.CTLPC ?? ''),
          CRED_BLOCK: String(account.CRBLB ?? ''),
          NEXT_REVW: String(account.NXTRV ?? ''),
          RECEIVABLE: receivables.receivables,
          SPEC_LIAB: receivables.specialLiabilities,
          OPEN_ORDER: open.order,
          OPEN_DELIV: open.delivery,
          OPEN_BILL: open.billing,
          EXPOSURE: Math.round(total * 100) / 100,
        },
      ],
      CREDIT_ACCOUNT_OPEN_ITEMS: [...receivables.byArrears]
        .sort(([a], [b]) => a - b)
        .map(([arrears, amount]) => ({ ...key, NET_ARRERS: arrears, OPEN_ITEMS: amount, CURRENCY: currency })),
    };
  },
});
