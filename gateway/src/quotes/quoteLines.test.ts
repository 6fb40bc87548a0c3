import { describe, expect, it } from 'vitest';
import type { Material } from '../model/material.js';
import { QuoteError } from './errors.js';
import { linkedCustomerOf, sapLinesOf, sellabilityProblem, type SapLine } from './quoteLines.js';
import type { QuoteForSap, QuoteLine } from './quoteRecords.js';
import { customerReferenceOf, idempotencyKeyOf, submissionOfKey } from './submissionKeys.js';

const line = (position: number, overrides: Partial<QuoteLine> = {}): QuoteLine => ({
  quoteDetailId: `00000000-0000-4000-8000-00000000000${position}`,
  position,
  product: { id: 'p', name: `Pump ${position}`, materialNumber: '100001', defaultUnitId: 'unit-st' },
  label: `Pump ${position}`,
  quantity: 2,
  unitId: 'unit-st',
  unitName: 'ST',
  requestedDate: '',
  ...overrides,
});

const quote = (overrides: Partial<QuoteForSap> = {}): QuoteForSap => ({
  id: '7d0f3c52-1111-4a2b-9c3d-0123456789ab',
  quoteNumber: 'QUO-01001-B2C3D4',
  revision: 0,
  name: 'Pumps',
  state: 'active',
  approvalValue: undefined,
  account: { accountId: 'a', name: 'Nordwind Pumpen GmbH', customerNumber: '0000001000', salesOrganization: '1000', distributionChannel: '10', division: '01' },
  currency: 'EUR',
  requestedDeliveryDate: '',
  validFrom: '',
  validTo: '',
  sapDocument: { number: '', category: '', status: '' },
  sapQuotationNumber: '',
  lines: [line(1), line(2)],
  ...overrides,
});

const material = (overrides: Partial<Material> = {}): Material => ({
  materialNumber: '100001',
  description: 'Pump',
  materialType: 'FERT',
  materialGroup: '001',
  baseUnit: 'ST',
  division: '01',
  grossWeight: 1,
  netWeight: 1,
  weightUnit: 'KG',
  markedForDeletion: false,
  units: [{ unit: 'ST', numerator: 1, denominator: 1, ean: '' }, { unit: 'PAL', numerator: 8, denominator: 1, ean: '' }],
  salesData: [{ salesOrganization: '1000', distributionChannel: '10', salesStatus: '', deliveringPlant: '1000', itemCategoryGroup: 'NORM', materialPriceGroup: '01' }],
  ...overrides,
});

const salesArea = { salesOrganization: '1000', distributionChannel: '10', division: '01' };
const sapLine = (overrides: Partial<SapLine> = {}): SapLine => ({ line: line(3), materialNumber: '100001', quantity: 2, unit: undefined, ...overrides });

function refusal(run: () => unknown): QuoteError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuoteError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the account a quote goes to SAP for', () => {
  it('is the SAP customer in the sales area the account holds', () => {
    expect(linkedCustomerOf(quote())).toEqual({ customerNumber: '0000001000', salesArea });
  });

  it('refuses a contact as customer, and an account without customer number or sales area, saying what is missing', () => {
    expect(refusal(() => linkedCustomerOf(quote({ account: undefined }))).code).toBe('ACCOUNT_NOT_LINKED');
    const unlinked = refusal(() => linkedCustomerOf(quote({ account: { accountId: 'a', name: 'Nordwind', customerNumber: '', salesOrganization: '1000' } })));
    expect(unlinked.code).toBe('ACCOUNT_NOT_LINKED');
    expect(unlinked.message).toContain('SAP customer number, distribution channel, division');
    expect(unlinked.details).toMatchObject({ missing: ['SAP customer number', 'distribution channel', 'division'] });
  });
});

