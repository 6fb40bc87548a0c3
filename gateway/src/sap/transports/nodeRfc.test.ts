import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../model/errors.js';
import { defineFunction, importing, raise, type FunctionModuleDef } from '../../sandbox/ecc/functionModule.js';
import { FUNCTION_MODULES } from '../../sandbox/ecc/functions/index.js';
import { abapRuntimeFailure, RfcLibraryError, RFC_ERROR_GROUP } from '../../sandbox/ecc/rfcErrors.js';
import { SimulatedEcc } from '../../sandbox/ecc/simulatedEcc.js';
import {
  SapAbapException,
  SapCommunicationError,
  SapInterfaceError,
  SapLogonError,
  SapResourceError,
  SapRuntimeError,
  SapTimeoutError,
} from '../errors.js';
import { scalarOf, tableOf, type RfcParameters } from '../rfc.js';
import { NodeRfcDouble } from '../testing/nodeRfcDouble.js';
import { createTestEcc, FIXED_TODAY, SANDBOX_USER } from '../testing/transports.js';
import { createNodeRfcClient, NODE_RFC_CONFIG_INVALID, NODE_RFC_UNAVAILABLE, type NodeRfcOptions } from './nodeRfc.js';

const CONNECTION = { ashost: 'ecc.sandbox.invalid', sysnr: '00', client: '100', user: SANDBOX_USER.user, passwd: SANDBOX_USER.password };

function connect(ecc: SimulatedEcc, options: Partial<NodeRfcOptions> = {}) {
  const double = new NodeRfcDouble(ecc);
  const client = createNodeRfcClient({ connection: CONNECTION, timeoutMs: 10_000, ...options }, () => double);
  return { double, client };
}

/**
 * A test function module modelled on SAP's RFC_RAISE_ERROR, which node-rfc's own tests call: it
 * fails the way METHOD asks, with the error objects node-rfc's test/errors/abap.spec.ts shows.
 */
const Z_ECC365_RAISE_ERROR: FunctionModuleDef = defineFunction({
  name: 'Z_ECC365_RAISE_ERROR',
  functionGroup: 'ZECC365_TEST',
  parameters: [importing('METHOD', 'CHAR10')],
  exceptions: ['RAISE_EXCEPTION'],
  handler: ({ scalar }) => {
    switch (scalar('METHOD').trim()) {
      case 'EXCEPTION':
        return raise(Z_ECC365_RAISE_ERROR, 'RAISE_EXCEPTION', 'ID:SR Type:E Number:006 Method = 1');
      case 'DUMP':
        throw abapRuntimeFailure('COMPUTE_INT_ZERODIVIDE', 'Division by 0 (type I or INT8)');
      case 'MESSAGE':
        throw Object.assign(
          new RfcLibraryError({ name: 'ABAPError', code: 'RFC_ABAP_MESSAGE', group: RFC_ERROR_GROUP.ABAP_RUNTIME_FAILURE, key: 'Function not supported', message: 'Function not supported' }),
          { abapMsgClass: 'SR', abapMsgType: 'E', abapMsgNumber: '006', abapMsgV1: 'Method = 0' },
        );
      default:
        return {};
    }
  },
});

const eccWithRaiseError = (): SimulatedEcc => new SimulatedEcc([...FUNCTION_MODULES, Z_ECC365_RAISE_ERROR], { today: FIXED_TODAY });

