import { describe, expect, it } from 'vitest';
import { fromSapInstant, itemKey, midpoint, objectChangesOf, plusOneSecond, sortHeaders, toSapInstant } from './changeDocumentMapping.js';

describe('SAP instants', () => {
  it('convert between the model and DATS/TIMS', () => {
    expect(toSapInstant({ date: '2026-11-27', time: '08:05:09' })).toEqual({ date: '20261127', time: '080509' });
    expect(fromSapInstant({ date: '20261127', time: '000000' })).toEqual({ date: '2026-11-27', time: '00:00:00' });
  });

  it('step and halve across days, months and years', () => {
    expect(plusOneSecond({ date: '20261231', time: '235959' })).toEqual({ date: '20270101', time: '000000' });
    expect(midpoint({ date: '20261101', time: '000000' }, { date: '20261103', time: '000000' })).toEqual({ date: '20261102', time: '000000' });
    expect(midpoint({ date: '20261127', time: '100000' }, { date: '20261127', time: '100001' })).toEqual({ date: '20261127', time: '100000' });
  });
});

describe('sortHeaders', () => {
  it('orders by date and time, and by change number within a second', () => {
    const headers = [
      { CHANGENR: '0000000009', UDATE: '20261127', UTIME: '100000' },
      { CHANGENR: '0000000003', UDATE: '20261127', UTIME: '100000' },
      { CHANGENR: '0000000001', UDATE: '20261128', UTIME: '000000' },
      { CHANGENR: '0000000007', UDATE: '20261126', UTIME: '235959' },
    ];
    expect(sortHeaders(headers).map((h) => h.CHANGENR)).toEqual(['0000000007', '0000000003', '0000000009', '0000000001']);
  });
});

describe('objectChangesOf', () => {
  const header = (changeNumber: string, objectId: string, time: string, indicator = 'U') => ({
    OBJECTID: objectId, CHANGENR: changeNumber, USERNAME: 'ECC365', UDATE: '20261127', UTIME: time, TCODE: 'XD02', CHANGE_IND: indicator,
  });

  it('groups documents per object in the order of their oldest change and joins old and new values', () => {
    const headers = [header('0000000001', '0000001007', '090000', 'I'), header('0000000002', '0000001003', '091500'), header('0000000003', '0000001007', '093000')];
    const items = [
      { CHANGENR: '0000000001', TABNAME: 'KNA1', TABKEY: '1000000001007', FNAME: 'KEY', CHNGIND: 'I', VALUE_NEW: '' },
      { CHANGENR: '0000000002', TABNAME: 'KNA1', TABKEY: '1000000001003', FNAME: 'ORT01', CHNGIND: 'U', VALUE_NEW: 'Kiel' },
      { CHANGENR: '0000000003', TABNAME: 'KNVV', TABKEY: '10000000010071000100', FNAME: 'WAERS', CHNGIND: 'U', VALUE_NEW: 'CHF' },
    ];
    const oldValues = new Map([[itemKey(items[1]!), 'Hamburg'], [itemKey(items[2]!), 'EUR']]);
    const objects = objectChangesOf('DEBI', headers, items, oldValues);
    expect(objects.map((o) => [o.objectId, o.documents.map((d) => d.changeNumber)])).toEqual([
      ['1007', ['0000000001', '0000000003']],
      ['1003', ['0000000002']],
    ]);
    expect(objects[0]!.documents[0]).toEqual({
      changeNumber: '0000000001', changedAt: { date: '2026-11-27', time: '09:00:00' }, changedBy: 'ECC365', transaction: 'XD02', kind: 'created',
      changes: [{ table: 'KNA1', key: '0000001007', field: '', kind: 'created', oldValue: '', newValue: '' }],
    });
    expect(objects[0]!.documents[1]!.changes).toEqual([{ table: 'KNVV', key: '00000010071000100', field: 'WAERS', kind: 'updated', oldValue: 'EUR', newValue: 'CHF' }]);
    expect(objects[1]!.documents[0]!.changes[0]).toMatchObject({ field: 'ORT01', oldValue: 'Hamburg', newValue: 'Kiel' });
  });
});
