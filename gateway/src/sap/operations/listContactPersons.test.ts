import { expect, it } from 'vitest';
import { describeOverTransports } from '../testing/transports.js';
import { InvalidInputError } from './inputValidation.js';
import { listContactPersons } from './listContactPersons.js';

describeOverTransports('listContactPersons', (sap) => {
  const seeded = sap.testEcc;
  const { db } = seeded.ecc;

  it('lists the contact persons of a customer with their e-mail addresses', async () => {
    const customer = seeded.seeded.customers.find((c) => c.contacts.length > 1)!;
    const contacts = await listContactPersons(sap.client, customer.customerNumber.replace(/^0+/, ''));
    expect(contacts.map((c) => c.contactNumber)).toEqual(customer.contacts.map((n) => n.replace(/^0+/, '')));
    for (const contact of contacts) {
      const knvk = db.table('KNVK').get({ PARNR: contact.contactNumber.padStart(10, '0') })!;
      const [adr6] = db.table('ADR6').select({}, (row) => row.PERSNUMBER === knvk.PRSNR);
      expect(contact).toEqual({
        contactNumber: contact.contactNumber,
        customerNumber: customer.customerNumber.replace(/^0+/, ''),
        firstName: knvk.NAMEV, lastName: knvk.NAME1, department: knvk.ABTNR, function: knvk.PAFKT, phone: knvk.TELF1,
        email: adr6!.SMTP_ADDR,
      });
      expect(contact.email).toContain('@');
    }
  });

  it('leaves out contact persons marked for deletion', async () => {
    const withSeveral = seeded.seeded.customers.filter((c) => c.contacts.length > 1);
    const customer = withSeveral.at(-1)!;
    const [gone, ...kept] = customer.contacts;
    db.table('KNVK').update({ PARNR: gone! }, { LOEVM: 'X' });
    const contacts = await listContactPersons(sap.client, customer.customerNumber);
    expect(contacts.map((c) => c.contactNumber)).toEqual(kept.map((n) => n.replace(/^0+/, '')));
  });

  it('has none for a customer SAP does not know', async () => {
    await expect(listContactPersons(sap.client, '999999')).resolves.toEqual([]);
  });

  it('refuses a malformed number', async () => {
    await expect(listContactPersons(sap.client, '12345678901')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
