import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../sap/operations/createCustomer.js';
import { getCustomer } from '../sap/operations/getCustomer.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import { createSandbox, SANDBOX_SAP_USER } from './sandbox.js';

const options = { customers: 15, seed: 11, today: '2026-11-27' };

describe('sandbox state file', () => {
  it('keeps data created through the BAPIs across a restart', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'ecc365-state-')), 'sandbox.json');
    const first = await createSandbox({ ...options, stateFile });
    expect(existsSync(stateFile)).toBe(true);
    const client = createInProcessRfcClient(first.ecc, { ...SANDBOX_SAP_USER, timeoutMs: 5_000 });
    const reference = first.seeded!.customers[0]!;
    const [salesOrganization, distributionChannel, division] = reference.salesAreas[0]!;
    const created = await createCustomer(client, {
      name: 'Restart Pumps GmbH', street: 'Hafenweg 2', postalCode: '20095', city: 'Hamburg', country: 'DE', language: 'DE', currency: 'EUR',
      reference: { customerNumber: reference.customerNumber, salesOrganization, distributionChannel, division },
    });
    await first.close();

    const second = await createSandbox({ ...options, stateFile });
    expect(second.seeded, 'restored from the file, not seeded again').toBeUndefined();
    const restored = await getCustomer(createInProcessRfcClient(second.ecc, { ...SANDBOX_SAP_USER, timeoutMs: 5_000 }), created.customerNumber);
    expect(restored.name).toBe('Restart Pumps GmbH');
    await second.close();
  });

  it('refuses a file that is not a state file, saying how to start over', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'ecc365-state-')), 'sandbox.json');
    writeFileSync(stateFile, JSON.stringify({ version: 99 }));
    await expect(createSandbox({ ...options, stateFile })).rejects.toThrow(/delete it to start from the seed data/);
  });
});

describe('sandbox knobs endpoints', () => {
  it('read and change the simulators\' knobs, and reject unknown ones', async () => {
    const sandbox = await createSandbox(options);
    const app = express().use('/sandbox', sandbox.router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox/ecc/knobs`;
    try {
      expect(await (await fetch(url)).json()).toMatchObject({ latencyMs: 0, down: false });
      await fetch(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workProcesses: 3 }) });
      const changed = await fetch(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 25, down: true }) });
      expect(await changed.json(), 'a PATCH changes only the knobs it sends').toMatchObject({ latencyMs: 25, down: true, workProcesses: 3 });
      expect(sandbox.ecc.knobs.down).toBe(true);
      const dataverseKnobs = await fetch(url.replace('/ecc/knobs', '/dataverse/knobs'));
      expect(await dataverseKnobs.json()).toMatchObject({ serviceProtection: true, requestsPerWindow: 6000, concurrentRequests: 52 });
      const rejected = await fetch(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latency: 5 }) });
      expect(rejected.status).toBe(400);
      expect(await rejected.json()).toMatchObject({ error: { code: 'SANDBOX_KNOBS_INVALID' } });
    } finally {
      server.close();
      await sandbox.close();
    }
  });
});
