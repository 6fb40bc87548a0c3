import { ClientAuthError, ClientConfigurationError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { mapTokenError, type TokenErrorContext } from './tokenErrors.js';

const context: TokenErrorContext = {
  clientId: '11111111-2222-3333-4444-555555555555',
  authority: 'https://login.microsoftonline.com/6f1c4a9e-3b2d-4e8a-9c71-0e5d2f4a8b13',
  environmentUrl: 'https://contoso.crm4.dynamics.com',
  failure: undefined,
};

/** A ServerError as MSAL builds it from Entra's error body (ResponseHandler.validateTokenResponse). */
function entraError(error: string, aadsts: number, description: string, status: number | undefined): ServerError {
  const message = `Error(s): ${aadsts} - Timestamp: 2026-11-27 10:00:00Z - Description: AADSTS${aadsts}: ${description}\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2026-11-27 10:00:00Z - Correlation ID: c - Trace ID: t`;
  return new ServerError(error, 'c', message, undefined, String(aadsts), status);
}

describe('mapping MSAL failures to the gateway\'s errors', () => {
  it.each([
    ['invalid_client', 7000222, 'The provided client secret keys for app are expired.', 401, 'DATAVERSE_AUTH_CREDENTIALS_REJECTED', 'config'],
    ['invalid_client', 700027, 'Client assertion failed signature validation.', 401, 'DATAVERSE_AUTH_CREDENTIALS_REJECTED', 'config'],
    ['unauthorized_client', 700016, "Application with identifier 'x' was not found in the directory 'y'.", 400, 'DATAVERSE_AUTH_APP_NOT_FOUND', 'config'],
    ['invalid_request', 90002, "Tenant 'x' not found.", 400, 'DATAVERSE_AUTH_TENANT_NOT_FOUND', 'config'],
    ['invalid_resource', 500011, 'The resource principal named https://contoso.crm4.dynamics.com was not found.', 400, 'DATAVERSE_AUTH_RESOURCE_INVALID', 'config'],
    ['temporarily_unavailable', 90033, 'The service is temporarily unavailable.', 503, 'DATAVERSE_AUTH_UNAVAILABLE', 'transient'],
    ['invalid_request', 90024, 'A transient error has occurred.', 429, 'DATAVERSE_AUTH_UNAVAILABLE', 'transient'],
    ['invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.', 400, 'DATAVERSE_AUTH_FAILED', 'system'],
  ])('%s AADSTS%i: %s (HTTP %i) → %s', (error, aadsts, description, status, code, category) => {
    const mapped = mapTokenError(entraError(error, aadsts, description, status), context);
    expect(mapped).toMatchObject({ code, category });
    // The message quotes Entra's first sentence.
    expect(mapped.message).toContain(`(AADSTS${aadsts}: ${description.split(/\.(?:\s|$)/)[0]})`);
    expect(mapped.details).toMatchObject({ aadsts, oauthError: error });
  });

  it('treats the error MSAL replays from its throttling cache after a 429 or 5xx as rate-limited', () => {
    // As ThrottlingUtils.preProcess builds it: error_codes joined as the code, no status.
    const replayed = new ServerError('90033', 'c', 'AADSTS90033: The service is temporarily unavailable.\r\nTrace ID: t', undefined);
    const mapped = mapTokenError(replayed, context);
    expect(mapped).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', category: 'transient', action: 'rate-limited' });
    expect(mapped.message).toContain('(AADSTS90033: The service is temporarily unavailable)');
    const withoutCodes = new ServerError('', 'c', '', undefined);
    expect(mapTokenError(withoutCodes, context)).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', action: 'rate-limited' });
  });

  it('reads the cause of a network failure from the network client, not from MSAL\'s generic code', () => {
    const generic = new ClientAuthError('network_error', 'c');
    const refused = mapTokenError(generic, { ...context, failure: { kind: 'unreachable', url: 'https://idp/token', code: 'ECONNREFUSED', message: 'cannot connect' } });
    expect(refused).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', category: 'transient' });
    const untrusted = mapTokenError(generic, { ...context, failure: { kind: 'tls', url: 'https://idp/token', code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'untrusted' } });
    expect(untrusted).toMatchObject({ code: 'DATAVERSE_AUTH_TLS_UNTRUSTED', category: 'config' });
    const gatewayError = mapTokenError(generic, { ...context, failure: { kind: 'not-json', url: 'https://idp/token', status: 502, message: 'not JSON' } });
    expect(gatewayError).toMatchObject({ code: 'DATAVERSE_AUTH_UNAVAILABLE', category: 'transient' });
  });

  it('reports MSAL\'s configuration errors as configuration', () => {
    expect(mapTokenError(new ClientConfigurationError('authority_uri_insecure', 'Authority URIs must use https.'), context)).toMatchObject({
      code: 'DATAVERSE_AUTH_CONFIG_INVALID',
      category: 'config',
    });
  });
});
