/** How the deliveries panel reads a delivery: how far it has got, and the texts the filter searches. */

import type { Delivery, DeliveryProgress } from '../shared/api/panelApi';
import type { DeliveriesStrings } from './manifest';

/** The steps in the order a delivery goes through them, so "progress" sorts by how far it got. */
const PROGRESS_STEPS: readonly DeliveryProgress[] = ['created', 'inPicking', 'picked', 'shipped', 'billed'];

export function progressStep(progress: DeliveryProgress): number {
  return PROGRESS_STEPS.indexOf(progress) + 1;
}

export function progressText(progress: DeliveryProgress, strings: DeliveriesStrings): string {
  switch (progress) {
    case 'created':
      return strings.progressCreated;
    case 'inPicking':
      return strings.progressInPicking;
    case 'picked':
      return strings.progressPicked;
    case 'shipped':
      return strings.progressShipped;
    case 'billed':
      return strings.progressBilled;
  }
}

export const PROGRESS_STEP_COUNT = PROGRESS_STEPS.length;

export function deliveryTexts(delivery: Delivery): string[] {
  return [delivery.deliveryNumber, delivery.trackingReference, delivery.carrier, delivery.shippingPoint, ...delivery.salesOrders];
}
