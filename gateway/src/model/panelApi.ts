/**
 * The panel API's contract (/api/v1): what each route accepts and answers, as zod schemas. The
 * use cases (panels/, quotes/) produce these shapes, routes validate input with them, and they
 * are the single source of the OpenAPI document the gateway serves and of the controls' types
 * (generated from that document). Amounts are numbers in the currency given beside them; dates
 * are ISO (YYYY-MM-DD), instants ISO 8601.
 */

import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO date, YYYY-MM-DD; empty when not set').or(z.literal(''));
const currency = z.string().describe('ISO 4217 currency code');
const processingStatus = z.enum(['notRelevant', 'open', 'partial', 'complete']).describe("SAP's processing status: not relevant, not yet, partly, completely");

export const sapMessageSchema = z
  .object({
    type: z.enum(['S', 'E', 'W', 'I', 'A', '']).describe('S success, E error, W warning, I information, A abort'),
    id: z.string().describe('SAP message class'),
    number: z.string(),
    message: z.string(),
  })
  .meta({ id: 'SapMessage' });

/** Where an answer's data came from and how fresh it is. */
const freshness = {
  retrievedAt: z.iso.datetime().describe('When the gateway read the data from SAP'),
  fromCache: z.boolean().describe('Served from the gateway\'s short-lived cache'),
};

const page = z
  .object({
    /** Rows the selection found, when SAP says; the list holds at most `top` of them. */
    returned: z.int().min(0),
    hasMore: z.boolean().describe('More rows match than were returned: narrow the date range or raise top'),
  })
  .meta({ id: 'Page' });

// --- Account panels: GET /api/v1/accounts/{accountid}/sap/… ---

export const accountParamsSchema = z.object({ accountid: z.uuid().describe('Dataverse account id') });

