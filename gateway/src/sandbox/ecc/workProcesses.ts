/**
 * The dispatcher of an SAP application server: a fixed number of work processes and a bounded
 * queue. A call takes a work process for its whole duration; with none free it waits in the
 * queue, and with the queue full or the wait too long it fails, as an overloaded ECC does.
 */

import { communicationFailure } from './rfcErrors.js';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class WorkProcessPool {
  private busy = 0;
  private readonly queue: Waiter[] = [];
  /** The most work processes ever busy at once (for tests and benchmarks). */
  peakBusy = 0;

  constructor(private readonly settings: () => { workProcesses: number; queueLength: number; queueTimeoutMs: number }) {}

  get inUse(): number {
    return this.busy;
  }

  async acquire(): Promise<void> {
    const { workProcesses, queueLength, queueTimeoutMs } = this.settings();
    if (this.busy < workProcesses) {
      this.take();
      return;
    }
    if (this.queue.length >= queueLength) {
      throw communicationFailure('No free work process: the dispatcher queue is full (RESOURCE_FAILURE)', 'RESOURCE_FAILURE');
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(communicationFailure(`No free work process within ${queueTimeoutMs} ms (RESOURCE_FAILURE)`, 'RESOURCE_FAILURE'));
        }, queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  private take(): void {
    this.busy += 1;
    this.peakBusy = Math.max(this.peakBusy, this.busy);
  }

  release(): void {
    this.busy -= 1;
    const next = this.queue.shift();
    if (next) {
      clearTimeout(next.timer);
      this.take();
      next.resolve();
    }
  }
}