/** A promise the test settles itself, to hold a session open without timing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('node-rfc transport: the connection pool', () => {
  it('borrows a client for each call and gives it back, also when the call fails', async () => {
    const { double, client } = connect(eccWithRaiseError());
    await client.ping();
    await client.call('STFC_CONNECTION', { REQUTEXT: 'one' });
    await expect(client.call('STFC_CONNECTION', { XXX: 'x' })).rejects.toThrow(SapInterfaceError);
    await expect(client.call('Z_ECC365_RAISE_ERROR', { METHOD: 'EXCEPTION' })).rejects.toThrow(SapAbapException);
    await expect(client.call('Z_ECC365_RAISE_ERROR', { METHOD: 'DUMP' })).rejects.toThrow(SapRuntimeError);

    expect(double.eventsOf('acquire')).toHaveLength(5);
    expect(double.eventsOf('release').map((e) => e.outcome)).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
    expect(double.pools[0]!.status.leased).toBe(0);
  });

  it('never has more than `high` clients leased, however many calls run at once', async () => {
    const ecc = eccWithRaiseError();
    ecc.setKnobs({ latencyMs: 20 });
    const { double, client } = connect(ecc, { pool: { low: 1, high: 3 } });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => client.call('STFC_CONNECTION', { REQUTEXT: `call ${i}` })));

    expect(results.map((r) => r.ECHOTEXT)).toEqual(Array.from({ length: 12 }, (_, i) => `call ${i}`));
    expect(double.peakLeased).toBe(3);
    expect(double.eventsOf('acquire')).toHaveLength(12);
    expect(double.eventsOf('release')).toHaveLength(12);
  });

  it('fails a call that finds every connection busy for longer than its timeout as a resource shortage, and recovers', async () => {
    const { double, client } = connect(eccWithRaiseError(), { pool: { low: 0, high: 1 }, timeoutMs: 50 });
    const held = gate();
    const session = client.inSession(async (s) => {
      await s.call('RFC_PING', {});
      await held.opened;
    });

    await expect(client.ping()).rejects.toThrow(SapResourceError);
    held.open();
    await session;
    await expect(client.ping()).resolves.toBeUndefined();
    expect(double.eventsOf('acquire')).toHaveLength(2);
  });

  it('keeps one client for all calls of a session and resets its ABAP session before giving it back', async () => {
    const { double, client } = connect(eccWithRaiseError());
    await client.inSession(async (session) => {
      await session.call('RFC_PING', {});
      await session.call('STFC_CONNECTION', { REQUTEXT: 'same session' });
      await session.call('RFC_PING', {});
    });

    const [acquire, ...others] = double.eventsOf('acquire');
    expect(others).toHaveLength(0);
    const calls = double.eventsOf('call');
    expect(calls.map((c) => [c.clientId, c.handle])).toEqual(Array.from({ length: 3 }, () => [acquire!.clientId, acquire!.handle]));
    const reset = double.events.findIndex((e) => e.kind === 'resetServerContext' && e.clientId === acquire!.clientId);
    const release = double.events.findIndex((e) => e.kind === 'release' && e.clientId === acquire!.clientId);
    expect(reset).toBeGreaterThan(double.events.lastIndexOf(calls[2]!));
    expect(release).toBeGreaterThan(reset);
  });

  it('does not reset the session after a single call that went well (the pool keeps the connection)', async () => {
    const { double, client } = connect(eccWithRaiseError());
    await client.ping();
    expect(double.eventsOf('resetServerContext')).toHaveLength(0);
    expect(double.eventsOf('release')).toEqual([expect.objectContaining({ outcome: 'kept' })]);
  });

  it('closes every connection of the pool on close and takes no calls afterwards', async () => {
    const { double, client } = connect(eccWithRaiseError());
    await client.ping();
    await client.close();
    expect(double.eventsOf('closeAll')).toHaveLength(1);
    expect(double.pools[0]!.status).toEqual({ ready: 0, leased: 0 });
    await expect(client.ping()).rejects.toThrow(SapCommunicationError);
  });
});

describe('node-rfc transport: parameters and results', () => {
  it('hands SAP exactly the parameters of the call and returns its answer unchanged', async () => {
    const seeded = createTestEcc();
    const { double, client } = connect(seeded.ecc);
    const customer = seeded.seeded.customers[0]!.customerNumber;
    const parameters: RfcParameters = {
      QUERY_TABLE: 'KNA1',
      DELIMITER: '|',
      ROWCOUNT: 3,
      FIELDS: [{ FIELDNAME: 'KUNNR' }, { FIELDNAME: 'NAME1' }, { FIELDNAME: 'LAND1' }],
      OPTIONS: [{ TEXT: `KUNNR >= '${customer}'` }],
      DATA: [],
    };

    const result = await client.call('RFC_READ_TABLE', parameters);

    expect(double.eventsOf('call')).toEqual([expect.objectContaining({ functionModule: 'RFC_READ_TABLE', parameters })]);
    const direct = await seeded.ecc.connect(SANDBOX_USER.user, SANDBOX_USER.password).call('RFC_READ_TABLE', parameters);
    expect(result).toStrictEqual(direct);
    expect(tableOf(result, 'DATA')).toHaveLength(3);
    expect(tableOf(result, 'DATA')[0]!.WA).toContain(customer);
  });

  it('passes node-rfc the timeout in whole seconds, rounded up', async () => {
    const { double, client } = connect(eccWithRaiseError(), { timeoutMs: 10_000 });
    await client.ping();
    await client.ping({ timeoutMs: 2_500 });
    await client.ping({ timeoutMs: 400 });
    expect(double.eventsOf('call').map((c) => c.callOptions)).toEqual([{ timeout: 10 }, { timeout: 3 }, { timeout: 1 }]);
  });

  it('configures a stateful pool with the connection parameters given and packed numbers as strings', async () => {
    const { double } = connect(eccWithRaiseError(), { connection: { ...CONNECTION, lang: 'DE', saprouter: '' }, pool: { low: 1, high: 6 } });
    expect(double.pools[0]!.poolConfiguration).toEqual({
      connectionParameters: { ...CONNECTION, lang: 'DE' },
      // bcd left out: node-rfc 3.3.1 returns packed numbers as strings by default and rejects bcd "string".
      clientOptions: { stateless: false },
      poolOptions: { low: 1, high: 6 },
    });
  });

  it('describes the connection for logs without the password', () => {
    const { client } = connect(eccWithRaiseError());
    expect(client.description).toBe('node-rfc ecc.sandbox.invalid system number 00 client 100 user ECC365');
    const { client: balanced } = connect(eccWithRaiseError(), { connection: { mshost: 'ecc-ms.example.com', msserv: '3600', group: 'RFC', sysid: 'ECP', client: '100', user: 'RFC_ECC365', passwd: 'secret' } });
    expect(balanced.description).toBe('node-rfc message server ecc-ms.example.com group RFC system ECP client 100 user RFC_ECC365');
    expect(balanced.description).not.toContain('secret');
  });
});

describe('node-rfc transport: node-rfc errors become typed errors', () => {
  it('logon failure: a wrong password is SapLogonError, and the failed logon frees its pool slot', async () => {
    const { double, client } = createWrongPasswordClient();
    for (let i = 0; i < 3; i++) await expect(client.ping()).rejects.toThrow(SapLogonError);
    expect(double.eventsOf('logon-failed')).toHaveLength(3);
    expect(double.eventsOf('acquire')).toHaveLength(0);
  });

  it('communication failure: SAP unreachable at logon or during a call is SapCommunicationError', async () => {
    const ecc = eccWithRaiseError();
    const { client } = connect(ecc, { pool: { low: 0, high: 2 } });
    ecc.setKnobs({ down: true });
    await expect(client.ping()).rejects.toThrow(SapCommunicationError);
    ecc.setKnobs({ down: false });
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('closed connection: after the connection broke and could not be reopened, the next call of the session is SapCommunicationError', async () => {
    const ecc = eccWithRaiseError();
    const { double, client } = connect(ecc, { pool: { low: 0, high: 1 } });
    const errors = await client.inSession(async (session) => {
      await session.call('RFC_PING', {});
      ecc.setKnobs({ down: true });
      const broken = await session.call('RFC_PING', {}).catch((e: unknown) => e);
      ecc.setKnobs({ down: false });
      const closed = await session.call('RFC_PING', {}).catch((e: unknown) => e);
      return { broken, closed };
    });

    expect(errors.broken).toBeInstanceOf(SapCommunicationError);
    expect(errors.closed).toBeInstanceOf(SapCommunicationError);
    expect((errors.closed as Error).message).toContain('RFM client request over closed connection: invoke() RFC_PING');
    expect(double.eventsOf('reconnect')).toEqual([expect.objectContaining({ handle: undefined })]);
    // The dead client is handed back all the same (node-rfc refuses it) and its slot is free again.
    expect(double.eventsOf('release')).toEqual([expect.objectContaining({ outcome: 'refused' })]);
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('resource failure: no free work process in SAP is SapResourceError', async () => {
    const ecc = eccWithRaiseError();
    ecc.setKnobs({ workProcesses: 1, queueLength: 0, latencyMs: 30 });
    const { client } = connect(ecc);
    const results = await Promise.allSettled([1, 2, 3].map(() => client.ping()));
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason).toBeInstanceOf(SapResourceError);
  });

  it('ABAP exception: SapAbapException with the exception name; the ABAP session survives', async () => {
    const { double, client } = connect(eccWithRaiseError());
    const error = await client.call('Z_ECC365_RAISE_ERROR', { METHOD: 'EXCEPTION' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapAbapException);
    expect((error as SapAbapException).exception).toBe('RAISE_EXCEPTION');
    expect(double.eventsOf('reconnect')).toHaveLength(0);
  });

  it('runtime failure (short dump): SapRuntimeError naming the dump; node-rfc logs on again, so the client goes back with a new ABAP session', async () => {
    const { double, client } = connect(eccWithRaiseError(), { pool: { low: 0, high: 1 } });
    const error = await client.call('Z_ECC365_RAISE_ERROR', { METHOD: 'DUMP' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapRuntimeError);
    expect((error as Error).message).toContain('COMPUTE_INT_ZERODIVIDE');
    const [reconnect] = double.eventsOf('reconnect');
    expect(reconnect?.handle).toBeGreaterThan(reconnect!.oldHandle);
    expect(double.eventsOf('release')).toEqual([expect.objectContaining({ clientId: reconnect!.clientId, outcome: 'kept' })]);
    await client.ping();
    expect(double.eventsOf('call').at(-1)?.handle).toBe(reconnect!.handle);
  });

  it('ABAP message: SapRuntimeError carrying SAP\'s message class, type and number', async () => {
    const { client } = connect(eccWithRaiseError());
    const error = await client.call('Z_ECC365_RAISE_ERROR', { METHOD: 'MESSAGE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapRuntimeError);
    expect((error as AppError).sapMessages).toEqual([{ type: 'E', id: 'SR', number: '006', message: 'Function not supported' }]);
  });

  it('invalid parameter: an unknown parameter or field, a bad parameter name or an unknown function module is SapInterfaceError', async () => {
    const { double, client } = connect(eccWithRaiseError());
    await expect(client.call('STFC_CONNECTION', { XXX: 'x' })).rejects.toThrow("field 'XXX' not found");
    await expect(client.call('STFC_CONNECTION', { 'REQU-TEXT': 'x' })).rejects.toThrow(SapInterfaceError);
    await expect(client.call('Z_DOES_NOT_EXIST', {})).rejects.toThrow(SapInterfaceError);
    // Refused before SAP ran anything: node-rfc keeps the connection.
    expect(double.eventsOf('reconnect')).toHaveLength(0);
  });

  it('timeout: a call SAP does not answer in time is cancelled in SAP and is SapTimeoutError', async () => {
    const ecc = eccWithRaiseError();
    ecc.setKnobs({ latencyMs: 5_000 });
    const { double, client } = connect(ecc, { timeoutMs: 50 });
    await expect(client.ping()).rejects.toThrow(SapTimeoutError);

    const [call] = double.eventsOf('call');
    expect(double.eventsOf('cancel')).toEqual([expect.objectContaining({ clientId: call!.clientId, handle: call!.handle })]);
    expect(double.eventsOf('reconnect')).toEqual([expect.objectContaining({ clientId: call!.clientId, oldHandle: call!.handle })]);
    expect(double.eventsOf('release')).toHaveLength(1);
    ecc.setKnobs({ latencyMs: 0 });
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('cancel: the caller\'s abort signal cancels the call in SAP; an already aborted call is not sent', async () => {
    const ecc = eccWithRaiseError();
    ecc.setKnobs({ latencyMs: 5_000 });
    const { double, client } = connect(ecc);
    const controller = new AbortController();
    const call = client.ping({ signal: controller.signal });
    await vi.waitFor(() => expect(double.eventsOf('call')).toHaveLength(1));
    controller.abort();
    await expect(call).rejects.toThrow(SapTimeoutError);
    expect(double.eventsOf('cancel')).toHaveLength(1);

    await expect(client.ping({ signal: AbortSignal.abort() })).rejects.toThrow('was cancelled before it was sent to SAP');
    expect(double.eventsOf('call')).toHaveLength(1);
  });
});

function createWrongPasswordClient() {
  const double = new NodeRfcDouble(eccWithRaiseError());
  const client = createNodeRfcClient({ connection: { ...CONNECTION, passwd: 'wrong' }, pool: { low: 0, high: 1 }, timeoutMs: 1_000 }, () => double);
  return { double, client };
}

describe('node-rfc transport: loading node-rfc', () => {
  const options: NodeRfcOptions = { connection: CONNECTION, timeoutMs: 1_000 };

  it('loads node-rfc once, when the client is created', async () => {
    const double = new NodeRfcDouble(eccWithRaiseError());
    const load = vi.fn(() => double);
    const client = createNodeRfcClient(options, load);
    expect(load).toHaveBeenCalledTimes(1);
    await client.ping();
    await client.inSession((session) => session.call('RFC_PING', {}));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a missing SAP NW RFC SDK into a configuration error that says what to install', () => {
    const dlopen = Object.assign(new Error('libsapnwrfc.so: cannot open shared object file: No such file or directory\nenvironment: {\n  "env": { "SAPNWRFC_HOME": "" }\n}'), { code: 'ERR_DLOPEN_FAILED' });
    const error = captureError(() => createNodeRfcClient(options, () => { throw dlopen; }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: NODE_RFC_UNAVAILABLE, category: 'config', cause: dlopen });
    for (const hint of ['libsapnwrfc.so: cannot open shared object file', 'SAP NW RFC SDK 7.50', 'SAPNWRFC_HOME', 'LD_LIBRARY_PATH', 'PATH (Windows)', 'soap-rfc']) {
      expect(error.message).toContain(hint);
    }
    expect(error.message).not.toContain('environment:');
  });

  it('says to install the npm package when node-rfc is missing, and to build it when its binary does not fit the system', () => {
    const missing = Object.assign(new Error("Cannot find module 'node-rfc'"), { code: 'MODULE_NOT_FOUND' });
    expect(captureError(() => createNodeRfcClient(options, () => { throw missing; })).message).toContain('npm install');
    const glibc = Object.assign(new Error("/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.30' not found"), { code: 'ERR_DLOPEN_FAILED' });
    const error = captureError(() => createNodeRfcClient(options, () => { throw glibc; }));
    expect(error).toMatchObject({ code: NODE_RFC_UNAVAILABLE });
    expect(error.message).toContain('build node-rfc from source');
  });

  it('loads the installed node-rfc, or reports the configuration error when the SDK is absent', async () => {
    let client;
    try {
      client = createNodeRfcClient(options);
    } catch (error) {
      expect(error).toMatchObject({ code: NODE_RFC_UNAVAILABLE, category: 'config' });
      return;
    }
    // A machine with the SDK: the pool is created without logging on yet.
    await client.close();
  });

  it('rejects a connection without a target or with impossible pool sizes before loading anything', () => {
    const load = vi.fn(() => new NodeRfcDouble(eccWithRaiseError()));
    const { ashost: _host, ...noTarget } = CONNECTION;
    expect(captureError(() => createNodeRfcClient({ ...options, connection: noTarget }, load))).toMatchObject({ code: NODE_RFC_CONFIG_INVALID });
    expect(captureError(() => createNodeRfcClient({ ...options, pool: { low: 5, high: 2 } }, load))).toMatchObject({ code: NODE_RFC_CONFIG_INVALID });
    expect(captureError(() => createNodeRfcClient({ ...options, pool: { high: 0 } }, load))).toMatchObject({ code: NODE_RFC_CONFIG_INVALID });
    expect(load).not.toHaveBeenCalled();
  });
});

describe('node-rfc transport: a write BAPI and its commit', () => {
  const newCustomer = (reference: { customerNumber: string; salesAreas: [string, string, string][] }): RfcParameters => {
    const [salesOrg, distributionChannel, division] = reference.salesAreas[0]!;
    return {
      PI_PERSONALDATA: { LASTNAME: 'Kieler Wasserwerke GmbH', STREET: 'Uferstraße 12', POSTL_COD1: '24103', CITY: 'Kiel', COUNTRYISO: 'DE', LANGUP_ISO: 'DE', CURRENCY_ISO: 'EUR' },
      PI_COPYREFERENCE: { REF_CUSTMR: reference.customerNumber, SALESORG: salesOrg, DISTR_CHAN: distributionChannel, DIVISION: division },
    };
  };

  it('creates the customer when BAPI_CUSTOMER_CREATEFROMDATA1 and BAPI_TRANSACTION_COMMIT share one session', async () => {
    const seeded = createTestEcc();
    const { double, client } = connect(seeded.ecc);
    const customerNumber = await client.inSession(async (session) => {
      const created = await session.call('BAPI_CUSTOMER_CREATEFROMDATA1', newCustomer(seeded.seeded.customers[0]!));
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      return scalarOf(created, 'CUSTOMERNO');
    });

    expect(customerNumber).toMatch(/^\d{10}$/);
    expect(seeded.ecc.db.table('KNA1').get({ KUNNR: customerNumber })).toMatchObject({ NAME1: 'Kieler Wasserwerke GmbH', ORT01: 'Kiel' });
    expect(new Set(double.eventsOf('call').map((c) => c.handle)).size).toBe(1);
  });

  it('creates nothing when the two run as separate calls: the commit finds a fresh ABAP session on the same connection', async () => {
    const seeded = createTestEcc();
    const { double, client } = connect(seeded.ecc, { pool: { low: 0, high: 1 } });
    const created = await client.call('BAPI_CUSTOMER_CREATEFROMDATA1', newCustomer(seeded.seeded.customers[0]!));
    await client.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });

    const customerNumber = scalarOf(created, 'CUSTOMERNO');
    expect(customerNumber).toMatch(/^\d{10}$/);
    expect(seeded.ecc.db.table('KNA1').get({ KUNNR: customerNumber })).toBeUndefined();
    const [create, commit] = double.eventsOf('call');
    expect(commit!.handle).toBe(create!.handle);
  });

  it('rolls back what a session left uncommitted before the next borrower gets the connection', async () => {
    const seeded = createTestEcc();
    const { double, client } = connect(seeded.ecc, { pool: { low: 0, high: 1 } });
    const abandoned = await client.inSession(async (session) => scalarOf(await session.call('BAPI_CUSTOMER_CREATEFROMDATA1', newCustomer(seeded.seeded.customers[0]!)), 'CUSTOMERNO'));
    await client.inSession((session) => session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' }));

    expect(seeded.ecc.db.table('KNA1').get({ KUNNR: abandoned })).toBeUndefined();
    const [first, second] = double.eventsOf('acquire');
    expect(second!.handle).toBe(first!.handle);
    const reset = double.events.findIndex((e) => e.kind === 'resetServerContext' && e.clientId === first!.clientId);
    expect(reset).toBeGreaterThan(-1);
    expect(reset).toBeLessThan(double.events.indexOf(second!));
  });
});

function captureError(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
}
