/**
 * Health endpoints for load balancers and service managers: /healthz says the process is up;
 * /readyz says whether the systems the gateway needs answer (each check bounded in time), and
 * turns unready as soon as shutdown begins so no new work is routed here.
 */

import { Router } from 'express';

export interface ReadinessCheck {
  /** What is checked, e.g. "sap". */
  name: string;
  /** What it is, for the operator ("soap-rfc https://ecc:44300 client 100"). */
  target: string;
  check: (signal: AbortSignal) => Promise<void>;
}

export interface HealthState {
  shuttingDown: boolean;
}

const CHECK_TIMEOUT_MS = 5_000;

export function healthRouter(checks: ReadinessCheck[], state: HealthState): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    if (state.shuttingDown) {
      response.status(503).json({ status: 'shutting-down', checks: [] });
      return;
    }
    const results = await Promise.all(
      checks.map(async ({ name, target, check }) => {
        const started = Date.now();
        try {
          await check(AbortSignal.timeout(CHECK_TIMEOUT_MS));
          return { name, target, status: 'ok' as const, durationMs: Date.now() - started };
        } catch (error) {
          const code = typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : 'UNREACHABLE';
          return { name, target, status: 'failing' as const, durationMs: Date.now() - started, code, message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const ready = results.every((r) => r.status === 'ok');
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
  });
  return router;
}
