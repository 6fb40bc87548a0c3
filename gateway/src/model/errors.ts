/**
 * The error taxonomy every part of the gateway speaks. A cause (an RFC error group, a BAPI
 * message, an HTTP status, a Dataverse error code) is mapped once, at the edge, to a stable
 * code, a category and what to do about it; everything above branches on these, never on
 * the raw cause.
 */

/** Why it failed, from the operator's point of view. */
export type ErrorCategory =
  | 'config' // wrong setting or credentials: an admin must fix something
  | 'system' // the remote system is broken or refused in a way retrying will not fix
  | 'transient' // network, timeout, resource shortage: retrying later will likely work
  | 'business' // the remote system rejected the data (BAPI RETURN type E/A, Dataverse validation)
  | 'validation'; // our caller sent bad input

/** What a caller should do next. */
export type ErrorAction = 'retry' | 'rate-limited' | 'fail';

/** A message from SAP (BAPIRET2 and its older siblings), kept as SAP sent it. */
export interface SapMessage {
  type: 'S' | 'E' | 'W' | 'I' | 'A' | '';
  id: string;
  number: string;
  message: string;
  parameter?: string;
  row?: number;
  field?: string;
}

export interface AppErrorOptions {
  category: ErrorCategory;
  action?: ErrorAction;
  /** Seconds to wait before a retry, when the remote system said so. */
  retryAfterSeconds?: number;
  /** SAP's messages behind a business error. */
  sapMessages?: SapMessage[];
  /** Anything else that helps an operator, never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly action: ErrorAction;
  readonly retryAfterSeconds: number | undefined;
  readonly sapMessages: SapMessage[];
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.category = options.category;
    this.action = options.action ?? (options.category === 'transient' ? 'retry' : 'fail');
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.sapMessages = options.sapMessages ?? [];
    this.details = options.details ?? {};
  }

  get retryable(): boolean {
    return this.action !== 'fail';
  }

  toJSON(): { code: string; message: string } & Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      category: this.category,
      action: this.action,
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      ...(this.sapMessages.length > 0 ? { sapMessages: this.sapMessages } : {}),
      ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}),
    };
  }
}
