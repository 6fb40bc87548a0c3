import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, decideRetry, parseRetryAfter, RETRY_AFTER_JITTER_MS, type AttemptFailure } from './retryPolicy.js';

const status = (code: number, dataverseCode?: string, retryAfterMs?: number): AttemptFailure => ({ kind: 'status', status: code, dataverseCode, retryAfterMs });
const decide = (failure: AttemptFailure, idempotent: boolean, random = 0.5, attempt = 1) => decideRetry(failure, { idempotent, attempt, random: () => random });

describe('retry decisions', () => {
  it.each([
    ['429 with Retry-After', status(429, '0x80072322', 5000)],
    ['a service protection code under another status', status(400, '0x80072326', 5000)],
    ['503 with Retry-After', status(503, undefined, 5000)],
  ])('%s: throttled, for writes too, waiting at least Retry-After', (_, failure) => {
    for (const idempotent of [true, false]) {
      for (const random of [0, 0.999]) {
        const decision = decide(failure, idempotent, random);
        expect(decision).toMatchObject({ retry: true, reason: 'throttled' });
        const delay = (decision as { delayMs: number }).delayMs;
        expect(delay).toBeGreaterThanOrEqual(5000);
        expect(delay).toBeLessThan(5000 + RETRY_AFTER_JITTER_MS);
      }
    }
  });

  it('a 429 without Retry-After backs off exponentially instead', () => {
    expect(decide(status(429), false, 0.999, 3)).toEqual({ retry: true, reason: 'throttled', delayMs: Math.floor(0.999 * BACKOFF_BASE_MS * 4) });
  });

  it('503 without Retry-After is transient, for any request (the server did not take it)', () => {
    expect(decide(status(503), false)).toMatchObject({ retry: true, reason: 'transient' });
  });

  it('502 and 504 are retried only for requests safe to repeat: a proxy may have passed the request on', () => {
    for (const code of [502, 504]) {
      expect(decide(status(code), true)).toMatchObject({ retry: true, reason: 'transient' });
      expect(decide(status(code), false)).toEqual({ retry: false, outcomeUnknown: true });
    }
  });

  it.each([400, 401, 403, 404, 405, 412, 413, 500, 501])('%i is final', (code) => {
    expect(decide(status(code, '0x80040217'), true)).toEqual({ retry: false, outcomeUnknown: false });
  });

  it('a connection that failed before the request left is retried, whatever the request', () => {
    expect(decide({ kind: 'network', sent: false, code: 'ECONNREFUSED' }, false)).toMatchObject({ retry: true, reason: 'transient' });
    expect(decide({ kind: 'timeout', sent: false }, false)).toMatchObject({ retry: true, reason: 'transient' });
  });

  it('a lost answer after the request left is retried only when repeating is safe, else the outcome is unknown', () => {
    for (const failure of [{ kind: 'network', sent: true, code: 'ECONNRESET' }, { kind: 'timeout', sent: true }] as AttemptFailure[]) {
      expect(decide(failure, true)).toMatchObject({ retry: true, reason: 'transient' });
      expect(decide(failure, false)).toEqual({ retry: false, outcomeUnknown: true });
    }
  });

  it('never retries what the caller cancelled', () => {
    expect(decide({ kind: 'cancelled' }, true)).toEqual({ retry: false, outcomeUnknown: false });
  });
});

describe('backoff', () => {
  it('draws a wait in [0, base·2^(attempt-1)], capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(0);
    expect(backoffDelay(1, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS));
    expect(backoffDelay(2, () => 0.5)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(4, () => 0.5)).toBe(BACKOFF_BASE_MS * 4);
    expect(backoffDelay(30, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_CAP_MS));
  });
});

describe('Retry-After', () => {
  it('reads seconds, fractions and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
