/**
 * Basis function modules: connection checks and the BAPI LUW (commit and rollback).
 */

import { BAPIRET2 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing } from '../functionModule.js';
import { message, toBapiret2 } from '../messages.js';

/** RFC_PING: answers if the connection and logon work (function group SYST). */
export const RFC_PING = defineFunction({
  name: 'RFC_PING',
  functionGroup: 'SYST',
  parameters: [],
  exceptions: [],
  handler: () => ({}),
});

/** STFC_CONNECTION: echoes a text with information about the system (function group STFC). */
export const STFC_CONNECTION = defineFunction({
  name: 'STFC_CONNECTION',
  functionGroup: 'STFC',
  parameters: [
    importing('REQUTEXT', 'CHAR255', { default: ' ', reference: 'SY-LISEL' }),
    exporting('ECHOTEXT', 'CHAR255', { reference: 'SY-LISEL' }),
    exporting('RESPTEXT', 'CHAR255', { reference: 'SY-LISEL' }),
  ],
  exceptions: [],
  handler: ({ ecc, session, scalar }) => ({
    ECHOTEXT: scalar('REQUTEXT'),
    RESPTEXT: `SAP R/3 Rel. 700   Sysid: ${ecc.systemId}      Date: ${ecc.today()}   Time: ${ecc.now()}   Logon_Data: ${ecc.client}/${session.user}/E`,
  }),
});

/** BAPI_TRANSACTION_COMMIT: COMMIT WORK, with WAIT = 'X' COMMIT WORK AND WAIT (function group BAPT). */
export const BAPI_TRANSACTION_COMMIT = defineFunction({
  name: 'BAPI_TRANSACTION_COMMIT',
  functionGroup: 'BAPT',
  parameters: [importing('WAIT', 'CHAR1', { optional: true, reference: 'BAPITA-WAIT' }), exporting('RETURN', BAPIRET2)],
  exceptions: [],
  handler: ({ ecc, session, scalar }) => {
    const outcome = ecc.commit(session, scalar('WAIT').trim() !== '');
    return outcome.ok ? {} : { RETURN: toBapiret2(message('E', 'S&', '101')) };
  },
});

/** BAPI_TRANSACTION_ROLLBACK: ROLLBACK WORK (function group BAPT). */
export const BAPI_TRANSACTION_ROLLBACK = defineFunction({
  name: 'BAPI_TRANSACTION_ROLLBACK',
  functionGroup: 'BAPT',
  parameters: [exporting('RETURN', BAPIRET2)],
  exceptions: [],
  handler: ({ ecc, session }) => {
    ecc.rollback(session);
    return {};
  },
});
