/**
 * The BAPI transaction pattern: a write BAPI and BAPI_TRANSACTION_COMMIT run on one SAP
 * session; when RETURN holds an error the LUW is rolled back instead. COMMIT runs with
 * WAIT = 'X' so that a read right after sees the document (SAP's update task has run).
 */

import type { SapMessage } from '../model/errors.js';
import { assertNoErrors, describeMessages, isErrorMessage, returnMessages } from './bapiReturn.js';
import { SapBusinessError } from './errors.js';
import type { RfcClient, RfcParameters, RfcSession } from './rfc.js';

export interface CommittedWrite {
  result: RfcParameters;
  /** RETURN of the write BAPI (successes, warnings, information). */
  messages: SapMessage[];
}

/** Calls a write BAPI and commits it, or rolls back and throws SapBusinessError with SAP's messages. */
export async function writeAndCommit(
  client: RfcClient,
  action: string,
  functionModule: string,
  parameters: RfcParameters,
  returnParameter = 'RETURN',
): Promise<CommittedWrite> {
  return client.inSession(async (session) => {
    const result = await session.call(functionModule, parameters);
    const messages = returnMessages(result, returnParameter);
    if (messages.some(isErrorMessage)) {
      await rollbackQuietly(session);
      throw new SapBusinessError(`SAP rejected ${action}: ${describeMessages(messages)}`, messages);
    }
    const commit = await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
    assertNoErrors(commit, `the commit of ${action}`);
    return { result, messages };
  });
}

/** ROLLBACK after a rejected write; the session ends anyway, so a failure here changes nothing. */
async function rollbackQuietly(session: RfcSession): Promise<void> {
  try {
    await session.call('BAPI_TRANSACTION_ROLLBACK', {});
  } catch {
    // The business error is what the caller must see; SAP discards the LUW when the session ends.
  }
}
