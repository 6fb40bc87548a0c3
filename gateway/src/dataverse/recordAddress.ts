/**
 * How a request names one record: `accounts(<guid>)` by primary key, or
 * `accounts(ecc_customernumber='0000001000')` by an alternate key (several columns are joined
 * with commas). The same address appears percent-encoded in a request URL and as plain text in a
 * JSON body ("@odata.bind", "@odata.id"), as Dataverse's documentation and DynamicsWebApi write
 * them.
 *
 * Dataverse cannot address a record by an alternate key whose value contains / # < > * % & : \ ?
 * or + ("Define alternate keys using Power Apps": GET and PATCH do not work), however the URL is
 * encoded; such a key is refused here with a message instead of failing obscurely there. Filters
 * have no such limit: look such a record up with a filter on the key column.
 */

import { DataverseRequestError } from './errors.js';
import { assertIdentifier, formatLiteral, normalizeGuid, type Guid, type ODataValue } from './odataValues.js';

/** The values of an alternate key's columns, e.g. { ecc_customernumber: '0000001000' }. */
export type AlternateKey = Readonly<Record<string, Exclude<ODataValue, null>>>;

/** A record by primary key (a GUID string or guid()) or by alternate key ({ key: { column: value } }). */
export type RecordRef = string | Guid | { readonly key: AlternateKey };

const UNADDRESSABLE = /[/#<>*%&:\\?+]/;

/** The text between the parentheses; `encode` is applied to each key value's literal, never to the = and , between them. */
function keyPredicate(ref: RecordRef, encode: (literal: string) => string): string {
  if (typeof ref === 'string') return normalizeGuid(ref, 'record id');
  if ('kind' in ref) return normalizeGuid(ref.value, 'record id');
  const entries = Object.entries(ref.key);
  if (entries.length === 0) throw new DataverseRequestError('An alternate key needs at least one column value.');
  return entries
    .map(([column, value]) => {
      assertIdentifier(column, 'key column');
      if (value === null || value === undefined) throw new DataverseRequestError(`The key column ${column} needs a value.`);
      if (typeof value === 'string' && UNADDRESSABLE.test(value)) {
        throw new DataverseRequestError(
          `Dataverse cannot address a record by key ${column}='${value}': alternate key values with / # < > * % & : \\ ? or + do not work in Web API URLs. Find the record with a filter on ${column} instead.`,
        );
      }
      return `${column}=${encode(formatLiteral(value))}`;
    })
    .join(',');
}

/** `accounts(…)` for a request URL below the service root, percent-encoded. */
export function recordPath(entitySet: string, ref: RecordRef): string {
  return `${assertIdentifier(entitySet, 'entity set')}(${keyPredicate(ref, encodeURIComponent)})`;
}

/** `accounts(…)` as it is written inside a JSON body (@odata.id of UpsertMultiple items). */
export function recordReference(entitySet: string, ref: RecordRef): string {
  return `${assertIdentifier(entitySet, 'entity set')}(${keyPredicate(ref, (literal) => literal)})`;
}

/**
 * The value of a lookup's "<navigation property>@odata.bind": "/accounts(<guid>)" or
 * "/accounts(ecc_customernumber='…')". Use the single-valued navigation property as the name
 * (parentcustomerid_account@odata.bind for a polymorphic lookup).
 */
export function odataBind(entitySet: string, ref: RecordRef): string {
  return `/${recordReference(entitySet, ref)}`;
}

/** The record id at the end of an OData-EntityId or Location URL: …/accounts(<guid>). */
export function idFromEntityUrl(url: string | undefined): string | undefined {
  const match = /\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)\/?$/.exec(url ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}
