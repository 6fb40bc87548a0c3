import { describe, expect, it } from 'vitest';
import { FUNCTION_MODULES } from '../../sandbox/ecc/functions/index.js';
import { SimulatedEcc } from '../../sandbox/ecc/simulatedEcc.js';
import type { NodeRfcPoolConfiguration } from '../transports/nodeRfc.js';
import { NodeRfcDouble } from './nodeRfcDouble.js';
import { FIXED_TODAY, SANDBOX_USER } from './transports.js';

// The double is held to node-rfc 3.3.1 as its source and its own tests (test/errors, test/cancel) show it.

const connectionParameters = { ashost: 'ecc.sandbox.invalid', sysnr: '00', client: '100', user: SANDBOX_USER.user, passwd: SANDBOX_USER.password };

function poolOf(poolOptions?: { low: number; high: number }, ecc = new SimulatedEcc(FUNCTION_MODULES, { today: FIXED_TODAY })) {
  const double = new NodeRfcDouble(ecc);
  const pool = new double.Pool({ connectionParameters, clientOptions: { stateless: false }, ...(poolOptions ? { poolOptions } : {}) });
  return { double, pool, ecc };
}

describe('node-rfc double: the pool, as node-rfc 3.3.1 has it', () => {
  it('checks the pool and client options the way the addon does', () => {
    const double = new NodeRfcDouble(new SimulatedEcc(FUNCTION_MODULES));
    const create = (configuration: unknown) => () => new double.Pool(configuration as NodeRfcPoolConfiguration);
    expect(create({ connectionParameters, poolOptions: { low: 0, high: 0 } })).toThrow('Pool option "high" must be greater than zero');
    expect(create({ connectionParameters, poolOptions: { low: 3, high: 2 } })).toThrow('Pool option "low": 3, must not be greater than "high": 2');
    expect(create({ connectionParameters, poolOptions: { low: 1, high: 2, max: 3 } })).toThrow('Pool option not allowed: "max"');
    expect(create({ connectionParameters, clientOptions: { bcd: 'string' } })).toThrow('Client option "bcd" value not allowed: "string"');
    expect(create({ connectionParameters, clientOptions: { stateful: true } })).toThrow('Client option not allowed: "stateful"');
  });

  it('never makes acquire() wait: it logs on beyond `high`, and keeps at most `high` connections when they come back', async () => {
    const { double, pool } = poolOf({ low: 0, high: 2 });
    const clients = await Promise.all([1, 2, 3, 4].map(() => pool.acquire()));
    expect(pool.status).toEqual({ ready: 0, leased: 4 });
    for (const client of clients) await pool.release(client);
    expect(pool.status).toEqual({ ready: 2, leased: 0 });
    expect(double.eventsOf('release').map((e) => e.outcome)).toEqual(['kept', 'kept', 'closed', 'closed']);
  });

  it('logs on again after an acquire until `low` connections are ready, and hands out ready ones first', async () => {
    const { double, pool } = poolOf({ low: 2, high: 4 });
    const first = await pool.acquire();
    expect(pool.status).toEqual({ ready: 2, leased: 1 });
    const second = await pool.acquire();
    expect(second.connectionHandle).not.toBe(first.connectionHandle);
    expect(double.eventsOf('logon')).toHaveLength(4);
  });

  it('refuses close() of a managed client, and a second release of the same client', async () => {
    const { pool } = poolOf();
    const client = await pool.acquire();
    await expect(client.close()).rejects.toMatchObject({ name: 'nodeRfcError', message: 'Client "close()" method not allowed for managed clients, use the "release()" instead' });
    await client.release();
    expect(client.alive).toBe(false);
    await expect(pool.release(client)).rejects.toMatchObject({ name: 'nodeRfcError', message: 'Client release() invoked for already closed client' });
    await expect(client.call('RFC_PING', {})).rejects.toMatchObject({ name: 'nodeRfcError', message: 'RFM client request over closed connection: invoke() RFC_PING' });
  });

  it('reports a logon without a target as the SDK does', async () => {
    const double = new NodeRfcDouble(new SimulatedEcc(FUNCTION_MODULES));
    const pool = new double.Pool({ connectionParameters: { user: 'ECC365', passwd: 'sandbox' } });
    await expect(pool.acquire()).rejects.toMatchObject({ name: 'RfcLibError', code: 20, group: 5, key: 'RFC_INVALID_PARAMETER', message: 'Parameter ASHOST, GWHOST, MSHOST or PORT is missing.' });
  });

  it('closes ready and leased connections on closeAll', async () => {
    const { pool } = poolOf({ low: 1, high: 2 });
    const client = await pool.acquire();
    await pool.closeAll();
    expect(pool.status).toEqual({ ready: 0, leased: 0 });
    expect(client.alive).toBe(false);
  });
});

