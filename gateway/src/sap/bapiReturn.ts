/**
 * BAPI RETURN handling. BAPIs report business errors in RETURN, never as exceptions; the
 * structure differs by age: BAPIRET2 (TYPE/ID/NUMBER/MESSAGE…), BAPIRET1 and BAPIRETURN1
 * (TYPE/ID/NUMBER/MESSAGE), BAPIRETURN (TYPE/CODE/MESSAGE, where CODE is class + number).
 * RETURN is a structure in some BAPIs and a table in others.
 */

import type { SapMessage } from '../model/errors.js';
import { SapBusinessError } from './errors.js';
import type { RfcParameters, RfcStructure } from './rfc.js';

const MESSAGE_TYPES = new Set(['S', 'E', 'W', 'I', 'A', '']);

function toMessage(row: RfcStructure): SapMessage | undefined {
  const type = String(row.TYPE ?? '').trim();
  const text = String(row.MESSAGE ?? '').trim();
  if (type === '' && text === '') return undefined;
  let id = String(row.ID ?? '').trim();
  let number = String(row.NUMBER ?? '').trim();
  const code = String(row.CODE ?? '').trim();
  if (id === '' && code !== '') {
    // BAPIRETURN's CODE is the message class followed by a three-digit number ("QC160").
    id = code.slice(0, -3);
    number = code.slice(-3);
  }
  const message: SapMessage = {
    type: (MESSAGE_TYPES.has(type) ? type : 'E') as SapMessage['type'],
    id,
    number,
    message: text,
  };
  const parameter = String(row.PARAMETER ?? '').trim();
  const field = String(row.FIELD ?? '').trim();
  const rowNumber = Number(row.ROW ?? 0);
  if (parameter) message.parameter = parameter;
  if (field) message.field = field;
  if (rowNumber) message.row = rowNumber;
  return message;
}

/** The messages in a RETURN parameter, whether SAP sent a structure or a table. */
export function returnMessages(result: RfcParameters, parameter = 'RETURN'): SapMessage[] {
  const value = result[parameter];
  if (value === undefined || typeof value !== 'object') return [];
  const rows = Array.isArray(value) ? value : [value];
  return rows.map(toMessage).filter((message): message is SapMessage => message !== undefined);
}

export const isErrorMessage = (message: SapMessage): boolean => message.type === 'E' || message.type === 'A';

/** Describes SAP messages for a person: "E V1 382: Material 100 is not defined for sales org.1000". */
export function describeMessages(messages: SapMessage[]): string {
  return messages
    .filter(isErrorMessage)
    .map((m) => `${m.type} ${m.id} ${m.number}: ${m.message}`.replace(/\s+/g, ' ').trim())
    .join('; ');
}

/** Throws SapBusinessError when RETURN holds an error; returns all messages otherwise. */
export function assertNoErrors(result: RfcParameters, action: string, parameter = 'RETURN'): SapMessage[] {
  const messages = returnMessages(result, parameter);
  const errors = messages.filter(isErrorMessage);
  if (errors.length > 0) {
    throw new SapBusinessError(`SAP rejected ${action}: ${describeMessages(errors)}`, messages);
  }
  return messages;
}
