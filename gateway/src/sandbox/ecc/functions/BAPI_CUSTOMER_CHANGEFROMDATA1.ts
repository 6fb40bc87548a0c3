/**
 * BAPI_CUSTOMER_CHANGEFROMDATA1: changes a customer's personal data. Only fields flagged 'X' in
 * PI_PERSONALDATAX (and PI_OPT_PERSONALDATAX) change; a flagged mandatory field cannot be emptied.
 * The customer must have sales data in PI_SALESORG (narrowed by PI_DISTR_CHAN and PI_DIVISION when
 * given); a currency change applies to those sales areas, payment terms and the reconciliation
 * account to the sales organisation's company code as well.
 *
 * The BAPI locks the customer (enqueue EXKNA1) until the LUW ends, so a second session gets F2 208
 * "being processed"; a customer marked for deletion is not changed (F2 154, a plausible message).
 * The change runs at BAPI_TRANSACTION_COMMIT with a change document of object class DEBI holding
 * the old and new values; the e-mail address (ADR6) is written without one (see CREATEFROMDATA1).
 *
 * Not offered: PI_COMPANYDATA/X and PI_OPT_COMPANYDATA/X (customers kept as an organisation).
 * The function group V02D is a reading (the sources show none).
 */

import { customerLockKey, personalDataChanges } from '../customerMaster.js';
import type { Database, Row } from '../database.js';
import { BAPIKNA101_1, BAPIKNA101_1X, BAPIKNA105, BAPIKNA105X } from '../ddic/structures/customer.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, type FunctionContext } from '../functionModule.js';
import { message, toBapireturn1, type Message } from '../messages.js';
import type { UpdateWriter } from '../session.js';

const rejected = (error: Message): Record<string, unknown> => ({ RETURN: toBapireturn1(error) });
const text = (row: Record<string, string | number>, field: string): string => String(row[field] ?? '').trim();

/** Sets, replaces or (with '') removes the default e-mail address of an address number. */
function writeEmail(db: Database, writer: UpdateWriter, adrnr: string, email: string): void {
  const existing = db.table('ADR6').select({ ADDRNUMBER: adrnr, PERSNUMBER: '' });
  const current = existing.find((row) => row.FLGDEFAULT === 'X') ?? existing[0];
  const key = current && { ADDRNUMBER: adrnr, PERSNUMBER: '', CONSNUMBER: current.CONSNUMBER! };
  if (key && email === '') writer.delete('ADR6', key);
  else if (key) writer.update('ADR6', key, { SMTP_ADDR: email });
  else if (email !== '') writer.insert('ADR6', { ADDRNUMBER: adrnr, PERSNUMBER: '', CONSNUMBER: '001', FLGDEFAULT: 'X', SMTP_ADDR: email });
}

