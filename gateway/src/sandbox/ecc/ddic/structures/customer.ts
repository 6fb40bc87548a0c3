/**
 * Structures of the customer BAPIs (BAPI_CUSTOMER_GETLIST, _GETDETAIL2, _CREATEFROMDATA1,
 * _CHANGEFROMDATA1, _GETSALESAREAS). Only fields the simulator fills or reads are defined, so a
 * caller sending any other field gets "field 'X' not found", as node-rfc reports a field SAP lacks.
 *
 * Sources, per structure below: "STN" is the stechno.net copy of a function's SE37 page (its length
 * column gives a structure's total length); "code" is public ABAP, JCo, NCo or PyRFC code that fills
 * or reads the fields (search tool's code index, by file id). "Reading" marks names or types no
 * source showed: they follow sibling SAP structures and the data elements of the KNA1/KNB1/KNVV
 * fields they carry. No field is taken from a release newer than ECC 6.0.
 */

import { structure } from '../types.js';

/**
 * Range of customer numbers. Confirmed: names by NCo/VB code (ids 46241376657, 19062851310);
 * CHAR1/2/10/10 add up to STN's 23 (BAPI_CUSTOMER_GETLIST).
 */
export const BAPICUSTOMER_IDRANGE = structure('BAPICUSTOMER_IDRANGE', 'SIGN:CHAR1 OPTION:CHAR2 LOW:CHAR10 HIGH:CHAR10');

/**
 * Address row of BAPI_CUSTOMER_GETLIST. Confirmed names: CUSTOMER, NAME, CITY, POSTL_COD1, STREET,
 * COUNTRY, COUNTRYISO, REGION, TEL1_NUMBR, FAX_NUMBER (code ids 10145245680, 46241376657,
 * 26752875260). Reading: SORT1 and ADDRESS, and the lengths (central address management's data
 * elements), which add up to STN's 258.
 */
export const BAPICUSTOMER_ADDRESSDATA = structure('BAPICUSTOMER_ADDRESSDATA', `CUSTOMER:CHAR10 SORT1:CHAR20 NAME:CHAR40
  CITY:CHAR40 POSTL_COD1:CHAR10 STREET:CHAR60 COUNTRY:CHAR3 COUNTRYISO:CHAR2 REGION:CHAR3 TEL1_NUMBR:CHAR30
  FAX_NUMBER:CHAR30 ADDRESS:CHAR10`);

/** Special data of BAPI_CUSTOMER_GETLIST: STN gives 11 characters; CUSTOMER plus the one-time flag is a reading. */
export const BAPICUSTOMER_SPECIALDATA = structure('BAPICUSTOMER_SPECIALDATA', 'CUSTOMER:CHAR10 ACC_1_TIME:CHAR1');

/**
 * Address of BAPI_CUSTOMER_GETDETAIL2. Confirmed names: NAME, NAME_2, SORT_FLD, STREET, POSTL_CODE,
 * CITY, REGION, COUNTRY, COUNTRYISO (ABAP ids 55650964506, 2483756977; VB id 20325411050),
 * TELEPHONE (ABAP id 4884029953). Reading: CUSTOMER, LANGU, LANGU_ISO, FAX_NUMBER; lengths are
 * those of the KNA1 fields behind them. The e-mail address is not in this structure: callers read
 * it from ADR6 with CUSTOMERGENERALDETAIL-ADDRESS (as the ABAP of id 55650964506 does).
 */
export const BAPICUSTOMER_04 = structure('BAPICUSTOMER_04', `CUSTOMER:CHAR10 NAME:CHAR35 NAME_2:CHAR35 SORT_FLD:CHAR10
  STREET:CHAR35 POSTL_CODE:CHAR10 CITY:CHAR35 REGION:CHAR3 COUNTRY:CHAR3 COUNTRYISO:CHAR2 LANGU:LANG LANGU_ISO:CHAR2
  TELEPHONE:CHAR16 FAX_NUMBER:CHAR31`);

/**
 * General data of BAPI_CUSTOMER_GETDETAIL2. Confirmed names: CUSTOMER (VB id 20325411050),
 * ADDRESS, ACCNT_GRP, INDUSTRY (ABAP id 55650964506). Reading: the blocks, deletion flag, VAT
 * number, creation data and one-time flag, named as in the sibling structure BAPICUSGEN (consolut
 * SE11 page: ORDR_BLK_G, DELI_BLK_G, BILL_BLK_G, PSTG_BLK_G, DEL_FLAG_G, CREAT_DATE, ENTERED_BY,
 * ACC_1_TIME) and BAPIBUSISM007_CUST_CENT (VAT_REG_NO).
 */
export const BAPICUSTOMER_KNA1 = structure('BAPICUSTOMER_KNA1', `CUSTOMER:CHAR10 ADDRESS:CHAR10 ACCNT_GRP:CHAR4
  INDUSTRY:CHAR4 VAT_REG_NO:CHAR20 ORDR_BLK_G:CHAR2 DELI_BLK_G:CHAR2 BILL_BLK_G:CHAR2 PSTG_BLK_G:CHAR1 DEL_FLAG_G:CHAR1
  CREAT_DATE:DATS ENTERED_BY:CHAR12 ACC_1_TIME:CHAR1`);

