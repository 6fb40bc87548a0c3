/**
 * How many requests the gateway has in flight to Dataverse, adapted to what the server says (AIMD,
 * as TCP congestion control does): the limit starts low, grows by one for every `limit` requests
 * that succeed (additive increase), and halves when Dataverse throttles (multiplicative
 * decrease), never above the configured maximum nor above Dataverse's recommended degree of
 * parallelism (x-ms-dop-hint) when it sends one. A throttled answer also pauses every new request
 * until its Retry-After has passed, since Dataverse's limits apply to the user, not the request;
 * answers to requests already in flight during that pause belong to the same episode and do not
 * halve the limit again.
 */

export interface ConcurrencyLimiterOptions {
  /** Never more requests in flight than this. */
  max: number;
  /** Starting limit; default min(max, 4), Microsoft's advice being to start low and grow. */
  initial?: number;
  now?: () => number;
}

export interface ConcurrencySnapshot {
  /** Requests allowed in flight now. */
  limit: number;
  inFlight: number;
  waiting: number;
  /** The configured maximum, lowered to x-ms-dop-hint when Dataverse sent one. */
  ceiling: number;
  /** Epoch ms until which new requests wait after a throttled answer; 0 when not paused. */
  pausedUntil: number;
}

interface Waiter {
  grant: () => void;
  onAbort: () => void;
}

export class ConcurrencyLimiter {
  private readonly max: number;
  private ceiling: number;
  /** Fractional: grows by 1/limit per success, so by one per `limit` successes. */
  private window: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(options: ConcurrencyLimiterOptions) {
    if (!Number.isInteger(options.max) || options.max < 1) throw new RangeError(`The Dataverse concurrency maximum must be a whole number ≥ 1, not ${options.max}.`);
    this.max = options.max;
    this.ceiling = options.max;
    this.window = Math.min(options.max, Math.max(1, options.initial ?? 4));
    this.now = options.now ?? Date.now;
  }

  get limit(): number {
    return Math.max(1, Math.floor(this.window));
  }

  snapshot(): ConcurrencySnapshot {
    return {
      limit: this.limit,
      inFlight: this.inFlight,
      waiting: this.queue.length,
      ceiling: this.ceiling,
      pausedUntil: this.pausedUntil > this.now() ? this.pausedUntil : 0,
    };
  }

  /** Waits for a slot; rejects with the signal's reason if it aborts first. Pair with release(). */
  acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          this.inFlight += 1;
          resolve();
        },
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          const reason: unknown = signal!.reason;
          reject(reason instanceof Error ? reason : new Error(String(reason)));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  /** A request succeeded: grow by one per `limit` successes, up to the ceiling. */
  onSuccess(): void {
    this.window = Math.min(this.ceiling, this.window + 1 / this.limit);
    this.pump();
  }

  /** Dataverse throttled: halve the limit (once per episode) and hold new requests for `retryAfterMs`. */
  onThrottled(retryAfterMs: number | undefined): void {
    const now = this.now();
    if (now >= this.pausedUntil) this.window = Math.max(1, this.window / 2);
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.pump();
  }

  /** Dataverse's recommended degree of parallelism (x-ms-dop-hint): a ceiling below the configured maximum. */
  onParallelismHint(hint: number): void {
    if (!Number.isInteger(hint) || hint < 1) return;
    this.ceiling = Math.min(this.max, hint);
    this.window = Math.min(this.window, this.ceiling);
  }

  private pump(): void {
    const now = this.now();
    if (now < this.pausedUntil) {
      if (this.queue.length > 0 && this.wakeTimer === undefined) {
        this.wakeTimer = setTimeout(() => {
          this.wakeTimer = undefined;
          this.pump();
        }, this.pausedUntil - now);
      }
      return;
    }
    while (this.queue.length > 0 && this.inFlight < this.limit) this.queue.shift()!.grant();
  }
}
