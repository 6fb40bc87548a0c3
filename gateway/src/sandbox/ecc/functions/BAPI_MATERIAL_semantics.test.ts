/** SAP behaviour of the simulated material BAPIs that the gateway's wrappers never provoke, called directly. */

import { describe, expect, it } from 'vitest';
import { createInProcessRfcClient } from '../../../sap/transports/inProcess.js';
import { createTestEcc, SANDBOX_USER } from '../../../sap/testing/transports.js';

describe('BAPI_MATERIAL_GETLIST and BAPI_MATERIAL_GET_DETAIL', () => {
  const { ecc, seeded } = createTestEcc();
  const client = createInProcessRfcClient(ecc, { ...SANDBOX_USER, timeoutMs: 5_000 });
  const numeric = seeded.materials.find((m) => /^\d+$/.test(m.materialNumber))!.materialNumber;

  it('take material numbers in internal format (MATN1 runs at the caller)', async () => {
    const unpadded = numeric.replace(/^0+/, '');
    const list = await client.call('BAPI_MATERIAL_GETLIST', { MATNRSELECTION: [{ SIGN: 'I', OPTION: 'EQ', MATNR_LOW: unpadded }], MATNRLIST: [] });
    expect(list.MATNRLIST).toEqual([]);
    const padded = await client.call('BAPI_MATERIAL_GETLIST', { MATNRSELECTION: [{ SIGN: 'I', OPTION: 'EQ', MATNR_LOW: numeric }], MATNRLIST: [] });
    expect(padded.MATNRLIST).toEqual([expect.objectContaining({ MATERIAL: numeric })]);
    const detail = await client.call('BAPI_MATERIAL_GET_DETAIL', { MATERIAL: unpadded });
    expect(detail.RETURN).toMatchObject({ TYPE: 'E', CODE: 'M3305' });
  });

  it('reports an invalid range row in RETURN, naming the selection', async () => {
    const result = await client.call('BAPI_MATERIAL_GETLIST', { SALESORGANISATIONSELECTION: [{ SIGN: 'I', OPTION: 'ZZ', SALESORG_LOW: '1000' }] });
    expect(result.RETURN).toEqual([expect.objectContaining({ TYPE: 'E', ID: 'S&', NUMBER: '027', PARAMETER: 'SALESORGANISATIONSELECTION' })]);
  });

  it('stops at MAXROWS and lists all with 0', async () => {
    const bounded = await client.call('BAPI_MATERIAL_GETLIST', { MAXROWS: 7, MATNRLIST: [] });
    expect(bounded.MATNRLIST).toHaveLength(7);
    const all = await client.call('BAPI_MATERIAL_GETLIST', { MATNRLIST: [] });
    expect(all.MATNRLIST).toHaveLength(ecc.db.table('MARA').size);
  });
});
