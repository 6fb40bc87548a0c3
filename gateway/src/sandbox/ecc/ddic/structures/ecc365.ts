/**
 * Structures of the ecc365 add-on (function group /ECC365/PANELS, docs/sap-addon.md). Their
 * fields carry standard table fields, so each takes the type, length and decimals of the table
 * field it is read from (ddic/tables.ts), as the add-on's SE11 definitions refer to the same data
 * elements; CARRIER and CARRIER_NAME are the vendor number (LIFNR, CHAR10) and name (NAME1_GP,
 * CHAR35) of the forwarding agent.
 */

import { TABLES, type TableName } from '../tables.js';
import { structure, type FieldDef } from '../types.js';

const spec = ({ name, type, length, decimals }: FieldDef): string => `${name}:${type}${length}${decimals > 0 ? `.${decimals}` : ''}`;

/** The specs of a table's fields, in the order given. */
function fieldsOf(table: TableName, names: string[]): string {
  return names
    .map((name) => {
      const field = TABLES[table].field(name);
      if (!field) throw new Error(`${table} has no field ${name}`);
      return spec(field);
    })
    .join(' ');
}

export const ECC365_S_DELIVERY = structure(
  '/ECC365/S_DELIVERY',
  [
    fieldsOf('LIKP', ['VBELN', 'LFART', 'VKORG', 'VSTEL', 'KUNNR', 'KUNAG', 'LFDAT', 'WADAT', 'WADAT_IST', 'BTGEW', 'GEWEI', 'BOLNR']),
    fieldsOf('VBUK', ['KOSTK', 'WBSTK', 'FKSTK', 'GBSTK']),
    'CARRIER:CHAR10 CARRIER_NAME:CHAR35',
  ].join(' '),
);

export const ECC365_S_DELIVERED_DOC = structure('/ECC365/S_DELIVERED_DOC', `${fieldsOf('LIKP', ['VBELN'])} ${fieldsOf('LIPS', ['VGBEL'])}`);

export const ECC365_S_INVOICE = structure(
  '/ECC365/S_INVOICE',
  fieldsOf('VBRK', ['VBELN', 'FKART', 'VBTYP', 'FKDAT', 'KUNAG', 'KUNRG', 'BUKRS', 'NETWR', 'MWSBK', 'WAERK', 'ZTERM', 'FKSTO', 'RFBSK', 'BELNR', 'GJAHR']),
);

export const ECC365_S_CUSTOMER_BLOCKS = structure('/ECC365/S_CUSTOMER_BLOCKS', fieldsOf('KNA1', ['AUFSD', 'LIFSD', 'FAKSD', 'SPERR']));
