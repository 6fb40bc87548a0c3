/** A customer's credit situation in the canonical model: SAP's classic FI-AR credit management (KNKK). */

export interface CreditStatus {
  customerNumber: string;
  creditControlArea: string;
  currency: string;
  creditLimit: number;
  /** Receivables plus open orders, deliveries and billing documents. */
  exposure: number;
  receivables: number;
  openOrderValue: number;
  openDeliveryValue: number;
  openBillingValue: number;
  availableCredit: number;
  /** Exposure as a share of the limit, in percent. */
  utilizationPercent: number;
  riskCategory: string;
  blocked: boolean;
  overdueAmount: number;
  nextReviewDate: string;
}
