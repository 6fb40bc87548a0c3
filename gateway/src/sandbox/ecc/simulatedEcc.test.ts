import { describe, expect, it } from 'vitest';
import { createInProcessRfcClient } from '../../sap/transports/inProcess.js';
import { SapCommunicationError, SapInterfaceError, SapLogonError, SapResourceError, SapTimeoutError } from '../../sap/errors.js';
import { createTestEcc, SANDBOX_USER } from '../../sap/testing/transports.js';
import { Database } from './database.js';
import { seedDatabase } from './seed/index.js';

const clientFor = (ecc: ReturnType<typeof createTestEcc>['ecc'], timeoutMs = 5_000) =>
  createInProcessRfcClient(ecc, { ...SANDBOX_USER, timeoutMs });

describe('simulated ECC: the RFC interface check', () => {
  const { ecc } = createTestEcc();
  const client = clientFor(ecc);

  it('runs a function module and fills every export parameter', async () => {
    const result = await client.call('STFC_CONNECTION', { REQUTEXT: 'hello' });
    expect(result.ECHOTEXT).toBe('hello');
    expect(result.RESPTEXT).toContain('Sysid: ECS');
  });

  it('rejects a parameter the function module does not have, as node-rfc does', async () => {
    await expect(client.call('STFC_CONNECTION', { XXX: 'x' })).rejects.toThrow(SapInterfaceError);
    await expect(client.call('STFC_CONNECTION', { XXX: 'x' })).rejects.toThrow("field 'XXX' not found");
  });

  it('rejects a value that does not fit the field', async () => {
    await expect(client.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'XX' })).rejects.toThrow(/longer than 1 characters/);
    await expect(client.call('BAPI_TRANSACTION_COMMIT', { WAIT: 1 })).rejects.toThrow(SapInterfaceError);
  });

  it('reports an unknown function module', async () => {
    await expect(client.call('Z_DOES_NOT_EXIST', {})).rejects.toThrow(/does not exist in this SAP system/);
  });

  it('refuses a wrong password', async () => {
    const wrong = createInProcessRfcClient(ecc, { user: 'ECC365', password: 'nope', timeoutMs: 1_000 });
    await expect(wrong.ping()).rejects.toThrow(SapLogonError);
  });
});

describe('simulated ECC: realism knobs', () => {
  it('fails every call while SAP is down, and recovers', async () => {
    const { ecc } = createTestEcc();
    const client = clientFor(ecc);
    ecc.setKnobs({ down: true });
    await expect(client.ping()).rejects.toThrow(SapCommunicationError);
    ecc.setKnobs({ down: false });
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('queues calls beyond the work processes and rejects them when the queue is full', async () => {
    const { ecc } = createTestEcc({ knobs: { workProcesses: 2, queueLength: 1, latencyMs: 40 } });
    const client = clientFor(ecc);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => client.ping()));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(SapResourceError);
    expect(ecc.workProcesses.peakBusy).toBe(2);
  });

  it('cancels a call that exceeds the timeout', async () => {
    const { ecc } = createTestEcc({ knobs: { latencyMs: 300 } });
    const client = clientFor(ecc, 30);
    await expect(client.ping()).rejects.toThrow(SapTimeoutError);
  });

  it('injects failures at the configured rate', async () => {
    const { ecc } = createTestEcc({ knobs: { failureRate: 0.5 } });
    const client = clientFor(ecc);
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => client.ping()));
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });
});

describe('seed data', () => {
  it('is the same for the same seed and date, and different for another seed', () => {
    const a = new Database();
    const b = new Database();
    const c = new Database();
    seedDatabase(a, { seed: 7, customers: 40 }, '2026-11-27');
    seedDatabase(b, { seed: 7, customers: 40 }, '2026-11-27');
    seedDatabase(c, { seed: 8, customers: 40 }, '2026-11-27');
    expect(JSON.stringify(a.dump())).toBe(JSON.stringify(b.dump()));
    expect(JSON.stringify(a.dump())).not.toBe(JSON.stringify(c.dump()));
  });

  it('is internally consistent: partners, contacts and sales areas exist', () => {
    const db = new Database();
    const { customers } = seedDatabase(db, { customers: 80 }, '2026-11-27');
    expect(customers).toHaveLength(80);
    for (const partner of db.table('KNVP').all()) {
      if (partner.PARVW === 'AP') expect(db.table('KNVK').get({ PARNR: partner.PARNR! })).toBeDefined();
      else expect(db.table('KNA1').get({ KUNNR: partner.KUNN2! })).toBeDefined();
      expect(db.table('TVTA').get({ VKORG: partner.VKORG!, VTWEG: partner.VTWEG!, SPART: partner.SPART! })).toBeDefined();
    }
    for (const customer of customers) {
      expect(db.table('KNVV').select({ KUNNR: customer.customerNumber }).length).toBeGreaterThan(0);
      expect(db.table('KNKK').get({ KUNNR: customer.payer, KKBER: customer.salesOrg.creditControlArea })).toBeDefined();
    }
  });
});
