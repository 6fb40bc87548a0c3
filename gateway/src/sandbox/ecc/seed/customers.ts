/**
 * Customer master data: sold-to customers (account group 0001) with company-code and sales
 * area data, partner functions (sold-to, ship-to, bill-to, payer, contact persons), contact
 * persons with e-mail addresses, tax classification and credit master data; some customers
 * get separate ship-to (0002) and payer (0003) accounts. A few are blocked or marked for
 * deletion, so every status a panel shows occurs.
 */

import { nextNumber } from '../numberRanges.js';
import { dats, pad, type SeedContext } from './context.js';
import {
  CITIES_DE, CITIES_US, COMPANY_STEMS, COMPANY_TRADES_DE, COMPANY_TRADES_US, DEPARTMENTS, FIRST_NAMES_DE, FIRST_NAMES_US,
  FUNCTIONS, INDUSTRIES, LAST_NAMES_DE, LAST_NAMES_US, LEGAL_FORMS_DE, LEGAL_FORMS_US, STREETS_DE, STREETS_US,
} from './names.js';
import { PAYMENT_TERMS, SALES_AREAS, SALES_ORGANIZATIONS, type SalesOrganization } from './orgStructure.js';

export interface SeededCustomer {
  customerNumber: string;
  salesOrg: SalesOrganization;
  salesAreas: [string, string, string][];
  shipTos: string[];
  payer: string;
  contacts: string[];
  blockedForOrders: boolean;
}

const INCOTERMS: [string, string][] = [['EXW', 'Works'], ['FCA', 'Free carrier'], ['DAP', 'Delivered'], ['DDP', 'Delivered duty paid'], ['CPT', 'Carriage paid']];

