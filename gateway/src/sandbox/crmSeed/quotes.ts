/**
 * Opportunities and quotes of the seeded accounts, so every panel and quote action has records to
 * work on. Per owner, in customer number order, active accounts get:
 * - every second account (the first, the third …) a draft quote (statecode Draft);
 * - every third account not blocked in SAP (the second, the fifth …) an approved quote (statecode
 *   Active, its default status) that can be sent to SAP;
 * - the first three accounts not blocked in SAP with an open SAP quotation (valid, not yet taken
 *   over, every item in the base unit) an approved quote standing for that quotation
 *   (ecc_sapquotationnumber), with its items as lines.
 * Other quotes have one to three lines of materials sellable in the account's sales area, in base
 * units, at the price list's price. Each account with quotes has one open opportunity they belong to.
 */

import type { Random } from '../random.js';
import { externalNumber } from '../ecc/salesDocumentRequest.js';
import type { EccCatalog, EccQuotation } from './eccCatalog.js';
import { seededId } from './ids.js';
import { OWNERS, personaOf } from './owners.js';
import type { SeededAccountRow } from './accounts.js';
import type { PriceList, ProductCatalog } from './productCatalog.js';
import type { RowWriter } from './rowWriter.js';

/** Accounts per owner that get a quote standing for an SAP quotation. */
const QUOTATION_QUOTES_PER_OWNER = 3;

interface Line {
  materialNumber: string;
  quantity: number;
}

interface PlannedQuote {
  kind: 'draft' | 'approved' | 'sapQuotation';
  lines: Line[];
  quotation?: EccQuotation;
}

export interface QuoteCounts {
  opportunities: number;
  quotes: number;
  quoteLines: number;
}

const addDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function seedQuotes(writer: RowWriter, ecc: EccCatalog, catalog: ProductCatalog, accounts: SeededAccountRow[], random: Random): QuoteCounts {
  const today = `${ecc.today.slice(0, 4)}-${ecc.today.slice(4, 6)}-${ecc.today.slice(6, 8)}`;
  const counts: QuoteCounts = { opportunities: 0, quotes: 0, quoteLines: 0 };
  const materials = new Map(ecc.allMaterials().map((m) => [m.materialNumber, m]));

  const randomLines = (account: SeededAccountRow, priceList: PriceList): Line[] => {
    const candidates = [...priceList.prices.keys()].filter((material) => ecc.sellable(material, account.customer.salesArea));
    const chosen = new Set<string>();
    const count = Math.min(random.int(1, 3), candidates.length);
    while (chosen.size < count) chosen.add(random.pick(candidates));
    return [...chosen].map((materialNumber) => ({
      materialNumber,
      quantity: materials.get(materialNumber)!.baseUnit === 'KG' ? random.int(1, 20) * 5 : random.int(1, 8),
    }));
  };

  for (const owner of OWNERS) {
    let quotationQuotes = 0;
    const owned = accounts.filter((account) => account.owner === owner && !account.customer.deleted);
    owned.forEach((account, index) => {
      const priceList = catalog.priceLists.get(account.customer.salesArea.salesOrganization);
      // Quote lines take the price list's prices: only accounts quoted in its channel get quotes.
      if (!priceList || priceList.distributionChannel !== account.customer.salesArea.distributionChannel) return;
      const planned: PlannedQuote[] = [];
      if (index % 2 === 0) planned.push({ kind: 'draft', lines: randomLines(account, priceList) });
      if (!account.customer.blocked && index % 3 === 1) planned.push({ kind: 'approved', lines: randomLines(account, priceList) });
      if (!account.customer.blocked && quotationQuotes < QUOTATION_QUOTES_PER_OWNER) {
        const quotation = ecc.openQuotations(account.customer).find((q) => q.items.every((item) => priceList.prices.has(item.materialNumber)));
        if (quotation) {
          quotationQuotes += 1;
          planned.push({ kind: 'sapQuotation', lines: quotation.items, quotation });
        }
      }
      const quotes = planned.filter((quote) => quote.lines.length > 0);
      if (quotes.length === 0) return;
      writeQuotes(account, priceList, quotes);
    });
  }
  return counts;

  function writeQuotes(account: SeededAccountRow, priceList: PriceList, quotes: PlannedQuote[]): void {
    const { customer } = account;
    const owner = { 'ownerid@odata.bind': writer.bind('systemuser', personaOf(account.owner).systemUserId) };
    const currency = { 'transactioncurrencyid@odata.bind': writer.bind('transactioncurrency', priceList.currencyId) };
    const value = (lines: Line[]) => lines.reduce((sum, line) => sum + line.quantity * priceList.prices.get(line.materialNumber)!, 0);
    const firstProduct = materials.get(quotes[0]!.lines[0]!.materialNumber)!.description;

    const opportunityId = writer.create('opportunity', seededId('opportunity', customer.customerNumber), {
      name: `${firstProduct} for ${customer.name}`.slice(0, 300),
      'customerid_account@odata.bind': writer.bind('account', account.id),
      'parentaccountid@odata.bind': writer.bind('account', account.id),
      'pricelevelid@odata.bind': writer.bind('pricelevel', priceList.id),
      estimatedvalue: Math.round(value(quotes[0]!.lines) * 100) / 100,
      estimatedclosedate: addDays(today, random.int(20, 90)),
      closeprobability: random.int(2, 8) * 10,
      ...currency,
      ...owner,
    });
    counts.opportunities += 1;

    quotes.forEach((quote, position) => {
      const id = seededId('quote', customer.customerNumber, String(position));
      counts.quotes += 1;
      const quotationNumber = quote.quotation ? externalNumber(quote.quotation.number) : undefined;
      const address = {
        billto_name: customer.name, billto_line1: customer.street || null, billto_city: customer.city || null,
        billto_postalcode: customer.postalCode || null, shipto_name: customer.name, shipto_line1: customer.street || null,
        shipto_city: customer.city || null, shipto_postalcode: customer.postalCode || null,
      };
      writer.create('quote', id, {
        name: (quotationNumber ? `SAP quotation ${quotationNumber} for ${customer.name}` : `${materials.get(quote.lines[0]!.materialNumber)!.description} for ${customer.name}`).slice(0, 300),
        quotenumber: `QUO-${String(counts.quotes).padStart(5, '0')}-${id.slice(0, 6).toUpperCase()}`,
        'customerid_account@odata.bind': writer.bind('account', account.id),
        'opportunityid@odata.bind': writer.bind('opportunity', opportunityId),
        'pricelevelid@odata.bind': writer.bind('pricelevel', priceList.id),
        effectivefrom: quote.quotation?.validFrom ?? today,
        effectiveto: quote.quotation?.validTo ?? addDays(today, 30),
        ...(quotationNumber ? { ecc_sapquotationnumber: quotationNumber } : {}),
        ...address,
        ...currency,
        ...owner,
      });
      quote.lines.forEach((line, index) => {
        writer.create('quotedetail', seededId('quote line', id, String(index)), {
          'quoteid@odata.bind': writer.bind('quote', id),
          'productid@odata.bind': writer.bind('product', catalog.productIds.get(line.materialNumber)!),
          'uomid@odata.bind': writer.bind('uom', catalog.unitIds.get(materials.get(line.materialNumber)!.baseUnit)!),
          quantity: line.quantity,
          // Dataverse takes the price from the price list for a line whose price is not overridden.
          priceperunit: priceList.prices.get(line.materialNumber)!,
          ispriceoverridden: false,
          lineitemnumber: (index + 1) * 10,
          sequencenumber: index + 1,
          ...currency,
        });
        counts.quoteLines += 1;
      });
      // Lines are added while the quote is a draft; activating it makes it an approved quote.
      if (quote.kind !== 'draft') writer.update('quote', id, { statecode: 1, statuscode: 2 });
    });
  }
}
