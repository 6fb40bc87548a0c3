import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { SapCommunicationError, SapNotFoundError } from '../sap/errors.js';
import { createApp } from './app.js';

const silent = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) });

describe('gateway app', () => {
  let base: string;
  let sapUp = true;
  const health = { shuttingDown: false };
  let close: () => void;

  beforeAll(async () => {
    const feature = express.Router();
    feature.get('/missing', () => {
      throw new SapNotFoundError('Customer 42 does not exist in SAP');
    });
    feature.get('/down', () => {
      throw new SapCommunicationError('SAP could not be reached');
    });
    feature.get('/bug', () => {
      throw new Error('secret internal detail');
    });
    feature.post('/echo', (request, response) => {
      response.json(request.body);
    });
    const app = createApp({
      logger: silent,
      bodyLimit: '1kb',
      health,
      readiness: [{ name: 'sap', target: 'test', check: async () => { if (!sapUp) throw new SapCommunicationError('SAP is down'); } }],
      mounts: [{ path: '/api/feature', router: feature }],
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('answers /healthz while the process runs', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness from its checks, and unready during shutdown', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    sapUp = false;
    const failing = await fetch(`${base}/readyz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ status: 'not-ready', checks: [{ name: 'sap', status: 'failing', code: 'SAP_COMMUNICATION' }] });
    sapUp = true;
    health.shuttingDown = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    health.shuttingDown = false;
  });

  it('echoes a plain correlation id and makes one up otherwise', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'X-Correlation-Id': 'crm-123' } });
    expect(given.headers.get('x-correlation-id')).toBe('crm-123');
    const made = await fetch(`${base}/healthz`);
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps typed errors to status codes with a stable code', async () => {
    const missing = await fetch(`${base}/api/feature/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'SAP_NOT_FOUND', message: 'Customer 42 does not exist in SAP' } });
    const down = await fetch(`${base}/api/feature/down`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toMatchObject({ error: { code: 'SAP_COMMUNICATION', action: 'retry' } });
  });

  it('hides unexpected errors behind a correlation id', async () => {
    const response = await fetch(`${base}/api/feature/bug`, { headers: { 'X-Correlation-Id': 'bug-1' } });
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('INTERNAL_ERROR');
    expect(body).toContain('bug-1');
    expect(body).not.toContain('secret internal detail');
  });

  it('limits and checks request bodies, and answers unknown routes with JSON', async () => {
    const big = await fetch(`${base}/api/feature/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(2000) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'REQUEST_TOO_LARGE' } });
    const bad = await fetch(`${base}/api/feature/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${base}/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
