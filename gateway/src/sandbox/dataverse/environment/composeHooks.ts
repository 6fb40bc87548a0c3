/**
 * Several hooks as one: beforeRequest runs them in order (an earlier one, such as service
 * protection, can refuse the request before a later one, such as latency, delays it) and calls
 * their finish functions in reverse order; should one refuse, those already admitted are finished.
 * afterCommit runs them in order.
 */

import type { CommittedWrite, DataverseHooks, IncomingRequest, RequestFinished } from '../hooks.js';

export function composeHooks(...hooks: DataverseHooks[]): DataverseHooks {
  const finishAll = (finishers: RequestFinished[]) => {
    for (const finish of [...finishers].reverse()) finish();
  };
  return {
    beforeRequest: async (request: IncomingRequest) => {
      const finishers: RequestFinished[] = [];
      try {
        for (const hook of hooks) {
          const finish = await hook.beforeRequest?.(request);
          if (typeof finish === 'function') finishers.push(finish);
        }
      } catch (error) {
        finishAll(finishers);
        throw error;
      }
      return () => finishAll(finishers);
    },
    afterCommit: async (write: CommittedWrite) => {
      for (const hook of hooks) await hook.afterCommit?.(write);
    },
  };
}
