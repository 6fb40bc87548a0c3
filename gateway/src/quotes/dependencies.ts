/** What the quote-to-SAP use cases are given: the two systems, the installation's settings, a clock. */

import type { DataverseClient } from '../dataverse/client.js';
import type { RfcClient } from '../sap/rfc.js';

export interface QuoteSettings {
  /** A quote column that must say "approved" before a quote may go to SAP (besides the quote being active). */
  approvalColumn?: string | undefined;
  /** The approval column's value that means approved: an option value, true, or a text. */
  approvedValue?: string | number | boolean | undefined;
  /**
   * How long a submission may run before another press may take it over as abandoned (the
   * gateway stopped between claiming it and finishing). Longer than SAP and Dataverse timeouts.
   */
  abandonedAfterSeconds: number;
}

export interface QuoteToSapDependencies {
  sap: RfcClient;
  /** The application user's client; reads for a rep go through asUser. */
  dataverse: DataverseClient;
  settings: QuoteSettings;
  now?: () => Date;
}
