import { describe, expect, it } from 'vitest';
import type { ColumnModel, ControlPropertyModel } from '../shared/pageModel.js';
import { DE_DE, EN_US } from './cultures.js';
import { createFormatting } from './formatting.js';
import { buildParameters, columnValueOfOutput } from './parameters.js';
import { displayValue, readColumnValue, type Row } from './values.js';

const column = (logicalName: string, type: string, extra: Partial<ColumnModel> = {}): ColumnModel => ({
  logicalName,
  type,
  label: logicalName,
  requiredLevel: 'None',
  editable: true,
  ...extra,
});

const COLUMNS: Record<string, ColumnModel> = {
  ecc_customernumber: column('ecc_customernumber', 'String', { label: 'SAP customer', maxLength: 10, requiredLevel: 'Recommended' }),
  totalamount: column('totalamount', 'Money', { precision: 2, editable: false }),
  effectivefrom: column('effectivefrom', 'DateTime', { format: 'DateOnly', dateTimeBehavior: 'UserLocal' }),
  modifiedon: column('modifiedon', 'DateTime', { format: 'DateAndTime', dateTimeBehavior: 'UserLocal' }),
  statecode: column('statecode', 'State', { options: [{ value: 0, label: 'Draft' }, { value: 1, label: 'Active' }] }),
  customerid: column('customerid', 'Customer', { targets: ['account', 'contact'] }),
  willcall: column('willcall', 'Boolean', { options: [{ value: 0, label: 'Address' }, { value: 1, label: 'Will Call' }] }),
};

const QUOTE: Row = {
  quoteid: '5f0c1a2b-0000-4000-8000-000000000001',
  ecc_customernumber: '0000100001',
  totalamount: 12345.5,
  'totalamount@OData.Community.Display.V1.FormattedValue': '€12,345.50',
  effectivefrom: '2024-03-05',
  modifiedon: '2024-03-05T13:07:00Z',
  statecode: 1,
  'statecode@OData.Community.Display.V1.FormattedValue': 'Active',
  _customerid_value: '8a1b2c3d-0000-4000-8000-000000000002',
  '_customerid_value@OData.Community.Display.V1.FormattedValue': 'Hanse Pumpen GmbH',
  '_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account',
  willcall: false,
};

const bound = (name: string, ofType: string, columnName: string): ControlPropertyModel => ({ name, ofType, usage: 'bound', required: true, column: columnName });

