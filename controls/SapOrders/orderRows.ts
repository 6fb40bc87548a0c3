/** How the orders panel reads an order: its status text, its blocks, and the texts the filter searches. */

import type { ProcessingStatus, SalesOrder } from '../shared/api/panelApi';
import { fill } from '../shared/pcf/strings';
import type { OrdersStrings } from './manifest';

export function processingStatusText(status: ProcessingStatus, strings: OrdersStrings): string {
  switch (status) {
    case 'notRelevant':
      return strings.statusNotRelevant;
    case 'open':
      return strings.statusNotStarted;
    case 'partial':
      return strings.statusPartial;
    case 'complete':
      return strings.statusComplete;
  }
}

/** The order's blocks as the rep should read them; empty when nothing holds the order. */
export function orderBlocks(order: SalesOrder, strings: OrdersStrings): string[] {
  const blocks: string[] = [];
  if (order.status.creditBlocked) blocks.push(strings.creditBlocked);
  if (order.deliveryBlock !== '') blocks.push(fill(strings.deliveryBlocked, order.deliveryBlock));
  if (order.billingBlock !== '') blocks.push(fill(strings.billingBlocked, order.billingBlock));
  return blocks;
}

/** What the text filter searches in an order: its numbers, references and its lines' materials. */
export function orderTexts(order: SalesOrder): string[] {
  return [
    order.documentNumber,
    order.documentType,
    order.documentTypeName,
    order.customerReference,
    ...order.lines.flatMap((line) => [line.materialNumber, line.description]),
  ];
}
