/**
 * Test-data builder for the order-to-cash tail: a fresh customer, its sales orders, deliveries,
 * billing documents, their postings to accounts receivable, payments, cancellations and the
 * credit account, written into a simulated ECC's tables the way SAP's own transactions leave
 * them (VA01, VL01N/VL02N with goods issue, VF01, FB05 payments, VF11 cancellations, FD32).
 * Every document draws its number from the system's number ranges, and header, item, status,
 * partner, document flow and FI rows agree with one another, so tests can check what the
 * function modules compute against what the scenario wrote.
 */

import { addDays } from '../../../model/invoice.js';
import type { Row } from '../database.js';
import { datsOf, isoDate } from '../finance/customerItems.js';
import type { SeededEcc } from '../index.js';
import type { SeedResult } from '../seed/index.js';
import { CARRIERS, PAYMENT_TERMS, SALES_ORGANIZATIONS, type SalesOrganization } from '../seed/orgStructure.js';
import type { SimulatedEcc } from '../simulatedEcc.js';

export interface ScenarioCustomer {
  customerNumber: string;
  salesOrg: SalesOrganization;
  distributionChannel: string;
  division: string;
  paymentTerms: string;
}

export interface ScenarioItem {
  itemNumber: string;
  material: string;
  description: string;
  quantity: number;
  unit: string;
  netValue: number;
  tax: number;
  /** Credit value of one unit, tax included (VBAP-CMPRE). */
  creditPrice: number;
}

export interface ScenarioOrder {
  orderNumber: string;
  customer: ScenarioCustomer;
  currency: string;
  items: ScenarioItem[];
}

export interface ScenarioDelivery {
  deliveryNumber: string;
  order: ScenarioOrder;
  /** Delivery items with the order item they deliver and their share of its value. */
  items: (ScenarioItem & { orderItem: string })[];
}

export interface ScenarioInvoice {
  invoiceNumber: string;
  customer: ScenarioCustomer;
  /** Who pays it, the account its receivable is posted to: the customer unless another payer was given. */
  payer: ScenarioCustomer;
  companyCode: string;
  fiscalYear: string;
  /** FI document; empty while not posted. */
  accountingDocument: string;
  billingDate: string;
  currency: string;
  netValue: number;
  tax: number;
  grossValue: number;
  items: (ScenarioItem & { orderNumber: string; orderItem: string; deliveryNumber: string; deliveryItem: string })[];
}

export interface OrderLine {
  material?: string;
  quantity: number;
  /** Net price per unit; the material's list price when absent. */
  price?: number;
}

const TAX_RATE: Record<string, number> = { DE: 0.19, US: 0.0625 };
const cents = (value: number): number => Math.round(value * 100) / 100;
const amount = (value: number): string => value.toFixed(2);
const quantity = (value: number): string => value.toFixed(3);
const item = (index: number): string => String((index + 1) * 10).padStart(6, '0');

interface Material {
  number: string;
  description: string;
  unit: string;
  price: number;
  salesOrgs: string[];
}

export class BillingScenario {
  private readonly ecc: SimulatedEcc;
  private readonly materials: Material[];

  /** Builds on a seeded ECC: its customizing, carriers and materials (with their list prices). */
  constructor({ ecc, seeded }: SeededEcc & { seeded: SeedResult }) {
    this.ecc = ecc;
    this.materials = seeded.materials.map((material) => ({
      number: material.materialNumber,
      description: String(ecc.db.table('MAKT').get({ MATNR: material.materialNumber, SPRAS: 'E' })?.MAKTX ?? ''),
      unit: String(ecc.db.table('MARA').get({ MATNR: material.materialNumber })?.MEINS ?? ''),
      price: material.basePrice,
      salesOrgs: [...new Set(material.sellableIn.map(([salesOrg]) => salesOrg))],
    }));
  }

  private get db() {
    return this.ecc.db;
  }

  get today(): string {
    return isoDate(this.ecc.today());
  }

