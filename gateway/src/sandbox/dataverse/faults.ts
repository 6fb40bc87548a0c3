/**
 * Errors of the simulated Dataverse, as the Web API sends them: an HTTP status and a JSON body
 * {"error":{"code":"0x…","message":"…"}}. Codes and messages follow Microsoft's documentation and
 * real responses (../shared/notes/dataverse-facts.md); those marked [U] there are the best
 * available evidence, not a documented contract.
 */

export class DataverseFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. Retry-After on a service protection fault. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DataverseFault';
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Dataverse's error codes (data-service-errors in the Dataverse docs). */
export const ERROR_CODES = {
  objectDoesNotExist: '0x80040217',
  duplicateRecord: '0x80040237',
  duplicateAlternateKey: '0x80060892',
  alternateKeyNotFound: '0x80060891',
  concurrencyVersionMismatch: '0x80060882',
  privilegeDenied: '0x80040220',
  cannotDeleteDueToAssociation: '0x80040227',
  invalidArgument: '0x80040203',
  validationFailed: '0x80044331',
  optionValueOutOfRange: '0x8004431a',
  odataUri: '0x80060888',
  payload: '0x80048d19',
  userNotInOrganization: '0x80072560',
  unexpected: '0x80040216',
} as const;

const TYPE_PREFIX = 'Microsoft.Dynamics.CRM.';

