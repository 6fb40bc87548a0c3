/**
 * The window a list of a customer's documents (deliveries, invoices) is read for: a date range
 * and a row limit. Without a range the last year is listed, so a read never scans a customer's
 * whole history; the newest documents come first and at most `maxRows` are returned.
 */

import { z } from 'zod';
import { addDays } from '../../model/invoice.js';
import { rowLimit, sapKey, validInput } from './inputValidation.js';

export const DEFAULT_DOCUMENTS_PER_LIST = 50;
export const MAX_DOCUMENTS_PER_LIST = 200;
const DEFAULT_WINDOW_DAYS = 365;

/** A date as the gateway's callers give it: YYYY-MM-DD. */
export const isoDateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date of the form YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'is not a valid date');

const querySchema = z
  .strictObject({
    customerNumber: sapKey(10),
    from: isoDateInput.optional(),
    to: isoDateInput.optional(),
    maxRows: rowLimit(MAX_DOCUMENTS_PER_LIST).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'from must not be after to', path: ['from'] });

export interface DocumentListOptions {
  /** First day (ISO date) of the window; a year before `to` (or before today) when absent. */
  from?: string;
  /** Last day (ISO date) of the window; open-ended when absent. */
  to?: string;
  /** At most this many documents, newest first (default 50, at most 200). */
  maxRows?: number;
}

/** A list of one customer's documents, whose caller may know that the customer exists. */
export interface CustomerDocumentListOptions extends DocumentListOptions {
  /** The caller read this customer from SAP lately: an empty list is not checked against the customer master (a round trip less). */
  customerKnown?: boolean;
}

export interface DocumentListWindow {
  customerNumber: string;
  from: string;
  to: string | undefined;
  maxRows: number;
}

export function documentListWindow(operation: string, customerNumber: string, options: DocumentListOptions, today: string): DocumentListWindow {
  const query = validInput(querySchema, { customerNumber, ...options }, operation);
  return {
    customerNumber: query.customerNumber,
    from: query.from ?? addDays(query.to ?? today, -DEFAULT_WINDOW_DAYS),
    to: query.to,
    maxRows: query.maxRows ?? DEFAULT_DOCUMENTS_PER_LIST,
  };
}

/** Today's date in UTC as an ISO date. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
