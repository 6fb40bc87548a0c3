/**
 * Stateful ICF sessions of the SOAP-RFC service. A request with sap-sessioncmd=open gets its
 * own ABAP session (an EccConnection) and a context id in SAP's session-id format
 * (SID:ANON:<host>_<SID>_<instance>:<id>-ATT); requests carrying that id run in the same
 * session, one after the other, until sap-sessioncmd=close or an inactivity timeout ends it,
 * rolling back whatever is uncommitted. The table is bounded: when it is full, no new session
 * is opened (the caller gets a transient failure) rather than an open one being evicted.
 */

import { randomBytes } from 'node:crypto';
import type { EccConnection } from '../simulatedEcc.js';

export interface SessionTableOptions {
  /** Inactivity after which a session ends (SICF's session timeout). */
  timeoutMs: number;
  maxSessions: number;
  /** <host>_<SID>_<instance number>, the part of the id a load balancer routes by. */
  serverName: string;
}

interface Session {
  id: string;
  user: string;
  connection: EccConnection;
  /** Requests of a session run one after another, as in one ABAP session. */
  tail: Promise<unknown>;
  running: number;
  timer: NodeJS.Timeout | undefined;
}

export class SessionTableFull extends Error {}

/** The session was closed or timed out (also while a request waited for its turn in it). */
export class SessionNotFound extends Error {}

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: SessionTableOptions) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Opens a session on a logged-on connection and returns its context id. */
  open(user: string, connection: EccConnection): string {
    if (this.sessions.size >= this.options.maxSessions) {
      throw new SessionTableFull(`the maximum of ${this.options.maxSessions} stateful sessions is reached`);
    }
    const id = `SID:ANON:${this.options.serverName}:${randomBytes(30).toString('base64url')}-ATT`;
    const session: Session = { id, user, connection, tail: Promise.resolve(), running: 0, timer: undefined };
    this.sessions.set(id, session);
    this.armTimer(session);
    return id;
  }

  /** Whether `id` is a live session of `user`. */
  has(id: string, user: string): boolean {
    return this.sessions.get(id)?.user === user;
  }

  /** Runs `work` in the session after the requests already queued in it. */
  async run<T>(id: string, work: (connection: EccConnection) => Promise<T>): Promise<T> {
    const session = this.sessions.get(id);
    if (!session) throw new SessionNotFound(id);
    session.running += 1;
    clearTimeout(session.timer);
    const result = session.tail.then(() => {
      if (this.sessions.get(id) !== session) throw new SessionNotFound(id);
      return work(session.connection);
    });
    session.tail = result.catch(() => undefined);
    try {
      return await result;
    } finally {
      session.running -= 1;
      if (session.running === 0 && this.sessions.get(id) === session) this.armTimer(session);
    }
  }

  /** Ends a session: its LUW is rolled back and its locks released. */
  close(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    clearTimeout(session.timer);
    this.sessions.delete(id);
    session.connection.close();
  }

  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  private armTimer(session: Session): void {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => this.close(session.id), this.options.timeoutMs);
    session.timer.unref();
  }
}
