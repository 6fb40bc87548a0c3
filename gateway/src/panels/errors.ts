/**
 * Why a panel cannot show SAP data for a record, as stable codes with a message a rep or an
 * admin can act on. NOT_AUTHORIZED is Dataverse's answer when the record is read as the rep:
 * the gateway shows SAP data only for records CRM lets the rep see.
 */

import { AppError } from '../model/errors.js';

export type PanelErrorCode =
  /** The rep may not read the record in CRM. */
  | 'NOT_AUTHORIZED'
  /** No such record in CRM (or it was deleted). */
  | 'ACCOUNT_NOT_FOUND'
  | 'RECORD_NOT_FOUND'
  /** The account has no SAP customer number, or lacks a part of its SAP link the panel needs. */
  | 'ACCOUNT_NOT_LINKED'
  /** Sync results are kept for the product's tables only. */
  | 'TABLE_NOT_SUPPORTED';

export class PanelError extends AppError {
  declare readonly code: PanelErrorCode;

  constructor(code: PanelErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(code, message, { category: code === 'TABLE_NOT_SUPPORTED' ? 'validation' : 'business', ...options });
  }
}
