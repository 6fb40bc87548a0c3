/**
 * The credit panel: limit, exposure, available credit, risk, credit block, overdue amount,
 * payment terms and the customer's central blocks, in one round trip: the credit account, the
 * central blocks and the payment terms key in the account's company code are independent reads
 * that run in parallel; the payment terms texts are customizing, read once and kept. With the
 * ecc365 SAP add-on the three are one call.
 */

import type { CustomerBlocks } from '../model/customer.js';
import type { CreditPanel } from '../model/panelApi.js';
import { alphaOut } from '../sap/alpha.js';
import { readCreditWithAddOn } from '../sap/operations/addOn/readCredit.js';
import { readCustomerBlocks } from '../sap/operations/customerBlocks.js';
import { readCreditAccount, type CreditAccount } from '../sap/operations/getCreditStatus.js';
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
  return creditPanelOf(request, account, blocks, paymentTerms, texts);
}

/** The panel in one RFC call with the ecc365 SAP add-on (docs/sap-addon.md). */
export async function readCreditPanelWithAddOn(sap: RfcSession, request: CreditRequest, paymentTermsTexts: () => Promise<Map<string, string>>): Promise<CreditPanelData> {
  const [{ account, blocks, paymentTerms }, texts] = await Promise.all([readCreditWithAddOn(sap, request), paymentTermsTexts()]);
  return creditPanelOf(request, account, blocks, paymentTerms, texts);
}

function creditPanelOf(request: CreditRequest, account: CreditAccount, blocks: CustomerBlocks, paymentTerms: string, texts: Map<string, string>): CreditPanelData {
  const { customerNumber, creditControlArea } = request;
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
