import { describe, expect, it } from 'vitest';
import { errorFromResponse, readErrorBody, type DataverseErrorCode, type FailureContext } from './errors.js';

const context: FailureContext = { operation: 'update accounts', host: 'contoso.crm4.dynamics.com', attempts: 1, afterUnknownOutcome: false };
const rep = 'a1f3c5e7-0b2d-4f68-9a1c-3e5b7d9f1a23';
const body = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe('Dataverse answers mapped to typed errors', () => {
  it.each<[string, number, string, string, DataverseErrorCode, string, string]>([
    ['record not found', 404, '0x80040217', 'account With Id = 1c… Does Not Exist', 'DATAVERSE_NOT_FOUND', 'business', 'deleted in CRM'],
    ['alternate key not found', 404, '0x80060891', 'A record with the specified key values does not exist in account entity', 'DATAVERSE_NOT_FOUND', 'business', 'no record'],
    ['duplicate key', 412, '0x80040237', 'Cannot insert duplicate key.', 'DATAVERSE_DUPLICATE_KEY', 'business', 'same key already exists'],
    ['duplicate alternate key', 412, '0x80060892', 'A record that has the attribute values 1 already exists.', 'DATAVERSE_DUPLICATE_KEY', 'business', 'correct the key'],
    ['create-only upsert on an existing record (documented with an empty code)', 412, '', 'A record with matching key values already exists.', 'DATAVERSE_DUPLICATE_KEY', 'business', 'same key'],
    ['ETag mismatch', 412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided.", 'DATAVERSE_CONCURRENCY_MISMATCH', 'business', 'read it again'],
    ['application user lacks a privilege', 403, '0x80040220', 'Principal user … is missing prvWriteAccount privilege', 'DATAVERSE_ACCESS_DENIED', 'config', "application user's security role"],
    ['application user may not impersonate', 403, '0x80040220', 'Principal user … is missing prvActOnBehalfOfAnotherUser privilege', 'DATAVERSE_ACCESS_DENIED', 'config', 'Delegate'],
    ['validation', 400, '0x80044331', "A validation error occurred.  The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'.", 'DATAVERSE_VALIDATION', 'business', 'exceeded the maximum'],
    ['option value out of range', 400, '0x8004431a', "The value 9 of 'paymenttermscode' on record of type 'account' is outside the valid range.", 'DATAVERSE_VALIDATION', 'business', 'outside the valid range'],
    ['plug-in refusal', 400, '0x80040265', 'Credit limit exceeded.', 'DATAVERSE_REJECTED', 'business', 'plug-in or business rule'],
    ['unknown column', 400, '0x80060888', "Could not find a property named 'ecc_customernumber' on type 'Microsoft.Dynamics.CRM.account'.", 'DATAVERSE_SCHEMA_MISMATCH', 'config', 'solution imported'],
    ['unknown column in a body', 400, '0x80048d19', "Error identified in Payload … The property 'ecc_x' does not exist on type 'Microsoft.Dynamics.CRM.account'.", 'DATAVERSE_SCHEMA_MISMATCH', 'config', 'solution imported'],
    ['unknown entity set', 404, '0x80060888', "Resource not found for the segment 'ecc_salesareas'.", 'DATAVERSE_SCHEMA_MISMATCH', 'config', 'solution imported'],
    ['malformed request', 400, '0x80060888', "Syntax error at position 7 in 'name eq'.", 'DATAVERSE_BAD_REQUEST', 'system', 'defect in the gateway'],
    ['token refused', 401, '', '', 'DATAVERSE_UNAUTHORIZED', 'config', 'application user'],
    ['throttled', 429, '0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.', 'DATAVERSE_THROTTLED', 'transient', 'number of requests'],
    ['unavailable', 503, '', 'Service Unavailable', 'DATAVERSE_UNAVAILABLE', 'transient', 'unavailable'],
    ['internal error', 500, '0x80040216', 'An unexpected error occurred.', 'DATAVERSE_SERVER_ERROR', 'system', 'failed on update accounts'],
  ])('%s → %s', (_, status, code, message, expected, category, advice) => {
    const error = errorFromResponse({ status, body: body(code, message), retryAfterSeconds: status === 429 ? 7 : undefined }, context);
    expect(error.code).toBe(expected);
    expect(error.category).toBe(category);
    expect(error.status).toBe(status);
    expect(error.dataverseCode).toBe(code === '' ? undefined : code);
    expect(error.dataverseMessage).toBe(message === '' ? undefined : message);
    expect(error.message).toContain(advice);
    if (message !== '') expect(error.message).toContain(message);
    expect(error.details).toMatchObject({ httpStatus: status, operation: 'update accounts', attempts: 1 });
    expect(error.retryable).toBe(category === 'transient');
    if (status === 429) expect(error).toMatchObject({ action: 'rate-limited', retryAfterSeconds: 7 });
  });

  it('a missing privilege of a CRM user the gateway asked as is a business answer, naming the user', () => {
    const error = errorFromResponse({ status: 403, body: body('0x80040220', 'SecLib::AccessCheckEx failed. … AccessRights: ReadAccess') }, { ...context, callerObjectId: rep });
    expect(error).toMatchObject({ code: 'DATAVERSE_ACCESS_DENIED', category: 'business', details: { callerObjectId: rep } });
    expect(error.message).toContain(`CRM user ${rep} may not update accounts`);
  });

  it('keeps an answer that is not JSON readable (a proxy\'s HTML page)', () => {
    expect(readErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>')).toEqual({ code: undefined, message: '502 Bad Gateway' });
    const error = errorFromResponse({ status: 502, body: '<html><body>Bad Gateway</body></html>' }, context);
    expect(error.code).toBe('DATAVERSE_UNAVAILABLE');
    expect(error.message).toContain('Bad Gateway');
  });
});
