import { SOLUTION_SOURCE_DIR, packSolution } from '@ecc365/solution';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedDataverse } from '../dataverse/index.js';
import type { SimulatedDataverse } from '../dataverse/simulatedDataverse.js';
import { importSolution } from '../dataverse/solution/importSolution.js';
import { isEntityReference, type EntityReference, type Row } from '../dataverse/values.js';
import type { Database } from '../ecc/database.js';
import { createSimulatedEcc } from '../ecc/index.js';
import { SANDBOX_PERSONAS } from '../identities.js';
import { SANDBOX_GATEWAY_API_ID_URI } from '../idp/directory.js';
import { GATEWAY_VARIABLES, seedCrmFromEcc, seededCrm, setSandboxGatewayUrl, type CrmSeedResult, type SeededCrm } from './index.js';

const TODAY = '2025-06-16';
const SEEDED_TABLES = [
  'transactioncurrency', 'uomschedule', 'uom', 'product', 'pricelevel', 'productpricelevel', 'account', 'contact', 'opportunity', 'quote', 'quotedetail',
  'ecc_salesarea', 'ecc_customersalesarea', 'ecc_valuemap',
];

/** A simulated Dataverse with the ecc365 solution imported, on a fixed clock. */
function environment(): SimulatedDataverse {
  const dataverse = createSimulatedDataverse({ clock: () => new Date(`${TODAY}T09:00:00Z`) });
  importSolution(dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
  return dataverse;
}

async function seeded(customers: number, options: { maxAccounts?: number; seed?: number } = {}) {
  const { ecc } = createSimulatedEcc({ seed: { customers, seed: 4365 }, today: TODAY });
  const dataverse = environment();
  const result = await seedCrmFromEcc(dataverse, ecc, options);
  return { ecc, db: ecc.db, dataverse, result };
}

const rows = (dataverse: SimulatedDataverse, table: string): Row[] => [...dataverse.store.table(table).rows.values()];
const ref = (value: unknown): EntityReference => {
  if (!isEntityReference(value as Row[string])) throw new Error(`not a lookup: ${JSON.stringify(value)}`);
  return value as EntityReference;
};
const pad = (value: string, length: number) => (/^\d+$/.test(value) ? value.padStart(length, '0') : value);

let db: Database;
let dataverse: SimulatedDataverse;
let result: CrmSeedResult;
let crm: SeededCrm;
beforeAll(async () => {
  ({ db, dataverse, result } = await seeded(300));
  crm = seededCrm(dataverse);
}, 60_000);

describe('seedCrmFromEcc: what it writes', () => {
  it('writes accounts for every sold-to customer, their contacts, the catalog, opportunities and quotes', () => {
    const soldTo = [...db.table('KNA1').all()].filter((row) => row.KTOKD === '0001');
    expect(result.seeded).toBe(true);
    expect(result.counts.accounts).toBe(soldTo.length);
    expect(rows(dataverse, 'account')).toHaveLength(soldTo.length);
    expect(rows(dataverse, 'contact')).toHaveLength(result.counts.contacts);
    expect(rows(dataverse, 'contact').length).toBe(soldTo.reduce((sum, kna1) => sum + db.table('KNVK').select({ KUNNR: kna1.KUNNR! }).length, 0));
    expect(rows(dataverse, 'transactioncurrency').map((row) => row.isocurrencycode).sort()).toEqual(['EUR', 'USD']);
    expect(rows(dataverse, 'transactioncurrency').find((row) => row.isocurrencycode === 'USD')).toMatchObject({ exchangerate: 1.08 });
    expect(rows(dataverse, 'uom').map((row) => row.name).sort()).toEqual([...new Set([...db.table('MARA').all()].filter((m) => m.LVORM !== 'X').map((m) => m.MEINS))].sort());
    expect(rows(dataverse, 'product')).toHaveLength([...db.table('MARA').all()].filter((m) => m.LVORM !== 'X').length);
    expect(result.counts.quotes).toBeGreaterThan(0);
    expect(rows(dataverse, 'quotedetail')).toHaveLength(result.counts.quoteLines);
  });

  it('holds customer numbers in SAP\'s internal form, with the sales area, company code and credit control area SAP gives the customer', () => {
    for (const account of rows(dataverse, 'account')) {
      const customerNumber = account.ecc_customernumber as string;
      expect(customerNumber).toMatch(/^\d{10}$/);
      const kna1 = db.table('KNA1').get({ KUNNR: customerNumber });
      expect(kna1?.KTOKD, customerNumber).toBe('0001');
      // SAP's CHAR fields hold no trailing blanks; a name cut to 35 characters in the seed may end in one.
      expect(account).toMatchObject({ name: String(kna1!.NAME1).trim(), accountnumber: customerNumber.replace(/^0+/, ''), address1_city: kna1!.ORT01, telephone1: kna1!.TELF1 });
      const area = { VKORG: account.ecc_salesorganization as string, VTWEG: account.ecc_distributionchannel as string, SPART: account.ecc_division as string };
      expect(db.table('KNVV').get({ KUNNR: customerNumber, ...area }), `${customerNumber} in ${JSON.stringify(area)}`).toBeDefined();
      expect(account.ecc_companycode).toBe(db.table('TVKO').get({ VKORG: area.VKORG })!.BUKRS);
      expect(db.table('KNB1').get({ KUNNR: customerNumber, BUKRS: account.ecc_companycode as string })).toBeDefined();
      expect(account.ecc_creditcontrolarea).toBe(db.table('TVTA').get(area)!.KKBER);
      expect(account.statecode).toBe(kna1!.LOEVM === 'X' ? 1 : 0);
    }
  });

  it('quotes only materials SAP sells in the account\'s sales area, each line at the price list\'s price', () => {
    const accounts = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, row]));
    const products = new Map(rows(dataverse, 'product').map((row) => [row.productid as string, row]));
    const prices = rows(dataverse, 'productpricelevel');
    const quotes = new Map(rows(dataverse, 'quote').map((row) => [row.quoteid as string, row]));
    for (const line of rows(dataverse, 'quotedetail')) {
      const quote = quotes.get(ref(line.quoteid).id)!;
      const account = accounts.get(ref(quote.customerid).id)!;
      const material = products.get(ref(line.productid).id)!.ecc_materialnumber as string;
      const mara = db.table('MARA').get({ MATNR: material })!;
      const view = db.table('MVKE').get({ MATNR: material, VKORG: account.ecc_salesorganization as string, VTWEG: account.ecc_distributionchannel as string });
      expect(view, `${material} has a sales view in ${account.ecc_salesorganization as string}/${account.ecc_distributionchannel as string}`).toBeDefined();
      expect([view!.VMSTA ?? '', view!.LVORM ?? '', mara.LVORM ?? '', mara.SPART]).toEqual(['', '', '', account.ecc_division]);
      expect(ref(line.uomid).id).toBe(ref(products.get(ref(line.productid).id)!.defaultuomid).id);
      const listed = prices.find((p) => ref(p.pricelevelid).id === ref(quote.pricelevelid).id && ref(p.productid).id === ref(line.productid).id);
      expect(line.priceperunit).toBe(listed!.amount);
      expect(ref(line.transactioncurrencyid).id).toBe(ref(quote.transactioncurrencyid).id);
    }
  });

  it('gives every price list item the current PR00 price per base unit, to the cent, in the sales organisation\'s currency', () => {
    const today = TODAY.replaceAll('-', '');
    const lists = new Map(rows(dataverse, 'pricelevel').map((row) => [row.pricelevelid as string, row]));
    const currencies = new Map(rows(dataverse, 'transactioncurrency').map((row) => [row.transactioncurrencyid as string, row.isocurrencycode]));
    const products = new Map(rows(dataverse, 'product').map((row) => [row.productid as string, row.ecc_materialnumber as string]));
    for (const item of rows(dataverse, 'productpricelevel')) {
      const list = lists.get(ref(item.pricelevelid).id)!;
      const salesOrg = /SAP's list prices \(PR00\) of sales organization (\d+), distribution channel (\d+)/.exec(list.description as string)!;
      const material = products.get(ref(item.productid).id)!;
      const records = db.table('A004').select({ KAPPL: 'V', KSCHL: 'PR00', VKORG: salesOrg[1]!, VTWEG: salesOrg[2]!, MATNR: material }, (row) => String(row.DATAB) <= today && String(row.DATBI) >= today);
      expect(records, `${material} has one current PR00 record`).toHaveLength(1);
      const konp = db.table('KONP').get({ KNUMH: records[0]!.KNUMH!, KOPOS: '01' })!;
      expect(item.amount).toBeCloseTo(Number(konp.KBETR) / Number(konp.KPEIN), 2);
      expect(Math.abs((item.amount as number) - Number(konp.KBETR) / Number(konp.KPEIN))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(currencies.get(ref(list.transactioncurrencyid).id)).toBe(konp.KONWA);
      expect(db.table('TVKO').get({ VKORG: salesOrg[1]! })!.WAERS).toBe(konp.KONWA);
    }
  });

  it('makes draft quotes drafts and approved quotes active, the latter only for customers SAP takes orders from', () => {
    const accounts = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, row]));
    const states = rows(dataverse, 'quote').map((quote) => `${quote.statecode as number}/${quote.statuscode as number}`);
    expect(new Set(states)).toEqual(new Set(['0/1', '1/2']));
    for (const quote of rows(dataverse, 'quote').filter((q) => q.statecode === 1)) {
      const customerNumber = accounts.get(ref(quote.customerid).id)!.ecc_customernumber as string;
      const kna1 = db.table('KNA1').get({ KUNNR: customerNumber })!;
      expect([kna1.AUFSD ?? '', kna1.SPERR ?? '', kna1.LOEVM ?? ''], customerNumber).toEqual(['', '', '']);
      expect(db.table('KNVV').select({ KUNNR: customerNumber }).every((knvv) => !knvv.AUFSD)).toBe(true);
    }
  });

  it('lets a quote stand for an open SAP quotation of the same customer and sales area, with its items as lines', () => {
    const standing = rows(dataverse, 'quote').filter((quote) => quote.ecc_sapquotationnumber);
    expect(standing.length).toBeGreaterThan(0);
    const accounts = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, row]));
    const products = new Map(rows(dataverse, 'product').map((row) => [row.productid as string, row.ecc_materialnumber]));
    for (const quote of standing) {
      const number = quote.ecc_sapquotationnumber as string;
      expect(number).not.toMatch(/^0/);
      const vbak = db.table('VBAK').get({ VBELN: pad(number, 10) })!;
      const account = accounts.get(ref(quote.customerid).id)!;
      expect(vbak).toMatchObject({ VBTYP: 'B', KUNNR: account.ecc_customernumber, VKORG: account.ecc_salesorganization, VTWEG: account.ecc_distributionchannel, SPART: account.ecc_division });
      expect(String(vbak.BNDDT) >= TODAY.replaceAll('-', '')).toBe(true);
      expect(quote.statecode).toBe(1);
      const lines = rows(dataverse, 'quotedetail').filter((line) => ref(line.quoteid).id === quote.quoteid).sort((a, b) => (a.sequencenumber as number) - (b.sequencenumber as number));
      const items = db.table('VBAP').select({ VBELN: vbak.VBELN! }).sort((a, b) => String(a.POSNR).localeCompare(String(b.POSNR)));
      expect(lines.map((line) => [products.get(ref(line.productid).id), line.quantity])).toEqual(items.map((item) => [item.MATNR, Number(item.KWMENG)]));
    }
  });
});

