/**
 * Calls of the ecc365 SAP add-on (docs/sap-addon.md): function group /ECC365/PANELS, one
 * RFC-enabled module per account panel. An SAP system without the add-on, or with another
 * version of it, answers with an interface failure; that becomes an error saying what to do.
 */

import { toDats } from '../../abapValues.js';
import { SapInterfaceError } from '../../errors.js';
import type { RfcParameters, RfcScalar, RfcSession, RfcStructure } from '../../rfc.js';

export type AddOnModule = '/ECC365/PANEL_ORDERS' | '/ECC365/PANEL_DELIVERIES' | '/ECC365/PANEL_INVOICES' | '/ECC365/PANEL_CREDIT';

export async function callAddOn(session: RfcSession, functionModule: AddOnModule, parameters: RfcParameters): Promise<RfcParameters> {
  try {
    return await session.call(functionModule, parameters);
  } catch (error) {
    if (!(error instanceof SapInterfaceError)) throw error;
    throw new SapInterfaceError(
      `SAP does not have the ecc365 add-on's ${functionModule} as this gateway calls it (${error.message}). Import the add-on's current version into SAP (docs/sap-addon.md), or set sap.addOn to false to read with SAP's standard interfaces.`,
      { cause: error },
    );
  }
}

/** A list module's window: dates (ISO) from and to, and the most documents wanted, newest first. */
export interface DocumentWindow {
  from: string;
  to?: string | undefined;
  maxDocuments: number;
}

export const windowParameters = (window: DocumentWindow): RfcParameters => ({
  DATE_FROM: toDats(window.from),
  ...(window.to !== undefined ? { DATE_TO: toDats(window.to) } : {}),
  MAX_DOCUMENTS: window.maxDocuments,
});

/** A structure row as RFC_READ_TABLE gives it (text, trimmed), for the mappings written for those rows. */
export function asTableRow(row: RfcStructure): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([field, value]: [string, RfcScalar]) => [field, String(value).trim()]));
}
