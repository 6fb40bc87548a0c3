/**
 * Creates a customer with BAPI_CUSTOMER_CREATEFROMDATA1 and commits it on the same SAP session;
 * SAP copies everything not given (account group, company code and sales data, partner functions,
 * tax classification) from the reference customer in the reference's sales area. Country,
 * language and currency go in ISO format, which SAP converts to its keys. Which fields are
 * mandatory is SAP's decision: an empty one comes back as SAP's message, the LUW rolled back.
 */

import { z } from 'zod';
import type { NewCustomer } from '../../model/customer.js';
import type { SapMessage } from '../../model/errors.js';
import { alphaOut, customerNumberIn } from '../alpha.js';
import type { RfcClient } from '../rfc.js';
import { scalarOf } from '../rfc.js';
import { writeAndCommit } from '../luw.js';
import { personalDataOf } from './customerMapping.js';
import { orgKey, sapKey, sapText, validInput } from './inputValidation.js';

const isoCode = (length: number, what: string): z.ZodString =>
  z.string().regex(new RegExp(`^([A-Za-z]{${length}})?$`), `must be an ISO ${what} code of ${length} letters`);

/** Lengths are those of the KNA1 fields the values end up in (SAP would cut longer ones). */
export const customerDataSchema = z.strictObject({
  name: sapText(35),
  name2: sapText(35).optional(),
  searchTerm: z.undefined({ error: 'cannot be set: SAP derives the search term from the name' }).optional(),
  street: sapText(35),
  postalCode: sapText(10),
  city: sapText(35),
  country: isoCode(2, 'country'),
  region: sapText(3).optional(),
  language: isoCode(2, 'language'),
  phone: sapText(16).optional(),
  fax: sapText(31).optional(),
  email: z.string().max(241).regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, 'must be an e-mail address').optional(),
});

const newCustomerSchema = customerDataSchema.extend({
  currency: isoCode(3, 'currency'),
  reference: z.strictObject({
    customerNumber: sapKey(10),
    salesOrganization: orgKey(4),
    distributionChannel: orgKey(2),
    division: orgKey(2),
  }),
});

export interface CreatedCustomer {
  customerNumber: string;
  /** SAP's success, warning and information messages. */
  sapMessages: SapMessage[];
}

export async function createCustomer(client: RfcClient, customer: NewCustomer): Promise<CreatedCustomer> {
  const { reference, ...fields } = validInput(newCustomerSchema, customer, 'createCustomer');
  const { data } = personalDataOf(fields);
  const { result, messages } = await writeAndCommit(client, `the creation of customer "${fields.name}"`, 'BAPI_CUSTOMER_CREATEFROMDATA1', {
    PI_PERSONALDATA: data,
    PI_COPYREFERENCE: {
      REF_CUSTMR: customerNumberIn(reference.customerNumber),
      SALESORG: reference.salesOrganization.toUpperCase(),
      DISTR_CHAN: reference.distributionChannel.toUpperCase(),
      DIVISION: reference.division.toUpperCase(),
    },
  });
  return { customerNumber: alphaOut(scalarOf(result, 'CUSTOMERNO')), sapMessages: messages };
}