describe('seedCrmFromEcc: owners', () => {
  const persona = (key: string) => SANDBOX_PERSONAS.find((p) => p.key === key)!;
  const ownerKey = (row: Row) => SANDBOX_PERSONAS.find((p) => p.systemUserId === ref(row.ownerid).id)?.key;

  it('gives US customers to dave and German ones to anna (postal code zones 0–5) or ben (6–9)', () => {
    for (const account of rows(dataverse, 'account')) {
      const kna1 = db.table('KNA1').get({ KUNNR: account.ecc_customernumber as string })!;
      const expected = kna1.LAND1 === 'US' ? 'dave' : /^[0-5]/.test(String(kna1.PSTLZ)) ? 'anna' : 'ben';
      expect(ownerKey(account), String(kna1.KUNNR)).toBe(expected);
      expect(ref(account.owningbusinessunit).id).toBe(persona(expected).businessUnitId);
    }
    for (const key of ['anna', 'ben', 'dave']) expect(crm.accounts.some((a) => a.owner === key), key).toBe(true);
  });

  it("gives contacts, opportunities, quotes and quote lines the owner of their account, and nothing to carla, erin or olivia", () => {
    const accountOwner = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, ref(row.ownerid).id]));
    for (const contact of rows(dataverse, 'contact')) expect(ref(contact.ownerid).id).toBe(accountOwner.get(ref(contact.parentcustomerid).id));
    for (const opportunity of rows(dataverse, 'opportunity')) expect(ref(opportunity.ownerid).id).toBe(accountOwner.get(ref(opportunity.customerid).id));
    const quoteOwner = new Map(rows(dataverse, 'quote').map((row) => [row.quoteid as string, ref(row.ownerid).id]));
    for (const quote of rows(dataverse, 'quote')) expect(ref(quote.ownerid).id).toBe(accountOwner.get(ref(quote.customerid).id));
    for (const line of rows(dataverse, 'quotedetail')) expect(ref(line.ownerid).id).toBe(quoteOwner.get(ref(line.quoteid).id));
    const owners = new Set(SEEDED_TABLES.flatMap((table) => rows(dataverse, table)).filter((row) => isEntityReference(row.ownerid)).map((row) => ref(row.ownerid).id));
    for (const key of ['carla', 'erin', 'olivia']) expect(owners.has(persona(key).systemUserId), key).toBe(false);
  });

  it('finds records by role: each rep has a draft quote, an approved one and one standing for an SAP quotation; erin may not read the first US account', () => {
    for (const owner of ['anna', 'ben', 'dave']) {
      expect(crm.accountOf(owner)).toMatchObject({ owner, active: true });
      expect(crm.quoteOf(owner, 'draft')).toMatchObject({ owner, role: 'draft' });
      const approved = crm.quoteOf(owner, 'approved');
      expect(approved).toMatchObject({ owner, role: 'approved', sapQuotationNumber: undefined, sapDocumentNumber: undefined });
      expect(approved.lineIds.length).toBeGreaterThan(0);
      expect(crm.quoteOf(owner, 'sapQuotation').sapQuotationNumber).toMatch(/^[1-9]\d*$/);
    }
    const forbidden = crm.accountNotReadableBy('erin');
    const firstUs = crm.accounts.filter((account) => db.table('KNA1').get({ KUNNR: account.customerNumber })!.LAND1 === 'US')[0]!;
    expect(forbidden).toEqual(firstUs);
    expect(forbidden.owner).toBe('dave');
  });
});

