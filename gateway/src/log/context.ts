/**
 * The correlation id of the request or job being worked on, carried through async calls with
 * AsyncLocalStorage so that every log line of one request or job carries the same id, from
 * the trigger to SAP to Dataverse.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface LogContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Accepts a caller's id only if it is short and plain, so it cannot inject into logs. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function newCorrelationId(proposed?: string): string {
  return proposed !== undefined && ACCEPTABLE_ID.test(proposed) ? proposed : randomUUID();
}

export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