describe('node-rfc double: managed clients, as node-rfc 3.3.1 has them', () => {
  it('checks parameter names and call options as node-rfc\'s JavaScript layer does', async () => {
    const { pool } = poolOf();
    const client = await pool.acquire();
    await expect(client.call('STFC_CONNECTION', { '': 'x' })).rejects.toThrow(new TypeError('Empty RFM parameter name when calling "STFC_CONNECTION"'));
    await expect(client.call('STFC_CONNECTION', { '%$': 'x' })).rejects.toThrow(new TypeError('RFM parameter name invalid: "%$" when calling "STFC_CONNECTION"'));
    await expect(client.call('STFC_CONNECTION', {}, { timout: 3 } as never)).rejects.toThrow(new TypeError('Unknown option: timout'));
  });

  it('runs the calls of one client one after another', async () => {
    const { pool, ecc } = poolOf();
    ecc.setKnobs({ latencyMs: 20 });
    const client = await pool.acquire();
    await Promise.all([client.call('RFC_PING', {}), client.call('RFC_PING', {}), client.call('RFC_PING', {})]);
    expect(ecc.workProcesses.peakBusy).toBe(1);
  });

  it('keeps the ABAP session between calls (stateful), and a short dump gives the client a new connection', async () => {
    const { pool } = poolOf();
    const client = await pool.acquire();
    const handle = client.connectionHandle;
    await client.call('RFC_PING', {});
    expect(client.connectionHandle).toBe(handle);
    await expect(client.call('RFC_READ_TABLE', {})).rejects.toMatchObject({ name: 'ABAPError', code: 3, key: 'CALL_FUNCTION_PARM_MISSING' });
    expect(client.alive).toBe(true);
    expect(client.connectionHandle).not.toBe(handle);
  });

  it('keeps the connection after an error node-rfc raises before calling SAP', async () => {
    const { pool } = poolOf();
    const client = await pool.acquire();
    const handle = client.connectionHandle;
    await expect(client.call('STFC_CONNECTION', { XXX: 'wrong param' })).rejects.toMatchObject({ code: 20, key: 'RFC_INVALID_PARAMETER', message: "field 'XXX' not found" });
    expect(client.connectionHandle).toBe(handle);
  });

  it('cancels a call when the call option timeout (seconds) has passed, and logs on again', async () => {
    const { pool, ecc } = poolOf();
    ecc.setKnobs({ latencyMs: 10_000 });
    const client = await pool.acquire();
    const handle = client.connectionHandle;
    await expect(client.call('RFC_PING', {}, { timeout: 1 })).rejects.toMatchObject({ name: 'RfcLibError', group: 4, code: 7, codeString: 'RFC_CANCELED', key: 'RFC_CANCELED' });
    expect(client.alive).toBe(true);
    expect(client.connectionHandle).not.toBe(handle);
  });

  it('cancels the running call of a client through the pool', async () => {
    const { pool, ecc } = poolOf();
    ecc.setKnobs({ latencyMs: 10_000 });
    const client = await pool.acquire();
    const call = client.call('RFC_PING', {});
    await pool.cancel(client);
    await expect(call).rejects.toMatchObject({ code: 7, key: 'RFC_CANCELED' });
    expect(client.alive).toBe(true);
  });

  it('closes the client when SAP cannot be reached to replace a broken connection', async () => {
    const { pool, ecc } = poolOf({ low: 0, high: 2 });
    const client = await pool.acquire();
    ecc.setKnobs({ down: true });
    await expect(client.call('RFC_PING', {})).rejects.toMatchObject({ name: 'RfcLibError', code: 1 });
    expect(client.alive).toBe(false);
    await expect(pool.release(client)).rejects.toMatchObject({ name: 'nodeRfcError' });
  });
});
