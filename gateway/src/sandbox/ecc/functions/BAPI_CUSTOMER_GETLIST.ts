/**
 * BAPI_CUSTOMER_GETLIST: customers whose number lies in IDRANGE, with their address (ADDRESSDATA)
 * and special data (SPECIALDATA), ordered by number. CPDONLY = 'X' keeps one-time customers only;
 * MAXROWS bounds the rows (0 = all). Errors come in RETURN (BAPIRETURN1): S& 026/027 for an invalid
 * range row, F2 718 when nothing matches. Customers marked for deletion are listed like any other.
 * The function group V02D is a reading (the sources show none).
 */

import { isoOfCountry } from '../addressCustomizing.js';
import type { Row } from '../database.js';
import { BAPICUSTOMER_ADDRESSDATA, BAPICUSTOMER_IDRANGE, BAPICUSTOMER_SPECIALDATA } from '../ddic/structures/customer.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { message, toBapireturn1 } from '../messages.js';
import { invalidRange, rangeMatcher, rangesOf } from '../selectionRanges.js';

const addressOf = (kna1: Row): Record<string, string | number> => ({
  CUSTOMER: kna1.KUNNR!,
  SORT1: kna1.SORTL ?? '',
  NAME: kna1.NAME1 ?? '',
  CITY: kna1.ORT01 ?? '',
  POSTL_COD1: kna1.PSTLZ ?? '',
  STREET: kna1.STRAS ?? '',
  COUNTRY: kna1.LAND1 ?? '',
  COUNTRYISO: isoOfCountry(String(kna1.LAND1 ?? '')),
  REGION: kna1.REGIO ?? '',
  TEL1_NUMBR: kna1.TELF1 ?? '',
  FAX_NUMBER: kna1.TELFX ?? '',
  ADDRESS: kna1.ADRNR ?? '',
});

export const BAPI_CUSTOMER_GETLIST = defineFunction({
  name: 'BAPI_CUSTOMER_GETLIST',
  functionGroup: 'V02D',
  parameters: [
    importing('CPDONLY', 'CHAR1', { optional: true, reference: 'BAPICUSTOMER_CPD-CPD_ONLY' }),
    importing('MAXROWS', 'INT4', { default: '0', reference: 'BAPIF4A-MAX_ROWS' }),
    exporting('RETURN', BAPIRETURN1),
    tables('ADDRESSDATA', BAPICUSTOMER_ADDRESSDATA, { optional: true }),
    tables('IDRANGE', BAPICUSTOMER_IDRANGE),
    tables('SPECIALDATA', BAPICUSTOMER_SPECIALDATA, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, scalar, input, table }) => {
    const ranges = rangesOf(table('IDRANGE'), 'LOW', 'HIGH');
    const invalid = invalidRange(ranges);
    if (invalid) return { RETURN: toBapireturn1(invalid), ADDRESSDATA: [], SPECIALDATA: [] };

    const inRange = rangeMatcher(ranges);
    const oneTimeOnly = scalar('CPDONLY').trim() === 'X';
    const maxRows = Number(input.MAXROWS ?? 0);
    const found = db
      .table('KNA1')
      .select({}, (row) => inRange(String(row.KUNNR)) && (!oneTimeOnly || row.XCPDK === 'X'))
      .sort((a, b) => (String(a.KUNNR) < String(b.KUNNR) ? -1 : 1))
      .slice(0, maxRows > 0 ? maxRows : undefined);
    if (found.length === 0) {
      return { RETURN: toBapireturn1(message('E', 'F2', '718')), ADDRESSDATA: [], SPECIALDATA: [] };
    }
    return {
      ADDRESSDATA: found.map(addressOf),
      SPECIALDATA: found.map((row) => ({ CUSTOMER: row.KUNNR!, ACC_1_TIME: row.XCPDK ?? '' })),
    };
  },
});