describe('the lines a quote sends to SAP', () => {
  it('maps every line to its material and quantity; a line in the product\'s default unit goes without a unit', () => {
    const lines = sapLinesOf(quote({ lines: [line(1), line(2, { unitId: 'unit-pal', unitName: 'PAL ', quantity: 0.5 })] }));
    expect(lines.map((l) => [l.materialNumber, l.quantity, l.unit])).toEqual([['100001', 2, undefined], ['100001', 0.5, 'PAL']]);
  });

  it('refuses, naming the line, a write-in line, a product without material number and a quantity of 0', () => {
    const writeIn = refusal(() => sapLinesOf(quote({ lines: [line(1), line(2, { product: undefined, label: 'Installation' })] })));
    expect([writeIn.code, writeIn.message.startsWith('Line 2 (Installation)'), writeIn.details.line]).toEqual([
      'LINE_WITHOUT_PRODUCT', true, { quoteDetailId: line(2).quoteDetailId, position: 2, product: 'Installation' },
    ]);
    const unlinked = refusal(() => sapLinesOf(quote({ lines: [line(1, { product: { id: 'p', name: 'Seal kit', materialNumber: '', defaultUnitId: 'u' }, label: 'Seal kit' })] })));
    expect([unlinked.code, unlinked.message]).toEqual(['PRODUCT_WITHOUT_MATERIAL', expect.stringMatching(/^Line 1 \(Seal kit\): product Seal kit has no SAP material number/)]);
    expect(refusal(() => sapLinesOf(quote({ lines: [line(1, { quantity: 0 })] }))).code).toBe('LINE_QUANTITY_INVALID');
    expect(refusal(() => sapLinesOf(quote({ lines: [] }))).code).toBe('QUOTE_HAS_NO_LINES');
  });
});

describe('whether SAP sells a line\'s material in the sales area', () => {
  it('accepts a material with an unblocked sales view in the sales organisation and channel, in a unit SAP knows for it', () => {
    expect(sellabilityProblem(sapLine(), material(), salesArea)).toBeUndefined();
    expect(sellabilityProblem(sapLine({ materialNumber: '000000000000100001', unit: 'pal' }), material(), salesArea)).toBeUndefined();
  });

  it.each([
    ['no such material', undefined, {}, 'MATERIAL_NOT_FOUND', /SAP has no material 100001/],
    ['marked for deletion', material({ markedForDeletion: true }), {}, 'MATERIAL_NOT_SELLABLE', /marked for deletion/],
    ['no sales view in the channel', material({ salesData: [{ ...material().salesData[0]!, distributionChannel: '12' }] }), {}, 'MATERIAL_NOT_SELLABLE', /not sold in the account's sales area \(sales organization 1000, distribution channel 10\)/],
    ['blocked for sales', material({ salesData: [{ ...material().salesData[0]!, salesStatus: '02' }] }), {}, 'MATERIAL_NOT_SELLABLE', /blocked for sales .* \(SAP sales status 02\)/],
    ['a unit SAP does not know for it', material(), { unit: 'Box' }, 'UNIT_NOT_MAPPED', /unit "Box" is not a unit of material 100001 in SAP \(ST, PAL\)/],
  ] as const)('refuses %s, naming the line', (_case, found, change, code, message) => {
    const problem = sellabilityProblem(sapLine(change), found, salesArea);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toMatch(/^Line 3 \(Pump 3\): /);
    expect(problem?.message).toMatch(message);
  });
});

describe('the names that make a submission idempotent', () => {
  it('keys a submission by quote and category, and reads the key back', () => {
    const key = idempotencyKeyOf('7D0F3C52-1111-4A2B-9C3D-0123456789AB', 'order');
    expect(key).toBe('quote-submit-order-7d0f3c52-1111-4a2b-9c3d-0123456789ab');
    expect(submissionOfKey(key)).toEqual({ quoteId: '7d0f3c52-1111-4a2b-9c3d-0123456789ab', category: 'order' });
    expect(submissionOfKey('customer-sync-1000')).toBeUndefined();
  });

  it('gives SAP the quote number as customer reference, a revision its own, and the quote id when the number does not fit', () => {
    expect(customerReferenceOf(quote())).toBe('QUO-01001-B2C3D4');
    expect(customerReferenceOf(quote({ revision: 2 }))).toBe('QUO-01001-B2C3D4/2');
    expect(customerReferenceOf(quote({ quoteNumber: 'Q'.repeat(40) }))).toBe('7D0F3C5211114A2B9C3D0123456789AB');
  });
});