  /** A new sold-to customer who is also its own payer, with company code, sales area and partner data. */
  customer(options: { salesOrg?: string; paymentTerms?: string; name?: string } = {}): ScenarioCustomer {
    const salesOrg = SALES_ORGANIZATIONS.find((org) => org.salesOrg === (options.salesOrg ?? '1000'))!;
    const paymentTerms = options.paymentTerms ?? 'NT30';
    if (!PAYMENT_TERMS.some((terms) => terms.key === paymentTerms)) throw new Error(`payment terms ${paymentTerms} are not customized`);
    const customerNumber = this.ecc.nextNumber('DEBITOR');
    const created = datsOf(addDays(this.today, -400));
    this.db.table('KNA1').insert({
      KUNNR: customerNumber, LAND1: salesOrg.country, NAME1: options.name ?? `Scenario Customer ${customerNumber.replace(/^0+/, '')}`,
      ORT01: salesOrg.country === 'DE' ? 'Hamburg' : 'Chicago', PSTLZ: salesOrg.country === 'DE' ? '20095' : '60601', KTOKD: '0001',
      SPRAS: salesOrg.language, ERDAT: created, ERNAM: 'SCENARIO',
    });
    this.db.table('KNB1').insert({ KUNNR: customerNumber, BUKRS: salesOrg.companyCode, ERDAT: created, AKONT: '0000140000', ZTERM: paymentTerms, ZWELS: 'TU' });
    const [distributionChannel, division] = ['10', '01'];
    this.db.table('KNVV').insert({
      KUNNR: customerNumber, VKORG: salesOrg.salesOrg, VTWEG: distributionChannel, SPART: division, ERDAT: created, WAERS: salesOrg.currency,
      ZTERM: paymentTerms, INCO1: 'EXW', INCO2: 'Works', VSBED: '01', KALKS: '1', VWERK: salesOrg.plant,
    });
    ['AG', 'WE', 'RE', 'RG'].forEach((role) =>
      this.db.table('KNVP').insert({ KUNNR: customerNumber, VKORG: salesOrg.salesOrg, VTWEG: distributionChannel, SPART: division, PARVW: role, PARZA: '000', KUNN2: customerNumber, DEFPA: 'X' }),
    );
    return { customerNumber, salesOrg, distributionChannel, division, paymentTerms };
  }

  /** The customer's credit master record (FD32) in its sales organisation's credit control area. */
  creditAccount(customer: ScenarioCustomer, options: { limit: number; riskCategory?: string; blocked?: boolean; nextReview?: string }): void {
    this.db.table('KNKK').insert({
      KUNNR: customer.customerNumber, KKBER: customer.salesOrg.creditControlArea, KLIMK: amount(options.limit), CTLPC: options.riskCategory ?? '001',
      SBGRP: '001', SKFOR: '0.00', SSOBL: '0.00', CRBLB: options.blocked ? 'X' : '', NXTRV: datsOf(options.nextReview ?? addDays(this.today, 90)),
      ERDAT: datsOf(addDays(this.today, -400)),
    });
  }

