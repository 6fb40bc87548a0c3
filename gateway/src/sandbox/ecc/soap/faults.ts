/**
 * How the simulated SOAP-RFC service reports failures. The shapes are modelled on what SAP
 * is reported to send, but are NOT confirmed against a real system (docs/sap-soap-rfc.md):
 * - an exception of the function module (RAISE): HTTP 500, faultcode SOAP-ENV:Server,
 *   faultstring = the exception, detail <rfc:FM.Exception><Name/><Text/></rfc:FM.Exception>;
 * - a caller error (unknown function module, parameter or field, a value that does not
 *   convert, a missing mandatory parameter, an unreadable request): HTTP 500, faultcode
 *   SOAP-ENV:Client, the error key as faultstring and Name;
 * - a runtime error (short dump) or an ABAP message: HTTP 500, faultcode SOAP-ENV:Server,
 *   detail <rfc:Error><type/><message/></rfc:Error>;
 * - a stateful session that no longer exists: HTTP 400, SOAP-ENV:Client, rfc:Error type
 *   SESSION_NOT_FOUND (the sandbox's choice; a real ICF may silently start a new session);
 * - SAP unreachable or without a free work process: HTTP 503 from the ICM, no SOAP at all.
 */

import { XmlRejected } from '../../../xml/parse.js';
import { RFC_ERROR_GROUP, RFC_RC, RfcLibraryError } from '../rfcErrors.js';
import { RFC_FUNCTIONS_NS, toXmlName } from './names.js';
import { soapEnvelope } from './response.js';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export const SESSION_NOT_FOUND = 'SESSION_NOT_FOUND';

const CALLER_ERROR_KEYS = new Set(['FU_NOT_FOUND', 'RFC_INVALID_PARAMETER', 'RFC_CONVERSION_FAILURE', 'CALL_FUNCTION_PARM_MISSING']);

type FaultCode = 'Client' | 'Server';

function fault(status: number, code: FaultCode, faultstring: string, detail: Record<string, unknown>): HttpAnswer {
  const body = soapEnvelope({
    'SOAP-ENV:Fault': { faultcode: `SOAP-ENV:${code}`, faultstring, detail },
  });
  return { status, contentType: 'text/xml; charset=utf-8', body };
}

function exceptionFault(functionModule: string, code: FaultCode, name: string, text: string, message?: { id: string; number: string }): HttpAnswer {
  return fault(500, code, name, {
    [`rfc:${toXmlName(functionModule)}.Exception`]: {
      '@_xmlns:rfc': RFC_FUNCTIONS_NS,
      Name: name,
      Text: text,
      ...(message ? { Message: { ID: message.id, Number: message.number } } : {}),
    },
  });
}

function errorFault(status: number, code: FaultCode, type: string, message: string): HttpAnswer {
  return fault(status, code, type, { 'rfc:Error': { '@_xmlns:rfc': RFC_FUNCTIONS_NS, type, message } });
}

/** What the ICM answers when no work process can take the request. */
export function serviceUnavailable(reason: string): HttpAnswer {
  return { status: 503, contentType: 'text/plain; charset=utf-8', body: `503 Service Unavailable: ${reason}` };
}

export const sessionNotFound = (): HttpAnswer =>
  errorFault(400, 'Client', SESSION_NOT_FOUND, 'The stateful session (sap-contextid) does not exist: it was closed or timed out, and its uncommitted work was rolled back');

/** The answer to a failed call of `functionModule` (the name as requested, when known). */
export function failureAnswer(functionModule: string | undefined, error: unknown): HttpAnswer {
  if (error instanceof XmlRejected) return errorFault(500, 'Client', 'RFC_DESERIALIZE_ERROR', error.message);
  const fm = functionModule ?? 'RFC';
  if (error instanceof TypeError) return exceptionFault(fm, 'Client', 'RFC_INVALID_PARAMETER', error.message);
  if (!(error instanceof RfcLibraryError)) {
    return errorFault(500, 'Server', 'SYSTEM_FAILURE', error instanceof Error ? error.message : String(error));
  }
  if (error.group === RFC_ERROR_GROUP.COMMUNICATION_FAILURE) return serviceUnavailable(error.message);
  if (CALLER_ERROR_KEYS.has(error.key)) {
    const message = error.abapMsgClass && error.abapMsgNumber ? { id: error.abapMsgClass, number: error.abapMsgNumber } : undefined;
    return exceptionFault(fm, 'Client', error.key, error.message, message);
  }
  if (error.code === RFC_RC.RFC_ABAP_EXCEPTION) return exceptionFault(fm, 'Server', error.key, error.message);
  if (error.code === RFC_RC.RFC_ABAP_MESSAGE) return errorFault(500, 'Server', 'ERROR_MESSAGE_STATE', error.message);
  return errorFault(500, 'Server', error.key, error.message);
}