describe("seedCrmFromEcc: the solution's SAP columns, sales areas and value maps", () => {
  it('gives accounts their account group, contacts their SAP contact person number, products their material group and base unit', () => {
    const accounts = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, row]));
    for (const account of accounts.values()) expect(account.ecc_accountgroup).toBe(db.table('KNA1').get({ KUNNR: account.ecc_customernumber as string })!.KTOKD);
    for (const contact of rows(dataverse, 'contact')) {
      const knvk = db.table('KNVK').get({ PARNR: contact.ecc_contactpersonnumber as string });
      expect(knvk, contact.ecc_contactpersonnumber as string).toMatchObject({ KUNNR: accounts.get(ref(contact.parentcustomerid).id)!.ecc_customernumber, NAME1: contact.lastname });
    }
    for (const product of rows(dataverse, 'product')) {
      const mara = db.table('MARA').get({ MATNR: product.ecc_materialnumber as string })!;
      expect(product).toMatchObject({ ecc_materialgroup: mara.MATKL || null, ecc_baseunit: mara.MEINS });
    }
  });

  it("writes SAP's sales areas, and each account's sales data in every one of its sales areas", () => {
    const areas = rows(dataverse, 'ecc_salesarea');
    expect(areas.map((row) => `${row.ecc_salesorganization as string}/${row.ecc_distributionchannel as string}/${row.ecc_division as string}`).sort())
      .toEqual([...db.table('TVTA').all()].map((row) => `${String(row.VKORG)}/${String(row.VTWEG)}/${String(row.SPART)}`).sort());
    expect(result.counts.salesAreas).toBe(areas.length);
    const areaOf = new Map(areas.map((row) => [row.ecc_salesareaid as string, row]));
    const accounts = new Map(rows(dataverse, 'account').map((row) => [row.accountid as string, row]));
    const customerAreas = rows(dataverse, 'ecc_customersalesarea');
    expect(customerAreas).toHaveLength(result.counts.customerSalesAreas);
    expect(customerAreas).toHaveLength([...accounts.values()].reduce((sum, account) => sum + db.table('KNVV').select({ KUNNR: account.ecc_customernumber as string }).length, 0));
    for (const row of customerAreas) {
      const account = accounts.get(ref(row.ecc_accountid).id)!;
      const area = areaOf.get(ref(row.ecc_salesareaid).id)!;
      const knvv = db.table('KNVV').get({ KUNNR: account.ecc_customernumber as string, VKORG: area.ecc_salesorganization as string, VTWEG: area.ecc_distributionchannel as string, SPART: area.ecc_division as string })!;
      expect(row).toMatchObject({ ecc_paymentterms: knvv.ZTERM || null, ecc_currency: knvv.WAERS || null, ecc_customergroup: knvv.KDGRP || null, ecc_orderblock: knvv.AUFSD || null });
      expect(ref(row.ownerid).id).toBe(ref(account.ownerid).id);
    }
  });

  it('maps the countries of account addresses and the units of the catalog as the seed does, for admins to correct', () => {
    const maps = rows(dataverse, 'ecc_valuemap');
    expect(maps).toHaveLength(result.counts.valueMaps);
    const byKind = (kind: number) => new Map(maps.filter((row) => row.ecc_kind === kind).map((row) => [row.ecc_sapvalue as string, row.ecc_dataversevalue]));
    const countries = byKind(363650005);
    for (const account of rows(dataverse, 'account')) {
      const land1 = String(db.table('KNA1').get({ KUNNR: account.ecc_customernumber as string })!.LAND1);
      expect(account.address1_country, land1).toBe(countries.get(land1));
    }
    const units = byKind(363650004);
    expect([...units.values()].sort()).toEqual(rows(dataverse, 'uom').map((row) => row.name).sort());
  });
});

