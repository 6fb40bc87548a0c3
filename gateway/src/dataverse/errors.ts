/**
 * Dataverse failures in the gateway's error taxonomy. Every answer that is not a success is mapped
 * once, here, by one table (RESPONSE_RULES) from the HTTP status and Dataverse's hexadecimal error
 * code to a typed error with a stable code, a category, and a message an operator can act on;
 * Dataverse's own code and message are kept on the error (dataverseCode, dataverseMessage) and in
 * its details. Whether a failure is retried is decided elsewhere (retryPolicy.ts); these are what
 * is left when it is not, or no longer.
 */

import { AppError, type AppErrorOptions } from '../model/errors.js';

export type DataverseErrorCode =
  | 'DATAVERSE_NOT_FOUND'
  | 'DATAVERSE_DUPLICATE_KEY'
  | 'DATAVERSE_CONCURRENCY_MISMATCH'
  | 'DATAVERSE_ACCESS_DENIED'
  | 'DATAVERSE_VALIDATION'
  | 'DATAVERSE_REJECTED'
  | 'DATAVERSE_SCHEMA_MISMATCH'
  | 'DATAVERSE_BAD_REQUEST'
  | 'DATAVERSE_UNAUTHORIZED'
  | 'DATAVERSE_THROTTLED'
  | 'DATAVERSE_UNAVAILABLE'
  | 'DATAVERSE_TIMEOUT'
  | 'DATAVERSE_OUTCOME_UNKNOWN'
  | 'DATAVERSE_CANCELLED'
  | 'DATAVERSE_SERVER_ERROR'
  | 'DATAVERSE_BAD_RESPONSE'
  | 'DATAVERSE_INVALID_REQUEST'
  | 'DATAVERSE_DELTA_TOKEN_INVALID';

/** Where a failure happened, for the message and the details. */
export interface FailureContext {
  /** What the request does, e.g. "retrieve accounts", "upsert accounts by key". */
  operation: string;
  /** Host of the Dataverse environment. */
  host: string;
  /** Set when the request ran as a CRM user (CallerObjectId). */
  callerObjectId?: string;
  /** Attempts made, retries included. */
  attempts: number;
  /** True when an earlier attempt was sent and its answer lost, so this answer may follow a change that did happen. */
  afterUnknownOutcome: boolean;
}

export interface DataverseErrorOptions extends Partial<AppErrorOptions> {
  status?: number;
  dataverseCode?: string;
  dataverseMessage?: string;
  context?: FailureContext;
}

export class DataverseError extends AppError {
  declare readonly code: DataverseErrorCode;
  /** HTTP status of Dataverse's answer, when there was one. */
  readonly status: number | undefined;
  /** Dataverse's error code, e.g. 0x80040217. */
  readonly dataverseCode: string | undefined;
  /** Dataverse's error message, as sent. */
  readonly dataverseMessage: string | undefined;
  readonly attempts: number;
  readonly afterUnknownOutcome: boolean;

  constructor(code: DataverseErrorCode, message: string, options: DataverseErrorOptions & { category: AppErrorOptions['category'] }) {
    const { status, dataverseCode, dataverseMessage, context, ...rest } = options;
    super(code, message, {
      ...rest,
      details: {
        ...(status !== undefined ? { httpStatus: status } : {}),
        ...(dataverseCode ? { dataverseCode } : {}),
        ...(dataverseMessage ? { dataverseMessage } : {}),
        ...(context ? { operation: context.operation, attempts: context.attempts } : {}),
        ...(context?.callerObjectId ? { callerObjectId: context.callerObjectId } : {}),
        ...rest.details,
      },
    });
    this.status = status;
    this.dataverseCode = dataverseCode;
    this.dataverseMessage = dataverseMessage;
    this.attempts = context?.attempts ?? 0;
    this.afterUnknownOutcome = context?.afterUnknownOutcome ?? false;
  }
}

type Options = DataverseErrorOptions;

/** The record (or the alternate key's record) does not exist. */
export class DataverseNotFoundError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_NOT_FOUND', message, { category: 'business', ...options });
  }
}

/** A record with the same primary or alternate key already exists. */
export class DataverseDuplicateKeyError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_DUPLICATE_KEY', message, { category: 'business', ...options });
  }
}

/** The record changed since it was read (If-Match with an ETag did not match). */
export class DataverseConcurrencyError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_CONCURRENCY_MISMATCH', message, { category: 'business', ...options });
  }
}

/** The user the request ran as lacks a privilege or access to the record. */
export class DataverseAccessDeniedError extends DataverseError {
  constructor(message: string, options: Options & { category: 'config' | 'business' }) {
    super('DATAVERSE_ACCESS_DENIED', message, options);
  }
}

/** Dataverse refused the values sent (length, option value, required column, state and status). */
export class DataverseValidationError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_VALIDATION', message, { category: 'business', ...options });
  }
}

/** A plug-in or business rule in the environment refused the operation. */
export class DataverseRejectedError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_REJECTED', message, { category: 'business', ...options });
  }
}

