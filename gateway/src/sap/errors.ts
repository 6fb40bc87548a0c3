/**
 * SAP failures mapped to the gateway's error taxonomy. Transports map their own failures
 * (node-rfc error groups, SOAP faults, HTTP statuses) to these classes; BAPI wrappers raise
 * SapBusinessError for RETURN messages of type E or A.
 */

import { AppError, type AppErrorOptions, type SapMessage } from '../model/errors.js';

/** SAP could not be reached, or the connection broke: retry later. */
export class SapCommunicationError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_COMMUNICATION', message, { category: 'transient', ...options });
  }
}

/** The call took longer than allowed and was cancelled: retry later. */
export class SapTimeoutError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_TIMEOUT', message, { category: 'transient', ...options });
  }
}

/** SAP had no free work process or session: retry later, more slowly. */
export class SapResourceError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_RESOURCE_EXHAUSTED', message, { category: 'transient', action: 'rate-limited', ...options });
  }
}

/** Logon refused: user, password, client or authorization for RFC is wrong. */
export class SapLogonError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_LOGON_FAILED', message, { category: 'config', ...options });
  }
}

/** The gateway called a function module that does not exist or passed a parameter SAP does not know. */
export class SapInterfaceError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_INTERFACE_MISMATCH', message, { category: 'config', ...options });
  }
}

/** The function module raised one of its exceptions (e.g. RFC_READ_TABLE's TABLE_NOT_AVAILABLE). */
export class SapAbapException extends AppError {
  readonly exception: string;
  constructor(exception: string, message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_ABAP_EXCEPTION', message, { category: 'system', ...options, details: { exception, ...options.details } });
    this.exception = exception;
  }
}

/** An ABAP short dump or other runtime failure inside SAP. */
export class SapRuntimeError extends AppError {
  constructor(message: string, options: Partial<AppErrorOptions> = {}) {
    super('SAP_RUNTIME_ERROR', message, { category: 'system', ...options });
  }
}

/** SAP rejected the data: RETURN held a message of type E or A. */
export class SapBusinessError extends AppError {
  constructor(message: string, sapMessages: SapMessage[], options: Partial<AppErrorOptions> = {}) {
    super('SAP_REJECTED', message, { category: 'business', sapMessages, ...options });
  }
}

/** The object asked for does not exist in SAP. */
export class SapNotFoundError extends AppError {
  constructor(message: string, sapMessages: SapMessage[] = [], options: Partial<AppErrorOptions> = {}) {
    super('SAP_NOT_FOUND', message, { category: 'business', sapMessages, ...options });
  }
}

export function isSapTransientError(error: unknown): boolean {
  return error instanceof AppError && error.category === 'transient';
}
