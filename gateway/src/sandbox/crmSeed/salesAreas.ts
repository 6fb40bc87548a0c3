/**
 * SAP's sales areas as ecc_salesarea rows, and each account's sales data in its sales areas
 * (KNVV: payment terms, currency, customer group, order block) as ecc_customersalesarea rows
 * linked to the account and the sales area, owned by the account's owner as the customer sync
 * will write them.
 */

import type { EccCatalog, SalesArea } from './eccCatalog.js';
import type { SeededAccountRow } from './accounts.js';
import { seededId } from './ids.js';
import { personaOf } from './owners.js';
import type { RowWriter } from './rowWriter.js';

/** ecc_name holds 200 characters (ecc_CustomerSalesArea/Entity.xml of the solution). */
const NAME_LENGTH = 200;

const keyOf = (area: SalesArea): string => `${area.salesOrganization}/${area.distributionChannel}/${area.division}`;
const orNull = (value: string): string | null => (value === '' ? null : value);

/** The sales area rows, by "organization/channel/division". */
export function seedSalesAreas(writer: RowWriter, catalog: EccCatalog): Map<string, string> {
  const ids = new Map<string, string>();
  for (const area of catalog.salesAreas()) {
    const key = keyOf(area);
    ids.set(key, writer.create('ecc_salesarea', seededId('sales area', key), {
      ecc_name: area.name.slice(0, 100),
      ecc_salesorganization: area.salesOrganization,
      ecc_distributionchannel: area.distributionChannel,
      ecc_division: area.division,
    }));
  }
  return ids;
}

/** The accounts' sales data per sales area; returns how many rows it wrote. */
export function seedCustomerSalesAreas(writer: RowWriter, accounts: SeededAccountRow[], salesAreaIds: Map<string, string>): number {
  let written = 0;
  for (const { id: accountId, customer, owner } of accounts) {
    for (const area of customer.salesAreas) {
      const salesAreaId = salesAreaIds.get(keyOf(area));
      // KNVV without its TVTA entry is inconsistent SAP data; the account keeps its other areas.
      if (salesAreaId === undefined) continue;
      writer.create('ecc_customersalesarea', seededId('customer sales area', customer.customerNumber, keyOf(area)), {
        ecc_name: `${customer.name} ${keyOf(area)}`.slice(0, NAME_LENGTH),
        ecc_paymentterms: orNull(area.paymentTerms),
        ecc_currency: orNull(area.currency),
        ecc_customergroup: orNull(area.customerGroup),
        ecc_orderblock: orNull(area.orderBlock),
        'ecc_AccountId@odata.bind': writer.bind('account', accountId),
        'ecc_SalesAreaId@odata.bind': writer.bind('ecc_salesarea', salesAreaId),
        'ownerid@odata.bind': writer.bind('systemuser', personaOf(owner).systemUserId),
      });
      written += 1;
    }
  }
  return written;
}
