/**
 * BAPI_CUSTOMER_CREATEFROMDATA1: creates a customer from personal data (PI_PERSONALDATA) and a
 * reference customer in a sales area (PI_COPYREFERENCE, every field required). As SAP documents
 * it, whatever the caller does not supply is copied from the reference: account group and industry
 * (KNA1), the company code data of the sales organisation's company code (KNB1: reconciliation
 * account, payment terms, payment methods), the sales data of that sales area (KNVV, with the
 * caller's currency), tax classification (KNVI) and, with PI_CREDIT_CONTROL_FLAG, the credit data
 * (KNKK). PI_OPT_PERSONALDATA values take priority over the reference's. The partner functions of
 * the reference's sales area are created pointing to the new customer itself; contact persons and
 * blocks are not copied.
 *
 * The number comes from NRIV DEBITOR when the BAPI runs (a rolled-back call leaves a gap), but
 * nothing is written before BAPI_TRANSACTION_COMMIT: the BAPI registers the update, with a change
 * document of object class DEBI. The e-mail address goes to ADR6, which central address management
 * logs under its own object class, not DEBI; the simulator writes no change document for it.
 *
 * Not offered (a call using them is rejected as an unknown parameter): PI_COMPANYDATA and
 * PI_OPT_COMPANYDATA (customers created as an organisation), PI_CONSUMEREN (consumers). The
 * optional flags of the parameters are not in the sources; all are treated as optional and the
 * missing data reported in RETURN. PI_CREDIT_CONTROL_FLAG's type is a reading (a CHAR1 flag).
 * The function group V02D is a reading (the sources show none).
 */

import { personalDataChanges } from '../customerMaster.js';
import type { Row } from '../database.js';
import { BAPIKNA101_1, BAPIKNA102, BAPIKNA105 } from '../ddic/structures/customer.js';
import { BAPIRETURN1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, type FunctionContext } from '../functionModule.js';
import { message, toBapireturn1, type Message } from '../messages.js';

/** Partner functions every sold-to party has (sold-to, ship-to, bill-to, payer), when the reference has none. */
const STANDARD_PARTNER_FUNCTIONS = ['AG', 'WE', 'RE', 'RG'];

const rejected = (error: Message): Record<string, unknown> => ({ RETURN: toBapireturn1(error) });
const text = (row: Row, field: string): string => String(row[field] ?? '').trim();

