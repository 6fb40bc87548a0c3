/**
 * The ecc365 add-on's function modules against the standard reads they bundle: each module's
 * answer is compared with what the standard BAPIs and RFC_READ_TABLE return for the same
 * customer (cut to the fields the module returns), over every RFC transport, on the seed data
 * and on a scenario whose documents' dates, numbers, carriers and payers the tests chose.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../sap/abapValues.js';
import { salesDocumentsOf } from '../../../sap/operations/getSalesDocuments.js';
import { readTable, sqlIn, sqlLiteral, type TableRow } from '../../../sap/operations/readTable.js';
import { readTableByKeys } from '../../../sap/operations/readTableByKeys.js';
import type { RfcClient, RfcStructure } from '../../../sap/rfc.js';
import { createTestEcc, describeOverTransports, SANDBOX_USER } from '../../../sap/testing/transports.js';
import {
  ECC365_S_ORDER_BUSINESS, ECC365_S_ORDER_FLOW, ECC365_S_ORDER_HEADER, ECC365_S_ORDER_ITEM, ECC365_S_ORDER_ITEM_STATUS, ECC365_S_ORDER_SCHEDULE, ECC365_S_ORDER_STATUS,
} from '../ddic/structures/ecc365.js';
import type { StructureDef } from '../ddic/types.js';
import { CARRIERS } from '../seed/orgStructure.js';
import { serveSoapRfc } from '../soap/standalone.js';
import { BillingScenario, type ScenarioCustomer, type ScenarioDelivery, type ScenarioInvoice, type ScenarioOrder } from '../testing/billingScenario.js';

type Rows = RfcStructure[];

const UNKNOWN_CUSTOMER = '0009999999';
const DELIVERY_FIELDS = ['VBELN', 'LFART', 'VKORG', 'VSTEL', 'KUNNR', 'KUNAG', 'LFDAT', 'WADAT', 'WADAT_IST', 'BTGEW', 'GEWEI', 'BOLNR'];
const DELIVERY_STATUS_FIELDS = ['KOSTK', 'WBSTK', 'FKSTK', 'GBSTK'];
const INVOICE_FIELDS = ['VBELN', 'FKART', 'VBTYP', 'FKDAT', 'KUNAG', 'KUNRG', 'BUKRS', 'NETWR', 'MWSBK', 'WAERK', 'ZTERM', 'FKSTO', 'RFBSK', 'BELNR', 'GJAHR'];
/** Packed fields: RFC_READ_TABLE writes them as text ("12.50-"), RFC as numbers; compared by value. */
const AMOUNT_FIELDS = new Set(['BTGEW', 'NETWR', 'MWSBK']);
/** The orders module's tables (the detail BAPI's names) and the add-on structures that type them. */
const ORDER_ROW_TYPES: Record<string, StructureDef> = {
  ORDER_HEADERS_OUT: ECC365_S_ORDER_HEADER,
  ORDER_ITEMS_OUT: ECC365_S_ORDER_ITEM,
  ORDER_SCHEDULES_OUT: ECC365_S_ORDER_SCHEDULE,
  ORDER_BUSINESS_OUT: ECC365_S_ORDER_BUSINESS,
  ORDER_STATUSHEADERS_OUT: ECC365_S_ORDER_STATUS,
  ORDER_STATUSITEMS_OUT: ECC365_S_ORDER_ITEM_STATUS,
  ORDER_FLOWS_OUT: ECC365_S_ORDER_FLOW,
};
const ORDER_TABLES = Object.keys(ORDER_ROW_TYPES);
const ORDER_VIEW = { HEADER: 'X', ITEM: 'X', SDSCHEDULE: 'X', BUSINESS: 'X', STATUS_H: 'X', STATUS_I: 'X', FLOW: 'X' };
const rows = (result: Record<string, unknown>, name: string): Rows => result[name] as Rows;
const emptyTables = (names: string[]): Record<string, []> => Object.fromEntries(names.map((name) => [name, []]));

/** A row as both paths can be compared: text trimmed, amounts by value. */
const comparable = (row: Record<string, unknown>): Record<string, string | number> =>
  Object.fromEntries(Object.entries(row).map(([field, value]) => [field, AMOUNT_FIELDS.has(field) ? parseDecimal(String(value)) : String(value as string).trim()]));

