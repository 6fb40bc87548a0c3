/** Panel API answers for tests, shaped by the generated API types so they break when the contract changes. */

import type {
  CreditPanel,
  DeliveriesPanel,
  Delivery,
  Invoice,
  InvoicesPanel,
  OpenItem,
  OrderLine,
  OrdersPanel,
  PricedLine,
  QuotePrice,
  SalesOrder,
  SubmitResult,
  SyncResult,
} from '../api/panelApi';

export const ACCOUNT_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const QUOTE_ID = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
export const CUSTOMER_NUMBER = '0000001000';
export const RETRIEVED_AT = '2026-11-27T09:30:00.000Z';

export function orderLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    itemNumber: 10,
    materialNumber: 'PUMP-1000',
    description: 'Centrifugal pump 1000',
    quantity: 2,
    unit: 'PC',
    requestedDate: '2026-12-15',
    netValue: 2400,
    deliveryStatus: 'open',
    rejected: false,
    ...overrides,
  };
}

export function salesOrder(overrides: Partial<SalesOrder> = {}): SalesOrder {
  return {
    documentNumber: '0000012001',
    documentType: 'TA',
    documentTypeName: 'Standard Order',
    documentDate: '2026-11-02',
    customerReference: 'PO-4711',
    requestedDeliveryDate: '2026-12-15',
    netValue: 2400,
    currency: 'EUR',
    status: { overall: 'open', delivery: 'open', billing: 'open', creditBlocked: false },
    deliveryBlock: '',
    billingBlock: '',
    lines: [orderLine()],
    ...overrides,
  };
}

export function ordersPanel(orders: SalesOrder[], hasMore = false): OrdersPanel {
  return { customerNumber: CUSTOMER_NUMBER, orders, page: { returned: orders.length, hasMore }, retrievedAt: RETRIEVED_AT, fromCache: false };
}

export function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    deliveryNumber: '0080001001',
    deliveryDate: '2026-11-10',
    plannedGoodsIssueDate: '2026-11-09',
    actualGoodsIssueDate: '',
    progress: 'picked',
    trackingReference: '',
    carrier: '',
    shippingPoint: '1000',
    salesOrders: ['0000012001'],
    ...overrides,
  };
}

export function deliveriesPanel(deliveries: Delivery[], hasMore = false): DeliveriesPanel {
  return { customerNumber: CUSTOMER_NUMBER, deliveries, page: { returned: deliveries.length, hasMore }, retrievedAt: RETRIEVED_AT, fromCache: true };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    invoiceNumber: '0090001001',
    billingDate: '2026-10-01',
    dueDate: '2026-10-31',
    netValue: 1000,
    taxAmount: 190,
    grossValue: 1190,
    currency: 'EUR',
    paymentStatus: 'overdue',
    openBalance: 1190,
    ...overrides,
  };
}

export function openReceivable(overrides: Partial<OpenItem> = {}): OpenItem {
  return {
    documentNumber: '1800000123',
    fiscalYear: '2026',
    invoiceNumber: '0090001001',
    postingDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: 1190,
    currency: 'EUR',
    daysOverdue: 27,
    ...overrides,
  };
}

export function invoicesPanel(invoices: Invoice[], openItems: OpenItem[], hasMore = false): InvoicesPanel {
  const open = openItems.reduce((sum, item) => sum + item.amount, 0);
  const overdue = openItems.filter((item) => item.daysOverdue > 0).reduce((sum, item) => sum + item.amount, 0);
  return {
    customerNumber: CUSTOMER_NUMBER,
    invoices,
    openItems,
    totals: { openBalance: open, overdueAmount: overdue, currency: 'EUR' },
    page: { returned: invoices.length, hasMore },
    retrievedAt: RETRIEVED_AT,
    fromCache: false,
  };
}

export function creditPanel(overrides: Partial<CreditPanel> = {}): CreditPanel {
  return {
    customerNumber: CUSTOMER_NUMBER,
    creditControlArea: '1000',
    currency: 'EUR',
    creditLimit: 50000,
    exposure: 41250,
    availableCredit: 8750,
    utilizationPercent: 82.5,
    overdueAmount: 1190,
    riskCategory: '002',
    creditBlocked: false,
    nextReviewDate: '2027-03-31',
    paymentTerms: 'ZB14',
    paymentTermsText: '14 days 2% discount, 30 days net',
    blocks: { order: false, delivery: false, billing: false, posting: false },
    retrievedAt: RETRIEVED_AT,
    fromCache: false,
    ...overrides,
  };
}

export function pricedLine(overrides: Partial<PricedLine> = {}): PricedLine {
  return {
    quoteDetailId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
    materialNumber: 'PUMP-1000',
    description: 'Centrifugal pump 1000',
    quantity: 2,
    unit: 'PC',
    netPrice: 1080,
    netValue: 2160,
    taxAmount: 410.4,
    conditions: [
      { conditionType: 'PR00', kind: 'price', rate: 1200, isPercentage: false, value: 2400 },
      { conditionType: 'K007', kind: 'discount', rate: -10, isPercentage: true, value: -240 },
      { conditionType: 'MWST', kind: 'tax', rate: 19, isPercentage: true, value: 410.4 },
    ],
    ...overrides,
  };
}

export function quotePrice(lines: PricedLine[], overrides: Partial<QuotePrice> = {}): QuotePrice {
  const netValue = lines.reduce((sum, line) => sum + line.netValue, 0);
  const taxAmount = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  return {
    quoteId: QUOTE_ID,
    customerNumber: CUSTOMER_NUMBER,
    currency: 'EUR',
    netValue,
    taxAmount,
    grossValue: netValue + taxAmount,
    lines,
    messages: [],
    applied: false,
    pricedAt: RETRIEVED_AT,
    ...overrides,
  };
}

export function submitResult(overrides: Partial<SubmitResult> = {}): SubmitResult {
  return {
    quoteId: QUOTE_ID,
    documentNumber: '0000012345',
    category: 'order',
    documentType: 'TA',
    documentTypeName: 'Standard Order',
    referenceQuotation: '',
    status: 'open',
    alreadySubmitted: false,
    messages: [{ type: 'S', id: 'V1', number: '311', message: 'Standard Order 12345 has been saved' }],
    syncResultId: 'c0ffee00-1234-4abc-8def-0123456789ab',
    ...overrides,
  };
}

export function syncResult(overrides: Partial<SyncResult> = {}): SyncResult {
  return {
    id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
    flow: 'quote-submit',
    status: 'failed',
    message: 'Material PUMP-9 is not sellable in sales area 1000/10/00',
    sapDocumentNumber: '',
    correlationId: '5b7c1e2d-0f3a-4c6b-9d8e-7a6b5c4d3e2f',
    startedAt: '2026-11-26T14:02:00.000Z',
    finishedAt: '2026-11-26T14:02:03.000Z',
    retryable: true,
    ...overrides,
  };
}
