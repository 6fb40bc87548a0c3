/**
 * The node-rfc transport: SAP's npm package node-rfc (a binding of the SAP NW RFC SDK) behind
 * the RfcClient interface. node-rfc is loaded only when this transport is configured, because
 * it needs the proprietary SDK on the machine; it is no longer maintained upstream, so nothing
 * outside this file knows it exists (see docs/sap-node-rfc.md for installing and replacing it).
 *
 * Facts of node-rfc 3.3.1 this file relies on (read in its source, src/cpp and lib/):
 * - Pool.acquire() never waits and has no upper bound: it takes a ready connection or logs on a
 *   new one. `high` only caps the connections kept open after release. The bound on connections
 *   in use is therefore ours (ConnectionSlots below).
 * - Pool.release() resets the ABAP session of a connection it keeps and closes the others; we
 *   still reset explicitly when a session ends, so that an uncommitted LUW can never reach the
 *   next borrower whatever a later node-rfc version does.
 * - The call option `timeout` is in seconds; when it expires node-rfc calls client.cancel().
 * - clientOptions `bcd: "string"` is rejected by the addon ("value not allowed"), although its
 *   documentation shows it: packed numbers come back as strings only when `bcd` is left out.
 * - Results contain every parameter, IMPORTING ones included: the `filter` option cannot drop
 *   IMPORTING without dropping CHANGING and TABLES too (it tests direction bits).
 */

import { createRequire } from 'node:module';
import { AppError } from '../../model/errors.js';
import { SapResourceError, SapTimeoutError } from '../errors.js';
import type { RfcClient, RfcParameters } from '../rfc.js';
import { ConnectionRfcClient, type RfcConnection, type RfcConnector } from './connectionClient.js';

/**
 * Logon parameters as node-rfc takes them (the keys of sapnwrfc.ini, lower case). One target is
 * needed: `ashost` + `sysnr` (one application server), `mshost` + `msserv`/`sysid` + `group`
 * (load balancing through the message server), `dest` (an entry of sapnwrfc.ini found through
 * RFC_INI) or `wshost` + `wsport` (WebSocket RFC).
 */
export interface NodeRfcConnectionParameters {
  ashost?: string;
  sysnr?: string;
  mshost?: string;
  msserv?: string;
  group?: string;
  sysid?: string;
  r3name?: string;
  dest?: string;
  wshost?: string;
  wsport?: string;
  saprouter?: string;
  client?: string;
  user?: string;
  /** From configuration or a vault; never logged, never part of a description. */
  passwd?: string;
  lang?: string;
  snc_mode?: string;
  snc_partnername?: string;
  snc_qop?: string;
  snc_myname?: string;
  snc_lib?: string;
  snc_sso?: string;
  x509cert?: string;
  use_tls?: string;
  tls_client_pse?: string;
  trace?: string;
}

export interface NodeRfcOptions {
  connection: NodeRfcConnectionParameters;
  /**
   * `high`: connections in use at once (calls beyond it wait for a free one, at most `timeoutMs`)
   * and kept open when idle; `low`: connections kept open ready. node-rfc's defaults are 2 and 4.
   * Each call in flight holds one libuv thread: see nodeRfcThreadPool.ts.
   */
  pool?: { low?: number; high?: number };
  /** Default timeout of a call (and of the wait for a free connection). */
  timeoutMs: number;
}

/** The part of node-rfc's API this transport uses, in its promise form (node-rfc 3.3.1 lib/*.d.ts). */
export interface NodeRfcCallOptions {
  /** Seconds; node-rfc cancels the call when they have passed. */
  timeout?: number;
}

export interface NodeRfcClientOptions {
  stateless?: boolean;
  /** Seconds; the default of the call option. */
  timeout?: number;
}

export interface NodeRfcPoolConfiguration {
  connectionParameters: Record<string, string>;
  clientOptions?: NodeRfcClientOptions;
  poolOptions?: { low: number; high: number };
}

/** A client leased from a Pool ("managed client"). */
export interface NodeRfcManagedClient {
  readonly id: number;
  readonly alive: boolean;
  call(rfmName: string, rfmParams: RfcParameters, callOptions?: NodeRfcCallOptions): Promise<Record<string, unknown>>;
  cancel(): Promise<void>;
  resetServerContext(): Promise<void>;
}

export interface NodeRfcPool {
  acquire(): Promise<NodeRfcManagedClient>;
  release(client: NodeRfcManagedClient): Promise<unknown>;
  closeAll(): Promise<void>;
}

export interface NodeRfcModule {
  Pool: new (configuration: NodeRfcPoolConfiguration) => NodeRfcPool;
}

export type NodeRfcLoader = () => NodeRfcModule;

/** Loads node-rfc from node_modules (it is CommonJS). Its type declarations type every method as `void | Promise` (one signature serves callbacks and promises); called without a callback, they return the promise. */
export const loadNodeRfcModule: NodeRfcLoader = () => createRequire(import.meta.url)('node-rfc') as NodeRfcModule;

export const NODE_RFC_UNAVAILABLE = 'SAP_RFC_SDK_MISSING';
export const NODE_RFC_CONFIG_INVALID = 'SAP_RFC_CONFIG_INVALID';

const DEFAULT_POOL = { low: 2, high: 4 };
const TARGETS = ['ashost', 'mshost', 'dest', 'wshost'] as const;

/**
 * Creates the node-rfc RfcClient. Loads node-rfc now (not when this file is imported), so a
 * machine without the SAP NW RFC SDK fails at start with a configuration error, not at the first call.
 */