describe('seedCrmFromEcc: determinism and limits', () => {
  it('gives the same rows, ids included, for the same ECC data', async () => {
    const again = await seeded(300);
    for (const table of SEEDED_TABLES) {
      expect(rows(again.dataverse, table), table).toEqual(rows(dataverse, table));
    }
  }, 60_000);

  it('turns at most maxAccounts customers, the lowest numbers, into accounts, with the whole catalog', async () => {
    const capped = await seeded(60, { maxAccounts: 25 });
    const soldTo = [...capped.db.table('KNA1').all()].filter((row) => row.KTOKD === '0001').map((row) => String(row.KUNNR)).sort();
    expect(rows(capped.dataverse, 'account').map((row) => row.ecc_customernumber).sort()).toEqual(soldTo.slice(0, 25));
    expect(rows(capped.dataverse, 'product')).toHaveLength([...capped.db.table('MARA').all()].filter((m) => m.LVORM !== 'X').length);
  }, 60_000);

  it('leaves an environment that has data already (restored from its state file) as it is', async () => {
    const versionBefore = dataverse.store.currentVersion();
    const second = await seedCrmFromEcc(dataverse, { db, today: () => TODAY.replaceAll('-', '') });
    expect(second.seeded).toBe(false);
    expect(dataverse.store.currentVersion()).toBe(versionBefore);
  });

  it('refuses an environment without the ecc365 solution, saying what to do', async () => {
    const { ecc } = createSimulatedEcc({ seed: { customers: 20, seed: 1 }, today: TODAY });
    await expect(seedCrmFromEcc(createSimulatedDataverse(), ecc)).rejects.toThrow(/lacks account\.ecc_customernumber.*import the ecc365 solution/);
  });
});

