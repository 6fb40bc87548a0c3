/**
 * A module double of node-rfc 3.3.1 for tests: the part of its API the node-rfc transport uses
 * (Pool: acquire, release, cancel, closeAll, status; managed Client: call, cancel,
 * resetServerContext, close, release, id, alive, connectionHandle), in node-rfc's promise form,
 * backed by the simulated ECC. Each connection is an EccConnection (one ABAP session), which
 * already fails with node-rfc's error objects. What the double adds is node-rfc's own behaviour,
 * read in its source (src/cpp/Pool.cc, Client.cc, nwrfcsdk.cc; lib/*.js):
 *
 * - Pool options are checked like the addon does (high >= 1, low <= high, no unknown keys), and
 *   so are client options: `bcd: "string"` is rejected ("value not allowed"), as in 3.3.1.
 * - acquire() never waits: it takes a ready connection or logs on a new one, without any upper
 *   bound; afterwards the pool logs on more until `low` connections are ready again.
 * - release() resets the ABAP session of a connection and keeps it ready while fewer than `high`
 *   are ready, and closes it otherwise; the client is then closed. Releasing a closed client fails.
 * - Calls on one client run one after another (the addon's per-client mutex). Parameter names
 *   and call options are checked as node-rfc's JavaScript layer does; `timeout` (seconds, from
 *   the call or the client options) cancels the call.
 * - After a communication failure, short dump, ABAP message or cancel during the call, the
 *   client logs on again (new connection handle, new ABAP session); if that logon fails, the
 *   logon error is reported and the client is closed.
 * - cancel() ends the call running or about to run (RFC_CANCELED), and the connection;
 *   with no call at all, the connection is closed and replaced all the same.
 *
 * Not modelled: the callback forms, direct (unmanaged) clients, Throughput, Server, the `date`,
 * `time`, `filter` and `bcd: "number"` conversions, and IMPORTING parameters in results (node-rfc
 * returns them; the simulated ECC returns EXPORTING, CHANGING and TABLES only).
 *
 * Everything that happens is recorded in `events`, in order, for tests to assert on.
 */

import { RfcLibraryError, RFC_ERROR_GROUP, RFC_RC } from '../../sandbox/ecc/rfcErrors.js';
import type { EccConnection, SimulatedEcc } from '../../sandbox/ecc/simulatedEcc.js';
import type { RfcParameters } from '../rfc.js';
import type {
  NodeRfcCallOptions,
  NodeRfcClientOptions,
  NodeRfcManagedClient,
  NodeRfcModule,
  NodeRfcPool,
  NodeRfcPoolConfiguration,
} from '../transports/nodeRfc.js';

export type NodeRfcDoubleEvent =
  | { kind: 'logon'; handle: number }
  | { kind: 'logon-failed'; error: unknown }
  | { kind: 'acquire'; clientId: number; handle: number }
  | { kind: 'call'; clientId: number; handle: number; functionModule: string; parameters: RfcParameters; callOptions: NodeRfcCallOptions }
  | { kind: 'cancel'; clientId: number; handle: number | undefined }
  | { kind: 'reconnect'; clientId: number; oldHandle: number; handle: number | undefined }
  | { kind: 'resetServerContext'; clientId: number; handle: number }
  | { kind: 'release'; clientId: number; outcome: 'kept' | 'closed' | 'refused' }
  | { kind: 'closeAll' };

const POOL_OPTIONS = new Set(['low', 'high', 'logLevel']);
const POOL_CONFIGURATION_KEYS = new Set(['connectionParameters', 'clientOptions', 'poolOptions']);
const CLIENT_OPTIONS = new Set(['bcd', 'date', 'time', 'filter', 'stateless', 'timeout', 'logLevel']);
const CALL_OPTIONS = new Set(['notRequested', 'timeout']);
/** The error codes and groups after which node-rfc treats the connection as broken (Client::connectionCheck). */
const BREAKING_CODES = new Set<number>([RFC_RC.RFC_COMMUNICATION_FAILURE, RFC_RC.RFC_ABAP_RUNTIME_FAILURE, RFC_RC.RFC_ABAP_MESSAGE, 15 /* RFC_EXTERNAL_FAILURE */]);
const BREAKING_GROUPS = new Set<number>([
  RFC_ERROR_GROUP.ABAP_RUNTIME_FAILURE,
  RFC_ERROR_GROUP.LOGON_FAILURE,
  RFC_ERROR_GROUP.COMMUNICATION_FAILURE,
  RFC_ERROR_GROUP.EXTERNAL_RUNTIME_FAILURE,
]);