  /** A standard order (TA) with one item per line, not yet delivered. */
  order(customer: ScenarioCustomer, lines: OrderLine[], options: { date?: string } = {}): ScenarioOrder {
    const date = datsOf(options.date ?? this.today);
    const { salesOrg } = customer;
    const orderNumber = this.ecc.nextNumber('RV_BELEG', '01');
    const candidates = this.materials.filter((material) => material.salesOrgs.includes(salesOrg.salesOrg));
    const items = lines.map((line, index): ScenarioItem => {
      const material = line.material ? this.materials.find((m) => m.number === line.material)! : candidates[index % candidates.length]!;
      const netValue = cents(line.quantity * (line.price ?? material.price));
      const tax = cents(netValue * TAX_RATE[salesOrg.country]!);
      return {
        itemNumber: item(index), material: material.number, description: material.description, quantity: line.quantity, unit: material.unit,
        netValue, tax, creditPrice: cents((netValue + tax) / line.quantity),
      };
    });
    const netValue = cents(items.reduce((sum, line) => sum + line.netValue, 0));
    this.db.table('VBAK').insert({
      VBELN: orderNumber, ERDAT: date, ERZET: '093000', ERNAM: 'SCENARIO', AUDAT: date, VBTYP: 'C', AUART: 'TA', NETWR: amount(netValue),
      WAERK: salesOrg.currency, VKORG: salesOrg.salesOrg, VTWEG: customer.distributionChannel, SPART: customer.division, KUNNR: customer.customerNumber,
      VDATU: date, ZTERM: customer.paymentTerms, INCO1: 'EXW', INCO2: 'Works', KKBER: salesOrg.creditControlArea,
      KNKLI: customer.customerNumber, BSTNK: `PO-${orderNumber.slice(-5)}`,
    });
    items.forEach((line) => {
      this.db.table('VBAP').insert({
        VBELN: orderNumber, POSNR: line.itemNumber, MATNR: line.material, ARKTX: line.description, PSTYV: 'TAN', KWMENG: quantity(line.quantity),
        VRKME: line.unit, MEINS: line.unit, NETWR: amount(line.netValue), NETPR: amount(line.netValue / line.quantity), KPEIN: '1', WAERK: salesOrg.currency,
        MWSBP: amount(line.tax), CMPRE: amount(line.creditPrice), WERKS: salesOrg.plant, ERDAT: date,
      });
      this.db.table('VBUP').insert({ VBELN: orderNumber, POSNR: line.itemNumber, LFSTA: 'A', LFGSA: 'A', GBSTA: 'A', FKSTA: ' ', ABSTA: 'A' });
    });
    this.db.table('VBUK').insert({ VBELN: orderNumber, VBTYP: 'C', GBSTK: 'A', LFSTK: 'A', LFGSK: 'A', FKSTK: ' ', ABSTK: 'A', CMGST: 'A' });
    ['AG', 'WE', 'RE', 'RG'].forEach((role) => this.db.table('VBPA').insert({ VBELN: orderNumber, POSNR: '000000', PARVW: role, KUNNR: customer.customerNumber, LAND1: salesOrg.country }));
    return { orderNumber, customer, currency: salesOrg.currency, items };
  }

  /**
   * An outbound delivery (LF) for the order, of what is still to be delivered unless `quantities`
   * (by order item) says otherwise. Picking is complete unless `picked` is false; goods issue is posted when
   * `goodsIssue` gives its date; a carrier with a tracking reference when `carrier` is given.
   */
  deliver(
    order: ScenarioOrder,
    options: { date?: string; quantities?: Record<string, number>; picked?: boolean; goodsIssue?: string; carrier?: number; trackingReference?: string } = {},
  ): ScenarioDelivery {
    const date = datsOf(options.date ?? this.today);
    const { salesOrg } = order.customer;
    const deliveryNumber = this.ecc.nextNumber('RV_BELEG', '17');
    const stillOpen = (line: ScenarioItem): number =>
      line.quantity - this.db.table('LIPS').select({ VGBEL: order.orderNumber, VGPOS: line.itemNumber }).reduce((sum, row) => sum + Number(row.LFIMG), 0);
    const items = order.items
      .map((line) => ({ line, quantity: options.quantities?.[line.itemNumber] ?? stillOpen(line) }))
      .filter(({ quantity: delivered }) => delivered > 0)
      .map(({ line, quantity: delivered }, index) => ({
        ...line,
        itemNumber: item(index),
        orderItem: line.itemNumber,
        quantity: delivered,
        netValue: cents((line.netValue * delivered) / line.quantity),
        tax: cents((line.tax * delivered) / line.quantity),
      }));
    const picking = options.picked === false ? 'A' : 'C';
    const goodsIssued = options.goodsIssue !== undefined;
    this.db.table('LIKP').insert({
      VBELN: deliveryNumber, ERNAM: 'SCENARIO', ERZET: '101500', ERDAT: date, VSTEL: salesOrg.shippingPoint, VKORG: salesOrg.salesOrg, LFART: 'LF',
      WADAT: date, LFDAT: datsOf(addDays(isoDate(date), 2)), KUNNR: order.customer.customerNumber,
      KUNAG: order.customer.customerNumber, BTGEW: quantity(items.reduce((sum, line) => sum + line.quantity * 25, 0)),
      NTGEW: quantity(items.reduce((sum, line) => sum + line.quantity * 22, 0)), GEWEI: 'KG', BOLNR: options.trackingReference ?? '',
      WADAT_IST: goodsIssued ? datsOf(options.goodsIssue!) : '',
    });
    for (const line of items) {
      this.db.table('LIPS').insert({
        VBELN: deliveryNumber, POSNR: line.itemNumber, PSTYV: 'TAN', ERNAM: 'SCENARIO', ERDAT: date, MATNR: line.material, WERKS: salesOrg.plant,
        ARKTX: line.description, LFIMG: quantity(line.quantity), MEINS: line.unit, VRKME: line.unit, GEWEI: 'KG', VGBEL: order.orderNumber,
        VGPOS: line.orderItem, CHARG: line.unit === 'KG' ? `B${date.slice(2)}` : '',
      });
      this.db.table('VBUP').insert({ VBELN: deliveryNumber, POSNR: line.itemNumber, KOSTA: picking, WBSTA: goodsIssued ? 'C' : 'A', FKSTA: 'A', GBSTA: goodsIssued ? 'B' : 'A' });
      this.db.table('VBFA').insert({
        VBELV: order.orderNumber, POSNV: line.orderItem, VBELN: deliveryNumber, POSNN: line.itemNumber, VBTYP_N: 'J', VBTYP_V: 'C',
        RFMNG: quantity(line.quantity), MEINS: line.unit, ERDAT: date,
      });
    }
    this.db.table('VBUK').insert({ VBELN: deliveryNumber, VBTYP: 'J', KOSTK: picking, WBSTK: goodsIssued ? 'C' : 'A', FKSTK: 'A', GBSTK: goodsIssued ? 'B' : 'A' });
    if (options.carrier !== undefined) {
      this.db.table('VBPA').insert({ VBELN: deliveryNumber, POSNR: '000000', PARVW: 'SP', LIFNR: CARRIERS[options.carrier]!.vendor, LAND1: CARRIERS[options.carrier]!.country });
    }
    this.db.table('VBPA').insert({ VBELN: deliveryNumber, POSNR: '000000', PARVW: 'WE', KUNNR: order.customer.customerNumber, LAND1: salesOrg.country });
    this.updateOrderDeliveryStatus(order);
    return { deliveryNumber, order, items };
  }

