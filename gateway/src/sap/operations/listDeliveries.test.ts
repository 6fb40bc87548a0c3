import { beforeAll, expect, it } from 'vitest';
import { BillingScenario, type ScenarioCustomer, type ScenarioDelivery } from '../../sandbox/ecc/testing/billingScenario.js';
import { CARRIERS } from '../../sandbox/ecc/seed/orgStructure.js';
import { alphaOut } from '../alpha.js';
import { SapNotFoundError } from '../errors.js';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { deliveryOf, listDeliveries, listDeliveryHeaders, readDeliveredSalesDocuments, readDeliveryCarriers, readDeliveryItems, readDeliveryStatuses, readVendorNames } from './listDeliveries.js';

describeOverTransports('listDeliveries', (sap) => {
  const test = sap.testEcc;
  const scenario = new BillingScenario(test);
  let customer: ScenarioCustomer;
  let shipped: ScenarioDelivery;
  let waiting: ScenarioDelivery;
  let billed: ScenarioDelivery;

  beforeAll(async () => {
    customer = scenario.customer();
    const order = scenario.order(customer, [{ quantity: 6, price: 880 }, { quantity: 25, price: 14.2 }], { date: '2026-11-02' });
    shipped = scenario.deliver(order, { date: '2026-11-20', quantities: { '000010': 4, '000020': 25 }, goodsIssue: '2026-11-21', carrier: 1, trackingReference: 'SCH-4471-2209' });
    waiting = scenario.deliver(order, { date: '2026-11-26', picked: false });
    billed = scenario.deliver(scenario.order(customer, [{ quantity: 1, price: 4_100 }], { date: '2026-10-01' }), { date: '2026-10-05', goodsIssue: '2026-10-06', carrier: 0, trackingReference: 'JJD000390007' });
    scenario.invoice(billed, { date: '2026-10-06' });
  });

  const all = () => listDeliveries(sap.client, alphaOut(customer.customerNumber), { from: '2026-01-01' });

  it('lists the deliveries newest first, with items, weights and dates', async () => {
    const deliveries = await all();
    expect(deliveries.map((d) => d.deliveryNumber)).toEqual([waiting, shipped, billed].map((d) => alphaOut(d.deliveryNumber)));
    const first = deliveries.find((d) => d.deliveryNumber === alphaOut(shipped.deliveryNumber))!;
    expect(first).toMatchObject({
      deliveryType: 'LF', salesOrganization: '1000', shippingPoint: '1000', soldTo: alphaOut(customer.customerNumber), shipTo: alphaOut(customer.customerNumber),
      plannedGoodsIssueDate: '2026-11-20', deliveryDate: '2026-11-22', actualGoodsIssueDate: '2026-11-21', weightUnit: 'KG',
    });
    expect(first.grossWeight).toBe(29 * 25);
    expect(first.items).toEqual(
      shipped.items.map((item) => ({
        itemNumber: Number(item.itemNumber), materialNumber: alphaOut(item.material), description: item.description, quantity: item.quantity, unit: item.unit,
        salesDocument: alphaOut(shipped.order.orderNumber), salesDocumentItem: Number(item.orderItem), batch: item.unit === 'KG' ? 'B261120' : '',
      })),
    );
  });

  it('tells a shipped delivery with its carrier and tracking reference from one still waiting for picking', async () => {
    const deliveries = await all();
    const onTheWay = deliveries.find((d) => d.deliveryNumber === alphaOut(shipped.deliveryNumber))!;
    expect(onTheWay).toMatchObject({
      progress: 'shipped', trackingReference: 'SCH-4471-2209', carrier: CARRIERS[1]!.name, carrierNumber: alphaOut(CARRIERS[1]!.vendor),
      status: { picking: 'complete', goodsMovement: 'complete', billing: 'open', overall: 'partial' },
    });
    const notYet = deliveries.find((d) => d.deliveryNumber === alphaOut(waiting.deliveryNumber))!;
    expect(notYet).toMatchObject({
      progress: 'created', actualGoodsIssueDate: '', trackingReference: '', carrier: '', carrierNumber: '',
      status: { picking: 'open', goodsMovement: 'open', billing: 'open', overall: 'open' },
    });
    expect(notYet.items.map((item) => item.quantity)).toEqual([2]);
    const done = deliveries.find((d) => d.deliveryNumber === alphaOut(billed.deliveryNumber))!;
    expect(done).toMatchObject({ progress: 'billed', carrier: CARRIERS[0]!.name, status: { billing: 'complete' } });
  });

  it('keeps to the date window and the row limit', async () => {
    const november = await listDeliveries(sap.client, customer.customerNumber, { from: '2026-11-01', to: '2026-11-25' });
    expect(november.map((d) => d.deliveryNumber)).toEqual([alphaOut(shipped.deliveryNumber)]);
    const newest = await listDeliveries(sap.client, customer.customerNumber, { from: '2026-01-01', maxRows: 2 });
    expect(newest.map((d) => d.deliveryNumber)).toEqual([waiting, shipped].map((d) => alphaOut(d.deliveryNumber)));
  });

  it('gives the same deliveries when its reads run apart, in parallel, and leaves out numbers SAP does not know', async () => {
    const headers = await listDeliveryHeaders(sap.client, customer.customerNumber, { from: '2026-01-01' });
    const numbers = [...headers.map((header) => header.deliveryNumber), '99999999'];
    const [statuses, items, carriers] = await Promise.all([readDeliveryStatuses(sap.client, numbers), readDeliveryItems(sap.client, numbers), readDeliveryCarriers(sap.client, numbers)]);
    expect([...statuses.keys()].sort()).toEqual(headers.map((header) => header.deliveryNumber).sort());
    expect([...carriers.keys()].sort()).toEqual([shipped, billed].map((d) => alphaOut(d.deliveryNumber)).sort());
    const names = await readVendorNames(sap.client, [...carriers.values(), '77777']);
    expect(names).toEqual(new Map([[alphaOut(CARRIERS[0]!.vendor), CARRIERS[0]!.name], [alphaOut(CARRIERS[1]!.vendor), CARRIERS[1]!.name]]));
    const assembled = headers.map((header) => {
      const vendor = carriers.get(header.deliveryNumber);
      return deliveryOf(header, statuses.get(header.deliveryNumber), items.get(header.deliveryNumber) ?? [], vendor ? { number: vendor, name: names.get(vendor)! } : undefined);
    });
    expect(assembled).toEqual(await all());
    const ordersShipped = await readDeliveredSalesDocuments(sap.client, numbers);
    expect(ordersShipped).toEqual(new Map(assembled.map((delivery) => [delivery.deliveryNumber, [...new Set(delivery.items.map((item) => item.salesDocument))]])));
  });

  it('returns an empty list for a customer without deliveries and SapNotFoundError for an unknown one', async () => {
    const quiet = scenario.customer();
    await expect(listDeliveries(sap.client, quiet.customerNumber)).resolves.toEqual([]);
    await expect(listDeliveries(sap.client, '9999999')).rejects.toBeInstanceOf(SapNotFoundError);
  });

  it('rejects a bad window before calling SAP', async () => {
    await expect(listDeliveries(sap.client, customer.customerNumber, { maxRows: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(listDeliveries(sap.client, customer.customerNumber, { maxRows: 201 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(listDeliveries(sap.client, customer.customerNumber, { from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow(/from must not be after to/);
    await expect(listDeliveries(sap.client, customer.customerNumber, { from: '27.11.2026' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(listDeliveries(sap.client, '')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
