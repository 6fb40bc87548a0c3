/**
 * Errors as an RFC library reports them. The simulated ECC fails the way node-rfc does
 * (an object with name, code, codeString, group, key, message and, for ABAP messages,
 * abapMsgClass/Type/Number/V1..V4), so that every transport maps one set of failures.
 * Codes and groups are those of the SAP NW RFC SDK (RFC_RC and RFC_ERROR_GROUP).
 */

export const RFC_RC = {
  RFC_COMMUNICATION_FAILURE: 1,
  RFC_LOGON_FAILURE: 2,
  RFC_ABAP_RUNTIME_FAILURE: 3,
  RFC_ABAP_MESSAGE: 4,
  RFC_ABAP_EXCEPTION: 5,
  RFC_CANCELED: 7,
  RFC_TIMEOUT: 8,
  RFC_INVALID_PARAMETER: 20,
  RFC_CONVERSION_FAILURE: 22,
} as const;

export const RFC_ERROR_GROUP = {
  ABAP_APPLICATION_FAILURE: 1,
  ABAP_RUNTIME_FAILURE: 2,
  LOGON_FAILURE: 3,
  COMMUNICATION_FAILURE: 4,
  EXTERNAL_RUNTIME_FAILURE: 5,
} as const;

export class RfcLibraryError extends Error {
  readonly code: number;
  readonly codeString: string;
  readonly group: number;
  readonly key: string;
  abapMsgClass?: string;
  abapMsgType?: string;
  abapMsgNumber?: string;
  abapMsgV1?: string;

  constructor(init: { name: 'RfcLibError' | 'ABAPError'; code: keyof typeof RFC_RC; group: number; key: string; message: string }) {
    super(init.message);
    this.name = init.name;
    this.code = RFC_RC[init.code];
    this.codeString = init.code;
    this.group = init.group;
    this.key = init.key;
  }
}

/** A parameter or field name the function module does not have ("field 'XXX' not found"). */
export const invalidParameter = (message: string): RfcLibraryError =>
  new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_INVALID_PARAMETER', group: RFC_ERROR_GROUP.EXTERNAL_RUNTIME_FAILURE, key: 'RFC_INVALID_PARAMETER', message });

/** A value that cannot be converted to the field's ABAP type. */
export const conversionFailure = (message: string): RfcLibraryError =>
  new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_CONVERSION_FAILURE', group: RFC_ERROR_GROUP.EXTERNAL_RUNTIME_FAILURE, key: 'RFC_CONVERSION_FAILURE', message });

/** The function module does not exist in the system. */
export const functionNotFound = (functionModule: string): RfcLibraryError => {
  const error = new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_ABAP_EXCEPTION', group: RFC_ERROR_GROUP.EXTERNAL_RUNTIME_FAILURE, key: 'FU_NOT_FOUND', message: `ID:FL Type:E Number:046 ${functionModule}` });
  Object.assign(error, { abapMsgClass: 'FL', abapMsgType: 'E', abapMsgNumber: '046', abapMsgV1: functionModule });
  return error;
};

/** The function module raised one of its EXCEPTIONS. */
export const abapException = (exception: string, message = exception): RfcLibraryError =>
  new RfcLibraryError({ name: 'ABAPError', code: 'RFC_ABAP_EXCEPTION', group: RFC_ERROR_GROUP.ABAP_APPLICATION_FAILURE, key: exception, message });

/** A short dump (e.g. a mandatory parameter missing: CALL_FUNCTION_PARM_MISSING). */
export const abapRuntimeFailure = (key: string, message: string): RfcLibraryError =>
  new RfcLibraryError({ name: 'ABAPError', code: 'RFC_ABAP_RUNTIME_FAILURE', group: RFC_ERROR_GROUP.ABAP_RUNTIME_FAILURE, key, message });

export const communicationFailure = (message: string, key = 'RFC_COMMUNICATION_FAILURE'): RfcLibraryError =>
  new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_COMMUNICATION_FAILURE', group: RFC_ERROR_GROUP.COMMUNICATION_FAILURE, key, message });

export const logonFailure = (): RfcLibraryError =>
  new RfcLibraryError({ name: 'RfcLibError', code: 'RFC_LOGON_FAILURE', group: RFC_ERROR_GROUP.LOGON_FAILURE, key: 'RFC_LOGON_FAILURE', message: 'Name or password is incorrect (repeat logon)' });
