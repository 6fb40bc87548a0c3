import { describe, expect, it } from 'vitest';
import { formRecordOf } from './formRecord';

function mode(contextInfo: unknown): ComponentFramework.Mode {
  return { contextInfo } as unknown as ComponentFramework.Mode;
}

describe('form record', () => {
  it('reads the table and id from contextInfo, as Dynamics 365 passes them (braces, capitals)', () => {
    expect(formRecordOf(mode({ entityTypeName: 'account', entityId: '{3F2A1B4C-5D6E-4F70-8A9B-0C1D2E3F4A5B}' }))).toEqual({
      table: 'account',
      id: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    });
  });

  it('has no record on a new form, or where the host passes no contextInfo', () => {
    expect(formRecordOf(mode({ entityTypeName: 'account', entityId: '' }))).toBeUndefined();
    expect(formRecordOf(mode(undefined))).toBeUndefined();
    expect(formRecordOf(mode({ entityTypeName: 'account', entityId: 'not-a-guid' }))).toBeUndefined();
  });
});
