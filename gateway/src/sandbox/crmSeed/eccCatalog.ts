/**
 * What the CRM seed takes from the simulated ECC, read from its tables (so it works whether the
 * ECC was just seeded or restored from its state file): sold-to customers with address, e-mail,
 * account group, sales areas (with payment terms, currency, customer group and order block),
 * company code, credit control area, blocks and contact persons; the sales areas of the sales
 * organization structure; materials with their texts, material groups, base units and sales views;
 * PR00 list prices; and open quotations.
 */

import type { Database, Row } from '../ecc/database.js';
import { CONDITION_TYPES, convertCurrency, findConditionRecord } from '../ecc/pricing.js';

export interface SalesArea {
  salesOrganization: string;
  distributionChannel: string;
  division: string;
}

/** A customer's sales data in one sales area (KNVV). */
export interface EccCustomerSalesArea extends SalesArea {
  paymentTerms: string;
  currency: string;
  customerGroup: string;
  /** The order block reason, empty when orders are not blocked in the sales area. */
  orderBlock: string;
}

export interface EccContact {
  /** KNVK-PARNR. */
  number: string;
  firstName: string;
  lastName: string;
  salutation: string;
  phone: string;
  email: string;
}

export interface EccCustomer {
  /** KNA1-KUNNR, internal form (leading zeros). */
  customerNumber: string;
  name: string;
  street: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  phone: string;
  email: string;
  /** ISO date the customer was created in SAP. */
  createdOn: string;
  /** KNA1-KTOKD. */
  accountGroup: string;
  /** The customer's first sales area: the one panels and quotes use. */
  salesArea: SalesArea;
  /** Every sales area of the customer, the first one first. */
  salesAreas: EccCustomerSalesArea[];
  companyCode: string;
  creditControlArea: string;
  currency: string;
  /** Blocked for orders (centrally or in the sales area) or centrally for posting: SAP refuses its orders. */
  blocked: boolean;
  /** Marked for deletion. */
  deleted: boolean;
  contacts: EccContact[];
}

export interface EccMaterial {
  /** MARA-MATNR, internal form. */
  materialNumber: string;
  description: string;
  /** MARA-MATKL. */
  materialGroup: string;
  baseUnit: string;
  division: string;
}

export interface ListPrice {
  /** Per base unit, in the currency. */
  amount: number;
  /** The PR00 record's rate and pricing unit, as SAP holds them. */
  rate: number;
  pricingUnit: number;
  currency: string;
}

export interface EccQuotation {
  /** VBAK-VBELN, internal form. */
  number: string;
  validFrom: string;
  validTo: string;
  items: { materialNumber: string; quantity: number }[];
}

/** ISO date of a DATS value. */
export const isoDate = (dats: string): string => `${dats.slice(0, 4)}-${dats.slice(4, 6)}-${dats.slice(6, 8)}`;

const text = (row: Row | undefined, field: string): string => String(row?.[field] ?? '').trim();

export class EccCatalog {
  private readonly emails = new Map<string, string>();
  private readonly materials = new Map<string, EccMaterial>();

  /** `today` as DATS, the ECC's today. */
  constructor(private readonly db: Database, readonly today: string) {
    for (const row of db.table('ADR6').all()) {
      if (row.FLGDEFAULT === 'X' || !this.emails.has(`${String(row.ADDRNUMBER)}/${String(row.PERSNUMBER ?? '')}`)) {
        this.emails.set(`${String(row.ADDRNUMBER)}/${String(row.PERSNUMBER ?? '')}`, text(row, 'SMTP_ADDR'));
      }
    }
    for (const mara of db.table('MARA').all()) {
      if (mara.LVORM === 'X') continue;
      const materialNumber = String(mara.MATNR);
      this.materials.set(materialNumber, {
        materialNumber,
        description: text(db.table('MAKT').get({ MATNR: materialNumber, SPRAS: 'E' }), 'MAKTX') || materialNumber,
        materialGroup: text(mara, 'MATKL'),
        baseUnit: text(mara, 'MEINS'),
        division: text(mara, 'SPART'),
      });
    }
  }

  /** Sold-to customers (account group 0001) by customer number, at most `limit`. */
  customers(limit: number): EccCustomer[] {
    const soldTo = [...this.db.table('KNA1').all()].filter((row) => row.KTOKD === '0001').map((row) => String(row.KUNNR)).sort().slice(0, limit);
    return soldTo.flatMap((customerNumber) => {
      const customer = this.customer(customerNumber);
      return customer ? [customer] : [];
    });
  }

