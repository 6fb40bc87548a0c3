/**
 * SAP behaviour of the simulated sales document BAPIs that the gateway's wrappers do not show
 * (formats of the raw parameters, check lists, external codes, locks, the read view), called
 * directly over the in-process connection.
 */

import { describe, expect, it } from 'vitest';
import { scalarOf, structureOf, tableOf, type RfcStructure } from '../../../sap/rfc.js';
import { orderingCustomers, sellableMaterials } from '../../../sap/testing/salesDocumentFixtures.js';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';

function setUp() {
  const test = createTestEcc();
  const client = createInProcessRfcClient(test.ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  const candidate = orderingCustomers(test)[0]!;
  const materials = sellableMaterials(test.ecc.db, candidate.salesOrganization, candidate.distributionChannel, candidate.division);
  const header = { DOC_TYPE: 'TA', SALES_ORG: candidate.salesOrganization, DISTR_CHAN: candidate.distributionChannel, DIVISION: candidate.division };
  const partners = [{ PARTN_ROLE: 'AG', PARTN_NUMB: candidate.customer.customerNumber }];
  return { ...test, client, candidate, materials, header, partners };
}

describe('BAPI_SALESORDER_SIMULATE', () => {
  const { client, materials, header, partners, candidate } = setUp();

  it('returns amounts as NUMC with implied decimals beside their signed DEC twins', async () => {
    const result = await client.call('BAPI_SALESORDER_SIMULATE', {
      ORDER_HEADER_IN: header,
      ORDER_PARTNERS: partners,
      ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', MATERIAL: materials[0]!, REQ_QTY: '2500' }],
      ORDER_ITEMS_OUT: [],
      ORDER_CONDITION_EX: [],
      ORDER_INCOMPLETE: [],
    });
    const [item] = tableOf(result, 'ORDER_ITEMS_OUT');
    expect(item!.QTY_REQ_DT).toBe('0000000002500');
    expect(item!.REQ_QTY).toBe('2.500');
    expect(String(item!.NET_VALUE)).toMatch(/^\d{15}$/);
    expect(Number(item!.NET_VALUE) / 100).toBeCloseTo(Number(item!.NET_VALUE1), 2);
    expect(Number(item!.SUBTOTAL_1) / 100).toBeCloseTo(Number(item!.SUBTOTAL1), 2);
    const conditions = tableOf(result, 'ORDER_CONDITION_EX');
    const discount = conditions.find((c) => Number(c.CONDVALUE) < 0);
    if (discount) expect(Number(item!.SUBTOTAL3)).toBeLessThan(0);
    expect(String(item!.SUBTOTAL_3)).toMatch(/^\d{15}$/);
    expect(Number(item!.SUBTOTAL_3) / 100).toBeCloseTo(Math.abs(Number(item!.SUBTOTAL3)), 2);
    expect(conditions.find((c) => c.COND_TYPE === 'MWST')).toMatchObject({ CALCTYPCON: 'A', CURRENCY: '%', CONDCLASS: 'D' });
    // No customer PO: the order would be incomplete.
    expect(tableOf(result, 'ORDER_INCOMPLETE')).toEqual([expect.objectContaining({ TABLE_NAME: 'VBKD', FIELD_NAME: 'BSTKD' })]);
    expect(structureOf(result, 'SOLD_TO_PARTY')).toMatchObject({ SOLD_TO: candidate.customer.customerNumber, ORDER_BLCK: '', CURRENCY: candidate.customer.salesOrg.currency });
    expect(structureOf(result, 'RETURN')).toMatchObject({ TYPE: '', CODE: '' });
  });

  it('reports the first error in RETURN as BAPIRETURN (CODE is class and number) and all in MESSAGETABLE', async () => {
    const result = await client.call('BAPI_SALESORDER_SIMULATE', {
      ORDER_HEADER_IN: header,
      ORDER_PARTNERS: partners,
      ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', MATERIAL: 'NOPE' }, { ITM_NUMBER: '000020', MATERIAL: materials[0]!, REQ_QTY: '1000' }],
      MESSAGETABLE: [],
    });
    expect(structureOf(result, 'RETURN')).toMatchObject({ TYPE: 'E', CODE: 'M3305' });
    expect(tableOf(result, 'MESSAGETABLE')).toEqual(expect.arrayContaining([expect.objectContaining({ ID: 'V4', NUMBER: '248', PARAMETER: 'ORDER_ITEMS_IN', ROW: 1, MESSAGE_V1: '000010' })]));
  });

  it('takes partner functions and the document type in their external form with CONVERT_PARVW_AUART', async () => {
    const result = await client.call('BAPI_SALESORDER_SIMULATE', {
      ORDER_HEADER_IN: { ...header, DOC_TYPE: 'OR' },
      CONVERT_PARVW_AUART: 'X',
      ORDER_PARTNERS: [{ PARTN_ROLE: 'SP', PARTN_NUMB: candidate.customer.customerNumber }],
      ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', MATERIAL: materials[0]!, REQ_QTY: '1000' }],
      ORDER_ITEMS_OUT: [],
    });
    expect(structureOf(result, 'RETURN').TYPE).toBe('');
    expect(tableOf(result, 'ORDER_ITEMS_OUT')).toHaveLength(1);
  });
});

describe('BAPI_SALESORDER_CREATEFROMDAT2', () => {
  it('takes over only the fields the check list flags', async () => {
    const { ecc, client, materials, header, partners } = setUp();
    const number = await client.inSession(async (session) => {
      const result = await session.call('BAPI_SALESORDER_CREATEFROMDAT2', {
        ORDER_HEADER_IN: { ...header, PURCH_NO_C: 'NOT FLAGGED', BILL_BLOCK: '02' },
        ORDER_HEADER_INX: { UPDATEFLAG: 'I', DOC_TYPE: 'X', SALES_ORG: 'X', DISTR_CHAN: 'X', DIVISION: 'X', BILL_BLOCK: 'X' },
        ORDER_PARTNERS: partners,
        ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', MATERIAL: materials[0]!, SHORT_TEXT: 'Ignored text' }],
        ORDER_ITEMS_INX: [{ ITM_NUMBER: '000010', UPDATEFLAG: 'I', MATERIAL: 'X' }],
        ORDER_SCHEDULES_IN: [{ ITM_NUMBER: '000010', REQ_QTY: '3' }],
      });
      await session.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
      return scalarOf(result, 'SALESDOCUMENT');
    });
    expect(ecc.db.table('VBAK').get({ VBELN: number })).toMatchObject({ BSTNK: '', FAKSK: '02' });
    const item = ecc.db.table('VBAP').get({ VBELN: number, POSNR: '000010' })!;
    expect(item.ARKTX).not.toBe('Ignored text');
    expect(item.KWMENG).toBe('3.000');
  });

  it('locks a referenced quotation for the session that creates an order from it (V1 554)', async () => {
    const { ecc, client } = setUp();
    const quotation = [...ecc.db.table('VBAK').all()].find((row) => row.VBTYP === 'B' && String(row.BNDDT) >= ecc.today() && ecc.db.table('VBUK').get({ VBELN: row.VBELN! })!.RFSTK === 'A')!;
    const item = ecc.db.table('VBAP').select({ VBELN: quotation.VBELN! }).find((row) => !row.ABGRU)!;
    const request = {
      ORDER_HEADER_IN: { DOC_TYPE: 'TA', SALES_ORG: quotation.VKORG!, DISTR_CHAN: quotation.VTWEG!, DIVISION: quotation.SPART!, PURCH_NO_C: 'FROM QUOTE', REF_DOC: quotation.VBELN!, REFDOC_CAT: 'B' },
      ORDER_PARTNERS: [{ PARTN_ROLE: 'AG', PARTN_NUMB: quotation.KUNNR! }],
      ORDER_ITEMS_IN: [{ ITM_NUMBER: '000010', REF_DOC: quotation.VBELN!, REF_DOC_IT: item.POSNR!, REF_DOC_CA: 'B' }],
      RETURN: [],
    };
    await client.inSession(async (first) => {
      const held = await first.call('BAPI_SALESORDER_CREATEFROMDAT2', request);
      expect(scalarOf(held, 'SALESDOCUMENT')).not.toBe('');
      const blocked = await client.call('BAPI_SALESORDER_CREATEFROMDAT2', request);
      expect(scalarOf(blocked, 'SALESDOCUMENT')).toBe('');
      expect(tableOf(blocked, 'RETURN')).toEqual(expect.arrayContaining([expect.objectContaining({ TYPE: 'E', ID: 'V1', NUMBER: '554', MESSAGE_V2: SANDBOX_USER.user })]));
      await first.call('BAPI_TRANSACTION_COMMIT', { WAIT: 'X' });
    });
    expect(ecc.db.table('VBUP').get({ VBELN: quotation.VBELN!, POSNR: item.POSNR! })!.RFSTA).toBe('C');
  });
});

describe('BAPISDORDER_GETDETAILEDLIST', () => {
  const { ecc, client } = setUp();
  const billed = [...ecc.db.table('VBAK').all()].find((row) => row.VBTYP === 'C' && ecc.db.table('VBRP').select({ AUBEL: row.VBELN! }).length > 0)!;
  const read = (view: RfcStructure) =>
    client.call('BAPISDORDER_GETDETAILEDLIST', {
      I_BAPI_VIEW: view,
      SALES_DOCUMENTS: [{ VBELN: billed.VBELN! }],
      ORDER_HEADERS_OUT: [], ORDER_ITEMS_OUT: [], ORDER_CONDITIONS_OUT: [], ORDER_FLOWS_OUT: [], ORDER_STATUSHEADERS_OUT: [],
    });

  it('returns only the parts the view asks for', async () => {
    const headerOnly = await read({ HEADER: 'X' });
    expect(tableOf(headerOnly, 'ORDER_HEADERS_OUT')).toEqual([expect.objectContaining({ DOC_NUMBER: billed.VBELN, SD_DOC_CAT: 'C', TRAN_GROUP: '0' })]);
    expect(tableOf(headerOnly, 'ORDER_ITEMS_OUT')).toEqual([]);
    expect(tableOf(headerOnly, 'ORDER_CONDITIONS_OUT')).toEqual([]);
    const conditions = await read({ SDCOND: 'X' });
    expect(tableOf(conditions, 'ORDER_HEADERS_OUT')).toEqual([]);
    const konv = ecc.db.table('KONV').select({ KNUMV: billed.KNUMV! });
    expect(tableOf(conditions, 'ORDER_CONDITIONS_OUT').map((c) => [c.ITM_NUMBER, c.COND_TYPE, Number(c.CONDVALUE)])).toEqual(konv.map((k) => [k.KPOSN, k.KSCHL, Number(k.KWERT)]));
    const percentage = tableOf(conditions, 'ORDER_CONDITIONS_OUT').find((c) => c.COND_TYPE === 'MWST')!;
    expect(Number(percentage.COND_VALUE)).toBeCloseTo(Number(konv.find((k) => k.KSCHL === 'MWST')!.KBETR) / 10, 6);
  });

  it('gives the flow in both directions and the status fields by their component names', async () => {
    const result = await read({ FLOW: 'X', STATUS_H: 'X' });
    const flows = tableOf(result, 'ORDER_FLOWS_OUT');
    expect(flows.every((f) => f.SD_DOC === billed.VBELN)).toBe(true);
    expect(flows.some((f) => f.PRECSDDOC === billed.VBELN && f.DOCCATEGOR === 'J')).toBe(true);
    expect(flows.some((f) => f.PRECSDDOC === billed.VBELN && f.DOCCATEGOR === 'M')).toBe(true);
    const vbuk = ecc.db.table('VBUK').get({ VBELN: billed.VBELN! })!;
    expect(tableOf(result, 'ORDER_STATUSHEADERS_OUT')).toEqual([
      expect.objectContaining({ SD_DOC: billed.VBELN, DLV_STAT_H: vbuk.LFGSK, DELIV_STAT: vbuk.LFSTK, PRC_STAT_H: vbuk.GBSTK, BILLSTATUS: '', TOTSTATCCH: vbuk.CMGST }),
    ]);
  });
});
