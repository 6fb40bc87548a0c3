import { expect, it } from 'vitest';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listPartnerFunctions } from './listPartnerFunctions.js';

const unpadded = (n: string): string => n.replace(/^0+/, '');

describeOverTransports('listPartnerFunctions', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;
  // A customer with a separate ship-to and several sales areas shows every kind of partner.
  const customer = seeded.seeded.customers.find((c) => c.shipTos.length > 1 && c.salesAreas.length > 1)
    ?? seeded.seeded.customers.find((c) => c.shipTos.length > 1)!;

  it('lists the partner functions of every sales area with canonical roles', async () => {
    const partners = await listPartnerFunctions(sap.client, unpadded(customer.customerNumber));
    expect(partners).toHaveLength(db.table('KNVP').select({ KUNNR: customer.customerNumber }).length);
    const [salesOrganization, distributionChannel, division] = customer.salesAreas[0]!;
    const inFirstArea = partners.filter((p) => p.salesOrganization === salesOrganization && p.distributionChannel === distributionChannel && p.division === division);
    const byRole = (role: string) => inFirstArea.filter((p) => p.role === role).map((p) => p.partnerNumber);
    expect(byRole('soldTo')).toEqual([unpadded(customer.customerNumber)]);
    expect(byRole('shipTo')).toEqual(customer.shipTos.map(unpadded));
    expect(byRole('billTo')).toEqual([unpadded(customer.customerNumber)]);
    expect(byRole('payer')).toEqual([unpadded(customer.payer)]);
    expect(byRole('contactPerson').sort()).toEqual(customer.contacts.map(unpadded).sort());
    expect(inFirstArea.find((p) => p.role === 'shipTo' && p.counter === 1)).toMatchObject({ sapRole: 'WE', customerNumber: unpadded(customer.customerNumber) });
  });

  it('narrows to one sales area', async () => {
    const [salesOrganization, distributionChannel, division] = customer.salesAreas.at(-1)!;
    const partners = await listPartnerFunctions(sap.client, customer.customerNumber, { salesOrganization, distributionChannel, division });
    expect(partners.length).toBeGreaterThan(0);
    expect(new Set(partners.map((p) => `${p.salesOrganization}/${p.distributionChannel}/${p.division}`))).toEqual(new Set([`${salesOrganization}/${distributionChannel}/${division}`]));
    expect(partners).toHaveLength(db.table('KNVP').select({ KUNNR: customer.customerNumber, VKORG: salesOrganization, VTWEG: distributionChannel, SPART: division }).length);
  });

  it('maps functions the model does not name to other, keeping SAP\'s code', async () => {
    const [VKORG, VTWEG, SPART] = customer.salesAreas[0]!;
    db.table('KNVP').insert({ KUNNR: customer.customerNumber, VKORG, VTWEG, SPART, PARVW: 'ZM', PARZA: '000', PERNR: '00004711', PARNR: '0000000000' });
    const partners = await listPartnerFunctions(sap.client, customer.customerNumber, { salesOrganization: VKORG, distributionChannel: VTWEG, division: SPART });
    expect(partners.find((p) => p.sapRole === 'ZM')).toMatchObject({ role: 'other', partnerNumber: '4711' });
  });

  it('refuses a malformed sales area', async () => {
    await expect(listPartnerFunctions(sap.client, '1000', { salesOrganization: '10000', distributionChannel: '10', division: '01' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
