import { expect, it } from 'vitest';
import { describeOverTransports } from '../testing/transports.js';
import { getCustomerSalesAreas } from './getCustomerSalesAreas.js';
import { InvalidInputError } from './inputValidation.js';

describeOverTransports('getCustomerSalesAreas', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;

  it('returns every sales area of the customer with its sales data', async () => {
    const customer = seeded.seeded.customers.find((c) => c.salesAreas.length > 1)!;
    const areas = await getCustomerSalesAreas(sap.client, customer.customerNumber.replace(/^0+/, ''));
    expect(areas.map((a) => [a.salesOrganization, a.distributionChannel, a.division])).toEqual(customer.salesAreas);
    for (const area of areas) {
      const knvv = db.table('KNVV').get({ KUNNR: customer.customerNumber, VKORG: area.salesOrganization, VTWEG: area.distributionChannel, SPART: area.division })!;
      expect(area).toEqual({
        customerNumber: customer.customerNumber.replace(/^0+/, ''),
        salesOrganization: knvv.VKORG, distributionChannel: knvv.VTWEG, division: knvv.SPART,
        currency: knvv.WAERS, paymentTerms: knvv.ZTERM, incoterms: knvv.INCO1, incotermsLocation: knvv.INCO2, shippingConditions: knvv.VSBED,
        customerGroup: knvv.KDGRP, priceGroup: knvv.KONDA, priceList: knvv.PLTYP, salesOffice: knvv.VKBUR, salesGroup: knvv.VKGRP,
        blocks: { order: Boolean(knvv.AUFSD), delivery: false, billing: false },
      });
    }
  });

  it('reports the order block of a sales area', async () => {
    const blocked = seeded.seeded.customers.find((c) => c.blockedForOrders);
    expect(blocked, 'the seed has a customer blocked for orders').toBeDefined();
    const areas = await getCustomerSalesAreas(sap.client, blocked!.customerNumber);
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.every((a) => a.blocks.order)).toBe(true);
  });

  it('has none for a customer SAP does not know (QC160)', async () => {
    await expect(getCustomerSalesAreas(sap.client, '999999')).resolves.toEqual([]);
  });

  it('refuses an empty number', async () => {
    await expect(getCustomerSalesAreas(sap.client, '')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
