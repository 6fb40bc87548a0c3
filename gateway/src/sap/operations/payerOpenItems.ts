/**
 * The open items of the payers of a set of billing documents, read once per payer and company
 * code (BAPI_AR_ACC_GETOPENITEMS), for working out the documents' payment status; those of
 * payers the caller is reading already come from the caller.
 */

import type { OpenItem } from '../../model/invoice.js';
import { customerNumberIn } from '../alpha.js';
import type { RfcSession } from '../rfc.js';
import { readCustomerOpenItems } from './customerOpenItems.js';
import type { TableRow } from './readTable.js';

const POSTED = 'C';

const keyOf = (companyCode: string, payer: string): string => `${companyCode}/${payer}`;

/** A payer's open items in a company code that the caller is reading already (a promise, so the reads can overlap). */
export interface KnownOpenItems {
  customerNumber: string;
  companyCode: string;
  items: Promise<OpenItem[]>;
}

export class PayerOpenItems {
  private constructor(private readonly items: Map<string, OpenItem[]>) {}

  /**
   * Reads the open items at `keyDate` (ISO) for every payer and company code of the posted
   * documents among `headers` (VBRK rows), all at once; those the caller is reading already
   * (`known`) are taken from there.
   */
  static async read(session: RfcSession, headers: TableRow[], keyDate: string, known: readonly KnownOpenItems[] = []): Promise<PayerOpenItems> {
    const knownByKey = new Map(known.map((payer) => [keyOf(payer.companyCode.toUpperCase(), customerNumberIn(payer.customerNumber)), payer.items]));
    const reads = new Map<string, Promise<OpenItem[]>>();
    for (const header of headers) {
      if (header.RFBSK !== POSTED || !header.BELNR) continue;
      const companyCode = header.BUKRS ?? '';
      const payer = header.KUNRG ?? '';
      const key = keyOf(companyCode, payer);
      if (!reads.has(key)) reads.set(key, knownByKey.get(key) ?? readCustomerOpenItems(session, payer, companyCode, keyDate));
    }
    const items = await Promise.all([...reads].map(async ([key, read]) => [key, await read] as const));
    return new PayerOpenItems(new Map(items));
  }

  of(header: TableRow): OpenItem[] {
    return this.items.get(keyOf(header.BUKRS ?? '', header.KUNRG ?? '')) ?? [];
  }
}
