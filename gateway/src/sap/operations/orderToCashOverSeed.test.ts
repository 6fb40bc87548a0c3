/**
 * The delivery, invoice, open item and credit operations over the sandbox's seeded data set,
 * checked against what the seed says it generated (invoices by what became of them, payers over
 * or near their credit limit, KNKK-SKFOR as the sum of open items) and against its tables.
 */

import { expect, it } from 'vitest';
import type { Row } from '../../sandbox/ecc/database.js';
import { alphaOut } from '../alpha.js';
import { describeOverTransports, FIXED_TODAY } from '../testing/transports.js';
import { getCreditStatus } from './getCreditStatus.js';
import { getInvoice } from './getInvoice.js';
import { listDeliveries } from './listDeliveries.js';
import { listInvoices } from './listInvoices.js';
import { listOpenItems } from './listOpenItems.js';

const SAMPLE = 4;

describeOverTransports('order-to-cash operations on the seeded data', (sap) => {
  const test = sap.testEcc;
  const { db } = test.ecc;
  const { receivables } = test.seeded;

  const statusesOf = async (invoices: string[]) =>
    Promise.all(invoices.slice(0, SAMPLE).map((number) => getInvoice(sap.client, number, { asOf: FIXED_TODAY })));

  it('gives each seeded invoice the payment status the seed gave it', async () => {
    for (const invoice of await statusesOf(receivables.invoices.paid)) expect(invoice).toMatchObject({ paymentStatus: 'paid', openBalance: 0 });
    for (const invoice of await statusesOf(receivables.invoices.open)) expect(invoice).toMatchObject({ paymentStatus: 'open', openBalance: invoice.grossValue });
    for (const invoice of await statusesOf(receivables.invoices.overdue)) {
      expect(invoice.paymentStatus).toBe('overdue');
      expect(invoice.openItems.some((item) => item.daysOverdue > 0)).toBe(true);
    }
    for (const invoice of await statusesOf(receivables.invoices.partlyPaid)) {
      expect(['partiallyPaid', 'overdue']).toContain(invoice.paymentStatus);
      expect(invoice.openBalance).toBeGreaterThan(0);
      expect(invoice.openBalance).toBeLessThan(invoice.grossValue);
    }
    for (const invoice of await statusesOf(receivables.invoices.cancelled)) expect(invoice).toMatchObject({ paymentStatus: 'cancelled', cancelled: true });
  });

  it('shows payers over and near their limit as the seed set them, with receivables equal to KNKK-SKFOR', async () => {
    const accountOf = (payer: string): Row => db.table('KNKK').select({ KUNNR: payer })[0]!;
    for (const payer of receivables.credit.overLimit) {
      const status = await getCreditStatus(sap.client, alphaOut(payer), String(accountOf(payer).KKBER));
      expect(status.availableCredit).toBeLessThan(0);
      expect(status.utilizationPercent).toBeGreaterThan(100);
      expect(status.receivables).toBe(Number(accountOf(payer).SKFOR));
    }
    for (const payer of receivables.credit.nearLimit) {
      const status = await getCreditStatus(sap.client, alphaOut(payer), String(accountOf(payer).KKBER));
      expect(status.utilizationPercent).toBeGreaterThanOrEqual(85);
      expect(status.utilizationPercent).toBeLessThanOrEqual(100);
      expect(status.receivables).toBe(Number(accountOf(payer).SKFOR));
    }
  });

  it('lists an overdue invoice among its payer\'s open items, past due', async () => {
    const invoice = db.table('VBRK').get({ VBELN: receivables.invoices.overdue[0]! })!;
    const items = await listOpenItems(sap.client, alphaOut(String(invoice.KUNRG)), String(invoice.BUKRS), FIXED_TODAY);
    const item = items.find((candidate) => candidate.invoiceNumber === alphaOut(String(invoice.VBELN)));
    expect(item?.daysOverdue).toBeGreaterThan(0);
    expect(items.length).toBe(db.table('BSID').select({ KUNNR: String(invoice.KUNRG), BUKRS: String(invoice.BUKRS) }).length);
  });

  it('lists a seeded customer\'s deliveries and invoices as its tables hold them', async () => {
    const customer = test.seeded.customers.find((candidate) => db.table('VBRK').select({ KUNAG: candidate.customerNumber }).length >= 3)!;
    const newestFirst = (rows: Row[], date: string): string[] =>
      rows.sort((a, b) => `${String(b[date])}${String(b.VBELN)}`.localeCompare(`${String(a[date])}${String(a.VBELN)}`)).map((row) => alphaOut(String(row.VBELN)));

    const deliveries = await listDeliveries(sap.client, customer.customerNumber, { from: '2020-01-01' });
    expect(deliveries.map((delivery) => delivery.deliveryNumber)).toEqual(newestFirst(db.table('LIKP').select({ KUNAG: customer.customerNumber }), 'LFDAT'));
    for (const delivery of deliveries.filter((candidate) => candidate.actualGoodsIssueDate !== '')) {
      expect(delivery.trackingReference).not.toBe('');
      expect(delivery.carrier).not.toBe('');
      expect(['shipped', 'billed']).toContain(delivery.progress);
    }

    const invoices = await listInvoices(sap.client, customer.customerNumber, { from: '2020-01-01', asOf: FIXED_TODAY });
    const billingDocuments = db.table('VBRK').select({ KUNAG: customer.customerNumber }, (row) => ['M', 'O', 'P'].includes(String(row.VBTYP)));
    expect(invoices.map((invoice) => invoice.invoiceNumber)).toEqual(newestFirst(billingDocuments, 'FKDAT'));
    for (const invoice of invoices) expect(invoice.items.length).toBe(db.table('VBRP').select({ VBELN: invoice.invoiceNumber.padStart(10, '0') }).length);
  });
});
