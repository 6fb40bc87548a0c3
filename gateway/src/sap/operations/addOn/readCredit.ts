/**
 * A customer's credit account, central blocks and payment terms key in one RFC call
 * (/ECC365/PANEL_CREDIT: BAPI_CREDIT_ACCOUNT_GET_STATUS, KNA1 and KNB1 inside SAP).
 */

import type { CustomerBlocks } from '../../../model/customer.js';
import { customerNumberIn } from '../../alpha.js';
import { scalarOf, structureOf } from '../../rfc.js';
import type { RfcSession } from '../../rfc.js';
import { customerBlocksOf } from '../customerBlocks.js';
import { creditAccountIn, type CreditAccount } from '../getCreditStatus.js';
import { asTableRow, callAddOn } from './addOnCall.js';

export interface CreditQuery {
  customerNumber: string;
  creditControlArea: string;
  /** Whose payment terms key to read; none without one. */
  companyCode: string;
}

/** SapNotFoundError when the customer has no credit account in the area. */
export async function readCreditWithAddOn(session: RfcSession, query: CreditQuery): Promise<{ account: CreditAccount; blocks: CustomerBlocks; paymentTerms: string }> {
  const customer = customerNumberIn(query.customerNumber);
  const area = query.creditControlArea.toUpperCase();
  const result = await callAddOn(session, '/ECC365/PANEL_CREDIT', {
    CUSTOMER_NUMBER: customer,
    CREDIT_CONTROL_AREA: area,
    ...(query.companyCode !== '' ? { COMPANY_CODE: query.companyCode.toUpperCase() } : {}),
    CREDIT_ACCOUNT_DETAIL: [],
    CREDIT_ACCOUNT_OPEN_ITEMS: [],
  });
  return {
    account: creditAccountIn(result, customer, area),
    blocks: customerBlocksOf(asTableRow(structureOf(result, 'CENTRAL_BLOCKS'))),
    paymentTerms: scalarOf(result, 'PAYMENT_TERMS').trim(),
  };
}
