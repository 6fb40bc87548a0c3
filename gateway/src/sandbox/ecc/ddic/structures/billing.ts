/**
 * Structures of the billing document BAPIs (BAPI_BILLINGDOC_GETLIST, BAPI_BILLINGDOC_GETDETAIL).
 *
 * What is confirmed, and by what:
 * - BAPIVBRKOUT: the ten field names in this order from a JCo client that lists them
 *   (BILLINGDOC … CANCELLED); their types from sapdatasheet.org/abap/tabl/bapivbrkout.html
 *   (data elements VBELN CHAR10, FKART CHAR4, BILLCATEG CHAR1, VBTYP CHAR1, WAERK CUKY5,
 *   ISOCD CHAR3, ACCTSTATUS CHAR1, BAPINETWR/BAPITAX DEC23.4, CANCELLED XFELD CHAR1).
 * - BAPI_REF_DOC_RANGE: SIGN, OPTION, REF_DOC_LOW, REF_DOC_HIGH from ABAP and JCo callers; the
 *   lengths are those of a range over VBELN [unconfirmed].
 * - BAPIVBRKSUCCESS: field names from an ABAP copy of the structure (BILL_DOC is also used as a
 *   type in several SAP customer programs); the types are unconfirmed (amounts are DEC23.4 like
 *   BAPIVBRKOUT's, as the copy's sample values "1500.2500" suggest).
 */

import { structure } from '../types.js';

export const BAPI_REF_DOC_RANGE = structure('BAPI_REF_DOC_RANGE', 'SIGN:CHAR1 OPTION:CHAR2 REF_DOC_LOW:CHAR10 REF_DOC_HIGH:CHAR10');

export const BAPIVBRKOUT = structure('BAPIVBRKOUT', `BILLINGDOC:CHAR10 BILL_TYPE:CHAR4 BILLCATEG:CHAR1 SD_DOC_CAT:CHAR1
  CURRENCY:CUKY5 CURRENCY_ISO:CHAR3 ACCTSTATUS:CHAR1 NET_VALUE:DEC23.4 TAX_VALUE:DEC23.4 CANCELLED:CHAR1`);

export const BAPIVBRKSUCCESS = structure('BAPIVBRKSUCCESS', `REF_DOC:CHAR10 REF_DOC_ITEM:NUMC6 BILL_DOC:CHAR10
  BILL_DOC_ITEM:NUMC6 NET_VALUE:DEC23.4 TAX_VALUE:DEC23.4 CURRENCY:CUKY5 CURRENCY_ISO:CHAR3 NET_VALUE_ITEM:DEC23.4
  TAX_VALUE_ITEM:DEC23.4 GRO_VALUE_ITEM:DEC23.4`);
