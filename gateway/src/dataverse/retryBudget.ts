/**
 * A retry budget: over a sliding window, retries of transient failures may add at most a share of
 * the requests made (plus a small allowance, so a quiet gateway can still retry). When Dataverse
 * or the network is failing broadly, most requests fail fast instead of each being retried several
 * times, which would multiply the load on a service that is already struggling. Throttled retries
 * do not draw on it: they wait as long as Dataverse asks and the concurrency limit shrinks instead.
 */

export interface RetryBudgetOptions {
  /** Retries allowed per request made in the window. Default 0.2. */
  ratio?: number;
  /** Retries always allowed in the window, whatever the traffic. Default 10. */
  minimumRetries?: number;
  /** Length of the window. Default 10 s. */
  windowMs?: number;
  now?: () => number;
}

const SLOT_MS = 1000;

export class RetryBudget {
  private readonly ratio: number;
  private readonly minimumRetries: number;
  private readonly slots: number;
  private readonly now: () => number;
  /** Per one-second slot: requests made and retries spent. */
  private readonly counts = new Map<number, { requests: number; retries: number }>();

  constructor(options: RetryBudgetOptions = {}) {
    this.ratio = options.ratio ?? 0.2;
    this.minimumRetries = options.minimumRetries ?? 10;
    this.slots = Math.max(1, Math.round((options.windowMs ?? 10_000) / SLOT_MS));
    this.now = options.now ?? Date.now;
  }

  private slot(): { requests: number; retries: number } {
    const current = Math.floor(this.now() / SLOT_MS);
    for (const key of this.counts.keys()) if (key <= current - this.slots) this.counts.delete(key);
    let entry = this.counts.get(current);
    if (!entry) {
      entry = { requests: 0, retries: 0 };
      this.counts.set(current, entry);
    }
    return entry;
  }

  /** Counts a first attempt. */
  recordRequest(): void {
    this.slot().requests += 1;
  }

  /** Spends one retry if the budget allows it. */
  tryRetry(): boolean {
    const current = this.slot();
    let requests = 0;
    let retries = 0;
    for (const entry of this.counts.values()) {
      requests += entry.requests;
      retries += entry.retries;
    }
    if (retries >= this.minimumRetries + this.ratio * requests) return false;
    current.retries += 1;
    return true;
  }
}
