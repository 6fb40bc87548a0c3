/**
 * A list panel's query (the contract's ListQuery) as the SAP reads need it: the date window with
 * its default (the year up to `to`, or up to today), and how many documents to look at.
 */

import type { ListQuery } from '../model/panelApi.js';
import { addDays } from '../model/invoice.js';

/** Most documents a panel looks at to find `top` open ones (and the most `top` may ask for). */
export const MAX_DOCUMENTS_SCANNED = 200;
const DEFAULT_WINDOW_DAYS = 365;

export interface PanelWindow {
  from: string;
  to: string | undefined;
  status: ListQuery['status'];
  top: number;
  /** Documents to read: one more than `top` to tell whether there are more; for `open`, enough to filter from. */
  scan: number;
}

export function panelWindow(query: ListQuery, today: string): PanelWindow {
  return {
    from: query.from ?? addDays(query.to ?? today, -DEFAULT_WINDOW_DAYS),
    to: query.to,
    status: query.status,
    top: query.top,
    scan: query.status === 'open' ? MAX_DOCUMENTS_SCANNED : Math.min(query.top + 1, MAX_DOCUMENTS_SCANNED),
  };
}

/**
 * The first `top` rows, and whether more matched: more rows than `top`, or SAP's list was cut
 * (`truncated`), or the scan was full and may have left some out.
 */
export function firstRows<T>(rows: T[], window: PanelWindow, read: { scanned: number; truncated?: boolean }): { rows: T[]; page: { returned: number; hasMore: boolean } } {
  const shown = rows.slice(0, window.top);
  return { rows: shown, page: { returned: shown.length, hasMore: rows.length > window.top || read.truncated === true || read.scanned >= MAX_DOCUMENTS_SCANNED } };
}

/** A stable cache key part for the window. */
export const windowKey = (window: PanelWindow): string => `${window.from}|${window.to ?? ''}|${window.status}|${window.top}`;
