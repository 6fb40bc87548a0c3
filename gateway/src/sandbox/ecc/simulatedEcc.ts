/**
 * The simulated SAP ECC system: a database, the function modules, user sessions with their
 * LUWs, number ranges, locks and the realism knobs. Callers reach it through connections that
 * behave like node-rfc clients (one ABAP session each); the SOAP-RFC service and the
 * in-process transport are built on them.
 */

import { writeChangeDocument } from './changeDocuments.js';
import { Database } from './database.js';
import { expandOutput, normalizeInput, type CallInput, type FunctionContext, type FunctionModuleDef, type StructureValue } from './functionModule.js';
import { ADD_ON_FUNCTION_GROUP, eccKnobsSchema, type EccKnobs } from './knobs.js';
import { nextNumber } from './numberRanges.js';
import { abapRuntimeFailure, communicationFailure, functionNotFound, logonFailure, RfcLibraryError, RFC_ERROR_GROUP } from './rfcErrors.js';
import { EccSession, UpdateWriter, type PendingUpdate } from './session.js';
import { WorkProcessPool } from './workProcesses.js';
import { Random } from '../random.js';

export interface SimulatedEccOptions {
  systemId?: string;
  client?: string;
  /** RFC users and their passwords. */
  users?: Record<string, string>;
  knobs?: Partial<EccKnobs>;
  /** A fixed "today" (YYYY-MM-DD) for reproducible runs; the real date otherwise. */
  today?: string;
  /** Seed of the fault injection and latency jitter. */
  randomSeed?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

const cancelled = (): RfcLibraryError =>
  new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_CANCELED', group: RFC_ERROR_GROUP.COMMUNICATION_FAILURE, key: 'RFC_CANCELED', message: 'Connection closed by cancel request' });

export class SimulatedEcc {
  readonly systemId: string;
  readonly client: string;
  readonly db = new Database();
  knobs: EccKnobs;
  readonly workProcesses: WorkProcessPool;
  /** Calls per function module since start, for tests and benchmarks. */
  readonly callCounts = new Map<string, number>();
  private readonly functions = new Map<string, FunctionModuleDef>();
  private readonly users: Record<string, string>;
  private readonly locks = new Map<string, EccSession>();
  private readonly random: Random;
  private readonly fixedToday: string | undefined;
  private readonly commitListeners: (() => void)[] = [];
  private readonly pendingAsyncUpdates = new Map<NodeJS.Timeout, () => void>();

  constructor(functions: FunctionModuleDef[], options: SimulatedEccOptions = {}) {
    this.systemId = options.systemId ?? 'ECS';
    this.client = options.client ?? '100';
    this.users = options.users ?? { ECC365: 'sandbox' };
    this.knobs = eccKnobsSchema.parse(options.knobs ?? {});
    this.random = new Random(options.randomSeed ?? 4365);
    this.fixedToday = options.today;
    this.workProcesses = new WorkProcessPool(() => this.knobs);
    for (const fn of functions) this.functions.set(fn.name, fn);
  }

  setKnobs(changes: Partial<EccKnobs>): EccKnobs {
    this.knobs = eccKnobsSchema.parse({ ...this.knobs, ...changes });
    return this.knobs;
  }

  /** A function module of the system; the add-on's only while it is imported (knob addOn). */
  functionModule(name: string): FunctionModuleDef | undefined {
    const def = this.functions.get(name);
    return def && this.isImported(def) ? def : undefined;
  }

  functionModules(): FunctionModuleDef[] {
    return [...this.functions.values()].filter((def) => this.isImported(def));
  }

  private isImported(def: FunctionModuleDef): boolean {
    return this.knobs.addOn || def.functionGroup !== ADD_ON_FUNCTION_GROUP;
  }

  /** Logs on a user and opens an ABAP session, as RfcOpenConnection does. */
  connect(user: string, password: string): EccConnection {
    if (this.knobs.down) throw communicationFailure(`Partner '${this.systemId.toLowerCase()}host:sapgw00' not reached`);
    if (this.users[user.toUpperCase()] !== password) throw logonFailure();
    return new EccConnection(this, user.toUpperCase());
  }

  /** Today's date as DATS. */
  today(): string {
    return (this.fixedToday ?? new Date().toISOString().slice(0, 10)).replaceAll('-', '');
  }

  /** The current time as TIMS. */
  now(): string {
    return new Date().toISOString().slice(11, 19).replaceAll(':', '');
  }

  /** Draws the next number of a number range interval (NRIV). */
  nextNumber(object: string, interval = '01', subobject = '', year = '0000'): string {
    return nextNumber(this.db, object, interval, subobject, year);
  }

  /** Takes an exclusive lock (enqueue) for the session; returns the user holding it when it is taken. */
  enqueue(session: EccSession, lockKey: string): string | undefined {
    const holder = this.locks.get(lockKey);
    if (holder && holder !== session) return holder.user;
    this.locks.set(lockKey, session);
    session.locks.add(lockKey);
    return undefined;
  }

  private releaseLocks(session: EccSession): void {
    for (const lockKey of session.locks) if (this.locks.get(lockKey) === session) this.locks.delete(lockKey);
    session.locks.clear();
  }

  /**
   * COMMIT WORK: runs the LUW's updates. With `wait` they run before the call returns and a
   * failed update is reported; without, they run a little later, as the update task does.
   */
  commit(session: EccSession, wait: boolean): { ok: boolean; error?: string } {
    const updates = session.takeUpdates();
    this.releaseLocks(session);
    if (updates.length === 0) return { ok: true };
    if (wait) return this.runUpdates(updates, session.user);
    const run = (): void => {
      this.pendingAsyncUpdates.delete(timer);
      this.runUpdates(updates, session.user);
    };
    const timer = setTimeout(run, this.knobs.updateDelayMs);
    this.pendingAsyncUpdates.set(timer, run);
    return { ok: true };
  }