export const faults = {
  recordNotFound: (table: string, id: string) =>
    new DataverseFault(404, ERROR_CODES.objectDoesNotExist, `${table} With Id = ${id} Does Not Exist`),
  keyNotFound: (table: string) =>
    new DataverseFault(404, ERROR_CODES.alternateKeyNotFound, `A record with the specified key values does not exist in ${table} entity`),
  resourceNotFound: (segment: string) =>
    new DataverseFault(404, ERROR_CODES.odataUri, `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string, path: string) =>
    new DataverseFault(405, ERROR_CODES.odataUri, `The HTTP method '${method}' is not allowed for the resource '${path}'.`),
  propertyNotFound: (table: string, property: string) =>
    new DataverseFault(400, ERROR_CODES.odataUri, `Could not find a property named '${property}' on type '${TYPE_PREFIX}${table}'.`),
  query: (message: string) => new DataverseFault(400, ERROR_CODES.odataUri, message),
  incompatibleOperands: (left: string, right: string, operator: string) =>
    new DataverseFault(
      400,
      ERROR_CODES.odataUri,
      `A binary operator with incompatible types was detected. Found operand types '${left}' and '${right}' for operator kind '${operator}'.`,
    ),
  invalidKey: (table: string) =>
    new DataverseFault(
      400,
      ERROR_CODES.odataUri,
      `The key in the request URI is not valid for resource '${TYPE_PREFIX}${table}'. Make sure that the key values are the right types for the properties that make up the key.`,
    ),
  payload: (entitySetName: string, inner: string) =>
    new DataverseFault(
      400,
      ERROR_CODES.payload,
      `Error identified in Payload provided by the user for Entity :'${entitySetName}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: ${inner}`,
    ),
  unknownPayloadProperty: (entitySetName: string, table: string, property: string) =>
    faults.payload(
      entitySetName,
      `The property '${property}' does not exist on type '${TYPE_PREFIX}${table}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    ),
  duplicatePrimaryKey: () => new DataverseFault(412, ERROR_CODES.duplicateRecord, 'Cannot insert duplicate key.'),
  matchingRecordExists: () => new DataverseFault(412, ERROR_CODES.duplicateRecord, 'A record with matching key values already exists.'),
  duplicateAlternateKey: (keyName: string, values: string) =>
    new DataverseFault(
      412,
      ERROR_CODES.duplicateAlternateKey,
      `A record that has the attribute values ${values} already exists. The entity key ${keyName} requires that this set of attributes contains unique values. Select unique values and try again.`,
    ),
  versionMismatch: () =>
    new DataverseFault(412, ERROR_CODES.concurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided."),
  tooLong: (table: string, attribute: string, maxLength: number) =>
    new DataverseFault(
      400,
      ERROR_CODES.validationFailed,
      `A validation error occurred.  The length of the '${attribute}' attribute of the '${table}' entity exceeded the maximum allowed length of '${maxLength}'.`,
    ),
  optionOutOfRange: (table: string, attribute: string, value: number, accepted: number[]) =>
    new DataverseFault(
      400,
      ERROR_CODES.optionValueOutOfRange,
      `A validation error occurred.  The value ${value} of '${attribute}' on record of type '${table}' is outside the valid range. Accepted Values: ${accepted.join(',')}`,
    ),
  numberOutOfRange: (table: string, attribute: string, value: number, min: number, max: number) =>
    new DataverseFault(
      400,
      ERROR_CODES.validationFailed,
      `A validation error occurred.  The value ${value} of '${attribute}' on record of type '${table}' is outside the valid range. Accepted Values: ${min} to ${max}`,
    ),
  requiredValueMissing: (table: string, attribute: string) =>
    new DataverseFault(400, ERROR_CODES.validationFailed, `A validation error occurred.  A value for the '${attribute}' attribute of the '${table}' entity is required.`),
  notValidFor: (operation: 'create' | 'update', table: string, attribute: string) =>
    new DataverseFault(
      400,
      ERROR_CODES.invalidArgument,
      `The '${attribute}' attribute of the '${table}' entity is not valid for ${operation}: it is set by the system.`,
    ),
  invalidStatus: (table: string, status: number, stateName: string, id: string) =>
    new DataverseFault(
      400,
      ERROR_CODES.invalidArgument,
      `${status} is not a valid status code for state code ${table}State.${stateName} on ${table} with Id ${id}.`,
    ),
  invalidArgument: (message: string) => new DataverseFault(400, ERROR_CODES.invalidArgument, message),
  privilegeMissing: (user: { systemUserId: string; objectId: string }, privilege: string, table: string, objectTypeCode: number) =>
    new DataverseFault(
      403,
      ERROR_CODES.privilegeDenied,
      `Principal user (Id=${user.systemUserId}, type=8, AADObjectId='${user.objectId}'), is missing ${privilege} privilege on OTC=${objectTypeCode} for entity '${table}'. context.Caller=${user.systemUserId}. Consider adding missed privilege to one of the principal (user/team) roles.`,
    ),
  accessCheckFailed: (
    row: { id: string; ownerId: string; ownerType: 'systemuser' | 'team'; businessUnitId: string; objectTypeCode: number },
    callingUserId: string,
    right: AccessRightName,
  ) =>
    new DataverseFault(
      403,
      ERROR_CODES.privilegeDenied,
      `SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: ${row.id}, OwnerId: ${row.ownerId}, OwnerIdType: ${row.ownerType === 'team' ? 9 : 8} and CallingUser: ${callingUserId}. ObjectTypeCode: ${row.objectTypeCode}, objectBusinessUnitId: ${row.businessUnitId}, AccessRights: ${right} `,
    ),
  /**
   * A delete a Restrict relationship refuses. Code and message: CannotDeleteDueToAssociation in
   * Microsoft's web service error codes (org-service/web-service-error-codes.md); the status: the
   * Web API lists CannotDeleteDueToAssociation under 405 (webapi/compose-http-requests-handle-errors.md).
   * Whether a live environment adds details (table, id) to the message is unconfirmed.
   */
  cannotDeleteDueToAssociation: () =>
    new DataverseFault(405, ERROR_CODES.cannotDeleteDueToAssociation, 'The object you tried to delete is associated with another object and cannot be deleted.'),
  userNotInOrganization: () => new DataverseFault(403, ERROR_CODES.userNotInOrganization, 'The user is not a member of the organization.'),
  contentIdNotFound: (reference: string) =>
    new DataverseFault(400, ERROR_CODES.odataUri, `Content-ID Reference: '${reference}' does not exist in the batch context.`),
  changeTrackingOption: (option: string) =>
    new DataverseFault(400, ERROR_CODES.odataUri, `The "${option}" query parameter isn't supported when Change Tracking is enabled.`),
  changeTrackingDisabled: (table: string) =>
    new DataverseFault(400, ERROR_CODES.invalidArgument, `Change tracking is not enabled for entity '${table}'. Enable change tracking on the entity to retrieve changes.`),
  invalidDeltaToken: () => new DataverseFault(400, ERROR_CODES.invalidArgument, 'The delta token in the request is not valid or has expired.'),
  unexpected: (message: string) => new DataverseFault(500, ERROR_CODES.unexpected, message),
};

export type AccessRightName = 'ReadAccess' | 'WriteAccess' | 'DeleteAccess' | 'AppendAccess' | 'AppendToAccess' | 'AssignAccess' | 'ShareAccess';
