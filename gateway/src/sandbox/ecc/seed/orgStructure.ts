/**
 * Customizing of the sandbox company (an industrial pump and drive maker, IDES-like): company
 * codes, credit control areas, sales organisations, distribution channels, divisions, valid
 * sales areas, sales document types, payment terms, exchange rates, carriers and the number
 * range intervals documents and master data are numbered from.
 */

import { languageKeys } from '../addressCustomizing.js';
import { insertAll, pad, type SeedContext } from './context.js';

export interface SalesOrganization {
  salesOrg: string;
  companyCode: string;
  creditControlArea: string;
  country: string;
  currency: string;
  plant: string;
  shippingPoint: string;
  language: string;
}

export const SALES_ORGANIZATIONS: SalesOrganization[] = [
  { salesOrg: '1000', companyCode: '1000', creditControlArea: '1000', country: 'DE', currency: 'EUR', plant: '1000', shippingPoint: '1000', language: 'D' },
  { salesOrg: '3000', companyCode: '3000', creditControlArea: '3000', country: 'US', currency: 'USD', plant: '3000', shippingPoint: '3000', language: 'E' },
];

/** Valid sales areas (TVTA): sales organisation, distribution channel, division. */
export const SALES_AREAS: [string, string, string][] = [
  ['1000', '10', '01'],
  ['1000', '10', '02'],
  ['1000', '12', '01'],
  ['3000', '10', '01'],
  ['3000', '10', '02'],
];

/** Payment terms: key, net days, cash discounts [days, percent], English text. */
/** Payment terms with their texts in English and German (T052U; NT60 has no German text, as translations are often incomplete). */
export const PAYMENT_TERMS: { key: string; netDays: number; discounts: [number, number][]; text: string; textDe?: string }[] = [
  { key: '0001', netDays: 0, discounts: [], text: 'Payable immediately Due net', textDe: 'Sofort zahlbar ohne Abzug' },
  { key: '0002', netDays: 30, discounts: [[14, 2]], text: 'Within 14 days 2 % cash discount, within 30 days due net', textDe: 'Bis 14 Tage 2 % Skonto, bis 30 Tage netto' },
  { key: '0003', netDays: 30, discounts: [[14, 3], [20, 2]], text: 'Within 14 days 3 % cash discount, within 20 days 2 %, within 30 days due net', textDe: 'Bis 14 Tage 3 %, bis 20 Tage 2 %, 30 Tage netto' },
  { key: 'NT30', netDays: 30, discounts: [], text: 'Within 30 days due net', textDe: 'Bis 30 Tage netto' },
  { key: 'NT60', netDays: 60, discounts: [], text: 'Within 60 days due net' },
];

export const CARRIERS: { vendor: string; name: string; city: string; country: string; trackingPrefix: string }[] = [
  { vendor: '0000050000', name: 'DHL Freight GmbH', city: 'Bonn', country: 'DE', trackingPrefix: 'JJD' },
  { vendor: '0000050001', name: 'DB Schenker', city: 'Essen', country: 'DE', trackingPrefix: 'SCH' },
  { vendor: '0000050002', name: 'UPS Supply Chain', city: 'Atlanta', country: 'US', trackingPrefix: '1Z' },
  { vendor: '0000050003', name: 'FedEx Freight', city: 'Memphis', country: 'US', trackingPrefix: 'FX' },
];

/** Sales document types (internal codes; over RFC there is no AUART conversion). */
export const DOCUMENT_TYPES = [
  { type: 'AF', category: 'A', numberRange: '11', text: 'Inquiry', textDe: 'Anfrage' },
  { type: 'AG', category: 'B', numberRange: '12', text: 'Quotation', textDe: 'Angebot' },
  { type: 'TA', category: 'C', numberRange: '01', text: 'Standard Order', textDe: 'Terminauftrag' },
];

/** Number range intervals (NRIV): object, interval, from, to. Levels are set after the data is seeded. */
export const NUMBER_RANGES: { object: string; interval: string; subobject?: string; year?: string; from: string; to: string }[] = [
  { object: 'DEBITOR', interval: '01', from: '0000001000', to: '0000999999' },
  { object: 'PARTNER', interval: '01', from: '0000000001', to: '9999999999' },
  { object: 'ADRNR', interval: '01', from: '0000000001', to: '9999999999' },
  { object: 'RV_BELEG', interval: '01', from: '0000005000', to: '0009999999' },
  { object: 'RV_BELEG', interval: '11', from: '0010000000', to: '0019999999' },
  { object: 'RV_BELEG', interval: '12', from: '0020000000', to: '0029999999' },
  { object: 'RV_BELEG', interval: '17', from: '0080000000', to: '0089999999' },
  { object: 'RV_BELEG', interval: '19', from: '0090000000', to: '0099999999' },
  { object: 'KONV', interval: '01', from: '0000000001', to: '9999999999' },
  { object: 'KONH', interval: '01', from: '0000000001', to: '9999999999' },
  { object: 'CHANGEDOCU', interval: '01', from: '0000000001', to: '9999999999' },
];

/** FI document numbers per company code and fiscal year (object RF_BELEG, interval 00). */
export function accountingNumberRange(companyCode: string, year: number): (typeof NUMBER_RANGES)[number] {
  return { object: 'RF_BELEG', interval: '00', subobject: companyCode, year: pad(year, 4), from: '0100000000', to: '0199999999' };
}

