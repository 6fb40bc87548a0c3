/**
 * An RfcClient over stateful RFC connections (node-rfc clients, or connections to the
 * in-process simulated ECC): a stateless call borrows a connection for one call; a session
 * keeps one connection for its whole work and resets its ABAP context afterwards, so that an
 * uncommitted LUW can never leak into the next borrower. Failures are mapped to typed errors.
 */

import { mapRfcLibraryError } from './rfcLibraryErrors.js';
import { SapCommunicationError, SapTimeoutError } from '../errors.js';
import type { RfcCallOptions, RfcClient, RfcParameters, RfcSession } from '../rfc.js';

export interface RfcConnection {
  call(functionModule: string, parameters: RfcParameters, options: { signal: AbortSignal; timeoutMs: number }): Promise<Record<string, unknown>>;
}

export interface RfcConnector<C extends RfcConnection> {
  acquire(): Promise<C>;
  /** Gives a connection back; `reset` ends its ABAP session first (rolling back anything open). */
  release(connection: C, reset: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectionClientOptions {
  description: string;
  /** Default timeout of a call. */
  timeoutMs: number;
}

export class ConnectionRfcClient<C extends RfcConnection> implements RfcClient {
  readonly description: string;
  private closing = false;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly connector: RfcConnector<C>, private readonly options: ConnectionClientOptions) {
    this.description = options.description;
  }

  async call(functionModule: string, parameters: RfcParameters, options?: RfcCallOptions): Promise<RfcParameters> {
    return this.inSession((session) => session.call(functionModule, parameters, options), false);
  }

  async inSession<T>(work: (session: RfcSession) => Promise<T>, resetAfter = true): Promise<T> {
    if (this.closing) throw new SapCommunicationError('The gateway is shutting down and takes no new SAP calls');
    this.inFlight += 1;
    let connection: C;
    try {
      connection = await this.connector.acquire();
    } catch (error) {
      this.finished();
      throw mapRfcLibraryError(error, 'RFC logon');
    }
    let broken = false;
    const session: RfcSession = {
      call: async (functionModule, parameters, options) => {
        const timeoutMs = options?.timeoutMs ?? this.options.timeoutMs;
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        try {
          return (await connection.call(functionModule, parameters, { signal, timeoutMs })) as RfcParameters;
        } catch (error) {
          const mapped = mapRfcLibraryError(error, functionModule);
          if (mapped.category === 'transient') broken = true;
          if (timeout.aborted && !(mapped instanceof SapTimeoutError)) {
            throw new SapTimeoutError(`${functionModule} did not answer within ${timeoutMs} ms`, { cause: error, details: { functionModule } });
          }
          throw mapped;
        }
      },
    };
    try {
      return await work(session);
    } finally {
      await this.connector.release(connection, resetAfter || broken).catch(() => undefined);
      this.finished();
    }
  }

  private finished(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.drained?.();
  }

  async ping(options?: RfcCallOptions): Promise<void> {
    await this.call('RFC_PING', {}, options);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.connector.close();
  }
}
