/**
 * BAPI_CUSTOMER_GETDETAIL2: a customer's address (CUSTOMERADDRESS), general data with blocks and
 * deletion flag (CUSTOMERGENERALDETAIL) and, for COMPANYCODE, its company code data
 * (CUSTOMERCOMPANYDETAIL). CUSTOMERNO is taken as sent, in internal format: an unpadded number is
 * not found, as over RFC. Errors in RETURN (BAPIRET1): F2 502 for an unknown customer, F2 503 when
 * it is not created in the company code (the general data is still returned). The e-mail address
 * is not part of these structures (callers read ADR6 with CUSTOMERGENERALDETAIL-ADDRESS).
 * CUSTOMERIBANDETAIL and CUSTOMERSEPADETAIL, which later releases added, are not offered.
 * The function group V02D is a reading (the sources show none).
 */

import { isoOfCountry, isoOfLanguage } from '../addressCustomizing.js';
import type { Row } from '../database.js';
import { BAPICUSTOMER_02, BAPICUSTOMER_04, BAPICUSTOMER_05, BAPICUSTOMER_KNA1 } from '../ddic/structures/customer.js';
import { BAPIRET1 } from '../ddic/structures/returns.js';
import { defineFunction, exporting, importing, tables } from '../functionModule.js';
import { message, toBapireturn1 } from '../messages.js';

const text = (row: Row, field: string): string => String(row[field] ?? '');

const addressOf = (kna1: Row): Record<string, string> => ({
  CUSTOMER: text(kna1, 'KUNNR'),
  NAME: text(kna1, 'NAME1'),
  NAME_2: text(kna1, 'NAME2'),
  SORT_FLD: text(kna1, 'SORTL'),
  STREET: text(kna1, 'STRAS'),
  POSTL_CODE: text(kna1, 'PSTLZ'),
  CITY: text(kna1, 'ORT01'),
  REGION: text(kna1, 'REGIO'),
  COUNTRY: text(kna1, 'LAND1'),
  COUNTRYISO: isoOfCountry(text(kna1, 'LAND1')),
  LANGU: text(kna1, 'SPRAS'),
  LANGU_ISO: isoOfLanguage(text(kna1, 'SPRAS')),
  TELEPHONE: text(kna1, 'TELF1'),
  FAX_NUMBER: text(kna1, 'TELFX'),
});

const generalDataOf = (kna1: Row): Record<string, string> => ({
  CUSTOMER: text(kna1, 'KUNNR'),
  ADDRESS: text(kna1, 'ADRNR'),
  ACCNT_GRP: text(kna1, 'KTOKD'),
  INDUSTRY: text(kna1, 'BRSCH'),
  VAT_REG_NO: text(kna1, 'STCEG'),
  ORDR_BLK_G: text(kna1, 'AUFSD'),
  DELI_BLK_G: text(kna1, 'LIFSD'),
  BILL_BLK_G: text(kna1, 'FAKSD'),
  PSTG_BLK_G: text(kna1, 'SPERR'),
  DEL_FLAG_G: text(kna1, 'LOEVM'),
  CREAT_DATE: text(kna1, 'ERDAT'),
  ENTERED_BY: text(kna1, 'ERNAM'),
  ACC_1_TIME: text(kna1, 'XCPDK'),
});

const companyDataOf = (knb1: Row): Record<string, string> => ({
  COMP_CODE: text(knb1, 'BUKRS'),
  CONTROL_ACCOUNT: text(knb1, 'AKONT'),
  PMNTTRMS: text(knb1, 'ZTERM'),
  PAYMENT_METHODS: text(knb1, 'ZWELS'),
  PSTG_BLK_B: text(knb1, 'SPERR'),
  DEL_FLAG_B: text(knb1, 'LOEVM'),
});

export const BAPI_CUSTOMER_GETDETAIL2 = defineFunction({
  name: 'BAPI_CUSTOMER_GETDETAIL2',
  functionGroup: 'V02D',
  parameters: [
    importing('CUSTOMERNO', 'CHAR10', { reference: 'KUNNR' }),
    importing('COMPANYCODE', 'CHAR4', { optional: true, reference: 'BUKRS' }),
    exporting('CUSTOMERADDRESS', BAPICUSTOMER_04),
    exporting('CUSTOMERGENERALDETAIL', BAPICUSTOMER_KNA1),
    exporting('CUSTOMERCOMPANYDETAIL', BAPICUSTOMER_05),
    exporting('RETURN', BAPIRET1),
    tables('CUSTOMERBANKDETAIL', BAPICUSTOMER_02, { optional: true }),
  ],
  exceptions: [],
  handler: ({ db, scalar }) => {
    const kunnr = scalar('CUSTOMERNO');
    const kna1 = db.table('KNA1').get({ KUNNR: kunnr });
    if (!kna1) return { RETURN: toBapireturn1(message('E', 'F2', '502', kunnr)), CUSTOMERBANKDETAIL: [] };
    const output: Record<string, unknown> = {
      CUSTOMERADDRESS: addressOf(kna1),
      CUSTOMERGENERALDETAIL: generalDataOf(kna1),
      CUSTOMERBANKDETAIL: [],
    };
    const companyCode = scalar('COMPANYCODE').trim();
    if (companyCode !== '') {
      const knb1 = db.table('KNB1').get({ KUNNR: kunnr, BUKRS: companyCode });
      if (knb1) output.CUSTOMERCOMPANYDETAIL = companyDataOf(knb1);
      else output.RETURN = toBapireturn1(message('E', 'F2', '503', kunnr, companyCode));
    }
    return output;
  },
});
