/**
 * Why the gateway could not get a Dataverse token, mapped once from MSAL's errors (and the
 * network client's account of the last exchange) to the gateway's error taxonomy: credentials,
 * app registration, tenant or environment URL wrong → config, for an admin to fix; authority down,
 * slow or throttling → transient, retried later. Messages name the setting to check and the AADSTS
 * code Entra gave, never a secret.
 */

import { AuthError, ClientConfigurationError, ServerError } from '@azure/msal-node';
import { AppError, type AppErrorOptions } from '../model/errors.js';
import type { AuthorityFailure } from './msalNetworkClient.js';

export type DataverseTokenErrorCode =
  | 'DATAVERSE_AUTH_CREDENTIALS_REJECTED'
  | 'DATAVERSE_AUTH_APP_NOT_FOUND'
  | 'DATAVERSE_AUTH_TENANT_NOT_FOUND'
  | 'DATAVERSE_AUTH_RESOURCE_INVALID'
  | 'DATAVERSE_AUTH_AUTHORITY_INVALID'
  | 'DATAVERSE_AUTH_TLS_UNTRUSTED'
  | 'DATAVERSE_AUTH_UNAVAILABLE'
  | 'DATAVERSE_AUTH_CONFIG_INVALID'
  | 'DATAVERSE_AUTH_FAILED';

export class DataverseTokenError extends AppError {
  declare readonly code: DataverseTokenErrorCode;

  constructor(code: DataverseTokenErrorCode, message: string, options: AppErrorOptions) {
    super(code, message, options);
  }
}

export interface TokenErrorContext {
  clientId: string;
  authority: string;
  environmentUrl: string;
  /** What the network client saw during this acquisition, if anything went wrong on the wire. */
  failure: AuthorityFailure | undefined;
}

/** AADSTS codes whose fix is the gateway's credential (secret or certificate). */
const CREDENTIAL_CODES = new Set([7000215, 7000222, 7000218, 700027, 700024, 50027, 700021]);

function aadstsOf(error: ServerError): number | undefined {
  const fromNumber = Number(error.errorNo);
  if (Number.isInteger(fromNumber) && fromNumber > 0) return fromNumber;
  const match = /AADSTS(\d+)/.exec(error.errorMessage);
  return match ? Number(match[1]) : undefined;
}

/** The AADSTS code and its first sentence, e.g. "AADSTS7000215: Invalid client secret provided". */
function entraSays(error: ServerError, aadsts: number | undefined): string {
  const description = /(AADSTS\d+: [^\r\n]*?)\.(?:\s|$)/.exec(error.errorMessage)?.[1];
  if (description !== undefined) return description;
  if (aadsts !== undefined) return `AADSTS${aadsts}`;
  return error.errorCode || 'no error code';
}

function fromServerError(error: ServerError, context: TokenErrorContext): DataverseTokenError {
  const aadsts = aadstsOf(error);
  const said = entraSays(error, aadsts);
  const details = { aadsts, oauthError: error.errorCode, correlationId: error.correlationId || undefined, httpStatus: error.status };
  const options = { cause: error, details };
  // After a 429 or 5xx, MSAL answers the same request from its throttling cache until Retry-After (60 s by
  // default) has passed: a ServerError without status whose errorCode is Entra's error_codes joined by spaces.
  if (error.status === undefined && /^(\d+( \d+)*)?$/.test(error.errorCode)) {
    return new DataverseTokenError('DATAVERSE_AUTH_UNAVAILABLE', `Microsoft Entra ID asked to wait before the next token request (${said}); retrying later.`, {
      ...options,
      category: 'transient',
      action: 'rate-limited',
    });
  }
  const status = error.status ?? context.failure?.status;
  if (status === 429 || (status !== undefined && status >= 500) || error.errorCode === 'temporarily_unavailable') {
    return new DataverseTokenError('DATAVERSE_AUTH_UNAVAILABLE', `Microsoft Entra ID cannot issue a Dataverse token right now (${said}); retrying later.`, {
      ...options,
      category: 'transient',
    });
  }
  if (error.errorCode === 'invalid_client' || (aadsts !== undefined && CREDENTIAL_CODES.has(aadsts))) {
    return new DataverseTokenError(
      'DATAVERSE_AUTH_CREDENTIALS_REJECTED',
      `Microsoft Entra ID rejected the client credential of app registration ${context.clientId} (${said}). Check the Dataverse client secret or certificate in the gateway's configuration: it must be a current credential of that app registration.`,
      { ...options, category: 'config' },
    );
  }
  if (error.errorCode === 'unauthorized_client' || aadsts === 700016) {
    return new DataverseTokenError(
      'DATAVERSE_AUTH_APP_NOT_FOUND',
      `App registration ${context.clientId} does not exist in the tenant of ${context.authority} (${said}). Check the Dataverse client id and the authority's tenant.`,
      { ...options, category: 'config' },
    );
  }
  if (error.errorCode === 'invalid_tenant' || aadsts === 90002) {
    return new DataverseTokenError('DATAVERSE_AUTH_TENANT_NOT_FOUND', `The tenant in authority ${context.authority} does not exist (${said}). Check the Dataverse authority.`, {
      ...options,
      category: 'config',
    });
  }
  if (error.errorCode === 'invalid_resource' || error.errorCode === 'invalid_scope' || aadsts === 500011) {
    return new DataverseTokenError(
      'DATAVERSE_AUTH_RESOURCE_INVALID',
      `Microsoft Entra ID knows no Dataverse environment ${context.environmentUrl} in this tenant (${said}). Check the Dataverse environment URL.`,
      { ...options, category: 'config' },
    );
  }
  return new DataverseTokenError('DATAVERSE_AUTH_FAILED', `Microsoft Entra ID refused the Dataverse token request (${said}).`, { ...options, category: 'system' });
}

