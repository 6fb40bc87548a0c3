/**
 * The open items of the payers of a set of billing documents, read once per payer and company
 * code (BAPI_AR_ACC_GETOPENITEMS), for working out the documents' payment status; those of one
 * payer may come from the caller, who read them already.
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

  /** Reads the open items at `keyDate` (ISO) for every payer and company code of the posted documents among `headers` (VBRK rows). */
  static async read(session: RfcSession, headers: TableRow[], keyDate: string, known?: KnownOpenItems): Promise<PayerOpenItems> {
    const items = new Map<string, OpenItem[]>();
    const knownKey = known && keyOf(known.companyCode.toUpperCase(), customerNumberIn(known.customerNumber));
    for (const header of headers) {
      if (header.RFBSK !== POSTED || !header.BELNR) continue;
      const companyCode = header.BUKRS ?? '';
      const payer = header.KUNRG ?? '';
      const key = keyOf(companyCode, payer);
      if (!items.has(key)) items.set(key, await (key === knownKey ? known!.items : readCustomerOpenItems(session, payer, companyCode, keyDate)));
    }
    return new PayerOpenItems(items);
  }

  of(header: TableRow): OpenItem[] {
    return this.items.get(keyOf(header.BUKRS ?? '', header.KUNRG ?? '')) ?? [];
  }
}