/** An error of node-rfc itself (not of the SDK or SAP), e.g. a request over a closed connection. */
function nodeRfcError(message: string): Error {
  const error = new Error(message);
  error.name = 'nodeRfcError';
  return error;
}

/** The double of the whole package: `Pool` is what `require('node-rfc').Pool` is. */
export class NodeRfcDouble implements NodeRfcModule {
  readonly events: NodeRfcDoubleEvent[] = [];
  readonly pools: DoublePool[] = [];
  readonly Pool: new (configuration: NodeRfcPoolConfiguration) => DoublePool;
  private nextHandle = 1;
  private nextClientId = 1;
  private leased = 0;
  /** The most clients leased at the same time. */
  peakLeased = 0;

  constructor(readonly ecc: SimulatedEcc) {
    this.Pool = DoublePool.bind(null, this);
  }

  /** RfcOpenConnection: checks the target, logs on to the simulated ECC. */
  logon(parameters: Record<string, string>): Handle {
    const value = (name: string): string | undefined => {
      const key = Object.keys(parameters).find((k) => k.toLowerCase() === name);
      return key === undefined ? undefined : parameters[key];
    };
    if (!['ashost', 'gwhost', 'mshost', 'wshost', 'dest'].some((name) => value(name))) {
      throw new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_INVALID_PARAMETER', group: RFC_ERROR_GROUP.EXTERNAL_RUNTIME_FAILURE, key: 'RFC_INVALID_PARAMETER', message: 'Parameter ASHOST, GWHOST, MSHOST or PORT is missing.' });
    }
    try {
      const handle = { id: this.nextHandle++, connection: this.ecc.connect(value('user') ?? '', value('passwd') ?? '') };
      this.events.push({ kind: 'logon', handle: handle.id });
      return handle;
    } catch (error) {
      this.events.push({ kind: 'logon-failed', error });
      throw error;
    }
  }

  newClientId(): number {
    return this.nextClientId++;
  }

  leaseChanged(delta: number): void {
    this.leased += delta;
    this.peakLeased = Math.max(this.peakLeased, this.leased);
  }

  /** The events of one kind, typed. */
  eventsOf<K extends NodeRfcDoubleEvent['kind']>(kind: K): Extract<NodeRfcDoubleEvent, { kind: K }>[] {
    return this.events.filter((event): event is Extract<NodeRfcDoubleEvent, { kind: K }> => event.kind === kind);
  }
}

interface Handle {
  id: number;
  connection: EccConnection;
}

export class DoublePool implements NodeRfcPool {
  private readonly low: number;
  private readonly high: number;
  private readonly ready: Handle[] = [];
  private readonly leasedClients = new Set<DoubleClient>();

  constructor(private readonly double: NodeRfcDouble, readonly poolConfiguration: NodeRfcPoolConfiguration) {
    for (const key of Object.keys(poolConfiguration)) {
      if (!POOL_CONFIGURATION_KEYS.has(key)) throw new TypeError(`Pool option not allowed: "${key}"`);
    }
    if (typeof poolConfiguration.connectionParameters !== 'object') {
      throw new Error('Pool configuration object must provide "connectionParameters"');
    }
    checkClientOptions(poolConfiguration.clientOptions ?? {});
    const options = poolConfiguration.poolOptions ?? { low: 2, high: 4 };
    for (const [name, value] of Object.entries(options)) {
      if (!POOL_OPTIONS.has(name)) throw new TypeError(`Pool option not allowed: "${name}"`);
      if (name !== 'logLevel' && typeof value !== 'number') throw new TypeError(`Pool() option "${name}" must be a number. Received: ${String(value)}`);
    }
    this.low = options.low ?? 2;
    this.high = options.high ?? 4;
    if (this.high < 1) throw new TypeError('Pool option "high" must be greater than zero');
    if (this.low > this.high) throw new TypeError(`Pool option "low": ${this.low}, must not be greater than "high": ${this.high}`);
    double.pools.push(this);
  }