const newestFirst = (dateField: string, numberField = 'VBELN') => (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  `${String(b[dateField])}${String(b[numberField])}`.localeCompare(`${String(a[dateField])}${String(a[numberField])}`);

const isError = (returned: RfcStructure): boolean => returned.TYPE === 'E' || returned.TYPE === 'A';

// ---- The standard reads each module bundles, as the gateway makes them without the add-on ----

/** LIKP, VBUK, VBPA, LFA1 and LIPS with RFC_READ_TABLE, for deliveries with a delivery date in [from, to]. */
async function standardDeliveries(client: RfcClient, customer: string, from: string, to: string, maxDocuments: number) {
  const window = [`KUNAG = ${sqlLiteral(customer)}`, `LFDAT >= ${sqlLiteral(from)}`, `LFDAT <= ${sqlLiteral(to)}`];
  const found = (await readTable(client, { table: 'LIKP', fields: DELIVERY_FIELDS, where: window })).sort(newestFirst('LFDAT'));
  const headers = found.slice(0, maxDocuments);
  const keys = headers.map((header) => header.VBELN!);
  const read = async (table: string, fields: string[], where: string[] = []): Promise<TableRow[]> =>
    keys.length === 0 ? [] : readTableByKeys(client, { table, fields, keyField: 'VBELN', keys, where });
  const statuses = new Map((await read('VBUK', ['VBELN', ...DELIVERY_STATUS_FIELDS])).map((row) => [row.VBELN, row]));
  const carriers = new Map((await read('VBPA', ['VBELN', 'LIFNR'], [`POSNR = '000000'`, `PARVW = 'SP'`])).map((row) => [row.VBELN, row.LIFNR ?? '']));
  const vendors = [...new Set(carriers.values())].filter((vendor) => vendor !== '');
  const names = new Map(vendors.length === 0 ? [] : (await readTableByKeys(client, { table: 'LFA1', fields: ['LIFNR', 'NAME1'], keyField: 'LIFNR', keys: vendors })).map((row) => [row.LIFNR, row.NAME1 ?? '']));
  const items = (await read('LIPS', ['VBELN', 'POSNR', 'VGBEL'])).sort((a, b) => a.POSNR!.localeCompare(b.POSNR!));
  const noStatus = Object.fromEntries(DELIVERY_STATUS_FIELDS.map((field) => [field, '']));
  return {
    found: found.length,
    deliveries: headers.map((header) => {
      const carrier = carriers.get(header.VBELN) ?? '';
      const { VBELN: _, ...status } = statuses.get(header.VBELN) ?? noStatus;
      return comparable({ ...header, ...status, CARRIER: carrier, CARRIER_NAME: names.get(carrier) ?? '' });
    }),
    deliveredDocuments: headers.flatMap((header) =>
      [...new Set(items.filter((item) => item.VBELN === header.VBELN && item.VGBEL !== '').map((item) => item.VGBEL!))].map((vgbel) => ({ VBELN: header.VBELN!, VGBEL: vgbel })),
    ),
  };
}

/** BAPI_SALESORDER_GETLIST, then BAPISDORDER_GETDETAILEDLIST for the newest orders. */
async function standardOrders(client: RfcClient, customer: string, salesOrg: string, window: { from?: string; to?: string }, maxDocuments: number) {
  const list = await client.call('BAPI_SALESORDER_GETLIST', {
    CUSTOMER_NUMBER: customer,
    SALES_ORGANIZATION: salesOrg,
    ...(window.from ? { DOCUMENT_DATE: window.from } : {}),
    ...(window.to ? { DOCUMENT_DATE_TO: window.to } : {}),
    SALES_ORDERS: [],
  });
  const orders = new Map(rows(list, 'SALES_ORDERS').map((line) => [String(line.SD_DOC), { SD_DOC: line.SD_DOC, DOC_DATE: line.DOC_DATE }]));
  const found = [...orders.values()].sort(newestFirst('DOC_DATE', 'SD_DOC'));
  const numbers = found.slice(0, maxDocuments).map((order) => String(order.SD_DOC));
  const detail = numbers.length === 0 ? {} : await client.call('BAPISDORDER_GETDETAILEDLIST', { I_BAPI_VIEW: ORDER_VIEW, SALES_DOCUMENTS: numbers.map((vbeln) => ({ VBELN: vbeln })), ...emptyTables(ORDER_TABLES) });
  // The add-on returns the detail BAPI's rows with the fields of its own structures only.
  const projected = (name: string): Rows =>
    ((detail[name] as Rows | undefined) ?? []).map((row) => Object.fromEntries(ORDER_ROW_TYPES[name]!.fields.map((field) => [field.name, row[field.name]!])));
  return { returned: list.RETURN as RfcStructure, found: found.length, numbers, detail, tables: Object.fromEntries(ORDER_TABLES.map((name) => [name, projected(name)])) };
}

/** BAPI_AR_ACC_GETOPENITEMS for the customer, RFC_READ_TABLE on VBRK, then the open items of the listed documents' other payers. */
async function standardInvoices(client: RfcClient, customer: string, companyCode: string, keyDate: string, window: { from: string; to: string }, maxDocuments: number) {
  const openItemsOf = (payer: string, payerCompanyCode: string) =>
    client.call('BAPI_AR_ACC_GETOPENITEMS', { COMPANYCODE: payerCompanyCode, CUSTOMER: payer, KEYDATE: keyDate, LINEITEMS: [] });
  const own = await openItemsOf(customer, companyCode);
  const returned = own.RETURN as RfcStructure;
  if (isError(returned)) return { returned, found: 0, invoices: [], openItems: [] };
  const where = [`KUNAG = ${sqlLiteral(customer)}`, sqlIn('VBTYP', ['M', 'O', 'P']), `FKDAT >= ${sqlLiteral(window.from)}`, `FKDAT <= ${sqlLiteral(window.to)}`];
  const found = (await readTable(client, { table: 'VBRK', fields: INVOICE_FIELDS, where })).sort(newestFirst('FKDAT'));
  const listed = found.slice(0, maxDocuments);
  const openItems = [...rows(own, 'LINEITEMS')];
  const read = new Set([`${customer}/${companyCode}`]);
  for (const header of listed) {
    const pair = `${header.KUNRG}/${header.BUKRS}`;
    if (header.RFBSK !== 'C' || header.BELNR === '' || read.has(pair)) continue;
    read.add(pair);
    const theirs = await openItemsOf(header.KUNRG!, header.BUKRS!);
    if (!isError(theirs.RETURN as RfcStructure)) openItems.push(...rows(theirs, 'LINEITEMS'));
  }
  return { returned, found: found.length, invoices: listed.map(comparable), openItems };
}

/** The status data without the time it was read at (TIMESTAMP), which differs between two calls. */
const withoutTimestamp = (table: Rows): Rows => table.map(({ TIMESTAMP: _, ...row }) => row);

/** BAPI_CREDIT_ACCOUNT_GET_STATUS, and KNA1's central blocks and KNB1's payment terms with RFC_READ_TABLE. */
async function standardCredit(client: RfcClient, customer: string, area: string, companyCode: string) {
  const status = await client.call('BAPI_CREDIT_ACCOUNT_GET_STATUS', { CREDITCONTROLAREA: area, CUSTOMER: customer, CREDIT_ACCOUNT_DETAIL: [], CREDIT_ACCOUNT_OPEN_ITEMS: [] });
  const [blocks] = await readTable(client, { table: 'KNA1', fields: ['AUFSD', 'LIFSD', 'FAKSD', 'SPERR'], where: [`KUNNR = ${sqlLiteral(customer)}`] });
  const [terms] = companyCode === '' ? [] : await readTable(client, { table: 'KNB1', fields: ['ZTERM'], where: [`KUNNR = ${sqlLiteral(customer)}`, `BUKRS = ${sqlLiteral(companyCode)}`] });
  return {
    returned: status.RETURN,
    detail: withoutTimestamp(rows(status, 'CREDIT_ACCOUNT_DETAIL')),
    openItems: withoutTimestamp(rows(status, 'CREDIT_ACCOUNT_OPEN_ITEMS')),
    blocks: blocks ?? { AUFSD: '', LIFSD: '', FAKSD: '', SPERR: '' },
    paymentTerms: terms?.ZTERM ?? '',
  };
}

describeOverTransports('the ecc365 add-on', (sap) => {
  const { ecc, seeded } = sap.testEcc;
  const scenario = new BillingScenario(sap.testEcc);
  let customer: ScenarioCustomer;
  let orders: ScenarioOrder[];
  let deliveries: ScenarioDelivery[];
  let invoices: ScenarioInvoice[];
  let otherPayer: ScenarioCustomer;
  let payerElsewhere: ScenarioCustomer;
  let withoutCreditAccount: ScenarioCustomer;

  beforeAll(() => {
    customer = scenario.customer({ paymentTerms: 'NT30' });
    scenario.creditAccount(customer, { limit: 50_000, riskCategory: '002' });
    otherPayer = scenario.customer();
    // Created in company code 3000 only: reading its items in 1000 fails.
    payerElsewhere = scenario.customer({ salesOrg: '3000' });
    withoutCreditAccount = scenario.customer({ paymentTerms: 'NT60' });
    const line = [{ quantity: 2, price: 150 }];
    // Oldest first; orders 2 and 3 share a date, and so do their deliveries and invoices.
    orders = [
      scenario.order(customer, line, { date: '2026-07-01' }),
      scenario.order(customer, line, { date: '2026-08-10' }),
      scenario.order(customer, [{ quantity: 1, price: 90 }, { quantity: 3, price: 40 }], { date: '2026-10-05' }),
      scenario.order(customer, line, { date: '2026-10-05' }),
      scenario.order(customer, line, { date: '2026-11-20' }),
    ];
    deliveries = [
      scenario.deliver(orders[0]!, { date: '2026-07-01', goodsIssue: '2026-07-02', carrier: 1, trackingReference: 'SCH000000000001' }),
      scenario.deliver(orders[1]!, { date: '2026-08-12', goodsIssue: '2026-08-13', carrier: 0, trackingReference: 'JJD000000000000000001' }),
      scenario.deliver(orders[2]!, { date: '2026-10-07', goodsIssue: '2026-10-08', carrier: 1, trackingReference: 'SCH000000000002' }),
      scenario.deliver(orders[3]!, { date: '2026-10-07' }),
      scenario.deliver(orders[4]!, { date: '2026-11-25', picked: false }),
    ];
    invoices = [
      scenario.invoice(deliveries[0]!, { date: '2026-07-03' }),
      scenario.invoice(deliveries[1]!, { date: '2026-08-15' }),
      scenario.invoice(deliveries[2]!, { date: '2026-10-10', payer: otherPayer }),
      scenario.invoice(deliveries[3]!, { date: '2026-10-10', payer: payerElsewhere }),
      scenario.invoice(deliveries[4]!, { date: '2026-11-26', post: false }),
    ];
    scenario.cancel(invoices[0]!, { date: '2026-07-05' });
    scenario.payPartially(invoices[1]!, 100, { date: '2026-09-01' });
  });

  describe('/ECC365/PANEL_DELIVERIES', () => {
    const panel = (customerNumber: string, parameters: Record<string, unknown> = {}) =>
      sap.client.call('/ECC365/PANEL_DELIVERIES', { CUSTOMER_NUMBER: customerNumber, ...parameters, DELIVERIES: [], DELIVERED_DOCUMENTS: [] });

    it('lists the deliveries newest first by delivery date, then number, with status, carrier and the orders they ship', async () => {
      const result = await panel(customer.customerNumber);
      expect(result.RETURN).toMatchObject({ TYPE: '' });
      expect(result.DOCUMENTS_FOUND).toBe(5);
      const listed = rows(result, 'DELIVERIES');
      // Deliveries 2 and 3 share their delivery date: the higher number comes first.
      expect(listed.map((row) => row.VBELN)).toEqual([4, 3, 2, 1, 0].map((i) => deliveries[i]!.deliveryNumber));
      expect(listed[3]).toMatchObject({ CARRIER: CARRIERS[0]!.vendor, CARRIER_NAME: CARRIERS[0]!.name, BOLNR: 'JJD000000000000000001', WBSTK: 'C', FKSTK: 'C' });
      expect(listed[1]).toMatchObject({ CARRIER: '', CARRIER_NAME: '', WADAT_IST: '00000000', WBSTK: 'A' });
      expect(listed[0]).toMatchObject({ KOSTK: 'A', LFDAT: '20261127' });
      // The two-item delivery ships one order: one pair.
      expect(rows(result, 'DELIVERED_DOCUMENTS')).toEqual([4, 3, 2, 1, 0].map((i) => ({ VBELN: deliveries[i]!.deliveryNumber, VGBEL: orders[i]!.orderNumber })));
    });

    it("returns what RFC_READ_TABLE reads from LIKP, VBUK, VBPA, LFA1 and LIPS, for the seed's customers with deliveries", async () => {
      const withDeliveries = [...new Set(seeded.deliveries.map((delivery) => delivery.order.customer.customerNumber))];
      const mostDeliveries = withDeliveries.sort((a, b) => seeded.deliveries.filter((d) => d.order.customer.customerNumber === b).length - seeded.deliveries.filter((d) => d.order.customer.customerNumber === a).length);
      const chosen = [customer.customerNumber, ...mostDeliveries.slice(0, 3), withDeliveries.at(-1)!];
      for (const customerNumber of chosen) {
        const result = await panel(customerNumber, { DATE_FROM: '20250101', DATE_TO: '20271231' });
        const expected = await standardDeliveries(sap.client, customerNumber, '20250101', '20271231', 50);
        expect(expected.found, `customer ${customerNumber} has deliveries`).toBeGreaterThan(0);
        expect(result.DOCUMENTS_FOUND).toBe(expected.found);
        expect(rows(result, 'DELIVERIES').map(comparable)).toEqual(expected.deliveries);
        expect(rows(result, 'DELIVERED_DOCUMENTS')).toEqual(expected.deliveredDocuments);
      }
    });

    it('cuts the list at MAX_DOCUMENTS and counts the whole window in DOCUMENTS_FOUND', async () => {
      const result = await panel(customer.customerNumber, { MAX_DOCUMENTS: 2 });
      expect(result.DOCUMENTS_FOUND).toBe(5);
      expect(rows(result, 'DELIVERIES').map((row) => row.VBELN)).toEqual([deliveries[4]!.deliveryNumber, deliveries[3]!.deliveryNumber]);
      expect(new Set(rows(result, 'DELIVERED_DOCUMENTS').map((row) => row.VBELN))).toEqual(new Set([deliveries[4]!.deliveryNumber, deliveries[3]!.deliveryNumber]));
      const expected = await standardDeliveries(sap.client, customer.customerNumber, '00000000', '99991231', 2);
      expect(rows(result, 'DELIVERIES').map(comparable)).toEqual(expected.deliveries);
    });

    it('includes both bounds of the date window and leaves an initial bound open', async () => {
      // Deliveries 2 and 3 are due on 9 October (created on the 7th, delivery date two days later).
      const sameDay = await panel(customer.customerNumber, { DATE_FROM: '20261009', DATE_TO: '20261009' });
      expect(rows(sameDay, 'DELIVERIES').map((row) => row.VBELN)).toEqual([deliveries[3]!.deliveryNumber, deliveries[2]!.deliveryNumber]);
      expect(sameDay.DOCUMENTS_FOUND).toBe(2);
      const fromOnly = await panel(customer.customerNumber, { DATE_FROM: '20261010' });
      expect(rows(fromOnly, 'DELIVERIES').map((row) => row.VBELN)).toEqual([deliveries[4]!.deliveryNumber]);
      const toOnly = await panel(customer.customerNumber, { DATE_TO: '20260814' });
      expect(rows(toOnly, 'DELIVERIES').map((row) => row.VBELN)).toEqual([deliveries[1]!.deliveryNumber, deliveries[0]!.deliveryNumber]);
      expect(rows(toOnly, 'DELIVERIES').map(comparable)).toEqual((await standardDeliveries(sap.client, customer.customerNumber, '00000000', '20260814', 50)).deliveries);
    });

    it('answers E F2 502 for an unknown customer, and an empty list for a known one without deliveries', async () => {
      // Rows the caller sends in a TABLES parameter do not come back.
      const unknown = await sap.client.call('/ECC365/PANEL_DELIVERIES', { CUSTOMER_NUMBER: UNKNOWN_CUSTOMER, DELIVERIES: [{ VBELN: deliveries[0]!.deliveryNumber }], DELIVERED_DOCUMENTS: [] });
      expect(unknown.RETURN).toMatchObject({ TYPE: 'E', ID: 'F2', NUMBER: '502', MESSAGE_V1: '9999999', PARAMETER: 'CUSTOMER_NUMBER' });
      expect(unknown.DOCUMENTS_FOUND).toBe(0);
      expect(rows(unknown, 'DELIVERIES')).toEqual([]);
      const known = await panel(withoutCreditAccount.customerNumber);
      expect(known.RETURN).toMatchObject({ TYPE: '' });
      expect(known.DOCUMENTS_FOUND).toBe(0);
      expect(rows(known, 'DELIVERIES')).toEqual([]);
    });
  });

  describe('/ECC365/PANEL_ORDERS', () => {
    const panel = (customerNumber: string, salesOrg: string, parameters: Record<string, unknown> = {}) =>
      sap.client.call('/ECC365/PANEL_ORDERS', { CUSTOMER_NUMBER: customerNumber, SALES_ORGANIZATION: salesOrg, ...emptyTables(ORDER_TABLES), ...parameters });

    it('reads the newest orders in detail, newest first by document date, then number', async () => {
      const result = await panel(customer.customerNumber, '1000');
      expect(result.RETURN).toMatchObject({ TYPE: '' });
      expect(result.DOCUMENTS_FOUND).toBe(5);
      expect(rows(result, 'ORDER_HEADERS_OUT').map((row) => row.DOC_NUMBER)).toEqual([4, 3, 2, 1, 0].map((i) => orders[i]!.orderNumber));
      expect(rows(result, 'ORDER_ITEMS_OUT').filter((row) => row.DOC_NUMBER === orders[2]!.orderNumber)).toHaveLength(2);
      expect(rows(result, 'ORDER_STATUSHEADERS_OUT')).toHaveLength(5);
      // The flow of an order names the delivery that ships it.
      expect(rows(result, 'ORDER_FLOWS_OUT').some((row) => row.PRECSDDOC === orders[1]!.orderNumber && row.SUBSSDDOC === deliveries[1]!.deliveryNumber)).toBe(true);
    });

    it('returns what BAPI_SALESORDER_GETLIST and BAPISDORDER_GETDETAILEDLIST return, and the gateway reads the same documents from it, for seeded customers and windows', async () => {
      const withOrders = [...new Set(seeded.sales.orders.map((order) => order.customer.customerNumber))].slice(0, 4);
      const cases = [
        { customerNumber: customer.customerNumber, salesOrg: '1000', window: {} },
        { customerNumber: customer.customerNumber, salesOrg: '1000', window: { from: '20261005', to: '20261005' } },
        ...withOrders.map((customerNumber) => ({ customerNumber, salesOrg: seeded.customers.find((c) => c.customerNumber === customerNumber)!.salesOrg.salesOrg, window: {} })),
        { customerNumber: withOrders[0]!, salesOrg: seeded.customers.find((c) => c.customerNumber === withOrders[0])!.salesOrg.salesOrg, window: { from: '20260601', to: '20261115' } },
      ];
      for (const { customerNumber, salesOrg, window } of cases) {
        const result = await panel(customerNumber, salesOrg, { ...(window.from ? { DATE_FROM: window.from } : {}), ...(window.to ? { DATE_TO: window.to } : {}) });
        const expected = await standardOrders(sap.client, customerNumber, salesOrg, window, 50);
        if (!window.from) expect(expected.found, `customer ${customerNumber} has orders`).toBeGreaterThan(0);
        expect(result.RETURN).toEqual(expected.returned);
        expect(result.DOCUMENTS_FOUND).toBe(expected.found);
        expect(rows(result, 'ORDER_HEADERS_OUT').map((row) => row.DOC_NUMBER)).toEqual(expected.numbers);
        for (const name of ORDER_TABLES) expect(rows(result, name), name).toEqual(expected.tables[name]);
        // The slim rows hold every field the gateway's mapping reads (partners aside: neither call asks for them).
        const documents = salesDocumentsOf(result);
        expect(documents).toHaveLength(expected.numbers.length);
        expect(documents).toEqual(salesDocumentsOf(expected.detail));
      }
    });

    it('reads only the first MAX_DOCUMENTS orders in detail and counts them all', async () => {
      const result = await panel(customer.customerNumber, '1000', { MAX_DOCUMENTS: 2 });
      expect(result.DOCUMENTS_FOUND).toBe(5);
      const expected = await standardOrders(sap.client, customer.customerNumber, '1000', {}, 2);
      expect(expected.numbers).toEqual([orders[4]!.orderNumber, orders[3]!.orderNumber]);
      for (const name of ORDER_TABLES) expect(rows(result, name), name).toEqual(expected.tables[name]);
      expect(new Set(rows(result, 'ORDER_ITEMS_OUT').map((row) => row.DOC_NUMBER))).toEqual(new Set(expected.numbers));
    });

    it('answers like the list BAPI for a customer without orders in the sales organisation and for an unknown one', async () => {
      for (const [customerNumber, salesOrg] of [[customer.customerNumber, '3000'], [UNKNOWN_CUSTOMER, '1000']] as const) {
        const result = await panel(customerNumber, salesOrg, { ORDER_HEADERS_OUT: [{ DOC_NUMBER: orders[0]!.orderNumber }] });
        const expected = await standardOrders(sap.client, customerNumber, salesOrg, {}, 50);
        expect(result.RETURN).toEqual(expected.returned);
        expect(result.DOCUMENTS_FOUND).toBe(0);
        for (const name of ORDER_TABLES) expect(rows(result, name), name).toEqual([]);
      }
    });
  });
  describe('/ECC365/PANEL_INVOICES', () => {
    const KEY_DATE = '20261127';
    const panel = (customerNumber: string, companyCode: string, parameters: Record<string, unknown> = {}) =>
      sap.client.call('/ECC365/PANEL_INVOICES', { CUSTOMER_NUMBER: customerNumber, COMPANY_CODE: companyCode, KEY_DATE, ...parameters, INVOICES: [], OPEN_ITEMS: [] });

    it("lists invoices, credit and debit memos newest first, with the customer's open items and then the other payers'", async () => {
      const result = await panel(customer.customerNumber, '1000');
      expect(result.RETURN).toMatchObject({ TYPE: '' });
      expect(result.DOCUMENTS_FOUND).toBe(5);
      // Invoices 2 and 3 share their billing date; the cancellation document (VBTYP N) is not listed.
      expect(rows(result, 'INVOICES').map((row) => row.VBELN)).toEqual([4, 3, 2, 1, 0].map((i) => invoices[i]!.invoiceNumber));
      expect(rows(result, 'INVOICES')[4]).toMatchObject({ FKSTO: 'X', RFBSK: 'C' });
      expect(rows(result, 'INVOICES')[0]).toMatchObject({ RFBSK: 'A', BELNR: '' });
      const openItems = rows(result, 'OPEN_ITEMS');
      const owners = openItems.map((row) => row.CUSTOMER);
      expect(owners.indexOf(otherPayer.customerNumber)).toBeGreaterThan(owners.lastIndexOf(customer.customerNumber));
      expect(openItems.filter((row) => row.BILL_DOC === invoices[1]!.invoiceNumber && row.CUSTOMER === customer.customerNumber)).toHaveLength(1);
      expect(openItems.filter((row) => row.BILL_DOC === invoices[2]!.invoiceNumber && row.CUSTOMER === otherPayer.customerNumber)).toHaveLength(1);
      // The payer created in another company code only has items in 1000, but reading them fails (F2 503): none are added.
      expect(ecc.db.table('BSID').select({ KUNNR: payerElsewhere.customerNumber })).not.toHaveLength(0);
      expect(owners).not.toContain(payerElsewhere.customerNumber);
    });

    it('returns what BAPI_AR_ACC_GETOPENITEMS and RFC_READ_TABLE on VBRK return, for the scenario and seeded customers', async () => {
      const billed = [...new Set(seeded.invoices.map((invoice) => invoice.order.customer.customerNumber))];
      const payingForOthers = seeded.customers.find((c) => c.payer !== c.customerNumber && billed.includes(c.customerNumber));
      const chosen = [...billed.slice(0, 3), ...(payingForOthers ? [payingForOthers.customerNumber] : [])];
      const cases = [
        { customerNumber: customer.customerNumber, companyCode: '1000', window: { from: '20260101', to: '20261231' } },
        { customerNumber: customer.customerNumber, companyCode: '1000', window: { from: '20261010', to: '20261010' } },
        ...chosen.map((customerNumber) => ({ customerNumber, companyCode: seeded.customers.find((c) => c.customerNumber === customerNumber)!.salesOrg.companyCode, window: { from: '20250101', to: '20261231' } })),
      ];
      for (const { customerNumber, companyCode, window } of cases) {
        const result = await panel(customerNumber, companyCode, { DATE_FROM: window.from, DATE_TO: window.to });
        const expected = await standardInvoices(sap.client, customerNumber, companyCode, KEY_DATE, window, 50);
        expect(expected.found, `customer ${customerNumber} has billing documents`).toBeGreaterThan(0);
        expect(result.RETURN).toEqual(expected.returned);
        expect(result.DOCUMENTS_FOUND).toBe(expected.found);
        expect(rows(result, 'INVOICES').map(comparable)).toEqual(expected.invoices);
        expect(rows(result, 'OPEN_ITEMS')).toEqual(expected.openItems);
      }
    });

    it("cuts the list at MAX_DOCUMENTS and reads only the listed documents' payers", async () => {
      const newest = await panel(customer.customerNumber, '1000', { MAX_DOCUMENTS: 1 });
      expect(newest.DOCUMENTS_FOUND).toBe(5);
      expect(rows(newest, 'INVOICES').map((row) => row.VBELN)).toEqual([invoices[4]!.invoiceNumber]);
      expect(new Set(rows(newest, 'OPEN_ITEMS').map((row) => row.CUSTOMER))).toEqual(new Set([customer.customerNumber]));
      const three = await panel(customer.customerNumber, '1000', { MAX_DOCUMENTS: 3 });
      const expected = await standardInvoices(sap.client, customer.customerNumber, '1000', KEY_DATE, { from: '00000000', to: '99991231' }, 3);
      expect(rows(three, 'INVOICES').map(comparable)).toEqual(expected.invoices);
      expect(rows(three, 'OPEN_ITEMS')).toEqual(expected.openItems);
      expect(rows(three, 'OPEN_ITEMS').some((row) => row.CUSTOMER === otherPayer.customerNumber)).toBe(true);
    });

    it('includes both bounds of the billing date window', async () => {
      const sameDay = await panel(customer.customerNumber, '1000', { DATE_FROM: '20261010', DATE_TO: '20261010' });
      expect(rows(sameDay, 'INVOICES').map((row) => row.VBELN)).toEqual([invoices[3]!.invoiceNumber, invoices[2]!.invoiceNumber]);
      const upTo = await panel(customer.customerNumber, '1000', { DATE_TO: '20260815' });
      expect(rows(upTo, 'INVOICES').map((row) => row.VBELN)).toEqual([invoices[1]!.invoiceNumber, invoices[0]!.invoiceNumber]);
    });

    it("answers with the open items read's error, and nothing else, for an unknown customer or one not in the company code", async () => {
      for (const [customerNumber, companyCode, code] of [[UNKNOWN_CUSTOMER, '1000', 'F2502'], [customer.customerNumber, '3000', 'F2503']] as const) {
        const result = await sap.client.call('/ECC365/PANEL_INVOICES', {
          CUSTOMER_NUMBER: customerNumber, COMPANY_CODE: companyCode, KEY_DATE, INVOICES: [{ VBELN: invoices[1]!.invoiceNumber }], OPEN_ITEMS: [],
        });
        const expected = await standardInvoices(sap.client, customerNumber, companyCode, KEY_DATE, { from: '00000000', to: '99991231' }, 50);
        expect(result.RETURN).toMatchObject({ TYPE: 'E', CODE: code });
        expect(result.RETURN).toEqual(expected.returned);
        expect(result.DOCUMENTS_FOUND).toBe(0);
        expect(rows(result, 'INVOICES')).toEqual([]);
        expect(rows(result, 'OPEN_ITEMS')).toEqual([]);
      }
    });
  });

  describe('/ECC365/PANEL_CREDIT', () => {
    const panel = (customerNumber: string, area: string, companyCode?: string) =>
      sap.client.call('/ECC365/PANEL_CREDIT', {
        CUSTOMER_NUMBER: customerNumber,
        CREDIT_CONTROL_AREA: area,
        ...(companyCode !== undefined ? { COMPANY_CODE: companyCode } : {}),
        CREDIT_ACCOUNT_DETAIL: [],
        CREDIT_ACCOUNT_OPEN_ITEMS: [],
      });

    it('returns the credit BAPI\'s status, the central blocks and the payment terms the standard reads return', async () => {
      const blocked = seeded.customers.find((c) => c.blockedForOrders);
      expect(blocked, 'the seed has a customer blocked for orders').toBeDefined();
      const cases = [
        { customerNumber: customer.customerNumber, area: '1000', companyCode: '1000' },
        { customerNumber: withoutCreditAccount.customerNumber, area: '1000', companyCode: '1000' },
        { customerNumber: blocked!.customerNumber, area: blocked!.salesOrg.creditControlArea, companyCode: blocked!.salesOrg.companyCode },
        ...seeded.customers.slice(0, 3).map((c) => ({ customerNumber: c.payer, area: c.salesOrg.creditControlArea, companyCode: c.salesOrg.companyCode })),
        { customerNumber: UNKNOWN_CUSTOMER, area: '1000', companyCode: '1000' },
      ];
      for (const { customerNumber, area, companyCode } of cases) {
        const result = await panel(customerNumber, area, companyCode);
        const expected = await standardCredit(sap.client, customerNumber, area, companyCode);
        expect(result.RETURN).toEqual(expected.returned);
        expect(withoutTimestamp(rows(result, 'CREDIT_ACCOUNT_DETAIL'))).toEqual(expected.detail);
        expect(withoutTimestamp(rows(result, 'CREDIT_ACCOUNT_OPEN_ITEMS'))).toEqual(expected.openItems);
        expect(result.CENTRAL_BLOCKS).toEqual(expected.blocks);
        expect(result.PAYMENT_TERMS).toBe(expected.paymentTerms);
      }
    });

    it('reports the credit account, blocks and terms of the scenario customer', async () => {
      const result = await panel(customer.customerNumber, '1000', '1000');
      expect(result.RETURN).toMatchObject({ TYPE: '' });
      expect(rows(result, 'CREDIT_ACCOUNT_DETAIL')).toHaveLength(1);
      expect(rows(result, 'CREDIT_ACCOUNT_DETAIL')[0]).toMatchObject({ CUSTMR_NO: customer.customerNumber, RISK_CATEG: '002' });
      expect(Number(rows(result, 'CREDIT_ACCOUNT_DETAIL')[0]!.CRED_LIMIT)).toBe(50_000);
      expect(result.PAYMENT_TERMS).toBe('NT30');
      const blocked = seeded.customers.find((c) => c.blockedForOrders)!;
      expect((await panel(blocked.customerNumber, blocked.salesOrg.creditControlArea)).CENTRAL_BLOCKS).toMatchObject({ AUFSD: '01' });
    });

    it('answers F5 806 without a credit account, yet returns the blocks and terms; no company code or none created there gives no terms', async () => {
      const without = await panel(withoutCreditAccount.customerNumber, '1000', '1000');
      expect(without.RETURN).toMatchObject({ TYPE: 'E', ID: 'F5', NUMBER: '806' });
      expect(rows(without, 'CREDIT_ACCOUNT_DETAIL')).toEqual([]);
      expect(without.PAYMENT_TERMS).toBe('NT60');
      expect(without.CENTRAL_BLOCKS).toEqual({ AUFSD: '', LIFSD: '', FAKSD: '', SPERR: '' });
      expect((await panel(customer.customerNumber, '1000')).PAYMENT_TERMS).toBe('');
      expect((await panel(customer.customerNumber, '1000', '3000')).PAYMENT_TERMS).toBe('');
      const unknown = await panel(UNKNOWN_CUSTOMER, '1000', '1000');
      expect(unknown.RETURN).toMatchObject({ TYPE: 'E', ID: 'F5', NUMBER: '806' });
      expect(unknown.PAYMENT_TERMS).toBe('');
    });
  });

  describe('an ECC without the add-on (knob addOn off)', () => {
    const ADD_ON = ['/ECC365/PANEL_ORDERS', '/ECC365/PANEL_DELIVERIES', '/ECC365/PANEL_INVOICES', '/ECC365/PANEL_CREDIT'];
    const failureOf = (client: RfcClient, name: string): Promise<unknown> => client.call(name, { CUSTOMER_NUMBER: customer.customerNumber }).then(() => undefined, (error: unknown) => error);

    it('has none of its function modules: calls fail as for any function module that does not exist', async () => {
      const client = await sap.connect();
      const unknown = (await failureOf(client, 'Z_ECC365_NOT_IMPORTED')) as Error;
      expect(unknown).toBeInstanceOf(Error);
      ecc.setKnobs({ addOn: false });
      try {
        for (const name of ADD_ON) {
          const error = (await failureOf(client, name)) as Error;
          expect(error, name).toBeInstanceOf(unknown.constructor);
          expect(error.message).toBe(unknown.message.replace('Z_ECC365_NOT_IMPORTED', name));
          expect(ecc.functionModule(name)).toBeUndefined();
        }
        const connection = ecc.connect(SANDBOX_USER.user, SANDBOX_USER.password);
        await expect(connection.call('/ECC365/PANEL_CREDIT', {})).rejects.toMatchObject({ key: 'FU_NOT_FOUND' });
        connection.close();
        // The standard reads are there as before.
        await expect(client.call('BAPI_CREDIT_ACCOUNT_GET_STATUS', { CREDITCONTROLAREA: '1000', CUSTOMER: customer.customerNumber })).resolves.toBeDefined();
      } finally {
        ecc.setKnobs({ addOn: true });
      }
      await expect(failureOf(client, '/ECC365/PANEL_DELIVERIES')).resolves.toBeUndefined();
    });
  });
});

describe('the ecc365 add-on over SOAP-RFC', () => {
  const testEcc = createTestEcc();
  const authorization = `Basic ${Buffer.from(`${SANDBOX_USER.user}:${SANDBOX_USER.password}`).toString('base64')}`;

  it('is described and called by the names SAP writes in XML for a namespace (_-ECC365_-…)', async () => {
    const server = await serveSoapRfc(testEcc.ecc);
    try {
      const wsdl = await fetch(`${server.wsdlUrl}?services=${encodeURIComponent('/ECC365/PANEL_DELIVERIES')}`, { headers: { Authorization: authorization } });
      expect(wsdl.status).toBe(200);
      const description = await wsdl.text();
      expect(description).toContain('name="_-ECC365_-PANEL_DELIVERIES"');
      expect(description).toContain('name="_-ECC365_-S_DELIVERY"');
      expect(description).toContain('name="CARRIER_NAME"');

      const customerNumber = testEcc.seeded.deliveries[0]!.order.customer.customerNumber;
      const request = `<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/"><soap-env:Body>
        <rfc:_-ECC365_-PANEL_DELIVERIES xmlns:rfc="urn:sap-com:document:sap:rfc:functions">
          <CUSTOMER_NUMBER>${customerNumber}</CUSTOMER_NUMBER><DELIVERIES/>
        </rfc:_-ECC365_-PANEL_DELIVERIES></soap-env:Body></soap-env:Envelope>`;
      const call = await fetch(server.rfcUrl, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'text/xml; charset=utf-8' }, body: request });
      expect(call.status).toBe(200);
      const answer = await call.text();
      expect(answer).toContain('_-ECC365_-PANEL_DELIVERIES.Response');
      expect(answer).toContain(`<VBELN>${testEcc.seeded.deliveries[0]!.number}</VBELN>`);

      testEcc.ecc.setKnobs({ addOn: false });
      const missing = await fetch(`${server.wsdlUrl}?services=${encodeURIComponent('/ECC365/PANEL_DELIVERIES')}`, { headers: { Authorization: authorization } });
      expect(missing.status).toBe(500);
      expect(await missing.text()).toContain('FU_NOT_FOUND');
    } finally {
      testEcc.ecc.setKnobs({ addOn: true });
      await server.stop();
    }
  });
});
