/**
 * What the customer BAPIs share: the lock object of a customer and the check of personal data
 * (BAPIKNA101_1) that BAPI_CUSTOMER_CREATEFROMDATA1 and _CHANGEFROMDATA1 run through
 * SD_CUSTOMER_CHECK_1 (mandatory fields, country and language keys in SAP or ISO format, SAP's
 * format taking priority) before the data is mapped to KNA1, ADR6 and KNVV.
 */

import { countryOfIso, isCountryKey, isLanguageKey, languageOfIso } from './addressCustomizing.js';
import type { Row } from './database.js';
import { TABLES } from './ddic/tables.js';
import type { StructureValue } from './functionModule.js';
import { message, type Message } from './messages.js';

/** The enqueue key of a customer (lock object EXKNA1, as XD02 and the change BAPI take it). */
export const customerLockKey = (kunnr: string): string => `EXKNA1/${kunnr}`;

/** Personal data fields that land in KNA1 as they are. */
const KNA1_FIELD_OF: Record<string, string> = {
  LASTNAME: 'NAME1',
  FIRSTNAME: 'NAME2',
  STREET: 'STRAS',
  POSTL_COD1: 'PSTLZ',
  CITY: 'ORT01',
  REGION: 'REGIO',
  TEL1_NUMBR: 'TELF1',
  FAX_NUMBER: 'TELFX',
};

/** Mandatory data in the order SAP checks it; a pair is a key in SAP format or, second, in ISO format. */
const MANDATORY: [string, string?][] = [
  ['LASTNAME'], ['CITY'], ['POSTL_COD1'], ['STREET'], ['COUNTRY', 'COUNTRYISO'], ['LANGU_P', 'LANGUP_ISO'], ['CURRENCY', 'CURRENCY_ISO'],
];

export interface PersonalDataChanges {
  /** KNA1 fields to write, cut to their length as the address management does. */
  kna1: Row;
  /** The company address's e-mail (ADR6); '' removes it; absent leaves it alone. */
  email?: string;
  /** The currency of the sales area data (KNVV-WAERS). */
  currency?: string;
}

/** A KNA1 value cut to the field's length (the full value would live in ADRC, which is not simulated). */
const fit = (field: string, value: string): string => value.slice(0, TABLES.KNA1.field(field)!.length);

/**
 * Checks personal data and maps the supplied fields. `supplied` says which fields the caller
 * provides: every field on create, the flagged ones on change. Returns SAP's first error.
 */
export function personalDataChanges(
  parameter: string,
  data: StructureValue,
  supplied: (field: string) => boolean,
): { changes: PersonalDataChanges } | { error: Message } {
  const text = (field: string): string => String(data[field] ?? '').trim();
  for (const [field, isoField] of MANDATORY) {
    const touched = supplied(field) || (isoField !== undefined && supplied(isoField));
    if (touched && text(field) === '' && (isoField === undefined || text(isoField) === '')) {
      return { error: message('E', 'F2', '206', `${parameter}-${field}`) };
    }
  }

  const changes: PersonalDataChanges = { kna1: {} };
  for (const [field, kna1Field] of Object.entries(KNA1_FIELD_OF)) {
    if (supplied(field)) changes.kna1[kna1Field] = fit(kna1Field, text(field));
  }
  if (supplied('COUNTRY') || supplied('COUNTRYISO')) {
    const country = text('COUNTRY');
    if (country !== '') {
      if (!isCountryKey(country)) return { error: message('E', 'F2', '209', country) };
      changes.kna1.LAND1 = country;
    } else {
      const fromIso = countryOfIso(text('COUNTRYISO'));
      if (!fromIso) return { error: message('E', 'B1', '880', text('COUNTRYISO')) };
      changes.kna1.LAND1 = fromIso;
    }
  }
  if (supplied('LANGU_P') || supplied('LANGUP_ISO')) {
    const language = text('LANGU_P');
    if (language !== '') {
      if (!isLanguageKey(language)) return { error: message('E', 'F2', '213', language) };
      changes.kna1.SPRAS = language;
    } else {
      const fromIso = languageOfIso(text('LANGUP_ISO'));
      if (!fromIso) return { error: message('E', 'B1', '886', text('LANGUP_ISO')) };
      changes.kna1.SPRAS = fromIso;
    }
  }
  if (supplied('CURRENCY') || supplied('CURRENCY_ISO')) {
    // SAP's keys of the standard currencies are their ISO 4217 codes (TCURC-ISOCD).
    changes.currency = (text('CURRENCY') || text('CURRENCY_ISO')).toUpperCase();
  }
  if (supplied('E_MAIL')) changes.email = text('E_MAIL');
  return { changes };
}
