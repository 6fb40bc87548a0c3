/**
 * A panel's SAP reads run under one deadline: every RFC call gets the deadline's signal (so the
 * transport cancels calls still running when it passes), and the panel fails with SAP_TIMEOUT
 * then, whatever its calls do. Nothing here blocks: a slow SAP holds only the promises of the
 * panel waiting for it, never the event loop or another panel.
 */

import { SapTimeoutError } from '../sap/errors.js';
import type { RfcSession } from '../sap/rfc.js';

/** Stateless calls over `sap` (each borrows its own connection, so they may run in parallel), cancelled by `signal`. */
export function sessionWithin(sap: RfcSession, signal: AbortSignal): RfcSession {
  return {
    call: (functionModule, parameters, options) => sap.call(functionModule, parameters, { ...options, signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal }),
  };
}

/** Runs `work` and fails it with SapTimeoutError after `timeoutMs`, aborting the signal `work` was given. */
export async function withinDeadline<T>(timeoutMs: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new SapTimeoutError(`SAP did not answer ${what} within ${timeoutMs / 1000} s; try again in a moment`, { details: { timeoutMs } }));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