function change({ ecc, db, session, structure, scalar }: FunctionContext): Record<string, unknown> {
  const kunnr = scalar('CUSTOMERNO');
  const kna1 = db.table('KNA1').get({ KUNNR: kunnr });
  if (!kna1) return rejected(message('E', 'F2', '502', kunnr));
  const holder = ecc.enqueue(session, customerLockKey(kunnr));
  if (holder) return rejected(message('E', 'F2', '208', kunnr, holder));
  if (text(kna1, 'LOEVM') === 'X') return rejected(message('E', 'F2', '154', kunnr));

  const vkorg = scalar('PI_SALESORG').trim();
  const vtweg = scalar('PI_DISTR_CHAN').trim();
  const spart = scalar('PI_DIVISION').trim();
  if (vkorg === '') return rejected(message('E', 'F2', '206', 'PI_SALESORG'));
  const salesAreas = db.table('KNVV').select({ KUNNR: kunnr }, (row) => row.VKORG === vkorg && (!vtweg || row.VTWEG === vtweg) && (!spart || row.SPART === spart));
  if (salesAreas.length === 0) return rejected(message('E', 'F2', '156', kunnr, vkorg, vtweg, spart));

  const flags = structure('PI_PERSONALDATAX');
  const checked = personalDataChanges('PI_PERSONALDATA', structure('PI_PERSONALDATA'), (field) => text(flags, field) === 'X');
  if ('error' in checked) return rejected(checked.error);
  const { kna1: kna1Changes, email, currency } = checked.changes;

  const preferred = structure('PI_OPT_PERSONALDATA');
  const preferredFlags = structure('PI_OPT_PERSONALDATAX');
  const preferredValue = (field: string): string | undefined => (text(preferredFlags, field) === 'X' ? text(preferred, field) : undefined);
  const knvvChanges: Row = {};
  if (currency !== undefined) knvvChanges.WAERS = currency;
  const paymentTerms = preferredValue('PMNTTRMS');
  if (paymentTerms !== undefined) knvvChanges.ZTERM = paymentTerms;
  const shippingConditions = preferredValue('SHIP_COND');
  if (shippingConditions !== undefined) knvvChanges.VSBED = shippingConditions;
  const plant = preferredValue('DELYG_PLNT');
  if (plant !== undefined) knvvChanges.VWERK = plant;
  const knb1Changes: Row = {};
  const account = preferredValue('CONTROL_ACCOUNT');
  if (account !== undefined) knb1Changes.AKONT = account;
  if (paymentTerms !== undefined) knb1Changes.ZTERM = paymentTerms;
  const companyCode = text(db.table('TVKO').get({ VKORG: vkorg }) ?? {}, 'BUKRS');
  const knb1Key = { KUNNR: kunnr, BUKRS: companyCode };
  const hasKnb1 = db.table('KNB1').get(knb1Key) !== undefined;

  let adrnr = text(kna1, 'ADRNR');
  if (email !== undefined && adrnr === '') {
    adrnr = ecc.nextNumber('ADRNR');
    kna1Changes.ADRNR = adrnr;
  }

  session.registerUpdate({
    changeDocument: { objectClass: 'DEBI', objectId: kunnr, tcode: 'XD02' },
    apply: (writer) => {
      if (Object.keys(kna1Changes).length > 0) writer.update('KNA1', { KUNNR: kunnr }, kna1Changes);
      if (Object.keys(knvvChanges).length > 0) {
        for (const area of salesAreas) writer.update('KNVV', { KUNNR: kunnr, VKORG: area.VKORG!, VTWEG: area.VTWEG!, SPART: area.SPART! }, knvvChanges);
      }
      if (hasKnb1 && Object.keys(knb1Changes).length > 0) writer.update('KNB1', knb1Key, knb1Changes);
    },
  });
  if (email !== undefined) session.registerUpdate({ apply: (writer) => writeEmail(db, writer, adrnr, email) });
  return { RETURN: toBapireturn1(message('S', 'F2', '210', kunnr)) };
}

export const BAPI_CUSTOMER_CHANGEFROMDATA1 = defineFunction({
  name: 'BAPI_CUSTOMER_CHANGEFROMDATA1',
  functionGroup: 'V02D',
  parameters: [
    importing('CUSTOMERNO', 'CHAR10', { reference: 'BAPIKNA103-CUSTOMER' }),
    importing('PI_DISTR_CHAN', 'CHAR2', { optional: true, reference: 'BAPIKNA102-DISTR_CHAN' }),
    importing('PI_DIVISION', 'CHAR2', { optional: true, reference: 'BAPIKNA102-DIVISION' }),
    importing('PI_OPT_PERSONALDATA', BAPIKNA105, { optional: true }),
    importing('PI_OPT_PERSONALDATAX', BAPIKNA105X, { optional: true }),
    importing('PI_PERSONALDATA', BAPIKNA101_1),
    importing('PI_PERSONALDATAX', BAPIKNA101_1X),
    importing('PI_SALESORG', 'CHAR4', { reference: 'BAPIKNA102-SALESORG' }),
    exporting('RETURN', BAPIRETURN1),
  ],
  exceptions: [],
  handler: change,
});
