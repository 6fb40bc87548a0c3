/**
 * Sizing libuv's thread pool for node-rfc. node-rfc runs every RFC call on a libuv pool thread
 * and holds it until SAP answers; Node's file system, dns.lookup, zlib and crypto share those
 * threads (4 unless UV_THREADPOOL_SIZE says otherwise). With the node-rfc pool's `high` at or
 * above that number, RFC calls queue behind each other and everything else waits behind them.
 *
 * libuv reads UV_THREADPOOL_SIZE once, when the thread pool is first used. In an ES module entry
 * point that is already too late (Node's ESM loader reads files on the pool; checked on Node
 * 20.20): the variable must be set by the service definition, or by a CommonJS entry point
 * before it imports the gateway. This file has no imports so that such an entry point can
 * require() it (Node >= 20.19 loads ES modules with require).
 */

/** Node's own use of the thread pool (libuv's default size), kept free of RFC calls. */
const THREADS_FOR_NODE = 4;
/** libuv's upper limit. */
const MAX_THREADS = 1024;

/** The thread pool size a node-rfc pool of `poolHigh` connections needs: one thread per connection in use, plus Node's four. */
export function threadPoolSizeFor(poolHigh: number): number {
  return Math.min(MAX_THREADS, Math.max(0, Math.floor(poolHigh)) + THREADS_FOR_NODE);
}

export interface ThreadPoolSizing {
  /** The thread pool size the process will have. */
  size: number;
  /** True when the environment already fixed the size; it is then left as the administrator set it. */
  fixedByEnvironment: boolean;
  /** Set when the size leaves RFC calls, or Node's own work, waiting for threads. */
  warning?: string;
}

/**
 * Sets UV_THREADPOOL_SIZE in `env` for a node-rfc pool of `poolHigh` connections, unless the
 * environment already fixed it; then it is kept, with a warning when it is too small (no more
 * threads than connections). Call it before anything uses the thread pool (see above).
 */
export function ensureThreadPoolSize(env: NodeJS.ProcessEnv, poolHigh: number): ThreadPoolSizing {
  const needed = threadPoolSizeFor(poolHigh);
  const fixed = env.UV_THREADPOOL_SIZE?.trim();
  if (!fixed) {
    env.UV_THREADPOOL_SIZE = String(needed);
    return { size: needed, fixedByEnvironment: false };
  }
  // libuv's own reading: atoi, 0 becomes 1, capped at 1024.
  const size = Math.min(MAX_THREADS, Math.max(1, Number.parseInt(fixed, 10) || 0));
  if (size > poolHigh) return { size, fixedByEnvironment: true };
  return {
    size,
    fixedByEnvironment: true,
    warning:
      `UV_THREADPOOL_SIZE=${fixed} gives ${size} thread${size === 1 ? '' : 's'}, but the node-rfc pool may run ${poolHigh} calls at once, each holding a thread until SAP answers: ` +
      `RFC calls will queue and file, DNS and crypto work will wait behind them. Set UV_THREADPOOL_SIZE to ${needed} or lower the pool's high to ${Math.max(1, size - 1)}.`,
  };
}
