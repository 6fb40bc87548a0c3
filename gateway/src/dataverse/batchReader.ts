/**
 * The body of a $batch answer: multipart/mixed with one application/http part per answered
 * request, and for a change set that committed a nested multipart part holding its answers (with
 * the Content-IDs of the requests). A change set that failed is answered by one part, the failing
 * request's error. Accepts CRLF or LF line endings and quoted or bare boundaries.
 */

import { DataverseResponseError } from './errors.js';

export interface BatchPartAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  contentId: string | undefined;
}

export type BatchAnswerItem = { kind: 'answer'; answer: BatchPartAnswer } | { kind: 'changeSet'; answers: BatchPartAnswer[] };

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed/i.test(contentType)) return undefined;
  const match = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

interface MimePart {
  headers: Record<string, string>;
  content: string;
}

function malformed(reason: string): DataverseResponseError {
  return new DataverseResponseError(`Dataverse's $batch answer could not be read: ${reason}.`);
}

function readHeaders(lines: string[], from: number): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let i = from;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const colon = lines[i]!.indexOf(':');
    if (colon > 0) headers[lines[i]!.slice(0, colon).trim().toLowerCase()] = lines[i]!.slice(colon + 1).trim();
  }
  return { headers, next: i + 1 };
}

function mimeParts(text: string, boundary: string): MimePart[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const parts: string[][] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current);
      closed = true;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current);
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (!closed) throw malformed(`the closing boundary --${boundary}-- is missing`);
  return parts.map((partLines) => {
    let start = 0;
    while (start < partLines.length && partLines[start]!.trim() === '') start++;
    const { headers, next } = readHeaders(partLines, start);
    return { headers, content: partLines.slice(next).join('\n') };
  });
}

function httpAnswer(part: MimePart): BatchPartAnswer {
  const lines = part.content.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const statusLine = /^HTTP\/1\.[01]\s+(\d{3})\b/.exec(lines[i] ?? '');
  if (!statusLine) throw malformed(`'${(lines[i] ?? '').slice(0, 80)}' is not an HTTP status line`);
  const { headers, next } = readHeaders(lines, i + 1);
  return {
    status: Number(statusLine[1]),
    headers,
    body: lines.slice(next).join('\n').trim(),
    contentId: part.headers['content-id'] ?? headers['content-id'],
  };
}

export function readBatch(contentType: string | undefined, body: string): BatchAnswerItem[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw malformed(`its content type is '${contentType ?? ''}', not multipart/mixed with a boundary`);
  return mimeParts(body, boundary).map((part): BatchAnswerItem => {
    const changeSet = boundaryOf(part.headers['content-type']);
    if (changeSet) return { kind: 'changeSet', answers: mimeParts(part.content, changeSet).map(httpAnswer) };
    return { kind: 'answer', answer: httpAnswer(part) };
  });
}