  rollback(session: EccSession): void {
    session.takeUpdates();
    this.releaseLocks(session);
  }

  /** Runs updates as one database transaction: all of them, or none. */
  private runUpdates(updates: PendingUpdate[], user: string): { ok: boolean; error?: string } {
    const writers: UpdateWriter[] = [];
    try {
      for (const update of updates) {
        const writer = new UpdateWriter(this.db);
        writers.push(writer);
        update.apply(writer);
        if (update.changeDocument) {
          writeChangeDocument(this.db, { ...update.changeDocument, user }, writer.changes, {
            changeNumber: this.nextNumber('CHANGEDOCU'),
            date: this.today(),
            time: this.now(),
          });
        }
      }
    } catch (error) {
      for (const writer of writers.reverse()) writer.undo();
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    for (const listener of this.commitListeners) listener();
    return { ok: true };
  }

  /** Called after each committed LUW (the state file uses it). */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  /** Runs one call on a session: checks, a work process, latency, injected faults, the handler. */
  async execute(session: EccSession, name: string, parameters: Record<string, unknown>, options: CallOptions = {}): Promise<Record<string, unknown>> {
    if (this.knobs.down) throw communicationFailure(`Connection to partner '${this.systemId.toLowerCase()}host:sapgw00' broken`);
    const def = this.functionModule(name);
    if (!def) throw functionNotFound(name);
    const input = normalizeInput(def, parameters);
    if (this.random.chance(this.knobs.failureRate)) {
      throw communicationFailure(`Connection to partner '${this.systemId.toLowerCase()}host:sapgw00' broken (injected failure)`);
    }
    this.callCounts.set(name, (this.callCounts.get(name) ?? 0) + 1);
    await this.workProcesses.acquire();
    let output: Record<string, unknown>;
    try {
      const latency = this.knobs.latencyMs + (this.knobs.latencyJitterMs > 0 ? this.random.int(0, this.knobs.latencyJitterMs) : 0);
      if (latency > 0) await sleep(latency, options.signal);
      if (options.signal?.aborted) throw cancelled();
      try {
        output = expandOutput(def, input, await def.handler(this.contextOf(session, input)));
      } catch (error) {
        if (error instanceof RfcLibraryError || error instanceof TypeError) throw error;
        throw abapRuntimeFailure('SYSTEM_FAILURE', `${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      this.workProcesses.release();
    }
    if (this.random.chance(this.knobs.lostResponseRate)) {
      throw communicationFailure(`Connection to partner '${this.systemId.toLowerCase()}host:sapgw00' broken after the call ran (injected failure)`);
    }
    return output;
  }

  /**
   * CALL FUNCTION from inside a function module: the same session and work process, so no
   * latency, injected faults or call count of its own. Unlike RFC it checks no S_RFC and
   * needs no RFC flag; an unknown name dumps as CALL_FUNCTION_NOT_FOUND.
   */
  async callLocally(session: EccSession, name: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>> {
    const def = this.functionModule(name);
    if (!def) throw abapRuntimeFailure('CALL_FUNCTION_NOT_FOUND', `Function module "${name}" not found`);
    const input = normalizeInput(def, parameters);
    return expandOutput(def, input, await def.handler(this.contextOf(session, input)));
  }

  private contextOf(session: EccSession, input: CallInput): FunctionContext {
    return {
      ecc: this,
      db: this.db,
      session,
      input,
      scalar: (n) => {
        const value = input[n];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      },
      structure: (n) => (input[n] ?? {}) as StructureValue,
      table: (n) => (input[n] ?? []) as StructureValue[],
      call: (name, parameters) => this.callLocally(session, name, parameters),
    };
  }

  /** Runs pending asynchronous updates now (at shutdown, so no committed work is lost). */
  flushUpdates(): void {
    for (const [timer, run] of [...this.pendingAsyncUpdates]) {
      clearTimeout(timer);
      run();
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A logged-on RFC connection: one ABAP session, like a node-rfc Client. */
export class EccConnection {
  private session: EccSession;
  private open = true;

  constructor(private readonly ecc: SimulatedEcc, readonly user: string) {
    this.session = new EccSession(user);
  }

  get alive(): boolean {
    return this.open;
  }

  get sessionId(): string {
    return this.session.id;
  }

  async call(name: string, parameters: Record<string, unknown>, options: CallOptions = {}): Promise<Record<string, unknown>> {
    if (!this.open) {
      const error = new Error(`RFM client request over closed connection: invoke() ${name}`);
      error.name = 'nodeRfcError';
      throw error;
    }
    try {
      return await this.ecc.execute(this.session, name, parameters, options);
    } catch (error) {
      // SAP ends the ABAP session (rolling back its LUW) after a short dump or a broken connection.
      if (error instanceof RfcLibraryError && (error.group === RFC_ERROR_GROUP.ABAP_RUNTIME_FAILURE || error.group === RFC_ERROR_GROUP.COMMUNICATION_FAILURE)) {
        this.resetServerContext();
      }
      throw error;
    }
  }

  /** Ends the ABAP session (rolling back what is uncommitted) and starts a new one. */
  resetServerContext(): void {
    this.ecc.rollback(this.session);
    this.session = new EccSession(this.user);
  }

  close(): void {
    if (!this.open) return;
    this.ecc.rollback(this.session);
    this.open = false;
  }
}
