/**
 * Customizing that names things in the user's language, read with RFC_READ_TABLE: SAP's language
 * keys (T002), to find the key of a user's language, and the names of sales document types
 * (TVAKT). Customizing is the same for every customer and changed by transport: callers read it
 * once and keep it.
 */

import type { RfcSession } from '../rfc.js';
import { languageKey, validInput } from './inputValidation.js';
import { readTable, sqlLiteral } from './readTable.js';

/** Far more rows than any installation keeps in these tables. */
const MAX_ROWS = 10_000;

/** SAP's language keys (T002-SPRAS) by their ISO 639-1 code (T002-LAISO), in lower case: "de" → "D". */
export async function readLanguageKeys(session: RfcSession): Promise<Map<string, string>> {
  const rows = await readTable(session, { table: 'T002', fields: ['SPRAS', 'LAISO'], rowCount: MAX_ROWS });
  return new Map(rows.filter((row) => row.LAISO && row.SPRAS).map((row) => [String(row.LAISO).toLowerCase(), String(row.SPRAS)]));
}

/** The name of every sales document type (TVAKT-BEZEI) in the language, by its internal key (TA, AG…). */
export async function readSalesDocumentTypeTexts(session: RfcSession, language: string): Promise<Map<string, string>> {
  const spras = validInput(languageKey, language, 'readSalesDocumentTypeTexts');
  const rows = await readTable(session, { table: 'TVAKT', fields: ['AUART', 'BEZEI'], where: [`SPRAS = ${sqlLiteral(spras)}`], rowCount: MAX_ROWS });
  return new Map(rows.map((row) => [String(row.AUART ?? ''), String(row.BEZEI ?? '')]));
}