export function seedCustomers(context: SeedContext): SeededCustomer[] {
  const { db, options, today } = context;
  const random = context.random.fork('customers');
  const customers: SeededCustomer[] = [];
  const usedNames = new Set<string>();

  const address = (german: boolean) => {
    const [city, postalCode, region] = random.pick(german ? CITIES_DE : CITIES_US);
    const street = german ? `${random.pick(STREETS_DE)} ${random.int(1, 180)}` : `${random.int(100, 9800)} ${random.pick(STREETS_US)}`;
    return { city, postalCode, region, street };
  };

  const createAccount = (accountGroup: string, name1: string, name2: string, org: SalesOrganization, created: string, blocks: Record<string, string> = {}): { customerNumber: string; adrnr: string; domain: string } => {
    const german = org.country === 'DE';
    const customerNumber = nextNumber(db, 'DEBITOR');
    const adrnr = nextNumber(db, 'ADRNR');
    const place = address(german);
    const phonePrefix = german ? '+49 40 ' : '+1 312 ';
    db.table('KNA1').insert({
      KUNNR: customerNumber, LAND1: org.country, NAME1: name1.slice(0, 35), NAME2: name2.slice(0, 35), ORT01: place.city,
      PSTLZ: place.postalCode, REGIO: place.region, SORTL: name1.replace(/[^A-Za-zÄÖÜäöü]/g, '').toUpperCase().slice(0, 10),
      STRAS: place.street, TELF1: `${phonePrefix}${random.int(1000000, 9999999)}`, TELFX: '', ADRNR: adrnr, ERDAT: created,
      ERNAM: 'MIGRATION', KTOKD: accountGroup, STCEG: german ? `DE${random.int(100000000, 999999999)}` : '', BRSCH: random.pick(INDUSTRIES),
      SPRAS: org.language, ...blocks,
    });
    const domain = `${name1.split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, '')}${customerNumber.slice(-4)}.${german ? 'de' : 'com'}`;
    db.table('ADR6').insert({ ADDRNUMBER: adrnr, PERSNUMBER: '', CONSNUMBER: '001', FLGDEFAULT: 'X', SMTP_ADDR: `orders@${domain}` });
    return { customerNumber, adrnr, domain };
  };

  for (let i = 0; i < options.customers; i += 1) {
    const org = i % 10 < 7 ? SALES_ORGANIZATIONS[0]! : SALES_ORGANIZATIONS[1]!;
    const german = org.country === 'DE';
    const stem = random.pick(COMPANY_STEMS);
    const trade = random.pick(german ? COMPANY_TRADES_DE : COMPANY_TRADES_US);
    let name = `${stem} ${trade} ${random.pick(german ? LEGAL_FORMS_DE : LEGAL_FORMS_US)}`;
    if (usedNames.has(name)) name = `${stem} ${trade} ${random.pick(german ? CITIES_DE : CITIES_US)[0]} ${random.pick(german ? LEGAL_FORMS_DE : LEGAL_FORMS_US)}`;
    usedNames.add(name);
    const created = dats(today, -random.int(200, 4000));
    const orderBlocked = random.chance(0.03);
    const blocks: Record<string, string> = {};
    if (orderBlocked) blocks.AUFSD = '01';
    if (random.chance(0.02)) blocks.LIFSD = '01';
    if (random.chance(0.01)) blocks.FAKSD = '01';
    if (random.chance(0.01)) blocks.SPERR = 'X';
    if (random.chance(0.005)) blocks.LOEVM = 'X';
    const soldTo = createAccount('0001', name, german ? 'Einkauf' : 'Purchasing', org, created, blocks);

    const areas = SALES_AREAS.filter(([salesOrg]) => salesOrg === org.salesOrg);
    const salesAreas = areas.filter((_, index) => index === 0 || random.chance(0.4));
    const paymentTerms = random.pickWeighted([['0001', 1], ['0002', 4], ['0003', 2], ['NT30', 4], ['NT60', 1]] as const);
    const shipTos = [soldTo.customerNumber];
    if (random.chance(0.2)) {
      shipTos.push(createAccount('0002', name, german ? `Werk ${random.pick(CITIES_DE)[0]}` : `Plant ${random.pick(CITIES_US)[0]}`, org, created).customerNumber);
    }
    const payer = random.chance(0.08) ? createAccount('0003', `${stem} ${german ? 'Holding' : 'Holdings'}`, german ? 'Kreditorenbuchhaltung' : 'Accounts payable', org, created).customerNumber : soldTo.customerNumber;

    const contacts: string[] = [];
    const contactCount = random.int(1, 3);
    for (let c = 0; c < contactCount; c += 1) {
      const parnr = nextNumber(db, 'PARTNER');
      const personNumber = nextNumber(db, 'ADRNR');
      const firstName = random.pick(german ? FIRST_NAMES_DE : FIRST_NAMES_US);
      const lastName = random.pick(german ? LAST_NAMES_DE : LAST_NAMES_US);
      const role = random.int(0, DEPARTMENTS.length - 1);
      db.table('KNVK').insert({
        PARNR: parnr, KUNNR: soldTo.customerNumber, NAMEV: firstName, NAME1: lastName, ANRED: random.chance(0.5) ? (german ? 'Frau' : 'Ms.') : german ? 'Herr' : 'Mr.',
        ABTNR: DEPARTMENTS[role]!, PAFKT: FUNCTIONS[role]!, TELF1: `${german ? '+49 40 ' : '+1 312 '}${random.int(1000000, 9999999)}`,
        PRSNR: personNumber, SORTL: lastName.toUpperCase().slice(0, 10), ERDAT: created,
      });
      const mailbox = `${firstName}.${lastName}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
      db.table('ADR6').insert({ ADDRNUMBER: soldTo.adrnr, PERSNUMBER: personNumber, CONSNUMBER: '001', FLGDEFAULT: 'X', SMTP_ADDR: `${mailbox}@${soldTo.domain}` });
      contacts.push(parnr);
    }

    const [incoterms, incotermsText] = random.pick(INCOTERMS);
    for (const [salesOrg, channel, division] of salesAreas) {
      for (const customerNumber of new Set([soldTo.customerNumber, ...shipTos.slice(1), payer])) {
        db.table('KNVV').insert({
          KUNNR: customerNumber, VKORG: salesOrg, VTWEG: channel, SPART: division, ERDAT: created, KDGRP: random.pick(['01', '02', '03']),
          BZIRK: german ? pad(random.int(1, 6), 6) : `US${pad(random.int(1, 4), 4)}`, VKBUR: german ? '1000' : '3000', VKGRP: pad(random.int(100, 103), 3),
          WAERS: org.currency, KALKS: '1', ZTERM: paymentTerms, INCO1: incoterms, INCO2: incotermsText, VSBED: random.pick(['01', '01', '02']),
          KONDA: random.pick(['01', '02']), PLTYP: random.pick(['01', '02']), KTGRD: '01', VWERK: org.plant,
          ...(customerNumber === soldTo.customerNumber && orderBlocked ? { AUFSD: '01' } : {}),
        });
      }
      const partners: [string, string, string][] = [
        ['AG', soldTo.customerNumber, ''],
        ...shipTos.map((shipTo): [string, string, string] => ['WE', shipTo, '']),
        ['RE', soldTo.customerNumber, ''],
        ['RG', payer, ''],
        ...contacts.map((parnr): [string, string, string] => ['AP', '', parnr]),
      ];
      const counters = new Map<string, number>();
      for (const [role, partner, contact] of partners) {
        const counter = counters.get(role) ?? 0;
        counters.set(role, counter + 1);
        db.table('KNVP').insert({
          KUNNR: soldTo.customerNumber, VKORG: salesOrg, VTWEG: channel, SPART: division, PARVW: role, PARZA: pad(counter, 3),
          KUNN2: partner, PARNR: contact || '0000000000', DEFPA: counter === 0 ? 'X' : '',
        });
      }
    }
    db.table('KNB1').insert({ KUNNR: soldTo.customerNumber, BUKRS: org.companyCode, ERDAT: created, AKONT: '0000140000', ZTERM: paymentTerms, ZWELS: 'TU', SPERR: blocks.SPERR ?? '' });
    if (payer !== soldTo.customerNumber) {
      db.table('KNB1').insert({ KUNNR: payer, BUKRS: org.companyCode, ERDAT: created, AKONT: '0000140000', ZTERM: paymentTerms, ZWELS: 'TU' });
    }
    db.table('KNVI').insert({ KUNNR: soldTo.customerNumber, ALAND: org.country, TATYP: 'MWST', TAXKD: random.chance(0.05) ? '0' : '1' });
    const creditCustomer = payer;
    if (!db.table('KNKK').get({ KUNNR: creditCustomer, KKBER: org.creditControlArea })) {
      db.table('KNKK').insert({
        KUNNR: creditCustomer, KKBER: org.creditControlArea, KLIMK: (random.int(2, 60) * 10_000).toFixed(2),
        CTLPC: random.pickWeighted([['001', 6], ['002', 3], ['003', 1]] as const), SBGRP: '001', SKFOR: '0.00', SSOBL: '0.00',
        CRBLB: random.chance(0.02) ? 'X' : '', NXTRV: dats(today, random.int(-30, 330)), ERDAT: created,
      });
    }
    customers.push({ customerNumber: soldTo.customerNumber, salesOrg: org, salesAreas, shipTos, payer, contacts, blockedForOrders: orderBlocked });
  }
  if (!PAYMENT_TERMS.length) throw new Error('payment terms must be seeded first');
  return customers;
}