/** The environment lacks a table, column or key the gateway uses: the solution is missing or outdated. */
export class DataverseSchemaError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_SCHEMA_MISMATCH', message, { category: 'config', ...options });
  }
}

/** Dataverse could not read the request: a defect in the gateway, not in the data. */
export class DataverseBadRequestError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_BAD_REQUEST', message, { category: 'system', ...options });
  }
}

/** Dataverse refused the gateway's token. */
export class DataverseUnauthorizedError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_UNAUTHORIZED', message, { category: 'config', ...options });
  }
}

/** Service protection limits: still refused after the retries allowed. */
export class DataverseThrottledError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_THROTTLED', message, { category: 'transient', action: 'rate-limited', ...options });
  }
}

/** Dataverse could not be reached or answered 502/503/504: still failing after the retries allowed. */
export class DataverseUnavailableError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_UNAVAILABLE', message, { category: 'transient', ...options });
  }
}

/** No answer in time, for a request that is safe to repeat (or was never sent). */
export class DataverseTimeoutError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_TIMEOUT', message, { category: 'transient', ...options });
  }
}

/**
 * A write that is not safe to repeat was sent and its answer was lost (timeout, broken connection,
 * 502/504 from a proxy): it may or may not have been applied, so it was not retried.
 */
export class DataverseOutcomeUnknownError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_OUTCOME_UNKNOWN', message, { category: 'transient', action: 'fail', ...options });
  }
}

/** The caller cancelled the request (its AbortSignal fired). */
export class DataverseCancelledError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_CANCELLED', message, { category: 'transient', action: 'fail', ...options });
  }
}

/** Dataverse failed inside (HTTP 500 and the like). */
export class DataverseServerError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_SERVER_ERROR', message, { category: 'system', ...options });
  }
}

/** Dataverse's answer could not be read (not JSON, a broken multipart body, no record id). */
export class DataverseResponseError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_BAD_RESPONSE', message, { category: 'system', ...options });
  }
}

/** The gateway's own caller asked for something the client refuses before sending (bad GUID, unusable key value). */
export class DataverseRequestError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_INVALID_REQUEST', message, { category: 'validation', ...options });
  }
}

/** A change tracking delta link is no longer valid (expired, or the table's tracking was reset): read everything again. */
export class DataverseDeltaTokenError extends DataverseError {
  constructor(message: string, options: Options = {}) {
    super('DATAVERSE_DELTA_TOKEN_INVALID', message, { category: 'business', ...options });
  }
}

/** Service protection error codes (Dataverse api-limits): number of requests, execution time, concurrent requests. */
export const SERVICE_PROTECTION_CODES: Record<string, string> = {
  '0x80072322': 'number of requests',
  '0x80072321': 'combined execution time',
  '0x80072326': 'concurrent requests',
};

/** Dataverse's error body: {"error":{"code":"0x…","message":"…"}}; anything else is kept as text. */
export function readErrorBody(text: string): { code: string | undefined; message: string | undefined } {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' && parsed.error.code !== '' ? parsed.error.code.toLowerCase() : undefined;
    const message = typeof parsed.error?.message === 'string' && parsed.error.message !== '' ? parsed.error.message : undefined;
    return { code, message };
  } catch {
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return { code: undefined, message: plain === '' ? undefined : plain.slice(0, 300) };
  }
}

interface Answer {
  status: number;
  code: string | undefined;
  message: string | undefined;
  retryAfterSeconds: number | undefined;
}

interface ResponseRule {
  matches(answer: Answer): boolean;
  error(answer: Answer, context: FailureContext, options: Options): DataverseError;
}

const said = (answer: Answer): string => {
  const text = answer.message ?? `HTTP ${answer.status}`;
  return answer.code ? `${answer.code}: ${text}` : text;
};

const asUser = (context: FailureContext): string => (context.callerObjectId ? ` as CRM user ${context.callerObjectId}` : '');

const SCHEMA_MESSAGE = /could not find a property|does not exist on type|resource not found for the segment|key in the request uri is not valid|not a valid entity|entity key .* not found/i;
/** Validation failed, option value out of range, invalid argument. */
const VALIDATION_CODES = new Set(['0x80044331', '0x8004431a', '0x80040203']);

/**
 * The mapping from Dataverse's answer to a typed error, first match wins. Codes are Dataverse's
 * (../shared/notes/dataverse-facts.md); messages say what to check, with Dataverse's words after.
 */
