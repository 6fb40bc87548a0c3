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

export interface Delivery {
  deliveryNumber: string;
  deliveryType: string;
  shipTo: string;
  soldTo: string;
  shippingPoint: string;
  deliveryDate: string;
  plannedGoodsIssueDate: string;
  /** Empty until goods issue is posted. */
  actualGoodsIssueDate: string;
  /** The carrier's tracking reference (LIKP-BOLNR bill of lading). */
  trackingReference: string;
  carrier: string;
  grossWeight: number;
  weightUnit: string;
  status: {
    picking: ProcessingStatus;
    goodsMovement: ProcessingStatus;
    billing: ProcessingStatus;
    overall: ProcessingStatus;
  };
  items: DeliveryItem[];
}
