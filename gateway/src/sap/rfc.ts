/**
 * The one RFC client interface every BAPI wrapper is written against. It is shaped like
 * node-rfc's `client.call(functionModule, parameters)`: parameters and results are plain
 * objects keyed by SAP's parameter names; structures are objects keyed by field names;
 * TABLES are arrays of such objects.
 *
 * Values are in SAP's internal (RFC) format, whatever the transport: CHAR, NUMC, DATS
 * ("YYYYMMDD"), TIMS ("HHMMSS") and packed numbers (DEC, CURR, QUAN) as strings; INT as
 * numbers. ALPHA conversion is not done by RFC: callers pad numbers themselves (see alpha.ts).
 *
 * TABLES parameters are in/out: a caller that wants a table back passes it, empty if need be.
 */

export type RfcScalar = string | number;
export type RfcStructure = Record<string, RfcScalar>;
export type RfcTable = RfcStructure[];
export type RfcValue = RfcScalar | RfcStructure | RfcTable;
export type RfcParameters = Record<string, RfcValue>;

export interface RfcCallOptions {
  /** Abort the call after this many milliseconds (the transport's default otherwise). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One SAP user session: calls run one after another in the same ABAP session. */
export interface RfcSession {
  call(functionModule: string, parameters: RfcParameters, options?: RfcCallOptions): Promise<RfcParameters>;
}

export interface RfcClient extends RfcSession {
  /**
   * Runs `work` on one SAP session held for its whole duration, so that a write BAPI and its
   * BAPI_TRANSACTION_COMMIT share an LUW. The session is released afterwards; anything left
   * uncommitted is rolled back by SAP when the session ends.
   */
  inSession<T>(work: (session: RfcSession) => Promise<T>): Promise<T>;
  /** Checks that SAP answers (RFC_PING). */
  ping(options?: RfcCallOptions): Promise<void>;
  /** Stops taking calls and releases connections once in-flight calls end. */
  close(): Promise<void>;
  /** A short description for logs and /readyz ("soap-rfc https://host/sap/bc/soap/rfc client 100"). */
  readonly description: string;
}

/** Reads a TABLES result that a transport may have left out when SAP returned no rows. */
export function tableOf(result: RfcParameters, name: string): RfcTable {
  const value = result[name];
  return Array.isArray(value) ? value : [];
}

/** Reads an EXPORT structure; a missing or scalar value means an empty structure. */
export function structureOf(result: RfcParameters, name: string): RfcStructure {
  const value = result[name];
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Reads a scalar EXPORT parameter as a string. */
export function scalarOf(result: RfcParameters, name: string): string {
  const value = result[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
