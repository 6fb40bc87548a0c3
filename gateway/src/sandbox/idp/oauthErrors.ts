/**
 * Token endpoint errors as Microsoft Entra ID sends them: the OAuth 2.0 `error`, an
 * `error_description` that starts with the AADSTS code and ends with trace id, correlation id and
 * timestamp, `error_codes`, `timestamp`, `trace_id`, `correlation_id` and `error_uri`
 * (Microsoft's "Microsoft Entra authentication and authorization error codes" reference).
 * Clients such as MSAL read `error` and `error_codes`; the texts follow Entra's wording.
 */

export type OAuthErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'invalid_tenant';

/** A refusal decided by the identity provider; the router turns it into Entra's JSON. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: OAuthErrorName,
    readonly aadsts: number,
    description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

export interface OAuthErrorBody {
  error: OAuthErrorName;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** Entra's timestamp format: "2016-01-09 02:02:12Z". */
function entraTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function oauthErrorBody(failure: OAuthError, ids: { traceId: string; correlationId: string }, at: Date): OAuthErrorBody {
  const timestamp = entraTimestamp(at);
  return {
    error: failure.error,
    error_description: `AADSTS${failure.aadsts}: ${failure.message}\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [failure.aadsts],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.aadsts}`,
  };
}

export const oauthErrors = {
  missingParameter: (name: string) =>
    new OAuthError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  tenantNotFound: (tenant: string) =>
    new OAuthError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    ),
  applicationNotFound: (clientId: string, tenantName: string) =>
    new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  unsupportedGrantType: (grantType: string) =>
    new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
  credentialMissing: () =>
    new OAuthError(401, 'invalid_client', 7000218, `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`),
  invalidClientSecret: (clientId: string) =>
    new OAuthError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  unknownAssertionCertificate: (thumbprint: string, clientId: string) =>
    new OAuthError(
      401,
      'invalid_client',
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
    ),
  assertionSignatureInvalid: () => new OAuthError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'),
  assertionOutOfTime: () => new OAuthError(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.'),
  assertionInvalid: (reason: string) => new OAuthError(401, 'invalid_client', 50027, `Invalid JWT token. ${reason}`),
  assertionTypeUnsupported: (type: string) =>
    new OAuthError(400, 'invalid_request', 9002313, `Invalid request. Request is malformed or invalid. Unsupported client_assertion_type '${type}'.`),
  scopeNotDefault: (scope: string) =>
    new OAuthError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  multipleResources: (scope: string) =>
    new OAuthError(
      400,
      'invalid_scope',
      700022,
      `The provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),
  invalidScope: (scope: string) =>
    new OAuthError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' isn't valid. The scope ${scope} isn't valid.`),
  resourceNotFound: (resource: string, tenantName: string) =>
    new OAuthError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  userNotFound: (tenantName: string) =>
    new OAuthError(
      400,
      'invalid_grant',
      50034,
      `The user account {EmailHidden} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
    ),
  invalidUsernameOrPassword: () =>
    new OAuthError(400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'),
  postOnly: (method: string) =>
    new OAuthError(400, 'invalid_request', 900561, `The endpoint only accepts POST requests. Received a ${method} request.`),
};
