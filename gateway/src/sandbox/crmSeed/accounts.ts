/**
 * Accounts for SAP's sold-to customers and contacts for their contact persons, owned by the
 * customer's sales representative (owners.ts). An account carries the customer number in SAP's
 * internal form (ecc_customernumber, the alternate key the gateway addresses it by; accountnumber
 * shows it as users see it), its account group, first SAP sales area, company code and credit
 * control area, and the customer's address, phone and e-mail; a contact carries its SAP contact
 * person number (ecc_contactpersonnumber, KNVK-PARNR). A customer marked for deletion in SAP is an
 * inactive account.
 */

import { externalNumber } from '../ecc/salesDocumentRequest.js';
import type { EccCustomer } from './eccCatalog.js';
import { seededId } from './ids.js';
import { ownerOf, personaOf, type OwnerKey } from './owners.js';
import type { ProductCatalog } from './productCatalog.js';
import type { RowWriter } from './rowWriter.js';

/** The countries of SAP's customers as account addresses name them (also the seed's country value maps). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = { DE: 'Germany', US: 'United States' };

export interface SeededAccountRow {
  id: string;
  customer: EccCustomer;
  owner: OwnerKey;
}

const orNull = (value: string): string | null => (value === '' ? null : value);

export function seedAccounts(writer: RowWriter, customers: EccCustomer[], catalog: ProductCatalog): SeededAccountRow[] {
  return customers.map((customer) => {
    const owner = ownerOf(customer);
    const id = seededId('account', customer.customerNumber);
    const currencyId = catalog.currencyIds.get(customer.currency);
    writer.create('account', id, {
      name: customer.name,
      accountnumber: externalNumber(customer.customerNumber),
      ecc_customernumber: customer.customerNumber,
      ecc_accountgroup: customer.accountGroup,
      ecc_salesorganization: customer.salesArea.salesOrganization,
      ecc_distributionchannel: customer.salesArea.distributionChannel,
      ecc_division: customer.salesArea.division,
      ecc_companycode: orNull(customer.companyCode),
      ecc_creditcontrolarea: orNull(customer.creditControlArea),
      address1_line1: orNull(customer.street),
      address1_city: orNull(customer.city),
      address1_postalcode: orNull(customer.postalCode),
      // SAP's German region keys are not names; US ones are the state codes users write.
      address1_stateorprovince: customer.country === 'US' ? orNull(customer.region) : null,
      address1_country: COUNTRY_NAMES[customer.country] ?? orNull(customer.country),
      telephone1: orNull(customer.phone),
      emailaddress1: orNull(customer.email),
      customertypecode: 3,
      overriddencreatedon: customer.createdOn,
      ...(currencyId ? { 'transactioncurrencyid@odata.bind': writer.bind('transactioncurrency', currencyId) } : {}),
      'ownerid@odata.bind': writer.bind('systemuser', personaOf(owner).systemUserId),
    });
    const contactIds = customer.contacts.map((contact) =>
      writer.create('contact', seededId('contact', contact.number), {
        ecc_contactpersonnumber: contact.number,
        firstname: orNull(contact.firstName),
        lastname: contact.lastName,
        salutation: orNull(contact.salutation),
        telephone1: orNull(contact.phone),
        emailaddress1: orNull(contact.email),
        'parentcustomerid_account@odata.bind': writer.bind('account', id),
        'ownerid@odata.bind': writer.bind('systemuser', personaOf(owner).systemUserId),
      }),
    );
    const primaryContact = contactIds[0];
    if (primaryContact) writer.update('account', id, { 'primarycontactid@odata.bind': writer.bind('contact', primaryContact) });
    if (customer.deleted) writer.update('account', id, { statecode: 1, statuscode: 2 });
    return { id, customer, owner };
  });
}