  private updateOrderDeliveryStatus(order: ScenarioOrder): void {
    const statuses = order.items.map((line) => {
      const delivered = this.db.table('LIPS').select({ VGBEL: order.orderNumber, VGPOS: line.itemNumber }).reduce((sum, row) => sum + Number(row.LFIMG), 0);
      const status = delivered >= line.quantity ? 'C' : delivered > 0 ? 'B' : 'A';
      this.db.table('VBUP').update({ VBELN: order.orderNumber, POSNR: line.itemNumber }, { LFSTA: status, LFGSA: status, GBSTA: status });
      return status;
    });
    const overall = statuses.every((s) => s === 'C') ? 'C' : statuses.every((s) => s === 'A') ? 'A' : 'B';
    this.db.table('VBUK').update({ VBELN: order.orderNumber }, { LFSTK: overall, LFGSK: overall, GBSTK: overall });
  }

  /** The billing document (F2) for a delivery, posted to accounts receivable (of `payer`, the customer by default) unless `post` is false. */
  invoice(delivery: ScenarioDelivery, options: { date?: string; post?: boolean; payer?: ScenarioCustomer } = {}): ScenarioInvoice {
    const billingDate = options.date ?? this.today;
    const date = datsOf(billingDate);
    const { customer } = delivery.order;
    const payer = options.payer ?? customer;
    const { salesOrg } = customer;
    const invoiceNumber = this.ecc.nextNumber('RV_BELEG', '19');
    const netValue = cents(delivery.items.reduce((sum, line) => sum + line.netValue, 0));
    const tax = cents(delivery.items.reduce((sum, line) => sum + line.tax, 0));
    const posted = options.post !== false;
    const fiscalYear = date.slice(0, 4);
    const accountingDocument = posted ? this.ecc.nextNumber('RF_BELEG', '00', salesOrg.companyCode, fiscalYear) : '';
    this.db.table('VBRK').insert({
      VBELN: invoiceNumber, FKART: 'F2', FKTYP: 'L', VBTYP: 'M', WAERK: salesOrg.currency, VKORG: salesOrg.salesOrg, VTWEG: customer.distributionChannel,
      SPART: customer.division, FKDAT: date, GJAHR: fiscalYear, ZTERM: customer.paymentTerms, LAND1: salesOrg.country, BUKRS: salesOrg.companyCode,
      NETWR: amount(netValue), MWSBK: amount(tax), ERNAM: 'SCENARIO', ERZET: '160000', ERDAT: date, KUNRG: payer.customerNumber,
      KUNAG: customer.customerNumber, RFBSK: posted ? 'C' : 'A', BELNR: accountingDocument, XBLNR: invoiceNumber, FKSTO: '',
    });
    const items = delivery.items.map((line, index) => ({
      ...line,
      itemNumber: item(index),
      orderNumber: delivery.order.orderNumber,
      deliveryNumber: delivery.deliveryNumber,
      deliveryItem: line.itemNumber,
    }));
    for (const line of items) {
      this.db.table('VBRP').insert({
        VBELN: invoiceNumber, POSNR: line.itemNumber, FKIMG: quantity(line.quantity), VRKME: line.unit, MEINS: line.unit, NETWR: amount(line.netValue),
        MWSBP: amount(line.tax), VGBEL: line.deliveryNumber, VGPOS: line.deliveryItem, AUBEL: line.orderNumber, AUPOS: line.orderItem, MATNR: line.material,
        ARKTX: line.description, WERKS: salesOrg.plant, ERDAT: date,
      });
      this.db.table('VBUP').update({ VBELN: delivery.deliveryNumber, POSNR: line.deliveryItem }, { FKSTA: 'C' });
      this.db.table('VBFA').insert({
        VBELV: delivery.deliveryNumber, POSNV: line.deliveryItem, VBELN: invoiceNumber, POSNN: line.itemNumber, VBTYP_N: 'M', VBTYP_V: 'J',
        RFMNG: quantity(line.quantity), MEINS: line.unit, RFWRT: amount(line.netValue), WAERS: salesOrg.currency, ERDAT: date,
      });
    }
    this.db.table('VBUK').update({ VBELN: delivery.deliveryNumber }, { FKSTK: 'C' });
    this.db.table('VBUK').insert({ VBELN: invoiceNumber, VBTYP: 'M', GBSTK: 'C', RFGSK: 'C' });
    const invoice: ScenarioInvoice = {
      invoiceNumber, customer, payer, companyCode: salesOrg.companyCode, fiscalYear, accountingDocument, billingDate, currency: salesOrg.currency,
      netValue, tax, grossValue: cents(netValue + tax), items,
    };
    if (posted) this.postReceivable(invoice);
    return invoice;
  }