  get status(): { ready: number; leased: number } {
    return { ready: this.ready.length, leased: this.leasedClients.size };
  }

  get clientOptions(): NodeRfcClientOptions {
    return this.poolConfiguration.clientOptions ?? {};
  }

  async acquire(): Promise<DoubleClient> {
    const handle = this.ready.shift() ?? this.double.logon(this.poolConfiguration.connectionParameters);
    const client = new DoubleClient(this.double, this, handle);
    this.leasedClients.add(client);
    this.double.leaseChanged(+1);
    this.double.events.push({ kind: 'acquire', clientId: client.id, handle: handle.id });
    this.refill();
    return client;
  }

  /** After an acquire, node-rfc logs on until `low` connections are ready; logon failures are ignored here. */
  private refill(): void {
    try {
      while (this.ready.length < this.low) this.ready.push(this.double.logon(this.poolConfiguration.connectionParameters));
    } catch {
      // The next acquire reports the failure.
    }
  }

  async release(client: NodeRfcManagedClient): Promise<void> {
    if (!(client instanceof DoubleClient)) throw new TypeError('Pool release() 1st argument must be a single client or array of clients, received: object');
    const handle = client.takeHandle();
    this.forget(client);
    if (!handle) {
      this.double.events.push({ kind: 'release', clientId: client.id, outcome: 'refused' });
      throw nodeRfcError('Client release() invoked for already closed client');
    }
    if (this.ready.length < this.high) {
      handle.connection.resetServerContext();
      this.ready.push(handle);
      this.double.events.push({ kind: 'release', clientId: client.id, outcome: 'kept' });
    } else {
      handle.connection.close();
      this.double.events.push({ kind: 'release', clientId: client.id, outcome: 'closed' });
    }
  }

  private forget(client: DoubleClient): void {
    if (this.leasedClients.delete(client)) this.double.leaseChanged(-1);
  }

  async cancel(client: DoubleClient): Promise<void> {
    await client.cancel();
  }

  async closeAll(): Promise<void> {
    for (const handle of this.ready.splice(0)) handle.connection.close();
    for (const client of [...this.leasedClients]) client.takeHandle()?.connection.close();
    for (const client of [...this.leasedClients]) this.forget(client);
    this.double.events.push({ kind: 'closeAll' });
  }

  /** A new logon for a client whose connection broke (Client::connectionCheck). */
  reconnect(): Handle {
    return this.double.logon(this.poolConfiguration.connectionParameters);
  }
}

function checkClientOptions(options: object): void {
  for (const [key, value] of Object.entries(options)) {
    if (!CLIENT_OPTIONS.has(key)) throw new TypeError(`Client option not allowed: "${key}"`);
    // node-rfc 3.3.1 accepts "number" or a function; strings are its default and cannot be asked for.
    if (key === 'bcd' && typeof value === 'string' && value !== 'number') throw new TypeError(`Client option "bcd" value not allowed: "${value}"`);
    if (key === 'bcd' && value !== undefined) throw new Error('The node-rfc double converts no numbers: leave "bcd" out');
    if (key === 'stateless' && typeof value !== 'boolean') throw new TypeError('Client option "stateless" requires a boolean value');
    if (key === 'timeout' && typeof value !== 'number') throw new TypeError('Client option "timeout" requires a number of seconds');
  }
}

