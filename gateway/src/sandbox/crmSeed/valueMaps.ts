/**
 * The value maps the seed itself follows, as ecc_valuemap rows an admin can read and correct:
 * SAP's country keys as the account addresses name the countries, and SAP's units of measure as
 * the CRM units, which the catalog names by SAP's unit code.
 */

import { COUNTRY_NAMES } from './accounts.js';
import { seededId } from './ids.js';
import type { RowWriter } from './rowWriter.js';

/** ecc_kind's options (ecc_valuemap_ecc_kind in ecc_ValueMap/Entity.xml of the solution). */
const KIND = { unitOfMeasure: { value: 363650004, label: 'Unit of measure' }, country: { value: 363650005, label: 'Country' } } as const;

/** Returns how many value maps it wrote. */
export function seedValueMaps(writer: RowWriter, units: Iterable<string>): number {
  const maps: [keyof typeof KIND, string, string][] = [
    ...Object.entries(COUNTRY_NAMES).map(([key, name]): [keyof typeof KIND, string, string] => ['country', key, name]),
    ...[...new Set(units)].sort().map((unit): [keyof typeof KIND, string, string] => ['unitOfMeasure', unit, unit]),
  ];
  for (const [kind, sapValue, dataverseValue] of maps) {
    writer.create('ecc_valuemap', seededId('value map', kind, sapValue), {
      ecc_name: `${KIND[kind].label} ${sapValue}`,
      ecc_kind: KIND[kind].value,
      ecc_sapvalue: sapValue,
      ecc_dataversevalue: dataverseValue,
    });
  }
  return maps.length;
}
