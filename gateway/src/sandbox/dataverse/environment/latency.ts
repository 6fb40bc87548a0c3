/** The latency knob: each admitted Web API request waits latencyMs plus up to latencyJitterMs before it runs. */

import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../../random.js';
import type { DataverseHooks } from '../hooks.js';

export function latencyHooks(
  knobs: () => { latencyMs: number; latencyJitterMs: number },
  random: Random,
  wait: (ms: number) => Promise<unknown> = sleep,
): DataverseHooks {
  return {
    beforeRequest: async () => {
      const { latencyMs, latencyJitterMs } = knobs();
      const delay = latencyMs + (latencyJitterMs > 0 ? random.int(0, latencyJitterMs) : 0);
      if (delay > 0) await wait(delay);
    },
  };
}
