/**
 * Test fixture: the sandbox (simulated ECC, simulated Dataverse with the ecc365 solution and the
 * CRM records the sandbox seeds from the ECC, and the identity provider) served over HTTP, the
 * gateway's SAP client over SOAP-RFC and its Dataverse client with real tokens, and helpers that
 * create the CRM records a quote test needs through the Dataverse Web API as the application
 * user: currencies, units, price lists, products linked to SAP materials, accounts linked to SAP
 * customers and quotes with lines, owned by the sandbox's rep personas.
 */

import type { AddressInfo } from 'node:net';
import express from 'express';
import { createDataverseClient, type DataverseClient } from '../../dataverse/client.js';
import { eq } from '../../dataverse/filter.js';
import { odataBind } from '../../dataverse/recordAddress.js';
import { createDataverseTokenProvider, type DataverseTokenProvider } from '../../dataverse/tokenProvider.js';
import { SANDBOX_APPLICATIONS, SANDBOX_PERSONAS, type SandboxPersona } from '../../sandbox/identities.js';
import type { SeededCustomer } from '../../sandbox/ecc/seed/customers.js';
import type { SeededMaterial } from '../../sandbox/ecc/seed/materials.js';
import { createSandbox, SANDBOX_SAP_CLIENT, SANDBOX_SAP_USER, sandboxDataverseUrl, type Sandbox } from '../../sandbox/sandbox.js';
import type { SeedResult } from '../../sandbox/ecc/seed/index.js';
import type { SalesArea } from '../../model/customer.js';
import type { RfcClient } from '../../sap/rfc.js';
import { createSoapRfcClient } from '../../sap/transports/soapRfc.js';

export const FIXED_TODAY = '2026-11-27';

export const persona = (key: string): SandboxPersona => SANDBOX_PERSONAS.find((p) => p.key === key)!;

export interface QuoteLineSpec {
  /** A product id; absent for a write-in line. */
  productId?: string;
  quantity: number;
  /** A unit other than the product's default. */
  unitId?: string;
}

export interface CreatedQuote {
  quoteId: string;
  quoteNumber: string;
  lineIds: string[];
}

export interface QuoteSandbox {
  sandbox: Sandbox;
  /** http://127.0.0.1:PORT, where the sandbox is served under /sandbox. */
  origin: string;
  seeded: SeedResult;
  sap: RfcClient;
  /** The application user's client (closed with the fixture). */
  dataverse: DataverseClient;
  /** A customer of the sales organisation (1000 Germany by default) not blocked for orders, and its first sales area. */
  customer(skip?: number, salesOrganization?: string): { customer: SeededCustomer; salesArea: SalesArea };
  /** Materials SAP sells in the sales area. */
  sellable(salesArea: SalesArea, count: number): SeededMaterial[];
  /** A material with a sales view in the sales organisation that is blocked for sales there. */
  blocked(salesArea: SalesArea): SeededMaterial | undefined;
  /** A material with no sales view in the sales organisation and channel. */
  notInSalesArea(salesArea: SalesArea): SeededMaterial | undefined;
  /** The account of an SAP customer (its alternate key), linked to the sales area, owned by a persona. */
  createAccount(customer: SeededCustomer, salesArea: SalesArea | undefined, owner: string): Promise<string>;
  /** The product of an SAP material (its alternate key) named `name`; a product without material when it is ''. */
  createProduct(materialNumber: string, name: string): Promise<string>;
  /** A unit in the products' unit group named like an SAP unit code. */
  createUnit(name: string): Promise<string>;
  createQuote(options: { accountId: string; owner: string; lines: QuoteLineSpec[]; active?: boolean; currency?: 'EUR' | 'USD'; quotationNumber?: string }): Promise<CreatedQuote>;
  /**
   * Makes the simulated Dataverse unavailable (503, as a gateway or load balancer in front of it
   * answers) for the requests `refuse` picks, by method and path below /api/data/v9.2; undefined
   * ends the outage.
   */
  dataverseOutage(refuse: ((method: string, path: string) => boolean) | undefined): void;
  /** The SAP documents that carry this customer reference (PURCH_NO_C). */
  documentsWithReference(reference: string): string[];
  close(): Promise<void>;
}

