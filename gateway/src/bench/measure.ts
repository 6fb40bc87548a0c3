/** Small measuring helpers for the benchmarks: percentiles, timed loops, heap snapshots. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Runs `operation` from `concurrency` workers until `total` operations are done; returns
 * each operation's latency and the throughput.
 */
export async function runLoad(total: number, concurrency: number, operation: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; perSecond: number; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        try {
          await operation(i);
          latencies.push(performance.now() - t0);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return { latencies, perSecond: (total / (performance.now() - started)) * 1000, failures };
}

export const heapMb = (): number => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