function fromAuthorityFailure(failure: AuthorityFailure, cause: unknown, context: TokenErrorContext): DataverseTokenError {
  const details = { url: failure.url, networkCode: failure.code, httpStatus: failure.status };
  switch (failure.kind) {
    case 'unreachable':
    case 'timeout':
      return new DataverseTokenError('DATAVERSE_AUTH_UNAVAILABLE', `The identity provider at ${context.authority} cannot be reached (${failure.message}); retrying later.`, {
        category: 'transient',
        cause,
        details,
      });
    case 'tls':
      return new DataverseTokenError(
        'DATAVERSE_AUTH_TLS_UNTRUSTED',
        `The identity provider's certificate is not trusted (${failure.code ?? failure.message}). If ${context.authority} uses a private certificate authority, give its PEM file as the Dataverse authority CA file.`,
        { category: 'config', cause, details },
      );
    case 'http-error':
    case 'not-json':
      if (failure.status !== undefined && (failure.status >= 500 || failure.status === 429)) {
        return new DataverseTokenError('DATAVERSE_AUTH_UNAVAILABLE', `The identity provider at ${context.authority} answered HTTP ${failure.status}; retrying later.`, {
          category: 'transient',
          cause,
          details,
        });
      }
      return new DataverseTokenError(
        'DATAVERSE_AUTH_AUTHORITY_INVALID',
        `${context.authority} is not an identity provider authority the gateway can use (${failure.message} at ${failure.url}). Check the Dataverse authority: https://login.microsoftonline.com/<tenant id> for Microsoft Entra ID.`,
        { category: 'config', cause, details },
      );
    case 'not-https':
      return new DataverseTokenError('DATAVERSE_AUTH_AUTHORITY_INVALID', `The identity provider at ${context.authority} named an endpoint that is not HTTPS (${failure.url}).`, {
        category: 'config',
        cause,
        details,
      });
  }
}

export function mapTokenError(error: unknown, context: TokenErrorContext): DataverseTokenError {
  if (error instanceof DataverseTokenError) return error;
  // An OAuth error from the token endpoint; MSAL also replays a cached one while it throttles after a 429 or 5xx.
  if (error instanceof ServerError) return fromServerError(error, context);
  if (context.failure?.kind === 'http-error' && error instanceof AuthError) {
    const body = context.failure.body as { error?: unknown; error_codes?: unknown; error_description?: unknown } | undefined;
    if (typeof body?.error === 'string') {
      const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
      const described = typeof body.error_description === 'string' ? body.error_description : '';
      return fromServerError(
        new ServerError(body.error, '', described, undefined, codes.length > 0 ? String(codes[0]) : undefined, context.failure.status),
        context,
      );
    }
  }
  if (context.failure !== undefined) return fromAuthorityFailure(context.failure, error, context);
  if (error instanceof ClientConfigurationError) {
    return new DataverseTokenError('DATAVERSE_AUTH_CONFIG_INVALID', `The Dataverse token settings are not usable: ${error.errorMessage || error.errorCode}.`, {
      category: 'config',
      cause: error,
      details: { msalError: error.errorCode },
    });
  }
  const described = error instanceof AuthError ? error.errorCode : error instanceof Error ? error.message : String(error);
  return new DataverseTokenError('DATAVERSE_AUTH_FAILED', `Getting a Dataverse token failed (${described}).`, { category: 'system', cause: error });
}