export async function startQuoteSandbox(options: { customers?: number } = {}): Promise<QuoteSandbox> {
  const sandbox = await createSandbox({ customers: options.customers ?? 40, seed: 4365, today: FIXED_TODAY });
  const seeded = sandbox.seeded!;
  const app = express();
  let outage: ((method: string, path: string) => boolean) | undefined;
  app.use('/sandbox/dataverse/api/data/v9.2', (request, response, next) => {
    if (!outage?.(request.method, request.path.replace(/^\//, ''))) return next();
    response.status(503).json({ error: { code: '0x80040216', message: 'The service is unavailable (an outage the test made).' } });
  });
  app.use('/sandbox', sandbox.router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.attach(origin);
  const environmentUrl = sandboxDataverseUrl(origin);
  const tokens: DataverseTokenProvider = createDataverseTokenProvider({
    environmentUrl,
    authority: sandbox.idp.authority,
    authorityCaPem: sandbox.idp.caCertificatePem,
    clientId: SANDBOX_APPLICATIONS.gateway.clientId,
    credential: { kind: 'secret', secret: SANDBOX_APPLICATIONS.gateway.clientSecret },
  });
  const dataverse = createDataverseClient({ environmentUrl, tokens, maxRetries: 2 });
  const sap = createSoapRfcClient({ url: `${origin}/sandbox/sap/bc/soap/rfc`, client: SANDBOX_SAP_CLIENT, ...SANDBOX_SAP_USER, timeoutMs: 10_000 });
  const { db } = sandbox.ecc;

  const currencies = new Map<string, string>();
  // The sandbox's CRM seed may have made the currencies already.
  for (const [iso, name, symbol] of [['EUR', 'Euro', '€'], ['USD', 'US Dollar', '$']] as const) {
    const existing = await dataverse.retrieveMultiple<{ transactioncurrencyid: string }>('transactioncurrencies', { select: ['transactioncurrencyid'], filter: eq('isocurrencycode', iso) }, { maxRows: 1 }).collect();
    const id = existing.rows[0]?.transactioncurrencyid ?? (await dataverse.create('transactioncurrencies', { isocurrencycode: iso, currencyname: name, currencysymbol: symbol, currencyprecision: 2, exchangerate: 1 })).id;
    currencies.set(iso, id);
  }
  const { id: unitGroupId } = await dataverse.create('uomschedules', { name: 'SAP units', baseuomname: 'ST' });
  const { id: defaultUnitId } = await dataverse.create('uoms', { name: 'ST', quantity: 1, 'uomscheduleid@odata.bind': odataBind('uomschedules', unitGroupId) });
  const priceLists = new Map<string, string>();
  for (const [iso, currencyId] of currencies) {
    const { id } = await dataverse.create('pricelevels', { name: `SAP prices ${iso}`, 'transactioncurrencyid@odata.bind': odataBind('transactioncurrencies', currencyId) });
    priceLists.set(iso, id);
  }
  let productNumber = 0;

  const owner = (key: string) => ({ 'ownerid@odata.bind': odataBind('systemusers', persona(key).systemUserId) });
  const salesOrgOf = (area: SalesArea) => (m: SeededMaterial) => db.table('MVKE').get({ MATNR: m.materialNumber, VKORG: area.salesOrganization, VTWEG: area.distributionChannel });
  const deleted = (m: SeededMaterial) => db.table('MARA').get({ MATNR: m.materialNumber })?.LVORM === 'X';

  return {
    sandbox,
    origin,
    seeded,
    sap,
    dataverse,
    customer: (skip = 0, salesOrg = '1000') => {
      const usable = seeded.customers.filter((c) => !c.blockedForOrders && c.salesOrg.salesOrg === salesOrg && !db.table('KNA1').get({ KUNNR: c.customerNumber })?.AUFSD);
      const customer = usable[skip]!;
      const [salesOrganization, distributionChannel, division] = customer.salesAreas[0]!;
      const area = db.table('KNVV').get({ KUNNR: customer.customerNumber, VKORG: salesOrganization, VTWEG: distributionChannel, SPART: division });
      if (area?.AUFSD) throw new Error('the fixture picked a customer blocked in its sales area');
      return { customer, salesArea: { salesOrganization, distributionChannel, division } };
    },
    sellable: (area, count) =>
      seeded.materials.filter((m) => m.sellableIn.some(([org, channel]) => org === area.salesOrganization && channel === area.distributionChannel) && !deleted(m)).slice(0, count),
    blocked: (area) => seeded.materials.find((m) => !deleted(m) && String(salesOrgOf(area)(m)?.VMSTA ?? '') !== ''),
    notInSalesArea: (area) => seeded.materials.find((m) => !deleted(m) && !salesOrgOf(area)(m)),
    createAccount: async (customer, salesArea, ownerKey) =>
      (
        await dataverse.upsert('accounts', { key: { ecc_customernumber: customer.customerNumber } }, {
          name: String(db.table('KNA1').get({ KUNNR: customer.customerNumber })?.NAME1 ?? customer.customerNumber),
          ecc_salesorganization: salesArea?.salesOrganization ?? null,
          ecc_distributionchannel: salesArea?.distributionChannel ?? null,
          ecc_division: salesArea?.division ?? null,
          ...owner(ownerKey),
        })
      ).id,
    createProduct: async (materialNumber, name) => {
      productNumber += 1;
      const product = {
        name,
        productnumber: `P-${productNumber}`,
        'defaultuomid@odata.bind': odataBind('uoms', defaultUnitId),
        'defaultuomscheduleid@odata.bind': odataBind('uomschedules', unitGroupId),
      };
      // A material is one product (the alternate key): a test asking for it again renames it.
      if (materialNumber) return (await dataverse.upsert('products', { key: { ecc_materialnumber: materialNumber } }, product)).id;
      return (await dataverse.create('products', { ...product, productstructure: 1 })).id;
    },
    createUnit: async (name) => (await dataverse.create('uoms', { name, quantity: 10, 'uomscheduleid@odata.bind': odataBind('uomschedules', unitGroupId), 'baseuom@odata.bind': odataBind('uoms', defaultUnitId) })).id,
    createQuote: async ({ accountId, owner: ownerKey, lines, active = false, currency = 'EUR', quotationNumber }) => {
      const { id: quoteId, record } = await dataverse.create<{ quotenumber: string }>(
        'quotes',
        {
          name: `Quote for ${accountId.slice(0, 8)}`,
          'customerid_account@odata.bind': odataBind('accounts', accountId),
          'pricelevelid@odata.bind': odataBind('pricelevels', priceLists.get(currency)!),
          'transactioncurrencyid@odata.bind': odataBind('transactioncurrencies', currencies.get(currency)!),
          ...(quotationNumber ? { ecc_sapquotationnumber: quotationNumber } : {}),
          ...owner(ownerKey),
        },
        { returnRepresentation: { select: ['quotenumber'] } },
      );
      const lineIds: string[] = [];
      for (const [index, line] of lines.entries()) {
        const { id } = await dataverse.create('quotedetails', {
          'quoteid@odata.bind': odataBind('quotes', quoteId),
          quantity: line.quantity,
          sequencenumber: index + 1,
          ...(line.productId
            ? { 'productid@odata.bind': odataBind('products', line.productId), 'uomid@odata.bind': odataBind('uoms', line.unitId ?? defaultUnitId) }
            : { isproductoverridden: true, productdescription: 'Installation on site' }),
        });
        lineIds.push(id);
      }
      if (active) await dataverse.update('quotes', quoteId, { statecode: 1, statuscode: 2 });
      return { quoteId, quoteNumber: record!.quotenumber, lineIds };
    },
    dataverseOutage: (refuse) => {
      outage = refuse;
    },
    documentsWithReference: (reference) => db.table('VBKD').select({}, (row) => row.POSNR === '000000' && row.BSTKD === reference).map((row) => String(row.VBELN)),
    close: async () => {
      await sap.close();
      dataverse.close();
      tokens.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox.close();
    },
  };
}
