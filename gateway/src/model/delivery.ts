/** Outbound deliveries in the canonical model: SAP's LIKP/LIPS and their status (VBUK/VBUP). */

import type { ProcessingStatus } from './salesDocument.js';

export interface DeliveryItem {
  itemNumber: number;
  materialNumber: string;
  description: string;
  quantity: number;
  unit: string;
  salesDocument: string;
  salesDocumentItem: number;
  batch: string;
}

/** How far a delivery has got, as a sales rep asks it: the furthest step completed. */
export type DeliveryProgress = 'created' | 'inPicking' | 'picked' | 'shipped' | 'billed';

export interface DeliveryStatus {
  picking: ProcessingStatus;
  goodsMovement: ProcessingStatus;
  billing: ProcessingStatus;
  overall: ProcessingStatus;
}

export interface Delivery {
  deliveryNumber: string;
  deliveryType: string;
  salesOrganization: string;
  shipTo: string;
  soldTo: string;
  shippingPoint: string;
  deliveryDate: string;
  plannedGoodsIssueDate: string;
  /** Empty until goods issue is posted. */
  actualGoodsIssueDate: string;
  /** The carrier's tracking reference (LIKP-BOLNR bill of lading); empty until the carrier is booked. */
  trackingReference: string;
  /** The forwarding agent's vendor number; empty when no carrier is assigned. */
  carrierNumber: string;
  carrier: string;
  grossWeight: number;
  weightUnit: string;
  status: DeliveryStatus;
  progress: DeliveryProgress;
  items: DeliveryItem[];
}

/** The furthest step a delivery has completed, read from its processing status. */
export function deliveryProgress(status: DeliveryStatus): DeliveryProgress {
  if (status.billing === 'complete') return 'billed';
  if (status.goodsMovement === 'complete') return 'shipped';
  if (status.picking === 'complete') return 'picked';
  if (status.picking === 'partial') return 'inPicking';
  return 'created';
}