export function seedOrgStructure({ db, today }: SeedContext): void {
  insertAll(db, 'T001', [
    { BUKRS: '1000', BUTXT: 'ecc365 Pumpen GmbH', ORT01: 'Hamburg', LAND1: 'DE', WAERS: 'EUR', SPRAS: 'D' },
    { BUKRS: '3000', BUTXT: 'ecc365 Pumps Inc.', ORT01: 'Chicago', LAND1: 'US', WAERS: 'USD', SPRAS: 'E' },
  ]);
  insertAll(db, 'T014', [
    { KKBER: '1000', WAERS: 'EUR', KLIMK: '50000.00' },
    { KKBER: '3000', WAERS: 'USD', KLIMK: '50000.00' },
  ]);
  for (const org of SALES_ORGANIZATIONS) {
    db.table('TVKO').insert({ VKORG: org.salesOrg, WAERS: org.currency, BUKRS: org.companyCode });
  }
  insertAll(db, 'TVKOT', [
    { SPRAS: 'E', VKORG: '1000', VTEXT: 'Germany Hamburg' },
    { SPRAS: 'D', VKORG: '1000', VTEXT: 'Deutschland Hamburg' },
    { SPRAS: 'E', VKORG: '3000', VTEXT: 'USA Chicago' },
    { SPRAS: 'D', VKORG: '3000', VTEXT: 'USA Chicago' },
  ]);
  insertAll(db, 'TVTW', [{ VTWEG: '10' }, { VTWEG: '12' }]);
  insertAll(db, 'TVTWT', [
    { SPRAS: 'E', VTWEG: '10', VTEXT: 'Final customer sales' },
    { SPRAS: 'D', VTWEG: '10', VTEXT: 'Endkundenverkauf' },
    { SPRAS: 'E', VTWEG: '12', VTEXT: 'Sold for resale' },
    { SPRAS: 'D', VTWEG: '12', VTEXT: 'Wiederverkäufer' },
  ]);
  insertAll(db, 'TSPA', [{ SPART: '01' }, { SPART: '02' }]);
  insertAll(db, 'TSPAT', [
    { SPRAS: 'E', SPART: '01', VTEXT: 'Pumps' },
    { SPRAS: 'D', SPART: '01', VTEXT: 'Pumpen' },
    { SPRAS: 'E', SPART: '02', VTEXT: 'Drives' },
    { SPRAS: 'D', SPART: '02', VTEXT: 'Antriebe' },
  ]);
  for (const [salesOrg, channel, division] of SALES_AREAS) {
    const org = SALES_ORGANIZATIONS.find((o) => o.salesOrg === salesOrg)!;
    db.table('TVTA').insert({ VKORG: salesOrg, VTWEG: channel, SPART: division, KKBER: org.creditControlArea });
  }
  for (const docType of DOCUMENT_TYPES) {
    db.table('TVAK').insert({ AUART: docType.type, VBTYP: docType.category, NUMKI: docType.numberRange });
    db.table('TVAKT').insert({ SPRAS: 'E', AUART: docType.type, BEZEI: docType.text });
    db.table('TVAKT').insert({ SPRAS: 'D', AUART: docType.type, BEZEI: docType.textDe });
  }
  for (const terms of PAYMENT_TERMS) {
    const [first, second] = terms.discounts;
    db.table('T052').insert({
      ZTERM: terms.key,
      ZTAGG: '00',
      ZTAG1: pad(first?.[0] ?? terms.netDays, 3),
      ZPRZ1: (first?.[1] ?? 0).toFixed(3),
      ZTAG2: pad(second?.[0] ?? (first ? terms.netDays : 0), 3),
      ZPRZ2: (second?.[1] ?? 0).toFixed(3),
      ZTAG3: pad(second ? terms.netDays : 0, 3),
    });
    db.table('T052U').insert({ SPRAS: 'E', ZTERM: terms.key, ZTAGG: '00', TEXT1: terms.text });
    if (terms.textDe) db.table('T052U').insert({ SPRAS: 'D', ZTERM: terms.key, ZTAGG: '00', TEXT1: terms.textDe });
  }
  insertAll(db, 'T002', languageKeys().map(({ spras, iso }) => ({ SPRAS: spras, LAISO: iso })));
  // Exchange rates, type M; GDATU is the inverted date (99999999 - YYYYMMDD) SAP sorts by.
  const validFrom = `${today.getUTCFullYear()}0101`;
  const inverted = String(99999999 - Number(validFrom));
  insertAll(db, 'TCURR', [
    { KURST: 'M', FCURR: 'EUR', TCURR: 'USD', GDATU: inverted, UKURS: '1.08000', FFACT: '1', TFACT: '1' },
    { KURST: 'M', FCURR: 'USD', TCURR: 'EUR', GDATU: inverted, UKURS: '0.92593', FFACT: '1', TFACT: '1' },
    { KURST: 'M', FCURR: 'EUR', TCURR: 'GBP', GDATU: inverted, UKURS: '0.85000', FFACT: '1', TFACT: '1' },
    { KURST: 'M', FCURR: 'EUR', TCURR: 'CHF', GDATU: inverted, UKURS: '0.95000', FFACT: '1', TFACT: '1' },
  ]);
  for (const carrier of CARRIERS) {
    db.table('LFA1').insert({ LIFNR: carrier.vendor, LAND1: carrier.country, NAME1: carrier.name, ORT01: carrier.city, KTOKK: 'LIEF' });
  }
  const years = [today.getUTCFullYear() - 1, today.getUTCFullYear()];
  const ranges = [...NUMBER_RANGES, ...SALES_ORGANIZATIONS.flatMap((o) => years.map((y) => accountingNumberRange(o.companyCode, y)))];
  for (const range of ranges) {
    db.table('NRIV').insert({
      OBJECT: range.object,
      SUBOBJECT: range.subobject ?? '',
      NRRANGENR: range.interval,
      TOYEAR: range.year ?? '0000',
      FROMNUMBER: range.from,
      TONUMBER: range.to,
      NRLEVEL: '',
      EXTERNIND: '',
    });
  }
}