/**
 * Company code data of BAPI_CUSTOMER_GETDETAIL2 (KNB1). Reading throughout: names as in the KNB1
 * sibling BAPIBUSISM007_CUST_COMP (se80 page: COMP_CODE, CONTROL_ACCOUNT, PMNTTRMS, PAYMENT_METHODS,
 * PSTG_BLK_B) and DEL_FLAG_B by analogy with DEL_FLAG_G.
 */
export const BAPICUSTOMER_05 = structure('BAPICUSTOMER_05', `COMP_CODE:CHAR4 CONTROL_ACCOUNT:CHAR10 PMNTTRMS:CHAR4
  PAYMENT_METHODS:CHAR10 PSTG_BLK_B:CHAR1 DEL_FLAG_B:CHAR1`);

/**
 * Bank details of BAPI_CUSTOMER_GETDETAIL2. Reading; the simulated ECC holds no bank data (there is
 * no KNBK table), so the table always comes back empty.
 */
export const BAPICUSTOMER_02 = structure('BAPICUSTOMER_02', 'BANK_CTRY:CHAR3 BANK_KEY:CHAR15 BANK_ACCT:CHAR18');

/**
 * Personal data of BAPI_CUSTOMER_CREATEFROMDATA1 and _CHANGEFROMDATA1. Confirmed names: POSTL_COD1,
 * COUNTRY, CURRENCY, LANGU_P, E_MAIL, TEL1_NUMBR (ABAP id 14094935486), FIRSTNAME, LASTNAME (se80
 * page of BAPIKNA101_1X), CITY, STREET (the call pattern on scribd lists them as mandatory). Reading:
 * COUNTRYISO, REGION, FAX_NUMBER, LANGUP_ISO, CURRENCY_ISO and the lengths; the full structure of
 * this reading (31 fields, 16 of them left out here because the simulated tables have no place for them) adds up to
 * STN's 803 (BAPI_CUSTOMER_GETDETAIL1).
 */
export const BAPIKNA101_1 = structure('BAPIKNA101_1', `FIRSTNAME:CHAR40 LASTNAME:CHAR40 CITY:CHAR40 POSTL_COD1:CHAR10
  STREET:CHAR60 COUNTRY:CHAR3 COUNTRYISO:CHAR2 REGION:CHAR3 TEL1_NUMBR:CHAR30 FAX_NUMBER:CHAR30 E_MAIL:CHAR241
  LANGU_P:LANG LANGUP_ISO:CHAR2 CURRENCY:CUKY CURRENCY_ISO:CHAR3`);

/** Change flags of BAPIKNA101_1: one CHAR1 per field (se80 page of BAPIKNA101_1X; STN's 30 of the 31 fields). */
export const BAPIKNA101_1X = structure('BAPIKNA101_1X', BAPIKNA101_1.fields.map((f) => `${f.name}:CHAR1`).join(' '));

/**
 * Reference for BAPI_CUSTOMER_CREATEFROMDATA1. Confirmed: REF_CUSTMR (ABAP id 14094935486), SALESORG
 * CHAR4, DISTR_CHAN CHAR2, DIVISION CHAR2 (STN BAPI_CUSTOMER_GETDETAIL1); together STN's 18.
 */
export const BAPIKNA102 = structure('BAPIKNA102', 'REF_CUSTMR:CHAR10 SALESORG:CHAR4 DISTR_CHAN:CHAR2 DIVISION:CHAR2');

/**
 * Optional personal data (values that take priority over the reference customer's). Confirmed names:
 * se80 page of BAPIKNA105X (CONTROL_ACCOUNT, PMNTTRMS, SHIP_COND, DELYG_PLNT). Lengths are those of
 * KNB1-AKONT, KNVV-ZTERM, KNVV-VSBED, KNVV-VWERK; STN's 50 is reached with TRANSPZONE, PART_DLV,
 * C_CTR_AREA and TAXJURCODE, which are left out because the simulated tables lack those fields.
 */
export const BAPIKNA105 = structure('BAPIKNA105', 'CONTROL_ACCOUNT:CHAR10 PMNTTRMS:CHAR4 SHIP_COND:CHAR2 DELYG_PLNT:CHAR4');

/** Change flags of BAPIKNA105 (se80 page of BAPIKNA105X). */
export const BAPIKNA105X = structure('BAPIKNA105X', BAPIKNA105.fields.map((f) => `${f.name}:CHAR1`).join(' '));

/**
 * A sales area of BAPI_CUSTOMER_GETSALESAREAS. Field names confirmed by SAP's documentation of the
 * function (STN: CUSTOMER, SALESORG, DISTRCHANN, DIVISION); the structure name is a reading.
 */
export const BAPIKNVVKY = structure('BAPIKNVVKY', 'CUSTOMER:CHAR10 SALESORG:CHAR4 DISTRCHANN:CHAR2 DIVISION:CHAR2');
