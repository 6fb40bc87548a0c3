/**
 * Function modules that exist only for the SOAP-RFC tests (service and transport): one with a
 * parameter of every ABAP type the protocol converts, a read that raises an exception, and a
 * write that registers an update so that only a commit in the same session makes it visible.
 * They are registered on a SimulatedEcc built by the tests, never in functions/index.ts.
 */

import { FUNCTION_MODULES } from '../functions/index.js';
import { BAPIRET2 } from '../ddic/structures/returns.js';
import { structure } from '../ddic/types.js';
import { changing, defineFunction, exporting, importing, raise, tables } from '../functionModule.js';
import { message, toBapiret2 } from '../messages.js';
import { seedDatabase, type SeedResult } from '../seed/index.js';
import { SimulatedEcc, type SimulatedEccOptions } from '../simulatedEcc.js';

const ZTEST_VALUES = structure('ZTEST_VALUES', `TEXT:CHAR20 NUMBER:NUMC6 DAY:DATS TIME:TIMS COUNT:INT4 AMOUNT:CURR15.2
  QUANTITY:QUAN13.3 RATE:DEC5.2 FACTOR:FLTP CURRENCY:CUKY UNIT:UNIT LANGU:LANG`);
const ZTEST_ITEM = structure('ZTEST_ITEM', 'POSNR:NUMC6 MATERIAL:CHAR18 QUANTITY:QUAN13.3 DELIVERY:DATS');
const ZTEST_CUSTOMER = structure('ZTEST_CUSTOMER', 'KUNNR:CHAR10 NAME1:CHAR35 ORT01:CHAR35 LAND1:CHAR3 ERDAT:DATS');

/** Echoes values of every type and doubles item quantities, so conversions can be checked both ways. */
export const Z_TEST_ECHO = defineFunction({
  name: 'Z_TEST_ECHO',
  functionGroup: 'ZTEST',
  parameters: [
    importing('DAY', 'DATS'),
    importing('TIME', 'TIMS', { optional: true }),
    importing('VALUES', ZTEST_VALUES, { optional: true }),
    changing('COUNTER', 'INT4', { optional: true }),
    exporting('DAY_AFTER', 'DATS'),
    exporting('VALUES_OUT', ZTEST_VALUES),
    exporting('RETURN', BAPIRET2),
    tables('ITEMS', ZTEST_ITEM, { optional: true }),
    tables('DOUBLED', ZTEST_ITEM, { optional: true }),
  ],
  exceptions: [],
  handler: ({ scalar, structure: structureOf, table, input }) => {
    const day = scalar('DAY');
    if (/^0+$/.test(day)) return { RETURN: toBapiret2(message('E', 'F2', '206', 'DAY'), { parameter: 'DAY' }) };
    const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1));
    return {
      DAY_AFTER: next.toISOString().slice(0, 10).replaceAll('-', ''),
      VALUES_OUT: structureOf('VALUES'),
      COUNTER: Number(input.COUNTER) + 1,
      DOUBLED: table('ITEMS').map((item) => ({ ...item, QUANTITY: (Number(item.QUANTITY) * 2).toFixed(3) })),
    };
  },
});

/** Reads a customer; raises NOT_FOUND for an unknown number. */
export const Z_TEST_CUSTOMER_READ = defineFunction({
  name: 'Z_TEST_CUSTOMER_READ',
  functionGroup: 'ZTEST',
  parameters: [importing('CUSTOMER', 'CHAR10'), exporting('CUSTOMER_DATA', ZTEST_CUSTOMER)],
  exceptions: ['NOT_FOUND'],
  handler: ({ db, scalar }) => {
    const row = db.table('KNA1').get({ KUNNR: scalar('CUSTOMER') });
    if (!row) raise(Z_TEST_CUSTOMER_READ, 'NOT_FOUND', `Customer ${scalar('CUSTOMER')} does not exist`);
    return { CUSTOMER_DATA: row };
  },
});

/** Renames a customer in the update task: visible only after BAPI_TRANSACTION_COMMIT in the same session. */
export const Z_TEST_CUSTOMER_RENAME = defineFunction({
  name: 'Z_TEST_CUSTOMER_RENAME',
  functionGroup: 'ZTEST',
  parameters: [importing('CUSTOMER', 'CHAR10'), importing('NAME', 'CHAR35'), exporting('RETURN', BAPIRET2)],
  exceptions: [],
  handler: ({ db, session, scalar }) => {
    const customer = scalar('CUSTOMER');
    if (!db.table('KNA1').get({ KUNNR: customer })) return { RETURN: toBapiret2(message('E', 'F2', '150', customer)) };
    const name = scalar('NAME');
    session.registerUpdate({ apply: (writer) => writer.update('KNA1', { KUNNR: customer }, { NAME1: name }) });
    return { RETURN: toBapiret2(message('S', 'F2', '210', customer)) };
  },
});

export const TEST_FUNCTIONS = [Z_TEST_ECHO, Z_TEST_CUSTOMER_READ, Z_TEST_CUSTOMER_RENAME];

/** A seeded simulated ECC with the real function modules plus the test ones. */
export function createSoapTestEcc(options: SimulatedEccOptions = {}): { ecc: SimulatedEcc; seeded: SeedResult } {
  const ecc = new SimulatedEcc([...FUNCTION_MODULES, ...TEST_FUNCTIONS], { today: '2026-11-27', ...options });
  const seeded = seedDatabase(ecc.db, { customers: 20 }, '2026-11-27');
  return { ecc, seeded };
}