  private customer(customerNumber: string): EccCustomer | undefined {
    const kna1 = this.db.table('KNA1').get({ KUNNR: customerNumber })!;
    const areas = this.db.table('KNVV').select({ KUNNR: customerNumber })
      .sort((a, b) => `${String(a.VKORG)}${String(a.VTWEG)}${String(a.SPART)}`.localeCompare(`${String(b.VKORG)}${String(b.VTWEG)}${String(b.SPART)}`));
    const knvv = areas[0];
    if (!knvv) return undefined;
    const salesArea = { salesOrganization: text(knvv, 'VKORG'), distributionChannel: text(knvv, 'VTWEG'), division: text(knvv, 'SPART') };
    const adrnr = text(kna1, 'ADRNR');
    const contacts = this.db.table('KNVK').select({ KUNNR: customerNumber })
      .filter((row) => row.LOEVM !== 'X')
      .sort((a, b) => String(a.PARNR).localeCompare(String(b.PARNR)))
      .map((row) => ({
        number: String(row.PARNR),
        firstName: text(row, 'NAMEV'),
        lastName: text(row, 'NAME1'),
        salutation: text(row, 'ANRED'),
        phone: text(row, 'TELF1'),
        email: this.emails.get(`${adrnr}/${text(row, 'PRSNR')}`) ?? '',
      }));
    return {
      customerNumber,
      name: text(kna1, 'NAME1'),
      street: text(kna1, 'STRAS'),
      city: text(kna1, 'ORT01'),
      postalCode: text(kna1, 'PSTLZ'),
      region: text(kna1, 'REGIO'),
      country: text(kna1, 'LAND1'),
      phone: text(kna1, 'TELF1'),
      email: this.emails.get(`${adrnr}/`) ?? '',
      createdOn: isoDate(text(kna1, 'ERDAT')),
      accountGroup: text(kna1, 'KTOKD'),
      salesArea,
      salesAreas: areas.map((row) => ({
        salesOrganization: text(row, 'VKORG'),
        distributionChannel: text(row, 'VTWEG'),
        division: text(row, 'SPART'),
        paymentTerms: text(row, 'ZTERM'),
        currency: text(row, 'WAERS'),
        customerGroup: text(row, 'KDGRP'),
        orderBlock: text(row, 'AUFSD'),
      })),
      companyCode: text(this.db.table('TVKO').get({ VKORG: salesArea.salesOrganization }), 'BUKRS'),
      creditControlArea: text(this.db.table('TVTA').get({ VKORG: salesArea.salesOrganization, VTWEG: salesArea.distributionChannel, SPART: salesArea.division }), 'KKBER'),
      currency: text(knvv, 'WAERS'),
      blocked: Boolean(text(kna1, 'AUFSD') || text(knvv, 'AUFSD') || text(kna1, 'SPERR')),
      deleted: kna1.LOEVM === 'X',
      contacts,
    };
  }

  /** Materials not marked for deletion, by material number. */
  allMaterials(): EccMaterial[] {
    return [...this.materials.values()].sort((a, b) => a.materialNumber.localeCompare(b.materialNumber));
  }

  material(materialNumber: string): EccMaterial | undefined {
    return this.materials.get(materialNumber);
  }

  /** Whether the material has a sales view in the sales organisation and channel that is neither blocked nor deleted. */
  soldIn(materialNumber: string, salesOrganization: string, distributionChannel: string): boolean {
    const view = this.db.table('MVKE').get({ MATNR: materialNumber, VKORG: salesOrganization, VTWEG: distributionChannel });
    return this.materials.has(materialNumber) && view !== undefined && view.LVORM !== 'X' && !text(view, 'VMSTA');
  }

  /** Whether SAP accepts the material in an order of the sales area: sold in its organisation and channel, and of its division. */
  sellable(materialNumber: string, area: SalesArea): boolean {
    return this.soldIn(materialNumber, area.salesOrganization, area.distributionChannel) && this.materials.get(materialNumber)!.division === area.division;
  }

  /** The first distribution channel of a sales organisation's sales areas. */
  firstChannel(salesOrganization: string): string | undefined {
    return this.db.table('TVTA').select({ VKORG: salesOrganization }).map((row) => String(row.VTWEG)).sort()[0];
  }