describe('environment variable values', () => {
  const valueOf = (schemaName: string) => {
    const definition = rows(dataverse, 'environmentvariabledefinition').find((row) => row.schemaname === schemaName)!;
    return rows(dataverse, 'environmentvariablevalue').filter((row) => ref(row.environmentvariabledefinitionid).id === definition.environmentvariabledefinitionid).map((row) => row.value);
  };

  it('sets the sandbox authentication mode and the gateway application whose API the controls ask a token for', () => {
    expect(valueOf(GATEWAY_VARIABLES.authMode)).toEqual(['sandbox']);
    const [applicationId] = valueOf(GATEWAY_VARIABLES.applicationId);
    expect(`api://${applicationId as string}`).toBe(SANDBOX_GATEWAY_API_ID_URI);
    expect(valueOf(GATEWAY_VARIABLES.url)).toEqual([]);
  });

  it('sets the gateway URL to the origin the sandbox attaches to, and changes it on the next attach', () => {
    setSandboxGatewayUrl(dataverse, 'http://127.0.0.1:4310/');
    expect(valueOf(GATEWAY_VARIABLES.url)).toEqual(['http://127.0.0.1:4310']);
    setSandboxGatewayUrl(dataverse, 'https://localhost:8443');
    expect(valueOf(GATEWAY_VARIABLES.url)).toEqual(['https://localhost:8443']);
  });
});