  /** The customer line item of the invoice's FI document (BSEG 001), with the invoice's payment terms. */
  private postReceivable(invoice: ScenarioInvoice): void {
    const terms = this.db.table('T052').get({ ZTERM: invoice.customer.paymentTerms, ZTAGG: '00' })!;
    const date = datsOf(invoice.billingDate);
    this.db.table('BSID').insert({
      BUKRS: invoice.companyCode, KUNNR: invoice.payer.customerNumber, UMSKS: '', UMSKZ: '', AUGDT: '00000000', AUGBL: '', ZUONR: invoice.invoiceNumber,
      GJAHR: invoice.fiscalYear, BELNR: invoice.accountingDocument, BUZEI: '001', BUDAT: date, BLDAT: date, CPUDT: date, WAERS: invoice.currency,
      XBLNR: invoice.invoiceNumber, BLART: 'RV', SHKZG: 'S', DMBTR: amount(invoice.grossValue), WRBTR: amount(invoice.grossValue), ZFBDT: date,
      ZTERM: invoice.customer.paymentTerms, ZBD1T: String(Number(terms.ZTAG1)), ZBD2T: String(Number(terms.ZTAG2)), ZBD3T: String(Number(terms.ZTAG3)),
      ZBD1P: String(terms.ZPRZ1), ZBD2P: String(terms.ZPRZ2), VBELN: invoice.invoiceNumber, REBZG: '', MANST: '0',
    });
  }

