/**
 * Customer master data between SAP's shapes (BAPI structures, KNVV/KNVP/KNVK rows) and the
 * canonical model. Pure functions: values arrive in SAP's internal format and leave as the model
 * has them (numbers without leading zeros, ISO codes, booleans, ISO dates).
 */

import type { ContactPerson, Customer, CustomerSalesArea, NewCustomer, PartnerFunction, PartnerRole } from '../../model/customer.js';
import { fromDats, isFlagSet } from '../abapValues.js';
import { alphaOut } from '../alpha.js';
import type { RfcStructure } from '../rfc.js';
import type { TableRow } from './readTable.js';

const text = (row: RfcStructure | TableRow, field: string): string => String(row[field] ?? '').trim();

/** A customer from BAPI_CUSTOMER_GETDETAIL2's address and general data, the company code data when read, and its e-mail (ADR6). */
export function customerOf(address: RfcStructure, general: RfcStructure, company: RfcStructure | undefined, email: string): Customer {
  const customer: Customer = {
    customerNumber: alphaOut(text(general, 'CUSTOMER') || text(address, 'CUSTOMER')),
    name: text(address, 'NAME'),
    name2: text(address, 'NAME_2'),
    searchTerm: text(address, 'SORT_FLD'),
    accountGroup: text(general, 'ACCNT_GRP'),
    language: text(address, 'LANGU_ISO').toLowerCase(),
    vatNumber: text(general, 'VAT_REG_NO'),
    industry: text(general, 'INDUSTRY'),
    address: {
      street: text(address, 'STREET'),
      postalCode: text(address, 'POSTL_CODE'),
      city: text(address, 'CITY'),
      country: text(address, 'COUNTRYISO') || text(address, 'COUNTRY'),
      region: text(address, 'REGION'),
      phone: text(address, 'TELEPHONE'),
      fax: text(address, 'FAX_NUMBER'),
      email,
    },
    // Order, delivery and billing blocks are reason codes (any value blocks); the posting block is a flag.
    blocks: {
      order: text(general, 'ORDR_BLK_G') !== '',
      delivery: text(general, 'DELI_BLK_G') !== '',
      billing: text(general, 'BILL_BLK_G') !== '',
      posting: isFlagSet(general.PSTG_BLK_G),
    },
    markedForDeletion: isFlagSet(general.DEL_FLAG_G),
    createdOn: fromDats(general.CREAT_DATE),
  };
  if (company) {
    customer.companyCode = {
      companyCode: text(company, 'COMP_CODE'),
      reconciliationAccount: alphaOut(text(company, 'CONTROL_ACCOUNT')),
      paymentTerms: text(company, 'PMNTTRMS'),
      postingBlocked: isFlagSet(company.PSTG_BLK_B),
    };
  }
  return customer;
}

/** The sales data of one KNVV row. */
export function customerSalesAreaOf(knvv: TableRow): CustomerSalesArea {
  return {
    customerNumber: alphaOut(text(knvv, 'KUNNR')),
    salesOrganization: text(knvv, 'VKORG'),
    distributionChannel: text(knvv, 'VTWEG'),
    division: text(knvv, 'SPART'),
    currency: text(knvv, 'WAERS'),
    paymentTerms: text(knvv, 'ZTERM'),
    incoterms: text(knvv, 'INCO1'),
    incotermsLocation: text(knvv, 'INCO2'),
    shippingConditions: text(knvv, 'VSBED'),
    customerGroup: text(knvv, 'KDGRP'),
    priceGroup: text(knvv, 'KONDA'),
    priceList: text(knvv, 'PLTYP'),
    salesOffice: text(knvv, 'VKBUR'),
    salesGroup: text(knvv, 'VKGRP'),
    blocks: { order: text(knvv, 'AUFSD') !== '', delivery: text(knvv, 'LIFSD') !== '', billing: text(knvv, 'FAKSD') !== '' },
  };
}

/** SAP's internal partner function codes (KNVP-PARVW) of the roles the model names. */
const ROLE_OF_PARVW: Record<string, PartnerRole> = { AG: 'soldTo', WE: 'shipTo', RE: 'billTo', RG: 'payer', AP: 'contactPerson' };

export const partnerRoleOf = (parvw: string): PartnerRole => ROLE_OF_PARVW[parvw.trim()] ?? 'other';

/** A partner function of one KNVP row; the partner is a customer, a contact person, a vendor or an employee. */
export function partnerFunctionOf(knvp: TableRow): PartnerFunction {
  const sapRole = text(knvp, 'PARVW');
  const role = partnerRoleOf(sapRole);
  const contact = /^0*$/.test(text(knvp, 'PARNR')) ? '' : text(knvp, 'PARNR');
  const employee = /^0*$/.test(text(knvp, 'PERNR')) ? '' : text(knvp, 'PERNR');
  const partner = role === 'contactPerson' ? contact : text(knvp, 'KUNN2') || text(knvp, 'LIFNR') || employee || contact;
  return {
    customerNumber: alphaOut(text(knvp, 'KUNNR')),
    salesOrganization: text(knvp, 'VKORG'),
    distributionChannel: text(knvp, 'VTWEG'),
    division: text(knvp, 'SPART'),
    role,
    sapRole,
    counter: Number(text(knvp, 'PARZA') || 0),
    partnerNumber: alphaOut(partner),
  };
}

/** A contact person of one KNVK row; department and function are SAP's keys (KNVK-ABTNR, KNVK-PAFKT). */
export function contactPersonOf(knvk: TableRow, email: string): ContactPerson {
  return {
    contactNumber: alphaOut(text(knvk, 'PARNR')),
    customerNumber: alphaOut(text(knvk, 'KUNNR')),
    firstName: text(knvk, 'NAMEV'),
    lastName: text(knvk, 'NAME1'),
    department: text(knvk, 'ABTNR'),
    function: text(knvk, 'PAFKT'),
    phone: text(knvk, 'TELF1'),
    email,
  };
}

type PersonalFields = Omit<NewCustomer, 'reference' | 'searchTerm'>;

/** Where each canonical field goes in BAPIKNA101_1; codes go in ISO format, which SAP converts to its keys. */
const PERSONAL_DATA_FIELD: Record<keyof PersonalFields, string> = {
  name: 'LASTNAME',
  name2: 'FIRSTNAME',
  street: 'STREET',
  postalCode: 'POSTL_COD1',
  city: 'CITY',
  country: 'COUNTRYISO',
  region: 'REGION',
  language: 'LANGUP_ISO',
  currency: 'CURRENCY_ISO',
  phone: 'TEL1_NUMBR',
  fax: 'FAX_NUMBER',
  email: 'E_MAIL',
};
const UPPER_CASE_CODES = new Set(['COUNTRYISO', 'LANGUP_ISO', 'CURRENCY_ISO']);

/**
 * BAPIKNA101_1 values of the fields present in `fields`, and the BAPIKNA101_1X flags marking
 * them; a field present with '' is sent (and flagged) to clear it.
 */
export function personalDataOf(fields: Partial<PersonalFields>): { data: RfcStructure; flags: RfcStructure } {
  const data: RfcStructure = {};
  const flags: RfcStructure = {};
  for (const [name, sapField] of Object.entries(PERSONAL_DATA_FIELD) as [keyof PersonalFields, string][]) {
    const value = fields[name];
    if (value === undefined) continue;
    data[sapField] = UPPER_CASE_CODES.has(sapField) ? value.trim().toUpperCase() : value;
    flags[sapField] = 'X';
  }
  return { data, flags };
}
