import { describe, expect, it } from 'vitest';
import { customerOf, partnerFunctionOf, partnerRoleOf, personalDataOf } from './customerMapping.js';

describe('partnerRoleOf', () => {
  it('maps SAP\'s internal partner function codes to canonical roles', () => {
    expect(['AG', 'WE', 'RE', 'RG', 'AP', 'ZM', 'SP', ''].map(partnerRoleOf)).toEqual(['soldTo', 'shipTo', 'billTo', 'payer', 'contactPerson', 'other', 'other', 'other']);
  });
});

describe('partnerFunctionOf', () => {
  const row = { KUNNR: '0000001000', VKORG: '1000', VTWEG: '10', SPART: '01', PARZA: '002', KUNN2: '', LIFNR: '', PERNR: '00000000', PARNR: '0000000000' };

  it('takes the contact person number for a contact person and the customer number otherwise', () => {
    expect(partnerFunctionOf({ ...row, PARVW: 'AP', PARNR: '0000000042' })).toMatchObject({ role: 'contactPerson', partnerNumber: '42', counter: 2 });
    expect(partnerFunctionOf({ ...row, PARVW: 'WE', KUNN2: '0000001007' })).toMatchObject({ role: 'shipTo', sapRole: 'WE', partnerNumber: '1007', customerNumber: '1000' });
  });

  it('falls back to vendor and employee partners for other functions', () => {
    expect(partnerFunctionOf({ ...row, PARVW: 'SP', LIFNR: '0000050000' })).toMatchObject({ role: 'other', partnerNumber: '50000' });
    expect(partnerFunctionOf({ ...row, PARVW: 'ZM', PERNR: '00004711' })).toMatchObject({ role: 'other', partnerNumber: '4711' });
  });
});

describe('customerOf', () => {
  const address = { CUSTOMER: '0000001000', NAME: 'Elbtal AG', NAME_2: '', SORT_FLD: 'ELBTAL', STREET: 'Am Hafen 1', POSTL_CODE: '20095', CITY: 'Hamburg', REGION: '02', COUNTRY: 'DE', COUNTRYISO: 'DE', LANGU: 'D', LANGU_ISO: 'DE', TELEPHONE: '', FAX_NUMBER: '' };
  const general = { CUSTOMER: '0000001000', ACCNT_GRP: '0001', ORDR_BLK_G: '', DELI_BLK_G: '01', BILL_BLK_G: '', PSTG_BLK_G: '', DEL_FLAG_G: '', CREAT_DATE: '20240131', VAT_REG_NO: '', INDUSTRY: '' };

  it('reads reason-coded blocks as set when any code is there, and flags only when X', () => {
    const customer = customerOf(address, { ...general, PSTG_BLK_G: 'X', DEL_FLAG_G: 'X' }, undefined, 'a@b.de');
    expect(customer).toMatchObject({ customerNumber: '1000', language: 'de', createdOn: '2024-01-31', markedForDeletion: true, address: { email: 'a@b.de' } });
    expect(customer.blocks).toEqual({ order: false, delivery: true, billing: false, posting: true });
    expect(customer.companyCode).toBeUndefined();
  });

  it('removes leading zeros from the reconciliation account', () => {
    const company = { COMP_CODE: '1000', CONTROL_ACCOUNT: '0000140000', PMNTTRMS: 'NT30', PSTG_BLK_B: '' };
    expect(customerOf(address, general, company, '').companyCode).toEqual({ companyCode: '1000', reconciliationAccount: '140000', paymentTerms: 'NT30', postingBlocked: false });
  });
});

describe('personalDataOf', () => {
  it('sends and flags exactly the fields given, codes in ISO format and capitals', () => {
    expect(personalDataOf({ city: 'Kiel', country: 'de', language: 'en', fax: '' })).toEqual({
      data: { CITY: 'Kiel', COUNTRYISO: 'DE', LANGUP_ISO: 'EN', FAX_NUMBER: '' },
      flags: { CITY: 'X', COUNTRYISO: 'X', LANGUP_ISO: 'X', FAX_NUMBER: 'X' },
    });
  });
});
