/**
 * SAP behaviour of the simulated customer BAPIs that the gateway's wrappers never provoke
 * (they pad numbers and send valid ranges), called directly over the in-process connection.
 */

import { describe, expect, it } from 'vitest';
import { SapInterfaceError } from '../../../sap/errors.js';
import { scalarOf } from '../../../sap/rfc.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';

function setUp() {
  const seeded = createTestEcc();
  const client = createInProcessRfcClient(seeded.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  // A German sold-to party that is its own payer, so it has credit master data.
  const reference = seeded.seeded.customers.find((c) => c.salesOrg.salesOrg === '1000' && c.payer === c.customerNumber)!;
  const [SALESORG, DISTR_CHAN, DIVISION] = reference.salesAreas[0]!;
  const copyReference = { REF_CUSTMR: reference.customerNumber, SALESORG, DISTR_CHAN, DIVISION };
  const personalData = { LASTNAME: 'Husumer Stadtwerke', CITY: 'Husum', POSTL_COD1: '25813', STREET: 'Markt 1', COUNTRY: 'DE', LANGU_P: 'D', CURRENCY: 'EUR' };
  return { ...seeded, client, reference, copyReference, personalData };
}

describe('BAPI_CUSTOMER_GETLIST, GETDETAIL2 and GETSALESAREAS take numbers in internal format', () => {
  const { ecc, client, reference } = setUp();
  const unpadded = reference.customerNumber.replace(/^0+/, '');

  it('finds nothing for an unpadded number, as over RFC where no conversion exit runs', async () => {
    const list = await client.call('BAPI_CUSTOMER_GETLIST', { IDRANGE: [{ SIGN: 'I', OPTION: 'EQ', LOW: unpadded }], ADDRESSDATA: [] });
    expect(list.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '718' });
    const detail = await client.call('BAPI_CUSTOMER_GETDETAIL2', { CUSTOMERNO: unpadded });
    expect(detail.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '502' });
    const areas = await client.call('BAPI_CUSTOMER_GETSALESAREAS', { CUSTOMERNO: unpadded });
    expect(areas.RETURN).toMatchObject({ TYPE: 'E', CODE: 'QC160' });
    expect(ecc.db.table('KNA1').get({ KUNNR: reference.customerNumber })).toBeDefined();
  });

  it('reports an invalid range row in RETURN, not as an exception', async () => {
    const badSign = await client.call('BAPI_CUSTOMER_GETLIST', { IDRANGE: [{ SIGN: 'X', OPTION: 'EQ', LOW: reference.customerNumber }] });
    expect(badSign.RETURN).toMatchObject({ TYPE: 'E', ID: 'S&', NUMBER: '026', MESSAGE_V1: 'X' });
    const badOption = await client.call('BAPI_CUSTOMER_GETLIST', { IDRANGE: [{ SIGN: 'I', OPTION: 'LK', LOW: reference.customerNumber }] });
    expect(badOption.RETURN).toMatchObject({ TYPE: 'E', ID: 'S&', NUMBER: '027' });
  });

  it('lists customers marked for deletion like any other', async () => {
    ecc.db.table('KNA1').update({ KUNNR: reference.customerNumber }, { LOEVM: 'X' });
    const list = await client.call('BAPI_CUSTOMER_GETLIST', { IDRANGE: [{ SIGN: 'I', OPTION: 'EQ', LOW: reference.customerNumber }], ADDRESSDATA: [] });
    expect(list.ADDRESSDATA).toEqual([expect.objectContaining({ CUSTOMER: reference.customerNumber })]);
  });
});

