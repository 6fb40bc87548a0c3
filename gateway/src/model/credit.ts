/** A customer's credit situation in the canonical model: SAP's classic FI-AR credit management (KNKK). */

import type { CustomerBlocks } from './customer.js';

export interface CreditStatus {
  customerNumber: string;
  creditControlArea: string;
  /** Currency of the credit control area; every amount below is in it. */
  currency: string;
  creditLimit: number;
  /** Receivables, special liabilities and the open values of orders, deliveries and billing documents. */
  exposure: number;
  receivables: number;
  specialLiabilities: number;
  openOrderValue: number;
  openDeliveryValue: number;
  openBillingValue: number;
  /** Credit limit minus exposure; negative when the limit is exceeded. */
  availableCredit: number;
  /** Exposure as a share of the limit, in percent; null when there is no limit to measure against. */
  utilizationPercent: number | null;
  riskCategory: string;
  /** Blocked by credit management: no new orders pass the credit check. */
  blocked: boolean;
  /** Open receivables past their net due date. */
  overdueAmount: number;
  nextReviewDate: string;
  /** Payment terms of the customer in the credit control area's company code. */
  paymentTerms: string;
  paymentTermsText: string;
  /** The customer's central blocks (orders, deliveries, billing, postings). */
  customerBlocks: CustomerBlocks;
}
