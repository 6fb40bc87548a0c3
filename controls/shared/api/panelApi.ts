/**
 * The panel API's shapes as the controls use them: names for the generated OpenAPI types (never
 * edited by hand) plus the request options the routes take.
 */

import type { components, operations } from '../generated/panelApi';

type Schemas = components['schemas'];
type JsonBody<Operation extends { requestBody?: { content: { 'application/json': unknown } } }> = NonNullable<Operation['requestBody']>['content']['application/json'];

export type SapMessage = Schemas['SapMessage'];
export type Page = Schemas['Page'];
export type OrdersPanel = Schemas['OrdersPanel'];
export type SalesOrder = Schemas['SalesOrder'];
export type OrderLine = SalesOrder['lines'][number];
export type ProcessingStatus = SalesOrder['status']['overall'];
export type DeliveriesPanel = Schemas['DeliveriesPanel'];
export type Delivery = Schemas['Delivery'];
export type DeliveryProgress = Delivery['progress'];
export type InvoicesPanel = Schemas['InvoicesPanel'];
export type Invoice = Schemas['Invoice'];
export type PaymentStatus = Invoice['paymentStatus'];
export type OpenItem = Schemas['OpenItem'];
export type CreditPanel = Schemas['CreditPanel'];
export type QuotePrice = Schemas['QuotePrice'];
export type PricedLine = Schemas['PricedLine'];
export type PriceCondition = Schemas['PriceCondition'];
export type ConditionKind = PriceCondition['kind'];
export type SubmitResult = Schemas['SubmitResult'];
export type SyncResults = Schemas['SyncResults'];
export type SyncResult = Schemas['SyncResult'];
export type SyncStatus = SyncResult['status'];
export type ApiError = Schemas['Error']['error'];

export type PriceRequest = JsonBody<operations['priceQuote']>;
export type SubmitRequest = JsonBody<operations['submitQuote']>;
export type SubmitAs = NonNullable<SubmitRequest['as']>;

type AccountListQuery = NonNullable<operations['getAccountOrders']['parameters']['query']>;

/** Which documents a list route returns: all in the window, or only those still open. */
export type ListStatus = NonNullable<AccountListQuery['status']>;

/** The part of the account list routes' query the panels set (orders, deliveries, invoices). */
export type ListQuery = Required<Pick<AccountListQuery, 'status' | 'top'>>;

/** The Dataverse record a control sits on. */
export interface FormRecord {
  /** Table logical name, e.g. account. */
  table: string;
  id: string;
}
