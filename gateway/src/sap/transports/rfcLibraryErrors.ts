/**
 * Maps failures reported the way node-rfc reports them (name, code, codeString, group, key,
 * message, abapMsg*) to the gateway's typed SAP errors. Codes and groups are those of the SAP
 * NW RFC SDK; the simulated ECC reports its failures the same way.
 */

import { AppError, type SapMessage } from '../../model/errors.js';
import {
  SapAbapException,
  SapCommunicationError,
  SapInterfaceError,
  SapLogonError,
  SapResourceError,
  SapRuntimeError,
  SapTimeoutError,
} from '../errors.js';

interface RfcLibraryFailure {
  name?: string;
  code?: number;
  codeString?: string;
  group?: number;
  key?: string;
  message?: string;
  abapMsgClass?: string;
  abapMsgType?: string;
  abapMsgNumber?: string;
}

const GROUP_LOGON_FAILURE = 3;
const GROUP_COMMUNICATION_FAILURE = 4;
const RC = { LOGON_FAILURE: 2, ABAP_RUNTIME_FAILURE: 3, ABAP_MESSAGE: 4, ABAP_EXCEPTION: 5, CANCELED: 7, TIMEOUT: 8, INVALID_PARAMETER: 20, CONVERSION_FAILURE: 22 };

export function mapRfcLibraryError(error: unknown, functionModule: string): AppError {
  if (error instanceof AppError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RfcLibraryFailure;
  const sapText = (failure.message ?? 'unknown error').trim();
  const details = { functionModule, rfcCode: failure.codeString ?? failure.code, rfcKey: failure.key };
  const options = { cause: error, details };

  if (error instanceof TypeError) {
    return new SapInterfaceError(`The gateway called ${functionModule} with invalid parameters: ${sapText}`, options);
  }
  if (failure.name === 'nodeRfcError') {
    return new SapCommunicationError(`The RFC connection for ${functionModule} was closed: ${sapText}`, options);
  }
  if (failure.code === RC.LOGON_FAILURE || failure.group === GROUP_LOGON_FAILURE) {
    return new SapLogonError(`SAP refused the logon of the RFC user. Check the SAP user, password and client in the configuration. SAP said: ${sapText}`, options);
  }
  if (failure.code === RC.CANCELED || failure.code === RC.TIMEOUT) {
    return new SapTimeoutError(`${functionModule} did not finish in time and was cancelled`, options);
  }
  if (failure.group === GROUP_COMMUNICATION_FAILURE) {
    if (failure.key === 'RESOURCE_FAILURE') {
      return new SapResourceError(`SAP has no free work process for ${functionModule}; the call will be retried. SAP said: ${sapText}`, options);
    }
    return new SapCommunicationError(`SAP could not be reached for ${functionModule}. SAP said: ${sapText}`, options);
  }
  if (failure.code === RC.INVALID_PARAMETER || failure.code === RC.CONVERSION_FAILURE) {
    return new SapInterfaceError(`SAP's interface of ${functionModule} does not match what the gateway sent: ${sapText}`, options);
  }
  if (failure.code === RC.ABAP_EXCEPTION) {
    if (failure.key === 'FU_NOT_FOUND') {
      return new SapInterfaceError(`Function module ${functionModule} does not exist in this SAP system`, options);
    }
    return new SapAbapException(failure.key ?? 'UNKNOWN', `${functionModule} raised exception ${failure.key}: ${sapText}`, options);
  }
  if (failure.code === RC.ABAP_RUNTIME_FAILURE) {
    if (failure.key === 'CALL_FUNCTION_PARM_MISSING') {
      return new SapInterfaceError(`${functionModule} was called without a mandatory parameter: ${sapText}`, options);
    }
    return new SapRuntimeError(`${functionModule} ended with a runtime error in SAP (${failure.key}): ${sapText}`, options);
  }
  if (failure.code === RC.ABAP_MESSAGE) {
    const sapMessages: SapMessage[] = [{
      type: (failure.abapMsgType ?? 'E') as SapMessage['type'],
      id: failure.abapMsgClass ?? '',
      number: failure.abapMsgNumber ?? '',
      message: sapText,
    }];
    return new SapRuntimeError(`${functionModule} stopped with an SAP message: ${sapText}`, { ...options, sapMessages });
  }
  return new SapRuntimeError(`${functionModule} failed: ${sapText}`, options);
}