export const RESPONSE_RULES: ResponseRule[] = [
  {
    matches: (a) => a.status === 429 || (a.code !== undefined && a.code in SERVICE_PROTECTION_CODES),
    error: (a, c, o) =>
      new DataverseThrottledError(
        `Dataverse's service protection limit (${SERVICE_PROTECTION_CODES[a.code ?? ''] ?? 'requests'}) refused ${c.operation}${asUser(c)} after ${c.attempts} attempt(s); ` +
          `the gateway slows down and the work is retried later (${said(a)}).`,
        { ...o, ...(a.retryAfterSeconds !== undefined ? { retryAfterSeconds: a.retryAfterSeconds } : {}) },
      ),
  },
  {
    matches: (a) => a.status === 401,
    error: (a, c, o) =>
      new DataverseUnauthorizedError(
        `Dataverse at ${c.host} refused the gateway's access token (HTTP 401). Check the Dataverse environment URL, and that the environment has an enabled application user for the gateway's app registration (client id) — see docs/dataverse.md (${said(a)}).`,
        o,
      ),
  },
  {
    matches: (a) => a.status === 403 && /prvActOnBehalfOfAnotherUser/i.test(a.message ?? ''),
    error: (a, c, o) =>
      new DataverseAccessDeniedError(
        `The gateway's application user may not act on behalf of CRM users (privilege prvActOnBehalfOfAnotherUser, the Delegate role): give it that privilege in ${c.host} (${said(a)}).`,
        { ...o, category: 'config' },
      ),
  },
  {
    matches: (a) => a.status === 403,
    error: (a, c, o) =>
      c.callerObjectId
        ? new DataverseAccessDeniedError(`CRM user ${c.callerObjectId} may not ${c.operation} (${said(a)}).`, { ...o, category: 'business' })
        : new DataverseAccessDeniedError(
            `The gateway's application user lacks a privilege for ${c.operation} in ${c.host}: add it to the application user's security role (see docs/dataverse.md) (${said(a)}).`,
            { ...o, category: 'config' },
          ),
  },
  {
    matches: (a) => (a.status === 404 || a.status === 400) && a.code === '0x80060888' && SCHEMA_MESSAGE.test(a.message ?? ''),
    error: (a, c, o) =>
      new DataverseSchemaError(
        `Dataverse at ${c.host} does not know what ${c.operation} refers to: is the ecc365 solution imported and up to date? (${said(a)})`,
        o,
      ),
  },
  {
    matches: (a) => a.status === 400 && a.code === '0x80048d19' && SCHEMA_MESSAGE.test(a.message ?? ''),
    error: (a, c, o) =>
      new DataverseSchemaError(`Dataverse at ${c.host} has no column the gateway sent for ${c.operation}: is the ecc365 solution imported and up to date? (${said(a)})`, o),
  },
  {
    matches: (a) => a.status === 404,
    error: (a, c, o) => new DataverseNotFoundError(`Dataverse has no record for ${c.operation}${asUser(c)}; it may have been deleted in CRM (${said(a)}).`, o),
  },
  {
    matches: (a) => a.status === 412 && (a.code === '0x80060882' || /version of the existing record/i.test(a.message ?? '')),
    error: (a, c, o) =>
      new DataverseConcurrencyError(`The record changed in CRM since the gateway read it, so ${c.operation} was not applied; read it again and repeat the change (${said(a)}).`, o),
  },
  {
    matches: (a) => a.status === 412,
    error: (a, c, o) =>
      new DataverseDuplicateKeyError(`A record with the same key already exists in CRM, so ${c.operation} did not create another; update that record or correct the key (${said(a)}).`, o),
  },
  {
    matches: (a) => a.status === 400 && a.code === '0x80040265',
    error: (a, c, o) => new DataverseRejectedError(`A plug-in or business rule in CRM refused ${c.operation}${asUser(c)}: ${a.message ?? 'no reason given'} (${a.code}).`, o),
  },
  {
    matches: (a) => a.status === 400 && a.code !== undefined && VALIDATION_CODES.has(a.code),
    error: (a, c, o) => new DataverseValidationError(`Dataverse refused the values of ${c.operation}: ${a.message ?? 'no reason given'} (${a.code}).`, o),
  },
  {
    matches: (a) => a.status === 502 || a.status === 503 || a.status === 504,
    error: (a, c, o) =>
      new DataverseUnavailableError(`Dataverse at ${c.host} is unavailable (HTTP ${a.status}) for ${c.operation} after ${c.attempts} attempt(s); the work is retried later (${said(a)}).`, {
        ...o,
        ...(a.retryAfterSeconds !== undefined ? { retryAfterSeconds: a.retryAfterSeconds } : {}),
      }),
  },
  {
    matches: (a) => a.status >= 500,
    error: (a, c, o) => new DataverseServerError(`Dataverse at ${c.host} failed on ${c.operation} (HTTP ${a.status}) (${said(a)}).`, o),
  },
  {
    matches: () => true,
    error: (a, c, o) =>
      new DataverseBadRequestError(`Dataverse could not process ${c.operation} (HTTP ${a.status}); this is a defect in the gateway's request (${said(a)}).`, o),
  },
];

/** The typed error for an answer with a failure status. */
export function errorFromResponse(
  response: { status: number; body: string; retryAfterSeconds?: number | undefined },
  context: FailureContext,
): DataverseError {
  const { code, message } = readErrorBody(response.body);
  const answer: Answer = { status: response.status, code, message, retryAfterSeconds: response.retryAfterSeconds };
  const options: Options = { status: response.status, dataverseCode: code, dataverseMessage: message, context };
  const rule = RESPONSE_RULES.find((candidate) => candidate.matches(answer))!;
  return rule.error(answer, context, options);
}
