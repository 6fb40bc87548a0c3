import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConcurrencyLimiter } from './concurrencyLimiter.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` acquisitions and reports how many have been granted so far. */
function contend(limiter: ConcurrencyLimiter, count: number, signal?: AbortSignal) {
  let granted = 0;
  const settled = Array.from({ length: count }, () =>
    limiter.acquire(signal).then(
      () => {
        granted += 1;
      },
      () => undefined,
    ),
  );
  return { granted: () => granted, settled };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('adaptive concurrency limit (AIMD)', () => {
  it('starts low, never grants more than the limit, and hands a released slot to the next waiter', async () => {
    const limiter = new ConcurrencyLimiter({ max: 10, initial: 3 });
    const waiting = contend(limiter, 5);
    await flush();
    expect(waiting.granted()).toBe(3);
    expect(limiter.snapshot()).toMatchObject({ limit: 3, inFlight: 3, waiting: 2 });
    limiter.release();
    await flush();
    expect(waiting.granted()).toBe(4);
    expect(limiter.snapshot()).toMatchObject({ inFlight: 3, waiting: 1 });
  });

  it('grows by one for every `limit` successes, up to the maximum', () => {
    const limiter = new ConcurrencyLimiter({ max: 5, initial: 2 });
    limiter.onSuccess();
    expect(limiter.limit).toBe(2);
    limiter.onSuccess();
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 3; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(5);
  });

  it('halves on throttling, once per episode, and pauses every new request for Retry-After', async () => {
    const limiter = new ConcurrencyLimiter({ max: 16, initial: 16 });
    limiter.onThrottled(2000);
    expect(limiter.limit).toBe(8);
    limiter.onThrottled(2000);
    limiter.onThrottled(1000);
    expect(limiter.limit).toBe(8);
    expect(limiter.snapshot().pausedUntil).toBe(Date.now() + 2000);

    const waiting = contend(limiter, 2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(waiting.granted()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.granted()).toBe(2);

    limiter.onThrottled(500);
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(600);
      limiter.onThrottled(500);
    }
    expect(limiter.limit).toBe(1);
  });

  it('keeps below x-ms-dop-hint when Dataverse sends one, and never above the configured maximum', () => {
    const limiter = new ConcurrencyLimiter({ max: 8, initial: 8 });
    limiter.onParallelismHint(3);
    expect(limiter.snapshot()).toMatchObject({ limit: 3, ceiling: 3 });
    for (let i = 0; i < 50; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(3);
    limiter.onParallelismHint(52);
    for (let i = 0; i < 200; i++) limiter.onSuccess();
    expect(limiter.snapshot()).toMatchObject({ limit: 8, ceiling: 8 });
    limiter.onParallelismHint(Number.NaN);
    expect(limiter.snapshot().ceiling).toBe(8);
  });

  it('lets a waiter give up when its signal aborts, without taking a slot', async () => {
    const limiter = new ConcurrencyLimiter({ max: 1, initial: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const abandoned = limiter.acquire(controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(abandoned).rejects.toThrow('caller gave up');
    expect(limiter.snapshot()).toMatchObject({ inFlight: 1, waiting: 0 });
    limiter.release();
    await expect(limiter.acquire()).resolves.toBeUndefined();
  });
});
