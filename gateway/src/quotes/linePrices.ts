/**
 * Writes SAP's prices onto quote lines, as the gateway's application user, in one $batch change
 * set: every line or none. A line gets SAP's net price per unit as its price (price overridden,
 * so CRM's price list does not replace it), SAP's tax, no manual discount (SAP's net price already
 * holds the discounts SAP grants; a CRM discount on top would make the quote's total differ from
 * SAP's), and the SAP columns that say what SAP priced and when.
 */

import type { DataverseClient } from '../dataverse/client.js';
import { DataverseResponseError } from '../dataverse/errors.js';
import { batchRequest } from '../dataverse/requests/batch.js';
import { WRITTEN_TABLES, type ColumnValues } from '../dataverse/writtenColumns.js';

export interface LinePrice {
  quoteDetailId: string;
  netPrice: number;
  taxAmount: number;
}

export async function writeLinePrices(dataverse: DataverseClient, prices: readonly LinePrice[], pricedAt: Date): Promise<void> {
  const changeSet = prices.map((price) =>
    batchRequest.update(WRITTEN_TABLES.quotedetail.entitySet, price.quoteDetailId, {
      priceperunit: price.netPrice,
      ispriceoverridden: true,
      manualdiscountamount: 0,
      tax: price.taxAmount,
      ecc_sapnetprice: price.netPrice,
      ecc_saptaxamount: price.taxAmount,
      ecc_sappricedon: pricedAt.toISOString(),
    } satisfies ColumnValues<'quotedetail'>),
  );
  const result = await dataverse.executeBatch([{ changeSet }]);
  if (!result.ok) {
    throw result.results.find((item) => item.error !== undefined)?.error ?? new DataverseResponseError("Dataverse did not apply SAP's prices to the quote lines and gave no reason.");
  }
}