  /** Units of `to` per unit of `from` (exchange rate type M, today), as SAP converts. */
  exchangeRate(from: string, to: string): number | undefined {
    return convertCurrency(this.db, 1, from, to, this.today);
  }

  /** The current PR00 price of a material in a sales organisation and channel, per base unit. */
  listPrice(materialNumber: string, salesOrganization: string, distributionChannel: string): ListPrice | undefined {
    const record = findConditionRecord(this.db, CONDITION_TYPES.PR00!, { VKORG: salesOrganization, VTWEG: distributionChannel, MATNR: materialNumber }, this.today);
    if (!record || record.calculation !== 'C') return undefined;
    return { amount: record.rate / record.pricingUnit, rate: record.rate, pricingUnit: record.pricingUnit, currency: record.rateUnit };
  }

  /** Sales organisations with their currency and English name. */
  salesOrganizations(): { salesOrganization: string; currency: string; name: string }[] {
    return [...this.db.table('TVKO').all()]
      .map((row) => ({ salesOrganization: String(row.VKORG), currency: text(row, 'WAERS'), name: text(this.db.table('TVKOT').get({ SPRAS: 'E', VKORG: String(row.VKORG) }), 'VTEXT') }))
      .sort((a, b) => a.salesOrganization.localeCompare(b.salesOrganization));
  }

  /** The sales areas of the organization structure (TVTA) with the English names of their parts, in key order. */
  salesAreas(): (SalesArea & { name: string })[] {
    const name = (table: 'TVKOT' | 'TVTWT' | 'TSPAT', key: Record<string, string>) => text(this.db.table(table).get({ SPRAS: 'E', ...key }), 'VTEXT');
    return [...this.db.table('TVTA').all()]
      .map((row) => ({ salesOrganization: text(row, 'VKORG'), distributionChannel: text(row, 'VTWEG'), division: text(row, 'SPART') }))
      .sort((a, b) => `${a.salesOrganization}/${a.distributionChannel}/${a.division}`.localeCompare(`${b.salesOrganization}/${b.distributionChannel}/${b.division}`))
      .map((area) => {
        const parts = [name('TVKOT', { VKORG: area.salesOrganization }), name('TVTWT', { VTWEG: area.distributionChannel }), name('TSPAT', { SPART: area.division })].filter(Boolean);
        return { ...area, name: `${area.salesOrganization}/${area.distributionChannel}/${area.division}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}` };
      });
  }

  /** English name of a distribution channel. */
  channelName(channel: string): string {
    return text(this.db.table('TVTWT').get({ SPRAS: 'E', VTWEG: channel }), 'VTEXT') || channel;
  }

  /**
   * The customer's quotations in its sales area that an order can still refer to: valid today,
   * not completely referenced, no item rejected, every item in its material's base unit and
   * sellable now, so a CRM quote can stand for it line by line.
   */
  openQuotations(customer: EccCustomer): EccQuotation[] {
    const area = customer.salesArea;
    return this.db.table('VBAK').select({ KUNNR: customer.customerNumber })
      .filter((vbak) => vbak.VBTYP === 'B' && vbak.VKORG === area.salesOrganization && vbak.VTWEG === area.distributionChannel && vbak.SPART === area.division)
      .filter((vbak) => String(vbak.ANGDT) <= this.today && String(vbak.BNDDT) >= this.today && this.db.table('VBUK').get({ VBELN: String(vbak.VBELN) })?.GBSTK !== 'C')
      .sort((a, b) => String(a.VBELN).localeCompare(String(b.VBELN)))
      .flatMap((vbak) => {
        const items = this.db.table('VBAP').select({ VBELN: String(vbak.VBELN) }).sort((a, b) => String(a.POSNR).localeCompare(String(b.POSNR)));
        const usable = items.length > 0 && items.every((item) => {
          const material = this.materials.get(String(item.MATNR));
          return !text(item, 'ABGRU') && material !== undefined && text(item, 'VRKME') === material.baseUnit && this.sellable(material.materialNumber, area);
        });
        if (!usable) return [];
        return [{
          number: String(vbak.VBELN),
          validFrom: isoDate(String(vbak.ANGDT)),
          validTo: isoDate(String(vbak.BNDDT)),
          items: items.map((item) => ({ materialNumber: String(item.MATNR), quantity: Number(item.KWMENG) })),
        }];
      });
  }
}