function create({ ecc, db, session, structure, scalar }: FunctionContext): Record<string, unknown> {
  const reference = structure('PI_COPYREFERENCE');
  for (const field of ['REF_CUSTMR', 'SALESORG', 'DISTR_CHAN', 'DIVISION']) {
    if (text(reference, field) === '') return rejected(message('E', 'F2', '206', `PI_COPYREFERENCE-${field}`));
  }
  const checked = personalDataChanges('PI_PERSONALDATA', structure('PI_PERSONALDATA'), () => true);
  if ('error' in checked) return rejected(checked.error);
  const { kna1: address, email, currency } = checked.changes;

  const refNumber = text(reference, 'REF_CUSTMR');
  const area = { VKORG: text(reference, 'SALESORG'), VTWEG: text(reference, 'DISTR_CHAN'), SPART: text(reference, 'DIVISION') };
  const refKna1 = db.table('KNA1').get({ KUNNR: refNumber });
  if (!refKna1) return rejected(message('E', 'F2', '502', refNumber));
  if (text(refKna1, 'LOEVM') === 'X') return rejected(message('E', 'F2', '154', refNumber));
  const refKnvv = db.table('KNVV').get({ KUNNR: refNumber, ...area });
  const salesOrg = db.table('TVKO').get({ VKORG: area.VKORG });
  if (!refKnvv || !salesOrg) return rejected(message('E', 'F2', '156', refNumber, area.VKORG, area.VTWEG, area.SPART));
  const companyCode = text(salesOrg, 'BUKRS');
  const refKnb1 = db.table('KNB1').get({ KUNNR: refNumber, BUKRS: companyCode });
  if (!refKnb1) return rejected(message('E', 'F2', '503', refNumber, companyCode));

  const preferred = structure('PI_OPT_PERSONALDATA');
  const kunnr = ecc.nextNumber('DEBITOR');
  const adrnr = ecc.nextNumber('ADRNR');
  const today = ecc.today();

  const kna1: Row = {
    KUNNR: kunnr, ...address, ADRNR: adrnr, ERDAT: today, ERNAM: session.user, KTOKD: text(refKna1, 'KTOKD'), BRSCH: text(refKna1, 'BRSCH'),
    // Central address management fills an empty search term from the name (in capitals).
    SORTL: String(address.NAME1 ?? '').toUpperCase().slice(0, 10),
  };
  const knb1: Row = {
    KUNNR: kunnr, BUKRS: companyCode, ERDAT: today, ZWELS: text(refKnb1, 'ZWELS'),
    AKONT: text(preferred, 'CONTROL_ACCOUNT') || text(refKnb1, 'AKONT'),
    ZTERM: text(preferred, 'PMNTTRMS') || text(refKnb1, 'ZTERM'),
  };
  const { MANDT: _client, AUFSD: _orderBlock, LIFSD: _deliveryBlock, FAKSD: _billingBlock, LOEVM: _deletion, ...salesData } = refKnvv;
  const knvv: Row = {
    ...salesData, KUNNR: kunnr, ERDAT: today, WAERS: currency ?? '',
    ZTERM: text(preferred, 'PMNTTRMS') || text(refKnvv, 'ZTERM'),
    VSBED: text(preferred, 'SHIP_COND') || text(refKnvv, 'VSBED'),
    VWERK: text(preferred, 'DELYG_PLNT') || text(refKnvv, 'VWERK'),
  };
  const refFunctions = [...new Set(db.table('KNVP').select({ KUNNR: refNumber, ...area }, (row) => text(row, 'KUNN2') !== '').map((row) => text(row, 'PARVW')))];
  const knvp: Row[] = (refFunctions.length > 0 ? refFunctions : STANDARD_PARTNER_FUNCTIONS).map((parvw) => ({
    KUNNR: kunnr, ...area, PARVW: parvw, PARZA: '000', KUNN2: kunnr, PARNR: '0000000000', DEFPA: 'X',
  }));
  const knvi: Row[] = db.table('KNVI').select({ KUNNR: refNumber }).map((row) => ({
    KUNNR: kunnr, ALAND: text(row, 'ALAND'), TATYP: text(row, 'TATYP'), TAXKD: text(row, 'TAXKD'),
  }));
  const creditArea = text(db.table('TVTA').get(area) ?? {}, 'KKBER');
  const refCredit = scalar('PI_CREDIT_CONTROL_FLAG').trim() === 'X' ? db.table('KNKK').get({ KUNNR: refNumber, KKBER: creditArea }) : undefined;

  session.registerUpdate({
    changeDocument: { objectClass: 'DEBI', objectId: kunnr, tcode: 'XD01' },
    apply: (writer) => {
      writer.insert('KNA1', kna1);
      writer.insert('KNB1', knb1);
      writer.insert('KNVV', knvv);
      for (const row of knvp) writer.insert('KNVP', row);
      for (const row of knvi) writer.insert('KNVI', row);
      if (refCredit) {
        writer.insert('KNKK', {
          KUNNR: kunnr, KKBER: creditArea, KLIMK: refCredit.KLIMK ?? '0.00', CTLPC: text(refCredit, 'CTLPC'), SBGRP: text(refCredit, 'SBGRP'),
          SKFOR: '0.00', SSOBL: '0.00', ERDAT: today,
        });
      }
    },
  });
  if (email) {
    session.registerUpdate({
      apply: (writer) => writer.insert('ADR6', { ADDRNUMBER: adrnr, PERSNUMBER: '', CONSNUMBER: '001', FLGDEFAULT: 'X', SMTP_ADDR: email }),
    });
  }
  return { CUSTOMERNO: kunnr, RETURN: toBapireturn1(message('S', 'F2', '211', kunnr)) };
}

export const BAPI_CUSTOMER_CREATEFROMDATA1 = defineFunction({
  name: 'BAPI_CUSTOMER_CREATEFROMDATA1',
  functionGroup: 'V02D',
  parameters: [
    importing('PI_PERSONALDATA', BAPIKNA101_1, { optional: true }),
    importing('PI_OPT_PERSONALDATA', BAPIKNA105, { optional: true }),
    importing('PI_COPYREFERENCE', BAPIKNA102, { optional: true }),
    importing('PI_CREDIT_CONTROL_FLAG', 'CHAR1', { optional: true }),
    exporting('CUSTOMERNO', 'CHAR10', { reference: 'BAPIKNA103-CUSTOMER' }),
    exporting('RETURN', BAPIRETURN1),
  ],
  exceptions: [],
  handler: create,
});