describe('context.parameters from the form record', () => {
  /** row null: the record could not be read. */
  const parameters = ({ formatting = createFormatting(EN_US), row = QUOTE, readOnly = false }: { formatting?: ComponentFramework.Formatting; row?: Row | null; readOnly?: boolean } = {}) =>
    buildParameters({
      properties: [
        bound('customerNumber', 'SingleLine.Text', 'ecc_customernumber'),
        bound('total', 'Currency', 'totalamount'),
        bound('validFrom', 'DateAndTime.DateOnly', 'effectivefrom'),
        bound('state', 'OptionSet', 'statecode'),
        bound('customer', 'Lookup.Customer', 'customerid'),
        bound('willCall', 'TwoOptions', 'willcall'),
        { name: 'pageSize', ofType: 'Whole.None', usage: 'input', required: false, staticValue: '25' },
        { name: 'mode', ofType: 'Enum', usage: 'input', required: false, staticValue: 'compact' },
        { name: 'result', ofType: 'SingleLine.Text', usage: 'output', required: false },
      ],
      columns: COLUMNS,
      row: row ?? undefined,
      formatting,
      currencySymbol: '€',
      readOnly,
    });

  it('gives each bound property its column value in the manifest type, formatted as the form shows it', () => {
    const p = parameters();
    expect(p.customerNumber).toMatchObject({ raw: '0000100001', formatted: '0000100001', type: 'SingleLine.Text', error: false });
    expect(p.total).toMatchObject({ raw: 12345.5, formatted: '€12,345.50' });
    expect(p.validFrom!.raw).toEqual(new Date(2024, 2, 5));
    expect(p.validFrom!.formatted).toBe('3/5/2024');
    expect(p.state).toMatchObject({ raw: 1, formatted: 'Active' });
    expect(p.customer!.raw).toEqual([{ id: '8a1b2c3d-0000-4000-8000-000000000002', entityType: 'account', name: 'Hanse Pumpen GmbH' }]);
    expect(p.willCall).toMatchObject({ raw: false, formatted: 'Address' });
  });

  it('formats with the user formats: German users see German amounts and dates', () => {
    const p = parameters({ formatting: createFormatting(DE_DE) });
    expect(p.total!.formatted).toBe('12.345,50 €');
    expect(p.validFrom!.formatted).toBe('05.03.2024');
  });

  it('describes the bound column as PCF field metadata', () => {
    expect(parameters().customerNumber!.attributes).toMatchObject({ DisplayName: 'SAP customer', LogicalName: 'ecc_customernumber', RequiredLevel: 3, MaxLength: 10 });
    expect(parameters().state!.attributes).toMatchObject({ Options: [{ Label: 'Draft', Value: 0, Color: '' }, { Label: 'Active', Value: 1, Color: '' }] });
  });

  it('gives input properties their static value in the manifest type, and leaves output properties out', () => {
    const p = parameters();
    expect(p.pageSize!.raw).toBe(25);
    expect(p.mode!.raw).toBe('compact');
    expect(p).not.toHaveProperty('result');
  });

  it('says a property is not editable on a read-only form or a read-only column, and not readable without a record', () => {
    expect(parameters().customerNumber!.security).toEqual({ editable: true, readable: true, secured: false });
    expect(parameters({ readOnly: true }).customerNumber!.security!.editable).toBe(false);
    expect(parameters().total!.security!.editable).toBe(false);
    const unread = parameters({ row: null });
    expect(unread.customerNumber).toMatchObject({ raw: null, formatted: '' });
    expect(unread.customerNumber!.security!.readable).toBe(false);
    expect(unread.customer!.raw).toEqual([]);
  });

  it('names a lookup property target table', () => {
    const customer = parameters().customer as ComponentFramework.PropertyTypes.LookupProperty;
    expect(customer.getTargetEntityType()).toBe('account');
  });
});

describe('form field values', () => {
  it('shows date-and-time values in the user formats and choices by their label', () => {
    const formatting = createFormatting(EN_US);
    const modified = new Date('2024-03-05T13:07:00Z');
    expect(displayValue(COLUMNS.modifiedon!, readColumnValue(QUOTE, COLUMNS.modifiedon!), formatting, undefined)).toBe(formatting.formatDateShort(modified, true));
    expect(displayValue(COLUMNS.statecode!, readColumnValue({ statecode: 0 }, COLUMNS.statecode!), formatting, undefined)).toBe('Draft');
    expect(displayValue(COLUMNS.ecc_customernumber!, readColumnValue({}, COLUMNS.ecc_customernumber!), formatting, undefined)).toBe('');
  });
});

describe('control outputs back into columns', () => {
  it('takes a value that fits the column and refuses one that does not', () => {
    expect(columnValueOfOutput(COLUMNS.ecc_customernumber!, '0000100002')).toBe('0000100002');
    expect(columnValueOfOutput(COLUMNS.ecc_customernumber!, 42)).toBeUndefined();
    expect(columnValueOfOutput(COLUMNS.totalamount!, 10.5)).toBe(10.5);
    expect(columnValueOfOutput(COLUMNS.effectivefrom!, new Date(2024, 11, 24))).toBe('2024-12-24');
    expect(columnValueOfOutput(COLUMNS.modifiedon!, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05Z');
    expect(columnValueOfOutput(COLUMNS.willcall!, true)).toBe(true);
    expect(columnValueOfOutput(COLUMNS.customerid!, [{ id: 'x' }])).toBeUndefined();
    expect(columnValueOfOutput(COLUMNS.ecc_customernumber!, null)).toBeNull();
  });
});
