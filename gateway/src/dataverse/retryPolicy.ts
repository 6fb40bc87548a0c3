/**
 * Whether a failed attempt is tried again, and after how long: one table (RETRY_RULES) from what
 * happened to {retry as throttled | retry as transient | give up}.
 *
 * - Throttled (429, Dataverse's service protection codes 0x80072322/21/26, 503 with Retry-After):
 *   the server refused before doing anything, so any request may be repeated; wait at least the
 *   Retry-After it gave (plus a little jitter so that waiting requests do not return at once),
 *   else back off exponentially.
 * - Transient (503 without Retry-After, 502, 504, a broken connection, a timeout): exponential
 *   backoff with full jitter. 502 and 504 come from a proxy that may have passed the request on,
 *   and a broken connection or timeout after the request was sent leaves its outcome unknown: these
 *   are retried only for requests that are safe to repeat.
 *
 * Safe to repeat (idempotent): reads, update (PATCH with If-Match: *), upsert by key without
 * If-None-Match, delete, UpsertMultiple, and a $batch made only of those. Not safe: create (POST),
 * create-only upsert (If-None-Match: *), CreateMultiple, ImportSolution — repeating one after a
 * lost answer could create a second record, so the failure is reported as "outcome unknown" for the
 * caller to reconcile (look the record up) instead.
 */

import { SERVICE_PROTECTION_CODES } from './errors.js';

/** What went wrong with one attempt. */
export type AttemptFailure =
  | { kind: 'status'; status: number; dataverseCode: string | undefined; retryAfterMs: number | undefined }
  /** No answer: the connection failed. `sent` tells whether the whole request had left. */
  | { kind: 'network'; sent: boolean; code: string | undefined }
  | { kind: 'timeout'; sent: boolean }
  | { kind: 'cancelled' };

export type RetryDecision =
  | { retry: true; reason: 'throttled' | 'transient'; delayMs: number }
  | { retry: false; outcomeUnknown: boolean };

export interface RetryContext {
  idempotent: boolean;
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** A number in [0, 1); Math.random in production. */
  random: () => number;
}

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
/** Most extra wait added to a Retry-After, so that throttled requests do not all return in the same instant. */
export const RETRY_AFTER_JITTER_MS = 250;

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base · 2^(attempt-1))]. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After in milliseconds: seconds (Dataverse sends whole seconds) or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const throttledDelay = (failure: Extract<AttemptFailure, { kind: 'status' }>, context: RetryContext): number =>
  failure.retryAfterMs !== undefined ? failure.retryAfterMs + Math.floor(context.random() * RETRY_AFTER_JITTER_MS) : backoffDelay(context.attempt, context.random);

const GIVE_UP: RetryDecision = { retry: false, outcomeUnknown: false };
const UNKNOWN: RetryDecision = { retry: false, outcomeUnknown: true };
const transient = (context: RetryContext): RetryDecision => ({ retry: true, reason: 'transient', delayMs: backoffDelay(context.attempt, context.random) });

interface RetryRule {
  matches(failure: AttemptFailure): boolean;
  decide(failure: AttemptFailure, context: RetryContext): RetryDecision;
}

const isStatus = (failure: AttemptFailure): failure is Extract<AttemptFailure, { kind: 'status' }> => failure.kind === 'status';

export const RETRY_RULES: RetryRule[] = [
  // the caller cancelled
  { matches: (f) => f.kind === 'cancelled', decide: () => GIVE_UP },
  // 429 or a service protection code
  {
    matches: (f) => isStatus(f) && (f.status === 429 || (f.dataverseCode !== undefined && f.dataverseCode in SERVICE_PROTECTION_CODES)),
    decide: (f, c) => ({ retry: true, reason: 'throttled', delayMs: throttledDelay(f as Extract<AttemptFailure, { kind: 'status' }>, c) }),
  },
  // 503 Service Unavailable
  {
    matches: (f) => isStatus(f) && f.status === 503,
    decide: (f, c) => {
      const failure = f as Extract<AttemptFailure, { kind: 'status' }>;
      return failure.retryAfterMs !== undefined ? { retry: true, reason: 'throttled', delayMs: throttledDelay(failure, c) } : transient(c);
    },
  },
  // 502 or 504 from a proxy
  {
    matches: (f) => isStatus(f) && (f.status === 502 || f.status === 504),
    decide: (_, c) => (c.idempotent ? transient(c) : UNKNOWN),
  },
  // any other answer
  { matches: isStatus, decide: () => GIVE_UP },
  // connection failed before the request was sent
  {
    matches: (f) => (f.kind === 'network' || f.kind === 'timeout') && !f.sent,
    decide: (_, c) => transient(c),
  },
  // connection failed or timed out after the request was sent
  {
    matches: (f) => f.kind === 'network' || f.kind === 'timeout',
    decide: (_, c) => (c.idempotent ? transient(c) : UNKNOWN),
  },
];

export function decideRetry(failure: AttemptFailure, context: RetryContext): RetryDecision {
  const rule = RETRY_RULES.find((candidate) => candidate.matches(failure));
  return rule ? rule.decide(failure, context) : GIVE_UP;
}