export function createNodeRfcClient(options: NodeRfcOptions, loadNodeRfc: NodeRfcLoader = loadNodeRfcModule): RfcClient {
  const pool = { ...DEFAULT_POOL, ...options.pool };
  checkOptions(options, pool);
  const nodeRfc = load(loadNodeRfc);
  const connectionParameters = Object.fromEntries(Object.entries(options.connection).filter(([, value]) => value !== undefined && value !== ''));
  const nodeRfcPool = new nodeRfc.Pool({
    connectionParameters,
    // Stateful, so a write BAPI and its commit share the ABAP session; `bcd` left out keeps packed numbers as strings.
    clientOptions: { stateless: false },
    poolOptions: pool,
  });
  return new ConnectionRfcClient(new NodeRfcConnector(nodeRfcPool, new ConnectionSlots(pool.high), options.timeoutMs), {
    description: describe(options.connection),
    timeoutMs: options.timeoutMs,
  });
}

function checkOptions(options: NodeRfcOptions, pool: { low: number; high: number }): void {
  const invalid = (message: string): AppError => new AppError(NODE_RFC_CONFIG_INVALID, message, { category: 'config' });
  if (!TARGETS.some((key) => options.connection[key])) {
    throw invalid('The node-rfc connection names no SAP system: set ashost and sysnr (one application server), mshost, msserv/sysid and group (load balancing), dest (an entry of sapnwrfc.ini) or wshost and wsport (WebSocket RFC)');
  }
  if (!Number.isInteger(pool.high) || pool.high < 1 || !Number.isInteger(pool.low) || pool.low < 0 || pool.low > pool.high) {
    throw invalid(`The node-rfc pool sizes are invalid (low ${pool.low}, high ${pool.high}): high must be a whole number of at least 1, low between 0 and high`);
  }
  if (!(options.timeoutMs > 0)) throw invalid(`The node-rfc call timeout must be a positive number of milliseconds, not ${options.timeoutMs}`);
}

function load(loadNodeRfc: NodeRfcLoader): NodeRfcModule {
  try {
    return loadNodeRfc();
  } catch (error) {
    throw new AppError(NODE_RFC_UNAVAILABLE, unavailableMessage(error), { category: 'config', cause: error });
  }
}

function unavailableMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const instead = 'or choose the soap-rfc transport, which needs no SDK. See docs/sap-node-rfc.md.';
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    return `The npm package node-rfc is not installed (${reason}). Run npm install in the gateway's folder (node-rfc is one of its dependencies), ${instead}`;
  }
  if (/GLIBC/.test(reason)) {
    return `node-rfc's prebuilt binary does not run on this Linux (${reason}): build node-rfc from source against the SAP NW RFC SDK, ${instead}`;
  }
  return `node-rfc cannot load the SAP NW RFC SDK (${reason}). Install SAP NW RFC SDK 7.50 from the SAP Support Portal, set SAPNWRFC_HOME to its folder and put its lib folder on LD_LIBRARY_PATH (Linux) or PATH (Windows), then restart the gateway, ${instead}`;
}

/** Where the client connects, for logs: the target and the logon client and user, never the password. */
function describe(connection: NodeRfcConnectionParameters): string {
  const target = connection.dest
    ? `dest ${connection.dest}`
    : connection.mshost
      ? `message server ${connection.mshost} group ${connection.group ?? 'PUBLIC'}${connection.sysid ? ` system ${connection.sysid}` : ''}`
      : connection.wshost
        ? `websocket ${connection.wshost}:${connection.wsport ?? ''}`
        : `${connection.ashost ?? ''} system number ${connection.sysnr ?? ''}`;
  const logon = [connection.client ? `client ${connection.client}` : '', connection.user ? `user ${connection.user}` : ''].filter(Boolean).join(' ');
  return `node-rfc ${target}${logon ? ` ${logon}` : ''}`;
}

type Connection = RfcConnection & { client: NodeRfcManagedClient };

class NodeRfcConnector implements RfcConnector<Connection> {
  constructor(private readonly pool: NodeRfcPool, private readonly slots: ConnectionSlots, private readonly waitMs: number) {}

  async acquire(): Promise<Connection> {
    await this.slots.take(this.waitMs);
    let client: NodeRfcManagedClient;
    try {
      client = await this.pool.acquire();
    } catch (error) {
      this.slots.give();
      throw error;
    }
    return { client, call: (functionModule, parameters, options) => callWithCancel(client, functionModule, parameters, options) };
  }

  async release({ client }: Connection, reset: boolean): Promise<void> {
    try {
      // A client whose connection broke and could not be reopened has no session left to reset.
      if (reset && client.alive) await client.resetServerContext();
    } finally {
      try {
        await this.pool.release(client);
      } finally {
        this.slots.give();
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.closeAll();
  }
}

async function callWithCancel(
  client: NodeRfcManagedClient,
  functionModule: string,
  parameters: RfcParameters,
  { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number },
): Promise<Record<string, unknown>> {
  if (signal.aborted) throw new SapTimeoutError(`${functionModule} was cancelled before it was sent to SAP`, { details: { functionModule } });
  // RfcCancel ends the call in SAP and closes the connection; node-rfc then logs on again.
  const cancel = (): void => void client.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    // node-rfc's own timeout (whole seconds, rounded up) backs up the abort signal, which is precise to the millisecond.
    return await client.call(functionModule, parameters, { timeout: Math.ceil(timeoutMs / 1000) });
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** At most `size` connections in use; a caller waits for a free one, but not longer than it would wait for SAP. */
class ConnectionSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {
    this.free = size;
  }

  async take(waitMs: number): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const granted = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(granted), 1);
        reject(new SapResourceError(`All ${this.size} node-rfc connections to SAP stayed busy for ${waitMs} ms; the call will be retried. Raise the pool's high (and UV_THREADPOOL_SIZE with it) if SAP has work processes to spare.`));
      }, waitMs);
      this.waiting.push(granted);
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}