  private paymentDocument(invoice: ScenarioInvoice, date: string): { number: string; year: string } {
    const year = date.slice(0, 4);
    return { number: this.ecc.nextNumber('RF_BELEG', '00', invoice.companyCode, year), year };
  }

  private invoiceItemKey(invoice: ScenarioInvoice): Row {
    return {
      BUKRS: invoice.companyCode, KUNNR: invoice.payer.customerNumber, UMSKS: '', UMSKZ: '', AUGDT: '00000000', AUGBL: '', ZUONR: invoice.invoiceNumber,
      GJAHR: invoice.fiscalYear, BELNR: invoice.accountingDocument, BUZEI: '001',
    };
  }

  /** Moves a BSID item to BSAD, cleared on `date` by document `clearing`. */
  private clear(key: Row, date: string, clearing: string): void {
    const row = this.db.table('BSID').delete(key);
    if (!row) throw new Error(`no open item ${JSON.stringify(key)}`);
    this.db.table('BSAD').insert({ ...row, AUGDT: date, AUGBL: clearing });
  }

  private paymentItem(invoice: ScenarioInvoice, document: { number: string; year: string }, date: string, paid: number, extra: Row): Row {
    return {
      BUKRS: invoice.companyCode, KUNNR: invoice.payer.customerNumber, UMSKS: '', UMSKZ: '', ZUONR: invoice.invoiceNumber, GJAHR: document.year,
      BELNR: document.number, BUZEI: '001', BUDAT: date, BLDAT: date, CPUDT: date, WAERS: invoice.currency, XBLNR: invoice.invoiceNumber, BLART: 'DZ',
      SHKZG: 'H', DMBTR: amount(paid), WRBTR: amount(paid), ZFBDT: date, ZBD1T: '0', ZBD2T: '0', ZBD3T: '0', REBZG: '', MANST: '0', ...extra,
    };
  }

  /** The invoice reference (REBZG/REBZJ/REBZZ) that ties a partial payment or residual item to the invoice item. */
  private referenceTo(invoice: ScenarioInvoice): Row {
    return { REBZG: invoice.accountingDocument, REBZJ: invoice.fiscalYear, REBZZ: '001' };
  }

  /** An incoming payment of the whole invoice (F-28): invoice item and payment are cleared together. */
  payInFull(invoice: ScenarioInvoice, options: { date?: string } = {}): string {
    const date = datsOf(options.date ?? this.today);
    const document = this.paymentDocument(invoice, date);
    this.clear(this.invoiceItemKey(invoice), date, document.number);
    this.db.table('BSAD').insert(this.paymentItem(invoice, document, date, invoice.grossValue, { AUGDT: date, AUGBL: document.number }));
    return document.number;
  }

  /** A partial payment: the payment stays open next to the invoice item and refers to it (REBZG). */
  payPartially(invoice: ScenarioInvoice, paid: number, options: { date?: string } = {}): string {
    const date = datsOf(options.date ?? this.today);
    const document = this.paymentDocument(invoice, date);
    this.db.table('BSID').insert(this.paymentItem(invoice, document, date, paid, { AUGDT: '00000000', AUGBL: '', ...this.referenceTo(invoice) }));
    return document.number;
  }

  /**
   * A payment with a residual item: the invoice item is cleared and what is left is a new open
   * item that refers to the invoice and keeps its baseline date and terms.
   */
  payWithResidual(invoice: ScenarioInvoice, paid: number, options: { date?: string } = {}): string {
    const date = datsOf(options.date ?? this.today);
    const document = this.paymentDocument(invoice, date);
    const original = this.db.table('BSID').get(this.invoiceItemKey(invoice))!;
    this.clear(this.invoiceItemKey(invoice), date, document.number);
    this.db.table('BSAD').insert(this.paymentItem(invoice, document, date, paid, { AUGDT: date, AUGBL: document.number }));
    const rest = amount(invoice.grossValue - paid);
    this.db.table('BSID').insert({
      ...original, AUGDT: '00000000', AUGBL: '', GJAHR: document.year, BELNR: document.number, BUZEI: '002', BUDAT: date, BLDAT: date, CPUDT: date,
      BLART: 'DZ', DMBTR: rest, WRBTR: rest, VBELN: '', ...this.referenceTo(invoice),
    });
    return document.number;
  }