describe('BAPI_CUSTOMER_CREATEFROMDATA1', () => {
  it('gives PI_OPT_PERSONALDATA priority over the reference and copies credit data on request', async () => {
    const { ecc, client, reference, copyReference, personalData } = setUp();
    const created = await client.inSession(async (session) => {
      const result = await session.call('BAPI_CUSTOMER_CREATEFROMDATA1', {
        PI_PERSONALDATA: personalData,
        PI_OPT_PERSONALDATA: { PMNTTRMS: 'NT60', SHIP_COND: '02' },
        PI_COPYREFERENCE: copyReference,
        PI_CREDIT_CONTROL_FLAG: 'X',
      });
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      return scalarOf(result, 'CUSTOMERNO');
    });
    const { db } = ecc;
    const area = { VKORG: copyReference.SALESORG, VTWEG: copyReference.DISTR_CHAN, SPART: copyReference.DIVISION };
    expect(db.table('KNB1').get({ KUNNR: created, BUKRS: reference.salesOrg.companyCode })).toMatchObject({ ZTERM: 'NT60' });
    expect(db.table('KNVV').get({ KUNNR: created, ...area })).toMatchObject({ ZTERM: 'NT60', VSBED: '02', WAERS: 'EUR' });
    const refCredit = db.table('KNKK').get({ KUNNR: reference.customerNumber, KKBER: reference.salesOrg.creditControlArea })!;
    expect(db.table('KNKK').get({ KUNNR: created, KKBER: reference.salesOrg.creditControlArea })).toMatchObject({ KLIMK: refCredit.KLIMK, SKFOR: '0.00' });
    expect(db.table('KNA1').get({ KUNNR: created })).toMatchObject({ NAME1: 'Husumer Stadtwerke', SORTL: 'HUSUMER ST', ERNAM: 'ECC365', ERDAT: '20261127' });
  });

  it('draws a number that a rollback leaves as a gap, and writes nothing', async () => {
    const { ecc, client, copyReference, personalData } = setUp();
    const customersBefore = ecc.db.table('KNA1').size;
    const first = await client.inSession(async (session) => {
      const result = await session.call('BAPI_CUSTOMER_CREATEFROMDATA1', { PI_PERSONALDATA: personalData, PI_COPYREFERENCE: copyReference });
      await session.call('BAPI_TRANSACTION_ROLLBACK', {});
      return Number(result.CUSTOMERNO);
    });
    expect(ecc.db.table('KNA1').size).toBe(customersBefore);
    const second = await client.call('BAPI_CUSTOMER_CREATEFROMDATA1', { PI_PERSONALDATA: personalData, PI_COPYREFERENCE: copyReference });
    expect(Number(second.CUSTOMERNO)).toBe(first + 1);
    // The stateless call's session ended without a commit: SAP discards its LUW.
    expect(ecc.db.table('KNA1').size).toBe(customersBefore);
  });

  it('rejects, like node-rfc, the company data variant it does not offer', async () => {
    const { client, copyReference } = setUp();
    await expect(client.call('BAPI_CUSTOMER_CREATEFROMDATA1', { PI_COMPANYDATA: { NAME: 'X' }, PI_COPYREFERENCE: copyReference })).rejects.toBeInstanceOf(SapInterfaceError);
  });
});

describe('BAPI_CUSTOMER_CHANGEFROMDATA1', () => {
  it('changes only flagged fields and releases its lock when the LUW is rolled back', async () => {
    const { ecc, client, reference } = setUp();
    const before = { ...ecc.db.table('KNA1').get({ KUNNR: reference.customerNumber })! };
    const change = {
      CUSTOMERNO: reference.customerNumber,
      PI_PERSONALDATA: { CITY: 'Husum', STREET: 'Hafenstraße 3' },
      PI_PERSONALDATAX: { STREET: 'X' },
      PI_SALESORG: reference.salesOrg.salesOrg,
    };
    await client.inSession(async (session) => {
      expect((await session.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change)).RETURN).toMatchObject({ TYPE: 'S' });
      const blocked = await client.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change);
      expect(blocked.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '208' });
      await session.call('BAPI_TRANSACTION_ROLLBACK', {});
      await expect(client.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change)).resolves.toMatchObject({ RETURN: { TYPE: 'S' } });
      await session.call('BAPI_CUSTOMER_CHANGEFROMDATA1', change);
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
    });
    expect(ecc.db.table('KNA1').get({ KUNNR: reference.customerNumber })).toEqual({ ...before, STRAS: 'Hafenstraße 3' });
  });

  it('needs sales data in the sales organisation given', async () => {
    const { client, reference } = setUp();
    const result = await client.call('BAPI_CUSTOMER_CHANGEFROMDATA1', {
      CUSTOMERNO: reference.customerNumber, PI_PERSONALDATA: { CITY: 'Husum' }, PI_PERSONALDATAX: { CITY: 'X' }, PI_SALESORG: '3000',
    });
    expect(result.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '156', MESSAGE_V2: '3000' });
  });
});
