import { expect, it } from 'vitest';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports } from '../testing/transports.js';
import { getCustomer } from './getCustomer.js';
import { InvalidInputError } from './inputValidation.js';

const unpadded = (kunnr: string | number | undefined): string => String(kunnr).replace(/^0+/, '');
const isoDate = (dats: string | number | undefined): string => String(dats).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

describeOverTransports('getCustomer', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;
  const customers = seeded.seeded.customers;

  it('reads address, general data and the e-mail address of the customer', async () => {
    const { customerNumber } = customers[4]!;
    const kna1 = db.table('KNA1').get({ KUNNR: customerNumber })!;
    const email = db.table('ADR6').select({ ADDRNUMBER: kna1.ADRNR!, PERSNUMBER: '' })[0]!.SMTP_ADDR;
    const customer = await getCustomer(sap.client, unpadded(customerNumber));
    expect(customer).toEqual({
      customerNumber: unpadded(customerNumber),
      name: kna1.NAME1,
      name2: kna1.NAME2,
      searchTerm: kna1.SORTL,
      accountGroup: kna1.KTOKD,
      language: kna1.SPRAS === 'D' ? 'de' : 'en',
      vatNumber: kna1.STCEG ?? '',
      industry: kna1.BRSCH,
      address: {
        street: kna1.STRAS, postalCode: kna1.PSTLZ, city: kna1.ORT01, country: kna1.LAND1, region: kna1.REGIO, phone: kna1.TELF1, fax: kna1.TELFX ?? '', email,
      },
      blocks: { order: Boolean(kna1.AUFSD), delivery: Boolean(kna1.LIFSD), billing: Boolean(kna1.FAKSD), posting: kna1.SPERR === 'X' },
      markedForDeletion: false,
      createdOn: isoDate(kna1.ERDAT),
    });
    expect(email).toMatch(/^orders@/);
  });

  it('takes the number with or without leading zeros', async () => {
    const { customerNumber } = customers[1]!;
    const padded = await getCustomer(sap.client, customerNumber);
    await expect(getCustomer(sap.client, unpadded(customerNumber))).resolves.toEqual(padded);
  });

  it('reports the blocks of a blocked customer', async () => {
    const blocked = [...db.table('KNA1').all()].find((row) => row.AUFSD);
    expect(blocked, 'the seed has a customer blocked for orders').toBeDefined();
    const customer = await getCustomer(sap.client, String(blocked!.KUNNR));
    expect(customer.blocks).toEqual({ order: true, delivery: Boolean(blocked!.LIFSD), billing: Boolean(blocked!.FAKSD), posting: blocked!.SPERR === 'X' });
  });

  it('reports a customer marked for deletion and blocked for posting', async () => {
    const { customerNumber } = customers[9]!;
    db.table('KNA1').update({ KUNNR: customerNumber }, { LOEVM: 'X', SPERR: 'X' });
    const customer = await getCustomer(sap.client, customerNumber);
    expect(customer.markedForDeletion).toBe(true);
    expect(customer.blocks.posting).toBe(true);
  });

  it('reads the company code data when asked', async () => {
    const { customerNumber, salesOrg } = customers[2]!;
    const knb1 = db.table('KNB1').get({ KUNNR: customerNumber, BUKRS: salesOrg.companyCode })!;
    const customer = await getCustomer(sap.client, customerNumber, { companyCode: salesOrg.companyCode });
    expect(customer.companyCode).toEqual({
      companyCode: salesOrg.companyCode,
      reconciliationAccount: unpadded(knb1.AKONT),
      paymentTerms: knb1.ZTERM,
      postingBlocked: false,
    });
    expect((await getCustomer(sap.client, customerNumber)).companyCode).toBeUndefined();
  });

  it('is not found in a company code it is not created in', async () => {
    const german = customers.find((c) => c.salesOrg.companyCode === '1000')!;
    const error = await getCustomer(sap.client, german.customerNumber, { companyCode: '3000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapNotFoundError);
    expect((error as SapNotFoundError).message).toContain('in company code 3000');
    expect((error as SapNotFoundError).sapMessages[0]).toMatchObject({ id: 'F2', number: '503' });
  });

  it('is not found for a number SAP does not know', async () => {
    const error = await getCustomer(sap.client, '999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapNotFoundError);
    expect((error as SapNotFoundError).sapMessages).toEqual([expect.objectContaining({ type: 'E', id: 'F2', number: '502', message: 'Debtor 0000999999 does not exist' })]);
  });

  it('refuses an empty or too long number before calling SAP', async () => {
    await expect(getCustomer(sap.client, ' ')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(getCustomer(sap.client, '12345678901')).rejects.toThrow(/customerNumber: must have at most 10 characters/);
    await expect(getCustomer(sap.client, '1000', { companyCode: 'DE-1' })).rejects.toThrow(/companyCode/);
  });
});
