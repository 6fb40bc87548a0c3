/**
 * Sizes libuv's thread pool for node-rfc before the gateway starts. libuv reads
 * UV_THREADPOOL_SIZE once, when its pool is first used, and an ES module entry point is
 * already too late for that; so the command's CommonJS launcher (bin/ecc365.cjs) calls this
 * first, synchronously, and only then loads the gateway.
 */

import { loadConfig } from '../config/load.js';
import { ensureThreadPoolSize } from '../sap/transports/nodeRfcThreadPool.js';

/** Sets UV_THREADPOOL_SIZE for a node-rfc configuration; returns a warning to print, if any. */
export function prepareThreadPool(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  const configIndex = argv.findIndex((arg) => arg === '-c' || arg === '--config');
  const file = configIndex >= 0 ? argv[configIndex + 1] : argv.find((arg) => arg.startsWith('--config='))?.slice('--config='.length);
  let config;
  try {
    ({ config } = loadConfig({ env, ...(file !== undefined ? { file } : {}) }));
  } catch {
    return undefined; // The command reports configuration errors itself.
  }
  if (config.sap.transport !== 'node-rfc') return undefined;
  return ensureThreadPoolSize(env, config.sap.pool.high).warning;
}
