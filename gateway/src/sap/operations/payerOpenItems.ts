/**
 * The open items of the payers of a set of billing documents, read once per payer and company
 * code (BAPI_AR_ACC_GETOPENITEMS), for working out the documents' payment status.
 */

import type { OpenItem } from '../../model/invoice.js';
import type { RfcSession } from '../rfc.js';
import { readCustomerOpenItems } from './customerOpenItems.js';
import type { TableRow } from './readTable.js';

const POSTED = 'C';

const keyOf = (companyCode: string, payer: string): string => `${companyCode}/${payer}`;

export class PayerOpenItems {
  private constructor(private readonly items: Map<string, OpenItem[]>) {}

  /** Reads the open items at `keyDate` (ISO) for every payer and company code of the posted documents among `headers` (VBRK rows). */
  static async read(session: RfcSession, headers: TableRow[], keyDate: string): Promise<PayerOpenItems> {
    const items = new Map<string, OpenItem[]>();
    for (const header of headers) {
      if (header.RFBSK !== POSTED || !header.BELNR) continue;
      const companyCode = header.BUKRS ?? '';
      const payer = header.KUNRG ?? '';
      const key = keyOf(companyCode, payer);
      if (!items.has(key)) items.set(key, await readCustomerOpenItems(session, payer, companyCode, keyDate));
    }
    return new PayerOpenItems(items);
  }

  of(header: TableRow): OpenItem[] {
    return this.items.get(keyOf(header.BUKRS ?? '', header.KUNRG ?? '')) ?? [];
  }
}
