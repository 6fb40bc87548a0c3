/**
 * $batch bodies (OData multipart/mixed) as Dataverse reads and writes them. Reading accepts what
 * real clients send: CRLF or LF line endings, a body that starts with blank lines, boundaries
 * with or without quotes (`multipart/mixed;boundary=x`), absolute, /api/data/…-relative and
 * service-root-relative request URLs, $<Content-ID> references, Content-ID in the MIME part
 * headers or the HTTP headers. Writing follows Dataverse's responses: batchresponse_ and
 * changesetresponse_ boundaries, CRLF, one application/http part per response.
 */

import { randomUUID } from 'node:crypto';
import { faults } from './faults.js';

export interface BatchRequest {
  method: string;
  /** As written in the request line: absolute, relative, or $<Content-ID>[/…]. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  contentId: string | undefined;
}

export type BatchItem = { kind: 'request'; request: BatchRequest } | { kind: 'changeSet'; requests: BatchRequest[] };

export interface BatchResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  contentId?: string;
}

export type BatchResponseItem = { kind: 'response'; response: BatchResponse } | { kind: 'changeSet'; responses: BatchResponse[] };

/** Dataverse accepts at most this many requests in one batch. */
export const MAX_BATCH_REQUESTS = 1000;

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed/i.test(contentType)) return undefined;
  const match = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

interface MimePart {
  headers: Record<string, string>;
  content: string;
}

/** The parts between `--boundary` lines, up to `--boundary--`. */
function mimeParts(text: string, boundary: string): MimePart[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const parts: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current);
      current = undefined;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current);
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (current) throw faults.invalidArgument(`The batch body does not end with the closing boundary '--${boundary}--'.`);
  return parts.map(splitHeaders);
}

function splitHeaders(lines: string[]): MimePart {
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const colon = lines[i]!.indexOf(':');
    if (colon > 0) headers[lines[i]!.slice(0, colon).trim().toLowerCase()] = lines[i]!.slice(colon + 1).trim();
  }
  return { headers, content: lines.slice(i + 1).join('\n') };
}

function httpRequest(part: MimePart): BatchRequest {
  const type = part.headers['content-type'] ?? '';
  if (!/^application\/http/i.test(type)) throw faults.invalidArgument(`A batch part must have Content-Type application/http, not '${type}'.`);
  const lines = part.content.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const requestLine = /^([A-Z]+)\s+(\S+)(\s+HTTP\/1\.[01])?\s*$/.exec(lines[i] ?? '');
  if (!requestLine) throw faults.invalidArgument(`'${lines[i] ?? ''}' is not an HTTP request line.`);
  const { headers, content } = splitHeaders(lines.slice(i + 1));
  return {
    method: requestLine[1]!,
    url: requestLine[2]!,
    headers,
    body: content.trim(),
    contentId: part.headers['content-id'] ?? headers['content-id'],
  };
}

export function parseBatch(body: string, contentType: string | undefined): BatchItem[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw faults.invalidArgument('A $batch request needs Content-Type multipart/mixed with a boundary.');
  const items: BatchItem[] = mimeParts(body, boundary).map((part) => {
    const changeSetBoundary = boundaryOf(part.headers['content-type']);
    if (!changeSetBoundary) return { kind: 'request', request: httpRequest(part) };
    const requests = mimeParts(part.content, changeSetBoundary).map((inner) => {
      if (boundaryOf(inner.headers['content-type'])) throw faults.invalidArgument('Change sets cannot be nested.');
      return httpRequest(inner);
    });
    return { kind: 'changeSet', requests };
  });
  const count = items.reduce((n, item) => n + (item.kind === 'request' ? 1 : item.requests.length), 0);
  if (count > MAX_BATCH_REQUESTS) throw faults.invalidArgument(`The number of requests in the batch, ${count}, exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  return items;
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed', 429: 'Too Many Requests', 500: 'Internal Server Error',
  501: 'Not Implemented', 503: 'Service Unavailable',
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? 'Unknown';

function renderResponse(response: BatchResponse): string[] {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (response.contentId !== undefined) lines.push(`Content-ID: ${response.contentId}`);
  lines.push('', `HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`);
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  lines.push('', response.body ?? '');
  return lines;
}

export function renderBatch(items: BatchResponseItem[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const lines: string[] = [];
  for (const item of items) {
    lines.push(`--${boundary}`);
    if (item.kind === 'response') {
      lines.push(...renderResponse(item.response));
      continue;
    }
    const changeSet = `changesetresponse_${randomUUID()}`;
    lines.push(`Content-Type: multipart/mixed; boundary=${changeSet}`, '');
    for (const response of item.responses) lines.push(`--${changeSet}`, ...renderResponse(response));
    lines.push(`--${changeSet}--`);
  }
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: lines.join('\r\n') };
}
