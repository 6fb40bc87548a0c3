import { beforeAll, expect, it } from 'vitest';
import { AppError } from '../../model/errors.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcClient } from '../rfc.js';
import { describeOverTransports } from '../testing/transports.js';
import { changeCustomer } from './changeCustomer.js';
import { personalDataOf } from './customerMapping.js';
import { getCustomer } from './getCustomer.js';
import { getCustomerSalesAreas } from './getCustomerSalesAreas.js';
import { InvalidInputError } from './inputValidation.js';

describeOverTransports('changeCustomer', (sap) => {
  const seeded = sap.testEcc;
  const { ecc } = seeded;
  const { db } = ecc;
  const customers = seeded.seeded.customers;
  let other: RfcClient;

  beforeAll(async () => {
    other = await sap.connect();
  });

  it('changes only the fields given and leaves the rest as it was', async () => {
    const { customerNumber } = customers[12]!;
    const before = { ...db.table('KNA1').get({ KUNNR: customerNumber })! };
    await changeCustomer(sap.client, customerNumber, { street: 'Neuer Wall 7', phone: '' });
    const after = db.table('KNA1').get({ KUNNR: customerNumber })!;
    expect(after).toEqual({ ...before, STRAS: 'Neuer Wall 7', TELF1: '' });
    const customer = await getCustomer(sap.client, customerNumber);
    expect(customer.address).toMatchObject({ street: 'Neuer Wall 7', phone: '', city: before.ORT01, postalCode: before.PSTLZ });
  });

  it('changes the language and the e-mail address, and a country given in ISO format', async () => {
    const { customerNumber } = customers.find((c) => c.salesOrg.country === 'DE')!;
    await changeCustomer(sap.client, customerNumber, { language: 'en', country: 'at', email: 'office@example.at' });
    const customer = await getCustomer(sap.client, customerNumber);
    expect(customer).toMatchObject({ language: 'en', address: { country: 'AT', email: 'office@example.at' } });
    expect(db.table('KNA1').get({ KUNNR: customerNumber })).toMatchObject({ SPRAS: 'E', LAND1: 'AT' });
  });

  it('fails with a retryable lock error while another session edits the customer, and succeeds after', async () => {
    const { customerNumber } = customers[20]!;
    const [salesOrg] = customers[20]!.salesAreas[0]!;
    const { data, flags } = personalDataOf({ city: 'Bremen' });
    await other.inSession(async (session) => {
      const held = await session.call('BAPI_CUSTOMER_CHANGEFROMDATA1', {
        CUSTOMERNO: customerNumber, PI_PERSONALDATA: data, PI_PERSONALDATAX: flags, PI_SALESORG: salesOrg,
      });
      expect(held.RETURN).toMatchObject({ TYPE: 'S' });
      const error = await changeCustomer(sap.client, customerNumber, { city: 'Köln' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'SAP_OBJECT_LOCKED', category: 'transient', retryable: true });
      expect((error as AppError).sapMessages[0]).toMatchObject({ id: 'F2', number: '208', message: `Customer ${customerNumber} is being processed by user ECC365` });
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
    });
    expect(db.table('KNA1').get({ KUNNR: customerNumber })!.ORT01).toBe('Bremen');
    await changeCustomer(sap.client, customerNumber, { city: 'Köln' });
    expect(db.table('KNA1').get({ KUNNR: customerNumber })!.ORT01).toBe('Köln');
  });

  it('changes the currency of the sales area given', async () => {
    const customer = customers.find((c) => c.salesAreas.length > 1)!;
    const [org, channel, division] = customer.salesAreas[1]!;
    const salesArea = { salesOrganization: org, distributionChannel: channel, division };
    const { customerNumber } = customer;
    // Currency is not part of CustomerChange; SAP's BAPI changes it per sales area.
    await other.inSession(async (session) => {
      const { data, flags } = personalDataOf({ currency: 'CHF' });
      const result = await session.call('BAPI_CUSTOMER_CHANGEFROMDATA1', {
        CUSTOMERNO: customerNumber, PI_PERSONALDATA: data, PI_PERSONALDATAX: flags, PI_SALESORG: org, PI_DISTR_CHAN: channel, PI_DIVISION: division,
      });
      expect(result.RETURN).toMatchObject({ TYPE: 'S' });
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
    });
    const areas = await getCustomerSalesAreas(sap.client, customerNumber);
    expect(areas.find((a) => a.salesOrganization === org && a.distributionChannel === channel && a.division === division)?.currency).toBe('CHF');
    expect(areas.filter((a) => a.currency === 'CHF')).toHaveLength(1);
    await changeCustomer(sap.client, customerNumber, { name2: 'Zentraleinkauf' }, { salesArea });
    expect((await getCustomer(sap.client, customerNumber)).name2).toBe('Zentraleinkauf');
  });

  it('refuses to empty a mandatory field, changing nothing', async () => {
    const { customerNumber } = customers[14]!;
    const before = { ...db.table('KNA1').get({ KUNNR: customerNumber })! };
    const error = await changeCustomer(sap.client, customerNumber, { city: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapBusinessError);
    expect((error as SapBusinessError).sapMessages[0]).toMatchObject({ id: 'F2', number: '206' });
    expect(db.table('KNA1').get({ KUNNR: customerNumber })).toEqual(before);
  });

  it('refuses a customer marked for deletion', async () => {
    const { customerNumber } = customers[16]!;
    db.table('KNA1').update({ KUNNR: customerNumber }, { LOEVM: 'X' });
    const error = await changeCustomer(sap.client, customerNumber, { city: 'Bonn' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapBusinessError);
    expect((error as SapBusinessError).sapMessages[0]).toMatchObject({ id: 'F2', number: '154' });
  });

  it('is not found for an unknown customer, with or without a sales area', async () => {
    await expect(changeCustomer(sap.client, '999999', { city: 'Bonn' })).rejects.toBeInstanceOf(SapNotFoundError);
    const salesArea = { salesOrganization: '1000', distributionChannel: '10', division: '01' };
    const error = await changeCustomer(sap.client, '999999', { city: 'Bonn' }, { salesArea }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapNotFoundError);
    expect((error as SapNotFoundError).sapMessages[0]).toMatchObject({ id: 'F2', number: '502' });
  });

  it('refuses an empty change and a search term before calling SAP', async () => {
    const before = ecc.callCounts.get('BAPI_CUSTOMER_CHANGEFROMDATA1') ?? 0;
    await expect(changeCustomer(sap.client, '1000', {})).rejects.toThrow(/names no field to change/);
    await expect(changeCustomer(sap.client, '1000', { searchTerm: 'X' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(changeCustomer(sap.client, '1000', { region: 'ABCD' })).rejects.toThrow(/region: must have at most 3 characters/);
    expect(ecc.callCounts.get('BAPI_CUSTOMER_CHANGEFROMDATA1') ?? 0).toBe(before);
  });
});
