/**
 * The credit panel: limit, exposure, available credit, risk, credit block, overdue amount,
 * payment terms and the customer's central blocks, in one round trip: the credit account, the
 * central blocks and the payment terms key in the account's company code are independent reads
 * that run in parallel; the payment terms texts are customizing, read once and kept.
 */

import type { CreditPanel } from '../model/panelApi.js';
import { alphaOut } from '../sap/alpha.js';
import { readCustomerBlocks } from '../sap/operations/customerBlocks.js';
import { readCreditAccount } from '../sap/operations/getCreditStatus.js';
import { readPaymentTermsKey } from '../sap/operations/paymentTerms.js';
import type { RfcSession } from '../sap/rfc.js';

export type CreditPanelData = Omit<CreditPanel, 'fromCache' | 'retrievedAt'>;

export interface CreditRequest {
  customerNumber: string;
  creditControlArea: string;
  /** Company code whose payment terms are shown; without one the panel shows none. */
  companyCode: string;
}

export async function readCreditPanel(sap: RfcSession, request: CreditRequest, paymentTermsTexts: () => Promise<Map<string, string>>): Promise<CreditPanelData> {
  const { customerNumber, creditControlArea, companyCode } = request;
  const [account, blocks, paymentTerms, texts] = await Promise.all([
    readCreditAccount(sap, customerNumber, creditControlArea),
    readCustomerBlocks(sap, customerNumber),
    companyCode !== '' ? readPaymentTermsKey(sap, customerNumber, companyCode) : Promise.resolve(''),
    paymentTermsTexts(),
  ]);
  return {
    customerNumber: alphaOut(account.customerNumber || customerNumber),
    creditControlArea: account.creditControlArea || creditControlArea.toUpperCase(),
    currency: account.currency,
    creditLimit: account.creditLimit,
    exposure: account.exposure,
    availableCredit: account.availableCredit,
    utilizationPercent: account.utilizationPercent,
    overdueAmount: account.overdueAmount,
    riskCategory: account.riskCategory,
    creditBlocked: account.blocked,
    nextReviewDate: account.nextReviewDate,
    paymentTerms,
    paymentTermsText: texts.get(paymentTerms) ?? '',
    blocks,
  };
}
