/**
 * The panel API's shapes as the controls use them: names for the generated OpenAPI types (never
 * edited by hand) plus the request options the routes take.
 */

import type { components } from '../generated/panelApi';

type Schemas = components['schemas'];

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
export type SubmitAs = SubmitResult['category'];
export type SyncResults = Schemas['SyncResults'];
export type SyncResult = Schemas['SyncResult'];
export type SyncStatus = SyncResult['status'];
export type ApiError = Schemas['Error']['error'];

/** Which documents a list route returns: all in the window, or only those still open. */
export type ListStatus = 'open' | 'all';

/** Query of the account list routes (orders, deliveries, invoices). */
export interface ListQuery {
  status: ListStatus;
  /** Most documents returned, newest first (the API allows 1–200). */
  top: number;
}

/** The Dataverse record a control sits on. */
export interface FormRecord {
  /** Table logical name, e.g. account. */
  table: string;
  id: string;
}
