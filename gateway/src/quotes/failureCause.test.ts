import { describe, expect, it } from 'vitest';
import { DataverseAccessDeniedError, DataverseUnavailableError, DataverseValidationError } from '../dataverse/errors.js';
import { AppError } from '../model/errors.js';
import { SapAbapException, SapBusinessError, SapCommunicationError, SapLogonError, SapTimeoutError } from '../sap/errors.js';
import { QuoteError } from './errors.js';
import { failureCauseOf } from './failureCause.js';

const sapMessage = { type: 'E' as const, id: 'V1', number: '555', message: 'The sales document is not yet complete' };

describe('failureCauseOf: the cause a failed sync result is grouped by', () => {
  it.each([
    ['SAP refusing the document with its messages', new SapBusinessError('SAP rejected the order', [sapMessage]), 'sapError'],
    ['an ABAP exception in SAP', new SapAbapException('NOT_FOUND', 'SAP raised NOT_FOUND'), 'sapError'],
    ['SAP not reached', new SapCommunicationError('SAP was not reached'), 'connectionOrTimeout'],
    ['SAP too slow', new SapTimeoutError('SAP did not answer in time'), 'connectionOrTimeout'],
    ['Dataverse unavailable after retries', new DataverseUnavailableError('Dataverse answered 503'), 'connectionOrTimeout'],
    ["the gateway's SAP user refused", new SapLogonError('Name or password is incorrect'), 'configuration'],
    ["the gateway's application user lacking a privilege", new DataverseAccessDeniedError('no prvWriteQuote', { category: 'config' }), 'configuration'],
    ['Dataverse refusing a value', new DataverseValidationError('The length of ecc_sapstatus exceeded 100'), 'dataverseError'],
    ['a CRM unit without an SAP unit', new QuoteError('UNIT_NOT_MAPPED', 'Line 1: the unit Box has no SAP unit'), 'mapping'],
    ['a quote line the checks refuse', new QuoteError('LINE_QUANTITY_INVALID', 'Line 1 has quantity 0'), 'validation'],
    ['a defect (no AppError)', new TypeError('Cannot read properties of undefined'), 'gatewayError'],
    ['an internal system failure of the gateway', new AppError('STORE_CORRUPT', 'The job store is damaged', { category: 'system' }), 'gatewayError'],
  ])('%s: %s', (_what, error, cause) => {
    expect(failureCauseOf(error)).toBe(cause);
  });
});
