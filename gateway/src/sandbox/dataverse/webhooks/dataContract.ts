/**
 * Values as Dataverse serializes them in a webhook's body: the JSON of
 * Microsoft.Xrm.Sdk.RemoteExecutionContext written by .NET's DataContractJsonSerializer
 * (Microsoft's use-webhooks.md sample). A value in an untyped slot (an attribute, an input
 * parameter) carries its contract type in "__type": Entity, EntityReference, OptionSetValue,
 * Money; strings, numbers, booleans and GUIDs are plain; dates are "\/Date(<ms since 1970>)\/",
 * with the server's UTC offset for local times; every "/" is escaped as "\/".
 */

import type { AttributeMetadata } from '../metadata.js';
import { isDateOnly, isEntityReference, type EntityReference, type StoredValue } from '../values.js';

const CONTRACTS = 'http://schemas.microsoft.com/xrm/2011/Contracts';

export const CONTRACT_TYPES = {
  entity: `Entity:${CONTRACTS}`,
  entityReference: `EntityReference:${CONTRACTS}`,
  optionSetValue: `OptionSetValue:${CONTRACTS}`,
  money: `Money:${CONTRACTS}`,
  keyValuePairOfStrings: 'KeyValuePairOfstringstring:#System.Collections.Generic',
} as const;

export interface KeyValue {
  key: string;
  value: unknown;
}

/** A UTC date (the platform's values) or, with `local`, a local time of a UTC server ("+0000"). */
export function dataContractDate(milliseconds: number, local = false): string {
  return `/Date(${milliseconds}${local ? '+0000' : ''})/`;
}

/** An EntityReference; `typed` in an untyped slot (an attribute, an input parameter). */
export function entityReference(reference: EntityReference, name: string | null, typed: boolean): Record<string, unknown> {
  return {
    ...(typed ? { __type: CONTRACT_TYPES.entityReference } : {}),
    Id: reference.id,
    KeyAttributes: [],
    LogicalName: reference.logicalName,
    Name: name,
    RowVersion: null,
  };
}

export const optionSetValue = (value: number): Record<string, unknown> => ({ __type: CONTRACT_TYPES.optionSetValue, Value: value });

/** A column's stored value as an attribute value of an Entity. `nameOf` gives a referenced row's primary name, or null. */
export function attributeValue(attribute: AttributeMetadata | undefined, value: StoredValue | undefined, nameOf: (reference: EntityReference) => string | null): unknown {
  if (value === undefined || value === null) return null;
  if (isEntityReference(value)) return entityReference(value, nameOf(value), true);
  switch (attribute?.type) {
    case 'Picklist': case 'State': case 'Status':
      return optionSetValue(value as number);
    // An OptionSetValueCollection is a collection contract: written as an array, which has no "__type".
    case 'MultiSelectPicklist':
      return String(value).split(',').map((option) => optionSetValue(Number(option)));
    case 'Money':
      return { __type: CONTRACT_TYPES.money, Value: value };
    case 'DateTime':
      return dataContractDate(Date.parse(isDateOnly(attribute) ? `${String(value)}T00:00:00Z` : String(value)));
    default:
      return value;
  }
}

/** JSON as DataContractJsonSerializer writes it. */
export function toDataContractJson(value: unknown): string {
  // "/" appears in JSON only inside strings, where "\/" is an allowed escape.
  return JSON.stringify(value).replace(/\//g, '\\/');
}
