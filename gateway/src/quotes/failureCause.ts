/**
 * Why a piece of work failed, as the sync result's cause (ecc_cause) that admins group failures
 * by: SAP refused it, the data did not pass the checks, a value has no SAP counterpart, Dataverse
 * refused it, a system was not reached in time, a setting is wrong, or the gateway itself failed.
 * Decided from the error taxonomy (model/errors.ts), never from message texts.
 */

import { DataverseError } from '../dataverse/errors.js';
import { AppError } from '../model/errors.js';
import type { QuoteErrorCode } from './errors.js';

export type FailureCause = 'sapError' | 'validation' | 'mapping' | 'dataverseError' | 'connectionOrTimeout' | 'configuration' | 'gatewayError';

/** ecc_cause's options (ecc_syncresult_ecc_cause in ecc_SyncResult/Entity.xml of the solution). */
export const FAILURE_CAUSE_VALUES: Record<FailureCause, number> = {
  sapError: 363650000, validation: 363650001, mapping: 363650002, dataverseError: 363650003, connectionOrTimeout: 363650004, configuration: 363650005, gatewayError: 363650006,
};

/** Refusals because a CRM value has no SAP counterpart the admin could map. */
const MAPPING_CODES: ReadonlySet<string> = new Set<QuoteErrorCode>(['UNIT_NOT_MAPPED']);

export function failureCauseOf(error: unknown): FailureCause {
  if (!(error instanceof AppError)) return 'gatewayError';
  if (MAPPING_CODES.has(error.code)) return 'mapping';
  if (error.category === 'transient') return 'connectionOrTimeout';
  if (error.category === 'config') return 'configuration';
  if (error instanceof DataverseError) return 'dataverseError';
  // SAP's failures carry its messages or one of the SAP_ codes of sap/errors.ts.
  if (error.sapMessages.length > 0 || error.code.startsWith('SAP_')) return 'sapError';
  if (error.category === 'business' || error.category === 'validation') return 'validation';
  return 'gatewayError';
}
