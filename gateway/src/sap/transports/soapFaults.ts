/**
 * What SAP's ICF answers besides a result, mapped to the gateway's typed SAP errors:
 * 401/403 → SapLogonError; 502/503/504 (the ICM or a proxy without a free work process or
 * backend) → SapCommunicationError; 404 → the service is missing or inactive; a SOAP fault →
 * the same errors node-rfc failures map to (mapRfcLibraryError): an exception of the function
 * module → SapAbapException, an unknown function module, parameter or field →
 * SapInterfaceError, a runtime error → SapRuntimeError. A stateful session SAP no longer has
 * is a transient failure: the unit of work must be repeated. The fault shapes are documented
 * in docs/sap-soap-rfc.md (not all confirmed against a real system).
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { AppError } from '../../model/errors.js';
import { childNamed, type XmlElement } from '../../xml/parse.js';
import { SapCommunicationError, SapLogonError, SapRuntimeError } from '../errors.js';
import { mapRfcLibraryError } from './rfcLibraryErrors.js';
import { soapBodyElement } from './soapMessages.js';
import { SOAP_ENVELOPE_NS } from './soapNames.js';

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ReplyContext {
  /** The function module called, or whose WSDL was read. */
  functionModule: string;
  url: string;
  user: string;
  client: string;
}

/** Fault names that mean the call did not match the function's interface, with node-rfc's codes. */
const INTERFACE_FAULTS: Record<string, number> = {
  FU_NOT_FOUND: 5,
  RFC_INVALID_PARAMETER: 20,
  RFC_CONVERSION_FAILURE: 22,
  CALL_FUNCTION_PARM_MISSING: 3,
};
const RC = { INVALID_PARAMETER: 20, ABAP_RUNTIME_FAILURE: 3, ABAP_MESSAGE: 4, ABAP_EXCEPTION: 5 };

export interface SoapFault {
  /** Client or Server (faultcode without its prefix). */
  code: string;
  text: string;
  /** The exception or error key: <Name> of rfc:FM.Exception or <type> of rfc:Error, else the faultstring. */
  key: string;
  message: string;
  isException: boolean;
}

export function readFault(element: XmlElement): SoapFault | undefined {
  if (element.name !== 'Fault' || element.namespace !== SOAP_ENVELOPE_NS) return undefined;
  const faultcode = childNamed(element, 'faultcode')?.text.trim() ?? '';
  const faultstring = childNamed(element, 'faultstring')?.text.trim() ?? '';
  const detail = childNamed(element, 'detail')?.children[0];
  const code = faultcode.slice(faultcode.indexOf(':') + 1);
  if (detail?.name.endsWith('.Exception')) {
    const name = childNamed(detail, 'Name')?.text.trim() || faultstring;
    const text = childNamed(detail, 'Text')?.text.trim() || childNamed(childNamed(detail, 'Message') ?? detail, 'Text')?.text.trim() || name;
    return { code, text: faultstring, key: name, message: text, isException: true };
  }
  if (detail?.name === 'Error') {
    const type = childNamed(detail, 'type')?.text.trim() || faultstring;
    return { code, text: faultstring, key: type, message: childNamed(detail, 'message')?.text.trim() || faultstring, isException: false };
  }
  return { code, text: faultstring, key: faultstring, message: faultstring, isException: false };
}

export function faultToError(fault: SoapFault, context: ReplyContext): AppError {
  const { functionModule } = context;
  if (fault.key === 'SESSION_NOT_FOUND') {
    return new SapCommunicationError(
      `The SAP session of this unit of work has ended (closed or timed out) before ${functionModule} ran; SAP rolled back what was not committed. The work will be repeated.`,
      { details: { functionModule, fault: fault.key } },
    );
  }
  const interfaceCode = INTERFACE_FAULTS[fault.key];
  const failure =
    interfaceCode !== undefined ? { code: interfaceCode, key: fault.key, message: fault.message }
    : fault.code === 'Client' ? { code: RC.INVALID_PARAMETER, key: fault.key, message: `SAP could not process the request (${fault.key}): ${fault.message}` }
    : fault.isException ? { code: RC.ABAP_EXCEPTION, key: fault.key, message: fault.message }
    : fault.key === 'ERROR_MESSAGE_STATE' ? { code: RC.ABAP_MESSAGE, key: fault.key, message: fault.message }
    : { code: RC.ABAP_RUNTIME_FAILURE, key: fault.key, message: fault.message };
  return mapRfcLibraryError({ ...failure, codeString: `SOAP-ENV:${fault.code}` }, functionModule);
}

function retryAfterSeconds(headers: IncomingHttpHeaders): number | undefined {
  const value = Number(headers['retry-after']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The error for an answer that is not a result: an HTTP error status or a SOAP fault. */
export function errorForReply(reply: HttpReply, context: ReplyContext): AppError {
  const { functionModule, url, user, client } = context;
  const details = { functionModule, httpStatus: reply.status, url };
  if (reply.status === 401) {
    return new SapLogonError(
      `SAP refused the logon of user ${user} in client ${client} (HTTP 401). Check the SAP user, password and client in the configuration.`,
      { details },
    );
  }
  if (reply.status === 403) {
    return new SapLogonError(
      `SAP refused access for user ${user} in client ${client} (HTTP 403): check the user, password and client, the user's authorizations, and that the ICF service is active in SICF.`,
      { details },
    );
  }
  if (reply.status === 404) {
    return new SapCommunicationError(`There is no SOAP-RFC service at ${url} (HTTP 404): check the URL and activate the service in SICF.`, { category: 'config', details });
  }
  if (reply.status === 502 || reply.status === 503 || reply.status === 504) {
    const retryAfter = retryAfterSeconds(reply.headers);
    return new SapCommunicationError(`SAP is not available for ${functionModule} (HTTP ${reply.status}); the call will be retried.`, {
      details,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  const fault = faultOf(reply.body);
  if (fault) return faultToError(fault, context);
  return new SapRuntimeError(`SAP answered ${functionModule} with HTTP ${reply.status} and no SOAP fault: ${excerpt(reply.body)}`, { details });
}

function faultOf(body: string): SoapFault | undefined {
  try {
    return readFault(soapBodyElement(body));
  } catch {
    return undefined;
  }
}

/** The start of a body for an error message, tags removed. */
export function excerpt(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || '(empty body)';
}
