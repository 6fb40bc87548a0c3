import { beforeAll, expect, it } from 'vitest';
import type { NewCustomer } from '../../model/customer.js';
import { SapBusinessError, SapNotFoundError } from '../errors.js';
import type { RfcClient } from '../rfc.js';
import { scalarOf } from '../rfc.js';
import { describeOverTransports } from '../testing/transports.js';
import { changeCustomer } from './changeCustomer.js';
import { createCustomer } from './createCustomer.js';
import { personalDataOf } from './customerMapping.js';
import { getCustomer } from './getCustomer.js';
import { getCustomerSalesAreas } from './getCustomerSalesAreas.js';
import { InvalidInputError } from './inputValidation.js';
import { listPartnerFunctions } from './listPartnerFunctions.js';
import { readChangeDocuments } from './readChangeDocuments.js';

const SINCE_TODAY = { date: '2026-11-27', time: '00:00:00' };

describeOverTransports('createCustomer', (sap) => {
  const seeded = sap.testEcc;
  const { ecc } = seeded;
  const { db } = ecc;
  // A German sold-to party with company code and sales data, as the reference every new customer copies.
  const reference = seeded.seeded.customers.find((c) => c.salesOrg.salesOrg === '1000')!;
  const [salesOrganization, distributionChannel, division] = reference.salesAreas[0]!;
  const referenceArea = { customerNumber: reference.customerNumber.replace(/^0+/, ''), salesOrganization, distributionChannel, division };
  const newCustomer = (overrides: Partial<NewCustomer> = {}): NewCustomer => ({
    name: 'Kieler Wasserwerke GmbH',
    name2: 'Einkauf',
    street: 'Uferstraße 12',
    postalCode: '24103',
    city: 'Kiel',
    country: 'DE',
    region: '01',
    language: 'de',
    currency: 'EUR',
    phone: '+49 431 5550100',
    email: 'einkauf@kieler-wasserwerke.de',
    reference: referenceArea,
    ...overrides,
  });
  let reader: RfcClient;

  beforeAll(async () => {
    reader = await sap.connect();
  });

  it('is invisible to other connections until committed, and leaves a change document (acceptance)', async () => {
    const { data } = personalDataOf(newCustomer());
    const created = await sap.client.inSession(async (session) => {
      const result = await session.call('BAPI_CUSTOMER_CREATEFROMDATA1', {
        PI_PERSONALDATA: data,
        PI_COPYREFERENCE: { REF_CUSTMR: reference.customerNumber, SALESORG: salesOrganization, DISTR_CHAN: distributionChannel, DIVISION: division },
      });
      const customerNumber = scalarOf(result, 'CUSTOMERNO');
      expect(customerNumber).toMatch(/^\d{10}$/);
      await expect(getCustomer(reader, customerNumber)).rejects.toBeInstanceOf(SapNotFoundError);
      const commit = await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      expect(commit.RETURN).toMatchObject({ TYPE: '' });
      return customerNumber;
    });

    const customer = await getCustomer(reader, created);
    expect(customer).toMatchObject({
      customerNumber: created.replace(/^0+/, ''),
      name: 'Kieler Wasserwerke GmbH',
      name2: 'Einkauf',
      language: 'de',
      accountGroup: db.table('KNA1').get({ KUNNR: reference.customerNumber })!.KTOKD,
      address: { street: 'Uferstraße 12', postalCode: '24103', city: 'Kiel', country: 'DE', region: '01', email: 'einkauf@kieler-wasserwerke.de' },
      blocks: { order: false, delivery: false, billing: false, posting: false },
      markedForDeletion: false,
      createdOn: '2026-11-27',
    });
    const page = await readChangeDocuments(reader, { objectClass: 'DEBI', since: SINCE_TODAY, maxRows: 100 });
    const documents = page.objects.find((o) => o.objectId === customer.customerNumber)?.documents ?? [];
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ kind: 'created', changedBy: 'ECC365' });
    expect(new Set(documents[0]!.changes.map((c) => c.table))).toEqual(new Set(['KNA1', 'KNB1', 'KNVV', 'KNVP', 'KNVI']));
  });

  it('copies company code data, sales data, partner functions and tax classification from the reference', async () => {
    const { customerNumber } = await createCustomer(sap.client, newCustomer({ currency: 'CHF' }));
    const refNumber = reference.customerNumber;
    const refKnb1 = db.table('KNB1').get({ KUNNR: refNumber, BUKRS: reference.salesOrg.companyCode })!;
    const refKnvv = db.table('KNVV').get({ KUNNR: refNumber, VKORG: salesOrganization, VTWEG: distributionChannel, SPART: division })!;

    const detail = await getCustomer(sap.client, customerNumber, { companyCode: reference.salesOrg.companyCode });
    expect(detail.companyCode).toEqual({
      companyCode: reference.salesOrg.companyCode,
      reconciliationAccount: String(refKnb1.AKONT).replace(/^0+/, ''),
      paymentTerms: refKnb1.ZTERM,
      postingBlocked: false,
    });
    const areas = await getCustomerSalesAreas(sap.client, customerNumber);
    expect(areas).toEqual([
      expect.objectContaining({
        salesOrganization, distributionChannel, division, currency: 'CHF', paymentTerms: refKnvv.ZTERM, incoterms: refKnvv.INCO1,
        shippingConditions: refKnvv.VSBED, priceList: refKnvv.PLTYP, blocks: { order: false, delivery: false, billing: false },
      }),
    ]);
    const partners = await listPartnerFunctions(sap.client, customerNumber);
    expect(partners.map((p) => p.sapRole).sort()).toEqual(['AG', 'RE', 'RG', 'WE']);
    expect(new Set(partners.map((p) => p.partnerNumber))).toEqual(new Set([customerNumber]));
    const taxes = db.table('KNVI').select({ KUNNR: customerNumber.padStart(10, '0') });
    expect(taxes.map((t) => [t.ALAND, t.TATYP, t.TAXKD])).toEqual(db.table('KNVI').select({ KUNNR: refNumber }).map((t) => [t.ALAND, t.TATYP, t.TAXKD]));
  });

  it('creates, changes and reads back', async () => {
    const { customerNumber, sapMessages } = await createCustomer(sap.client, newCustomer({ name: 'Lübecker Hafenbetriebe AG' }));
    expect(sapMessages.every((m) => m.type === 'S')).toBe(true);
    await changeCustomer(sap.client, customerNumber, { city: 'Lübeck', postalCode: '23552', email: 'zentrale@hafen-luebeck.de', fax: '+49 451 7000' });
    const customer = await getCustomer(sap.client, customerNumber);
    expect(customer.name).toBe('Lübecker Hafenbetriebe AG');
    expect(customer.address).toEqual({
      street: 'Uferstraße 12', postalCode: '23552', city: 'Lübeck', country: 'DE', region: '01', phone: '+49 431 5550100',
      fax: '+49 451 7000', email: 'zentrale@hafen-luebeck.de',
    });
  });

  it('rejects missing mandatory data with SAP\'s message, creates nothing and rolls the LUW back', async () => {
    const customersBefore = db.table('KNA1').size;
    const rollbacksBefore = ecc.callCounts.get('BAPI_TRANSACTION_ROLLBACK') ?? 0;
    const commitsBefore = ecc.callCounts.get('BAPI_TRANSACTION_COMMIT') ?? 0;
    const error = await createCustomer(sap.client, newCustomer({ city: '' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SapBusinessError);
    expect((error as SapBusinessError).sapMessages).toEqual([expect.objectContaining({ type: 'E', id: 'F2', number: '206' })]);
    expect((error as SapBusinessError).message).toContain('PI_PERSONALDATA-CITY');
    expect(ecc.callCounts.get('BAPI_TRANSACTION_ROLLBACK')).toBe(rollbacksBefore + 1);
    expect(ecc.callCounts.get('BAPI_TRANSACTION_COMMIT') ?? 0).toBe(commitsBefore);
    expect(db.table('KNA1').size).toBe(customersBefore);
  });

  it('rejects an unknown country, an unknown reference and a reference outside the sales area', async () => {
    const sapErrorOf = async (customer: NewCustomer) => {
      const error = await createCustomer(sap.client, customer).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SapBusinessError);
      return (error as SapBusinessError).sapMessages[0]!;
    };
    expect(await sapErrorOf(newCustomer({ country: 'XQ' }))).toMatchObject({ id: 'B1', number: '880' });
    expect(await sapErrorOf(newCustomer({ language: 'xx' }))).toMatchObject({ id: 'B1', number: '886' });
    expect(await sapErrorOf(newCustomer({ reference: { ...referenceArea, customerNumber: '999999' } }))).toMatchObject({
      id: 'F2', number: '502', message: 'Debtor 0000999999 does not exist',
    });
    expect(await sapErrorOf(newCustomer({ reference: { ...referenceArea, salesOrganization: '3000' } }))).toMatchObject({ id: 'F2', number: '156' });
  });

  it('rejects a reference customer marked for deletion', async () => {
    const deleted = seeded.seeded.customers.find((c) => c.salesOrg.salesOrg === '1000' && c.customerNumber !== reference.customerNumber)!;
    db.table('KNA1').update({ KUNNR: deleted.customerNumber }, { LOEVM: 'X' });
    const [org, channel, div] = deleted.salesAreas[0]!;
    const error = await createCustomer(sap.client, newCustomer({
      reference: { customerNumber: deleted.customerNumber, salesOrganization: org, distributionChannel: channel, division: div },
    })).catch((e: unknown) => e);
    expect((error as SapBusinessError).sapMessages[0]).toMatchObject({ id: 'F2', number: '154' });
  });

  it('checks the input before calling SAP', async () => {
    const callsBefore = ecc.callCounts.get('BAPI_CUSTOMER_CREATEFROMDATA1') ?? 0;
    await expect(createCustomer(sap.client, newCustomer({ country: 'Germany' }))).rejects.toThrow(/country: must be an ISO country code/);
    await expect(createCustomer(sap.client, newCustomer({ name: 'N'.repeat(36) }))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createCustomer(sap.client, newCustomer({ searchTerm: 'KIEL' }))).rejects.toThrow(/SAP derives the search term/);
    await expect(createCustomer(sap.client, { ...newCustomer(), vip: true } as NewCustomer)).rejects.toThrow(/Unrecognized key/);
    expect(ecc.callCounts.get('BAPI_CUSTOMER_CREATEFROMDATA1') ?? 0).toBe(callsBefore);
  });
});
