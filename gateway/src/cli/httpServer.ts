/**
 * Listening and graceful shutdown for the gateway and the standalone sandbox: on SIGTERM or
 * SIGINT the server stops accepting connections, requests in flight finish (up to a timeout,
 * then connections are cut), and the owner's resources are released before the process exits.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export async function listen(app: Express, host: string, port: number, keepAliveTimeoutMs?: number): Promise<{ server: Server; origin: string }> {
  const server = app.listen(port, host);
  if (keepAliveTimeoutMs !== undefined) {
    server.keepAliveTimeout = keepAliveTimeoutMs;
  }
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, origin: `http://${shownHost}:${address.port}` };
}

/** Stops taking connections, waits for requests in flight up to `timeoutMs`, then cuts the rest. */
export async function closeServer(server: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections turn idle when their request ends; close them as they do.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  force.unref();
  await closed;
  clearInterval(sweep);
  clearTimeout(force);
}

/** Runs `shutdown` once on the first SIGTERM or SIGINT, then exits. */
export function onTerminationSignal(shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    shutdown(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
