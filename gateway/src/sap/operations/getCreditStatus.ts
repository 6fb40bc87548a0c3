/**
 * A customer's credit situation in a credit control area: limit, exposure and what is left,
 * risk category, credit block and next review from BAPI_CREDIT_ACCOUNT_GET_STATUS, the overdue
 * amount from its open items by days in arrears, and, read with RFC_READ_TABLE, what the panel
 * shows beside them: the customer's central blocks (KNA1) and its payment terms in the company
 * code of the credit control area (TVTA → TVKO → KNB1, text from T052U). Callers that know the
 * company code and keep payment terms texts read the parts themselves (readCreditAccount,
 * customerBlocks.ts, paymentTerms.ts), in parallel: the account panel does.
 *
 * The credit values in CREDIT_ACCOUNT_DETAIL (BAPI1010_1) after its first five fields are not
 * confirmed from an SAP source (sandbox ddic/structures/finance.ts); the field names live only in
 * creditDetailOf below, so a correction after checking SE11 stays in one place.
 */

import { z } from 'zod';
import type { CreditStatus } from '../../model/credit.js';
import { fromDats, isFlagSet, parseDecimal, roundAmount } from '../abapValues.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import { describeMessages, isErrorMessage, returnMessages } from '../bapiReturn.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcParameters, RfcSession, RfcStructure } from '../rfc.js';
import { tableOf } from '../rfc.js';
import { readCustomerBlocks } from './customerBlocks.js';
import { orgKey, sapKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';
import { readTableByKeys } from './readTableByKeys.js';

/** F5 806: no credit account for the customer in the credit control area. */
const NO_CREDIT_ACCOUNT = { id: 'F5', number: '806' };

const inputSchema = z.strictObject({
  customerNumber: sapKey(10),
  creditControlArea: orgKey(4),
  /** Language of the payment terms text (SAP's one-letter key, E English, D German). */
  language: z.string().regex(/^[A-Z0-9]$/, 'must be SAP\'s one-character language key').optional(),
});

const text = (row: RfcStructure, field: string): string => String(row[field] ?? '').trim();

type CreditDetail = Omit<CreditStatus, 'overdueAmount' | 'paymentTerms' | 'paymentTermsText' | 'customerBlocks' | 'availableCredit' | 'utilizationPercent'>;

function creditDetailOf(row: RfcStructure): CreditDetail {
  return {
    customerNumber: alphaOut(text(row, 'CUSTMR_NO')),
    creditControlArea: text(row, 'C_CTR_AREA'),
    currency: text(row, 'CURRENCY'),
    creditLimit: parseDecimal(row.CRED_LIMIT),
    exposure: parseDecimal(row.EXPOSURE),
    receivables: parseDecimal(row.RECEIVABLE),
    specialLiabilities: parseDecimal(row.SPEC_LIAB),
    openOrderValue: parseDecimal(row.OPEN_ORDER),
    openDeliveryValue: parseDecimal(row.OPEN_DELIV),
    openBillingValue: parseDecimal(row.OPEN_BILL),
    riskCategory: text(row, 'RISK_CATEG'),
    blocked: isFlagSet(row.CRED_BLOCK),
    nextReviewDate: fromDats(row.NEXT_REVW),
  };
}

/** Open items past their net due date: the rows with positive days in arrears (BAPI1010_2). */
const overdueAmountOf = (rows: RfcStructure[]): number =>
  roundAmount(rows.filter((row) => parseDecimal(row.NET_ARRERS) > 0).reduce((sum, row) => sum + parseDecimal(row.OPEN_ITEMS), 0));

/** The customer's payment terms in the company codes whose sales organisations belong to the credit control area. */
async function paymentTermsOf(session: RfcSession, kunnr: string, creditControlArea: string, language: string): Promise<{ key: string; text: string }> {
  const salesOrgs = (await readTable(session, { table: 'TVTA', fields: ['VKORG'], where: [`KKBER = ${sqlLiteral(creditControlArea)}`], rowCount: 500 })).map((row) => row.VKORG ?? '');
  if (salesOrgs.length === 0) return { key: '', text: '' };
  const companyCodes = (await readTableByKeys(session, { table: 'TVKO', fields: ['VKORG', 'BUKRS'], keyField: 'VKORG', keys: salesOrgs })).map((row) => row.BUKRS ?? '');
  const accounts = await readTableByKeys(session, { table: 'KNB1', fields: ['BUKRS', 'ZTERM'], keyField: 'BUKRS', keys: companyCodes, where: [`KUNNR = ${sqlLiteral(kunnr)}`] });
  const key = accounts.map((row) => row.ZTERM ?? '').find((terms) => terms !== '') ?? '';
  if (key === '') return { key, text: '' };
  const texts = await readTable(session, {
    table: 'T052U',
    fields: ['ZTAGG', 'TEXT1'],
    where: [`SPRAS = ${sqlLiteral(language)}`, `ZTERM = ${sqlLiteral(key)}`],
    rowCount: 20,
  });
  return { key, text: texts.sort((a, b) => String(a.ZTAGG).localeCompare(String(b.ZTAGG)))[0]?.TEXT1 ?? '' };
}

/** The credit account alone (BAPI_CREDIT_ACCOUNT_GET_STATUS): the status without payment terms and central blocks. */
export type CreditAccount = Omit<CreditStatus, 'paymentTerms' | 'paymentTermsText' | 'customerBlocks'>;

export async function readCreditAccount(session: RfcSession, customerNumber: string, creditControlArea: string): Promise<CreditAccount> {
  const input = validInput(inputSchema, { customerNumber, creditControlArea }, 'readCreditAccount');
  return creditAccountOf(session, customerNumberIn(input.customerNumber), input.creditControlArea.toUpperCase());
}

async function creditAccountOf(session: RfcSession, kunnr: string, area: string): Promise<CreditAccount> {
  const result = await session.call('BAPI_CREDIT_ACCOUNT_GET_STATUS', { CREDITCONTROLAREA: area, CUSTOMER: kunnr, CREDIT_ACCOUNT_DETAIL: [], CREDIT_ACCOUNT_OPEN_ITEMS: [] });
  return creditAccountIn(result, kunnr, area);
}

/** The credit account in a result with BAPI_CREDIT_ACCOUNT_GET_STATUS's RETURN and tables. */
export function creditAccountIn(result: RfcParameters, kunnr: string, area: string): CreditAccount {
  const errors = returnMessages(result).filter(isErrorMessage);
  const [detailRow] = tableOf(result, 'CREDIT_ACCOUNT_DETAIL');
  if (errors.some((m) => m.id === NO_CREDIT_ACCOUNT.id && m.number === NO_CREDIT_ACCOUNT.number) || (errors.length === 0 && !detailRow)) {
    throw new SapNotFoundError(`Customer ${alphaOut(kunnr)} has no credit account in credit control area ${area}`, errors);
  }
  if (errors.length > 0 || !detailRow) throw new SapBusinessError(`SAP refused the credit status of customer ${alphaOut(kunnr)}: ${describeMessages(errors)}`, errors);

  const detail = creditDetailOf(detailRow);
  return {
    ...detail,
    availableCredit: roundAmount(detail.creditLimit - detail.exposure),
    utilizationPercent: detail.creditLimit > 0 ? roundAmount((detail.exposure / detail.creditLimit) * 100, 1) : null,
    overdueAmount: overdueAmountOf(tableOf(result, 'CREDIT_ACCOUNT_OPEN_ITEMS')),
  };
}

export async function getCreditStatus(session: RfcSession, customerNumber: string, creditControlArea: string, options: { language?: string } = {}): Promise<CreditStatus> {
  const input = validInput(inputSchema, { customerNumber, creditControlArea, ...options }, 'getCreditStatus');
  const kunnr = customerNumberIn(input.customerNumber);
  const area = input.creditControlArea.toUpperCase();
  const account = await creditAccountOf(session, kunnr, area);
  const customerBlocks = await readCustomerBlocks(session, kunnr);
  const paymentTerms = await paymentTermsOf(session, kunnr, area, input.language ?? 'E');
  return { ...account, paymentTerms: paymentTerms.key, paymentTermsText: paymentTerms.text, customerBlocks };
}