  /** Cancels the invoice (VF11): a cancellation document (S1) whose posting clears the receivable. */
  cancel(invoice: ScenarioInvoice, options: { date?: string } = {}): string {
    const date = datsOf(options.date ?? this.today);
    const { salesOrg } = invoice.customer;
    const cancellation = this.ecc.nextNumber('RV_BELEG', '19');
    const original = this.db.table('VBRK').get({ VBELN: invoice.invoiceNumber })!;
    const accountingDocument = invoice.accountingDocument ? this.ecc.nextNumber('RF_BELEG', '00', invoice.companyCode, date.slice(0, 4)) : '';
    this.db.table('VBRK').insert({
      ...original, VBELN: cancellation, FKART: 'S1', VBTYP: 'N', FKDAT: date, GJAHR: date.slice(0, 4), ERDAT: date, SFAKN: invoice.invoiceNumber,
      BELNR: accountingDocument, XBLNR: cancellation, FKSTO: '',
    });
    for (const row of this.db.table('VBRP').select({ VBELN: invoice.invoiceNumber })) {
      this.db.table('VBRP').insert({ ...row, VBELN: cancellation, ERDAT: date });
      this.db.table('VBFA').insert({
        VBELV: invoice.invoiceNumber, POSNV: row.POSNR ?? '', VBELN: cancellation, POSNN: row.POSNR ?? '', VBTYP_N: 'N', VBTYP_V: 'M',
        RFMNG: row.FKIMG ?? '0', MEINS: row.MEINS ?? '', RFWRT: row.NETWR ?? '0', WAERS: salesOrg.currency, ERDAT: date,
      });
      const delivery = String(row.VGBEL ?? '');
      this.db.table('VBUP').update({ VBELN: delivery, POSNR: row.VGPOS ?? '' }, { FKSTA: 'A' });
      this.db.table('VBUK').update({ VBELN: delivery }, { FKSTK: 'A' });
    }
    this.db.table('VBRK').update({ VBELN: invoice.invoiceNumber }, { FKSTO: 'X' });
    this.db.table('VBUK').insert({ VBELN: cancellation, VBTYP: 'N', GBSTK: 'C', RFGSK: 'C' });
    if (accountingDocument) {
      const year = date.slice(0, 4);
      this.clear(this.invoiceItemKey(invoice), date, accountingDocument);
      this.db.table('BSAD').insert({
        ...this.paymentItem(invoice, { number: accountingDocument, year }, date, invoice.grossValue, { AUGDT: date, AUGBL: accountingDocument }),
        BLART: 'RV', XBLNR: cancellation, VBELN: cancellation,
      });
    }
    return cancellation;
  }

  /** A special G/L item (e.g. W bill of exchange, A down payment), open in the customer's company code. */
  specialGlItem(customer: ScenarioCustomer, options: { indicator: string; amount: number; debit: boolean; date?: string }): void {
    const date = datsOf(options.date ?? this.today);
    const year = date.slice(0, 4);
    const document = this.ecc.nextNumber('RF_BELEG', '00', customer.salesOrg.companyCode, year);
    this.db.table('BSID').insert({
      BUKRS: customer.salesOrg.companyCode, KUNNR: customer.customerNumber, UMSKS: options.indicator === 'A' ? 'A' : 'W', UMSKZ: options.indicator,
      AUGDT: '00000000', AUGBL: '', ZUONR: document, GJAHR: year, BELNR: document, BUZEI: '001', BUDAT: date, BLDAT: date, CPUDT: date,
      WAERS: customer.salesOrg.currency, BLART: options.indicator === 'A' ? 'DZ' : 'DW', SHKZG: options.debit ? 'S' : 'H', DMBTR: amount(options.amount),
      WRBTR: amount(options.amount), ZFBDT: date, ZBD1T: '0', ZBD2T: '0', ZBD3T: '0', MANST: '0',
    });
  }
}
