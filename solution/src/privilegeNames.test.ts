import { describe, expect, it } from 'vitest';
import { parseTablePrivilege, tablePrivilege } from './privilegeNames.js';

describe('privilege names', () => {
  it('names a table\'s privilege by its schema name, or by the name Dataverse gives its privileges', () => {
    expect(tablePrivilege('Create', { logicalName: 'ecc_syncresult', schemaName: 'ecc_SyncResult' })).toBe('prvCreateecc_SyncResult');
    expect(tablePrivilege('Read', { logicalName: 'account', schemaName: 'Account' })).toBe('prvReadAccount');
    expect(tablePrivilege('Read', { logicalName: 'salesorder', schemaName: 'SalesOrder' })).toBe('prvReadOrder');
    expect(tablePrivilege('Write', { logicalName: 'quotedetail', schemaName: 'QuoteDetail' })).toBe('prvWriteQuote');
    expect(tablePrivilege('Read', { logicalName: 'systemuser', schemaName: 'SystemUser' })).toBe('prvReadUser');
  });

  it('reads the access and table part of a privilege, AppendTo before Append, and nothing of a privilege of no table', () => {
    expect(parseTablePrivilege('prvAppendToAccount')).toEqual({ access: 'AppendTo', tableName: 'Account' });
    expect(parseTablePrivilege('prvAppendecc_Delivery')).toEqual({ access: 'Append', tableName: 'ecc_Delivery' });
    expect(parseTablePrivilege('prvActOnBehalfOfAnotherUser')).toBeUndefined();
  });
});