export const listQuerySchema = z
  .object({
    from: z.iso.date().optional().describe('First day of the window (default: a year ago)'),
    to: z.iso.date().optional().describe('Last day of the window (default: open-ended)'),
    status: z.enum(['open', 'all']).default('all').describe('open: only documents not yet completed (orders), not yet paid (invoices), not yet shipped (deliveries)'),
    top: z.coerce.number().int().min(1).max(200).default(50).describe('Most documents returned, newest first'),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuerySchema>;

export const orderLineSchema = z.object({
  itemNumber: z.int(),
  materialNumber: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  requestedDate: isoDate,
  netValue: z.number(),
  deliveryStatus: processingStatus,
  rejected: z.boolean(),
});

export const orderSchema = z
  .object({
    documentNumber: z.string(),
    documentType: z.string().describe("SAP's key of the sales document type, e.g. TA"),
    documentTypeName: z.string().describe("The document type's name in the rep's language where SAP has one (else the gateway's panels.language); empty when SAP has none"),
    documentDate: isoDate,
    customerReference: z.string().describe('The customer\'s purchase order number'),
    requestedDeliveryDate: isoDate,
    netValue: z.number(),
    currency,
    status: z.object({ overall: processingStatus, delivery: processingStatus, billing: processingStatus, creditBlocked: z.boolean() }),
    deliveryBlock: z.string(),
    billingBlock: z.string(),
    lines: z.array(orderLineSchema),
  })
  .meta({ id: 'SalesOrder' });

export const ordersPanelSchema = z.object({ customerNumber: z.string(), orders: z.array(orderSchema), page, ...freshness }).meta({ id: 'OrdersPanel' });

export const deliverySchema = z
  .object({
    deliveryNumber: z.string(),
    deliveryDate: isoDate,
    plannedGoodsIssueDate: isoDate,
    actualGoodsIssueDate: isoDate,
    progress: z.enum(['created', 'inPicking', 'picked', 'shipped', 'billed']).describe('The furthest step the delivery has completed'),
    trackingReference: z.string(),
    carrier: z.string(),
    shippingPoint: z.string(),
    salesOrders: z.array(z.string()).describe('Sales orders the delivery ships'),
  })
  .meta({ id: 'Delivery' });

export const deliveriesPanelSchema = z.object({ customerNumber: z.string(), deliveries: z.array(deliverySchema), page, ...freshness }).meta({ id: 'DeliveriesPanel' });

export const openItemSchema = z
  .object({
    documentNumber: z.string(),
    fiscalYear: z.string(),
    invoiceNumber: z.string(),
    postingDate: isoDate,
    dueDate: isoDate,
    amount: z.number().describe('Positive for receivables, negative for credits'),
    currency,
    daysOverdue: z.int().min(0),
  })
  .meta({ id: 'OpenItem' });

export const invoiceSchema = z
  .object({
    invoiceNumber: z.string(),
    billingDate: isoDate,
    dueDate: isoDate,
    netValue: z.number(),
    taxAmount: z.number(),
    grossValue: z.number(),
    currency,
    paymentStatus: z.enum(['open', 'partiallyPaid', 'overdue', 'paid', 'cancelled', 'notPosted']),
    openBalance: z.number(),
  })
  .meta({ id: 'Invoice' });

export const invoicesPanelSchema = z
  .object({
    customerNumber: z.string(),
    invoices: z.array(invoiceSchema),
    openItems: z.array(openItemSchema),
    totals: z.object({ openBalance: z.number(), overdueAmount: z.number(), currency }),
    page,
    ...freshness,
  })
  .meta({ id: 'InvoicesPanel' });

export const creditPanelSchema = z
  .object({
    customerNumber: z.string(),
    creditControlArea: z.string(),
    currency,
    creditLimit: z.number(),
    exposure: z.number(),
    availableCredit: z.number().describe('Negative when the limit is exceeded'),
    utilizationPercent: z.number().nullable(),
    overdueAmount: z.number(),
    riskCategory: z.string(),
    creditBlocked: z.boolean().describe('Blocked by credit management'),
    nextReviewDate: isoDate,
    paymentTerms: z.string(),
    paymentTermsText: z.string(),
    blocks: z.object({ order: z.boolean(), delivery: z.boolean(), billing: z.boolean(), posting: z.boolean() }).describe("The customer's central blocks"),
    ...freshness,
  })
  .meta({ id: 'CreditPanel' });

// --- Quote actions: POST /api/v1/quotes/{quoteid}/sap/… ---

export const quoteParamsSchema = z.object({ quoteid: z.uuid().describe('Dataverse quote id') });

export const priceRequestSchema = z
  .object({ apply: z.boolean().default(false).describe("Write SAP's prices onto the quote lines") })
  .strict()
  .default({ apply: false });

export const priceConditionSchema = z
  .object({
    conditionType: z.string(),
    kind: z.enum(['price', 'discount', 'surcharge', 'tax', 'other']),
    rate: z.number(),
    isPercentage: z.boolean(),
    value: z.number(),
  })
  .meta({ id: 'PriceCondition' });

export const pricedLineSchema = z
  .object({
    quoteDetailId: z.uuid(),
    materialNumber: z.string(),
    description: z.string(),
    quantity: z.number(),
    unit: z.string(),
    netPrice: z.number().describe('Net value divided by quantity'),
    netValue: z.number(),
    taxAmount: z.number(),
    conditions: z.array(priceConditionSchema),
  })
  .meta({ id: 'PricedLine' });

export const quotePriceSchema = z
  .object({
    quoteId: z.uuid(),
    customerNumber: z.string(),
    currency,
    netValue: z.number(),
    taxAmount: z.number(),
    grossValue: z.number(),
    lines: z.array(pricedLineSchema),
    messages: z.array(sapMessageSchema),
    applied: z.boolean().describe("SAP's prices were written onto the quote lines"),
    pricedAt: z.iso.datetime(),
  })
  .meta({ id: 'QuotePrice' });

export const submitRequestSchema = z
  .object({
    as: z.enum(['quotation', 'order']).default('order').describe('Create an SAP quotation or a sales order'),
  })
  .strict()
  .default({ as: 'order' });

export const submitResultSchema = z
  .object({
    quoteId: z.uuid(),
    documentNumber: z.string().describe('The SAP document number'),
    category: z.enum(['quotation', 'order']),
    documentType: z.string().describe("SAP's key of the sales document type, e.g. TA"),
    documentTypeName: z.string().describe("The document type's name in the rep's language where SAP has one (else the gateway's panels.language); empty when SAP gives none in time"),
    referenceQuotation: z.string().describe('The SAP quotation the order was created with reference to; empty when none'),
    status: z.string().describe('Status of the SAP document as written to the quote'),
    alreadySubmitted: z.boolean().describe('The quote had been sent before: this is the same SAP document, no new one was created'),
    messages: z.array(sapMessageSchema),
    syncResultId: z.uuid().describe('The sync result row written to Dataverse'),
  })
  .meta({ id: 'SubmitResult' });

// --- Sync results (any record): GET /api/v1/records/{table}/{id}/sync-results, POST /api/v1/sync-results/{id}/retry ---

export const recordParamsSchema = z.object({ table: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/).describe('Dataverse table logical name'), id: z.uuid() });

export const syncResultSchema = z
  .object({
    id: z.uuid(),
    flow: z.string().describe('What ran, e.g. quote-submit'),
    status: z.enum(['succeeded', 'failed', 'retrying', 'deadLettered']),
    message: z.string(),
    sapDocumentNumber: z.string(),
    correlationId: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().or(z.literal('')),
    retryable: z.boolean().describe('An integration admin may retry it'),
  })
  .meta({ id: 'SyncResult' });

export const syncResultsSchema = z.object({ results: z.array(syncResultSchema) }).meta({ id: 'SyncResults' });

export const syncResultParamsSchema = z.object({ id: z.uuid() });

// --- Errors ---

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code, e.g. SAP_REJECTED, NOT_AUTHORIZED, QUOTE_NOT_APPROVED'),
      message: z.string().describe('What went wrong and what to do, for a person'),
      correlationId: z.string().optional(),
      sapMessages: z.array(sapMessageSchema).optional(),
      retryAfterSeconds: z.number().optional(),
      category: z.enum(['config', 'system', 'transient', 'business', 'validation']).optional().describe('Whose problem it is: an admin\'s (config), a remote system\'s (system, transient), the data\'s (business), the request\'s (validation)'),
      action: z.enum(['retry', 'rate-limited', 'fail']).optional().describe('What the caller can do: retry later, retry after Retry-After, or not retry'),
      details: z.record(z.string(), z.unknown()).optional().describe('Facts behind the error: the parameter, the account column, the quote line …'),
    }),
  })
  .meta({ id: 'Error' });

export type OrdersPanel = z.infer<typeof ordersPanelSchema>;
export type DeliveriesPanel = z.infer<typeof deliveriesPanelSchema>;
export type InvoicesPanel = z.infer<typeof invoicesPanelSchema>;
export type CreditPanel = z.infer<typeof creditPanelSchema>;
export type QuotePrice = z.infer<typeof quotePriceSchema>;
export type SubmitResult = z.infer<typeof submitResultSchema>;
export type SyncResult = z.infer<typeof syncResultSchema>;
