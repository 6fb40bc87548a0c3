/**
 * Contract: a third-party SOAP client (node-soap) can use the simulated ECC's SOAP-RFC
 * services the way it would use SAP's: it loads the WSDL from /sap/bc/soap/wsdl11 over HTTP,
 * builds its requests from it and reads the responses, with Basic authentication. This holds
 * the simulated service to the protocol, independently of the gateway's own transport.
 * Requests follow SAP's interfaces (fundamental-tools-salesOrder/parameters.yaml for
 * BAPI_SALESORDER_SIMULATE, signatures/BAPI_CUSTOMER_GETDETAIL2.json).
 */

import soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSoapRfc, type SoapRfcServer } from '../gateway/src/sandbox/ecc/soap/standalone.js';
import { createTestEcc, SANDBOX_USER, type TestEcc } from '../gateway/src/sap/testing/transports.js';

const testEcc: TestEcc = createTestEcc();
const AUTHORIZATION = `Basic ${Buffer.from(`${SANDBOX_USER.user}:${SANDBOX_USER.password}`).toString('base64')}`;

/** Reads a value from node-soap's result by names. */
const at = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((n, name) => (n as Record<string, unknown> | undefined)?.[name], node);

let server: SoapRfcServer;
beforeAll(async () => (server = await serveSoapRfc(testEcc.ecc)));
afterAll(() => server.stop());

async function soapClientFor(functionModule: string): Promise<soap.Client> {
  const client = await soap.createClientAsync(`${server.wsdlUrl}?services=${functionModule}&sap-client=${testEcc.ecc.client}`, {
    wsdl_headers: { Authorization: AUTHORIZATION },
  });
  client.setSecurity(new soap.BasicAuthSecurity(SANDBOX_USER.user, SANDBOX_USER.password));
  return client;
}

describe('node-soap calls BAPI_CUSTOMER_GETDETAIL2', () => {
  it('reads a seeded customer\'s name and city', async () => {
    const client = await soapClientFor('BAPI_CUSTOMER_GETDETAIL2');
    const customer = testEcc.seeded.customers[5]!.customerNumber;
    const kna1 = testEcc.ecc.db.table('KNA1').get({ KUNNR: customer })!;
    const [result] = (await client.BAPI_CUSTOMER_GETDETAIL2Async({ CUSTOMERNO: customer })) as [unknown];
    expect(at(result, 'CUSTOMERADDRESS', 'CUSTOMER')).toBe(customer);
    expect(at(result, 'CUSTOMERADDRESS', 'NAME')).toBe(kna1.NAME1);
    expect(at(result, 'CUSTOMERADDRESS', 'CITY')).toBe(kna1.ORT01);
    expect(at(result, 'RETURN', 'TYPE') ?? '').not.toBe('E');
  });

  it('gets the business error in RETURN for an unknown customer', async () => {
    const client = await soapClientFor('BAPI_CUSTOMER_GETDETAIL2');
    const [result] = (await client.BAPI_CUSTOMER_GETDETAIL2Async({ CUSTOMERNO: '0009999999' })) as [unknown];
    expect(at(result, 'RETURN', 'TYPE')).toBe('E');
  });

  it('is refused without credentials', async () => {
    const client = await soapClientFor('BAPI_CUSTOMER_GETDETAIL2');
    client.setSecurity(new soap.BasicAuthSecurity(SANDBOX_USER.user, 'wrong'));
    await expect(client.BAPI_CUSTOMER_GETDETAIL2Async({ CUSTOMERNO: testEcc.seeded.customers[0]!.customerNumber })).rejects.toMatchObject({
      response: { status: 401 },
    });
  });
});

describe('node-soap calls BAPI_SALESORDER_SIMULATE', () => {
  it('prices an order for a seeded customer and material: items come back with a net value', async () => {
    const customer = testEcc.seeded.customers.find((c) => !c.blockedForOrders)!;
    const [salesOrg, channel, division] = customer.salesAreas[0]!;
    const material = testEcc.seeded.materials.find(
      (m) => m.line.division === division && m.sellableIn.some(([org, ch]) => org === salesOrg && ch === channel),
    )!;
    const client = await soapClientFor('BAPI_SALESORDER_SIMULATE');
    const [result] = (await client.BAPI_SALESORDER_SIMULATEAsync({
      ORDER_HEADER_IN: { DOC_TYPE: 'TA', SALES_ORG: salesOrg, DISTR_CHAN: channel, DIVISION: division },
      ORDER_ITEMS_IN: { item: [{ ITM_NUMBER: '000010', MATERIAL: material.materialNumber, REQ_QTY: '2000' }] },
      ORDER_PARTNERS: { item: [{ PARTN_ROLE: 'AG', PARTN_NUMB: customer.customerNumber }] },
      // TABLES are in/out: pass the ones wanted back, empty.
      ORDER_ITEMS_OUT: '',
    })) as [unknown];
    expect(at(result, 'RETURN', 'TYPE') ?? '').not.toBe('E');
    const items = at(result, 'ORDER_ITEMS_OUT', 'item') as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ ITM_NUMBER: '000010', MATERIAL: material.materialNumber });
    const netValue = Math.max(Number(items[0]!.NET_VALUE1 ?? 0), Number(items[0]!.NET_VALUE ?? 0) / 100);
    expect(netValue).toBeGreaterThan(0);
  });
});
