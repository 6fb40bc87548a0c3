/**
 * Continuation tokens, written as Dataverse writes them and opaque to clients: the $skiptoken of
 * an @odata.nextLink, <cookie pagenumber="2" pagingcookie="…" istracking="False" />, whose paging
 * cookie holds the sort values of the page's last row (the page after it resumes there); and
 * the $deltatoken of an @odata.deltaLink, <version>!<MM/dd/yyyy HH:mm:ss>, the change log
 * position of the answer.
 */

import type { Comparable } from './odata/filter.js';
import type { QueryPlan, SortValues } from './query.js';

export interface PageCursor {
  pageNumber: number;
  /** Sort values of the last row of the previous page. */
  after: SortValues;
  /** For change tracking's first answer: the change log position its delta link will carry. */
  trackingVersion: number | undefined;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

function sortColumns(plan: QueryPlan): { name: string; numeric: boolean }[] {
  return [
    ...plan.orderBy.map((key) => ({ name: key.attribute.logicalName, numeric: !['String', 'Memo', 'EntityName', 'MultiSelectPicklist', 'Uniqueidentifier', 'Lookup', 'Customer', 'Owner'].includes(key.attribute.type) })),
    { name: plan.model.primaryId, numeric: false },
  ];
}

export function writeSkipToken(plan: QueryPlan, cursor: PageCursor, firstOfPage: SortValues): string {
  const columns = sortColumns(plan);
  const elements = columns.map((column, i) => {
    const last = cursor.after[i];
    const first = firstOfPage[i];
    const attribute = (name: string, value: Comparable | undefined) => (value === null || value === undefined ? '' : ` ${name}="${escapeXml(String(value))}"`);
    return `<${column.name}${attribute('last', last)}${attribute('first', first)} />`;
  });
  const tracking = cursor.trackingVersion === undefined ? '' : ` trackingversion="${cursor.trackingVersion}"`;
  const inner = `<cookie page="${cursor.pageNumber - 1}"${tracking}>${elements.join('')}</cookie>`;
  const pagingCookie = encodeURIComponent(encodeURIComponent(inner));
  return `<cookie pagenumber="${cursor.pageNumber}" pagingcookie="${pagingCookie}" istracking="${cursor.trackingVersion === undefined ? 'False' : 'True'}" />`;
}

/** The cursor in a $skiptoken, or undefined when it is not one this service wrote for this query. */
export function readSkipToken(plan: QueryPlan, token: string): PageCursor | undefined {
  const pageNumber = /pagenumber="(\d+)"/.exec(token);
  const cookie = /pagingcookie="([^"]*)"/.exec(token);
  if (!pageNumber || !cookie) return undefined;
  let inner: string;
  try {
    inner = decodeURIComponent(decodeURIComponent(cookie[1]!));
  } catch {
    return undefined;
  }
  const after: SortValues = [];
  for (const column of sortColumns(plan)) {
    const element = new RegExp(`<${column.name}((?: \\w+="[^"]*")*) />`).exec(inner);
    if (!element) return undefined;
    const last = / last="([^"]*)"/.exec(element[1]!);
    after.push(last ? (column.numeric ? Number(unescapeXml(last[1]!)) : unescapeXml(last[1]!)) : null);
  }
  const tracking = /trackingversion="(\d+)"/.exec(inner);
  return { pageNumber: Number(pageNumber[1]), after, trackingVersion: tracking ? Number(tracking[1]) : undefined };
}

export function writeDeltaToken(version: number, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  return `${version}!${stamp}`;
}

export function readDeltaToken(token: string): number | undefined {
  const match = /^(\d+)!/.exec(token);
  return match ? Number(match[1]) : undefined;
}