/** A managed client: a leased connection of a DoublePool. */
export class DoubleClient implements NodeRfcManagedClient {
  readonly id: number;
  private handle: Handle | undefined;
  private running: AbortController | undefined;
  /** Calls accepted and not finished (running or waiting for the client's mutex). */
  private pending = 0;
  /** A cancel that came while a call was still waiting to run: it ends that call. */
  private cancelRequested = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly double: NodeRfcDouble, private readonly pool: DoublePool, handle: Handle) {
    this.id = double.newClientId();
    this.handle = handle;
  }

  get alive(): boolean {
    return this.handle !== undefined;
  }

  /** The SDK's connection handle; changes when the client logs on again after a broken connection. */
  get connectionHandle(): number {
    return this.handle?.id ?? 0;
  }

  /** Hands the connection to the pool (release, closeAll); the client is closed afterwards. */
  takeHandle(): Handle | undefined {
    const handle = this.handle;
    this.handle = undefined;
    return handle;
  }

  async call(rfmName: string, rfmParams: RfcParameters, callOptions: NodeRfcCallOptions = {}): Promise<Record<string, unknown>> {
    for (const name of Object.keys(rfmParams)) {
      if (name.length === 0) throw new TypeError(`Empty RFM parameter name when calling "${rfmName}"`);
      if (!/^[a-zA-Z0-9_]*$/.test(name)) throw new TypeError(`RFM parameter name invalid: "${name}" when calling "${rfmName}"`);
    }
    for (const key of Object.keys(callOptions)) {
      if (!CALL_OPTIONS.has(key)) throw new TypeError(`Unknown option: ${key}`);
    }
    const timeout = callOptions.timeout || this.pool.clientOptions.timeout || 0;
    // The addon's mutex: one call at a time per client.
    this.pending += 1;
    const turn = this.queue.then(() => this.invoke(rfmName, rfmParams, callOptions, timeout)).finally(() => (this.pending -= 1));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async invoke(rfmName: string, rfmParams: RfcParameters, callOptions: NodeRfcCallOptions, timeoutSeconds: number): Promise<Record<string, unknown>> {
    const handle = this.handle;
    if (!handle) throw nodeRfcError(`RFM client request over closed connection: invoke() ${rfmName}`);
    this.double.events.push({ kind: 'call', clientId: this.id, handle: handle.id, functionModule: rfmName, parameters: rfmParams, callOptions });
    const running = new AbortController();
    if (this.cancelRequested) running.abort();
    this.cancelRequested = false;
    this.running = running;
    const timer = timeoutSeconds > 0 ? setTimeout(() => void this.cancel(), timeoutSeconds * 1000) : undefined;
    try {
      return await handle.connection.call(rfmName, rfmParams, { signal: running.signal });
    } catch (error) {
      throw this.afterFailure(handle, error, running.signal.aborted);
    } finally {
      clearTimeout(timer);
      this.running = undefined;
    }
  }

  /** Client::connectionCheck: a broken connection is replaced; the error to report is returned. */
  private afterFailure(handle: Handle, error: unknown, cancelled: boolean): unknown {
    if (!(error instanceof RfcLibraryError) || !breaksConnection(error, cancelled)) return error;
    if (this.handle !== handle) return error;
    return this.replaceConnection(handle) ?? error;
  }

  /** Closes the connection and logs on again; returns the logon error when that fails. */
  private replaceConnection(handle: Handle): unknown {
    handle.connection.close();
    try {
      this.handle = this.pool.reconnect();
      this.double.events.push({ kind: 'reconnect', clientId: this.id, oldHandle: handle.id, handle: this.handle.id });
      return undefined;
    } catch (logonError) {
      this.handle = undefined;
      this.double.events.push({ kind: 'reconnect', clientId: this.id, oldHandle: handle.id, handle: undefined });
      return logonError;
    }
  }

  /** RfcCancel: ends the call on the connection (the one running, or about to run) and the connection. */
  async cancel(): Promise<void> {
    this.double.events.push({ kind: 'cancel', clientId: this.id, handle: this.handle?.id });
    if (this.running) this.running.abort();
    else if (this.pending > 0) this.cancelRequested = true;
    else if (this.handle) this.replaceConnection(this.handle);
  }

  async resetServerContext(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    if (!handle) throw nodeRfcError('RFM client request over closed connection: resetServerContext()');
    handle.connection.resetServerContext();
    this.double.events.push({ kind: 'resetServerContext', clientId: this.id, handle: handle.id });
  }

  async close(): Promise<void> {
    throw nodeRfcError('Client "close()" method not allowed for managed clients, use the "release()" instead');
  }

  async release(): Promise<void> {
    await this.pool.release(this);
  }
}

/**
 * Whether node-rfc treats the connection as broken after this error. Errors raised before the
 * call reaches SAP (unknown parameter or function module, a value that does not convert) come
 * from node-rfc's preparation step, which leaves the connection alone.
 */
function breaksConnection(error: RfcLibraryError, cancelled: boolean): boolean {
  if (cancelled) return true;
  if (error.code === RFC_RC.RFC_INVALID_PARAMETER || error.code === RFC_RC.RFC_CONVERSION_FAILURE || error.key === 'FU_NOT_FOUND') return false;
  return BREAKING_CODES.has(error.code) || BREAKING_GROUPS.has(error.group);
}
