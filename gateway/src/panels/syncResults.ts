/**
 * The SyncStatus panel on any form: the record's latest sync results (ecc_syncresult rows whose
 * regarding table and id name it), read as the rep, so a rep sees the rows CRM lets them see
 * and nothing about a record they may not read (the record itself is read first, as the rep).
 * On a sync result's own form (the admin app's) it shows the results of the record that result
 * synced, itself among them, so a failed one can be retried there.
 * The sync result table's names and option values are the quote submission's, which writes the
 * rows (quotes/syncResults.ts).
 */

import type { DataverseClient } from '../dataverse/client.js';
import { and, eq } from '../dataverse/filter.js';
import { guid } from '../dataverse/odataValues.js';
import type { SyncResult } from '../model/panelApi.js';
import { SYNC_RESULTS, SYNC_STATUS_VALUES, type SyncStatus } from '../quotes/syncResults.js';
import { SUBMIT_FLOW } from '../quotes/submissionKeys.js';
import { PanelError } from './errors.js';
import { readAsRep } from './readAsRep.js';

/** The tables the gateway writes sync results for, with their entity sets. */
const SYNCED_TABLES: Readonly<Record<string, string>> = {
  account: 'accounts',
  contact: 'contacts',
  product: 'products',
  opportunity: 'opportunities',
  quote: 'quotes',
  quotedetail: 'quotedetails',
  salesorder: 'salesorders',
  salesorderdetail: 'salesorderdetails',
  invoice: 'invoices',
};

/** The sync result table itself: its panel shows the results of the record a result synced. */
const SYNC_RESULT_TABLE = 'ecc_syncresult';

/** Flows whose failed runs an integration admin can run again from CRM. */
const RETRYABLE_FLOWS: ReadonlySet<string> = new Set([SUBMIT_FLOW]);
const RETRYABLE_STATUSES: ReadonlySet<SyncStatus> = new Set(['failed', 'deadLettered']);

/** The latest results shown; older ones are in CRM's Sync Result view. */
const RESULTS_SHOWN = 20;

const COLUMNS = ['ecc_syncresultid', 'ecc_flow', 'ecc_status', 'ecc_message', 'ecc_sapdocumentnumber', 'ecc_correlationid', 'ecc_startedon', 'ecc_finishedon', 'createdon'];

type Row = Record<string, unknown>;

const text = (row: Row, column: string): string => (typeof row[column] === 'string' ? row[column] : '');
const statusOf = (value: unknown): SyncStatus | undefined => (Object.keys(SYNC_STATUS_VALUES) as SyncStatus[]).find((status) => SYNC_STATUS_VALUES[status] === value);
/** Dataverse's instants without fractions, as the contract's ISO instants with the UTC designator. */
const instant = (value: string): string => (value === '' ? '' : new Date(value).toISOString());

function resultOf(row: Row): SyncResult | undefined {
  const status = statusOf(row.ecc_status);
  const started = text(row, 'ecc_startedon') || text(row, 'createdon');
  // A row whose status this gateway does not know (a later version's) or that never started is not shown.
  if (status === undefined || started === '') return undefined;
  const flow = text(row, 'ecc_flow');
  return {
    id: text(row, 'ecc_syncresultid'),
    flow,
    status,
    message: text(row, 'ecc_message'),
    sapDocumentNumber: text(row, 'ecc_sapdocumentnumber'),
    correlationId: text(row, 'ecc_correlationid'),
    startedAt: instant(started),
    finishedAt: instant(text(row, 'ecc_finishedon')),
    retryable: RETRYABLE_STATUSES.has(status) && RETRYABLE_FLOWS.has(flow),
  };
}

export interface SyncResultsReader {
  /** Reads the record as the rep: NOT_AUTHORIZED, RECORD_NOT_FOUND or TABLE_NOT_SUPPORTED when the panel may not show its results. */
  assertReadable(userObjectId: string, table: string, id: string): Promise<true>;
  /** The record's latest sync results the rep may read, newest first. */
  list(userObjectId: string, table: string, id: string): Promise<{ results: SyncResult[] }>;
}

export function createSyncResultsReader(dataverse: DataverseClient): SyncResultsReader {
  /** A sync result as the rep may read it, with the record it synced. */
  const readSyncResult = (userObjectId: string, id: string) =>
    readAsRep(() => dataverse.asUser(userObjectId).retrieve<Row>(SYNC_RESULTS, id, { select: ['ecc_syncresultid', 'ecc_regardingtable', 'ecc_regardingid'] }), {
      forbidden: 'You may not see this sync result in CRM, so the gateway shows you none of its record\'s sync results.',
      notFound: () => new PanelError('RECORD_NOT_FOUND', `There is no sync result ${id} in CRM; it may have been deleted.`),
    });

  return {
    assertReadable: async (userObjectId, table, id) => {
      if (table === SYNC_RESULT_TABLE) {
        await readSyncResult(userObjectId, id);
        return true;
      }
      const entitySet = SYNCED_TABLES[table];
      if (entitySet === undefined) {
        throw new PanelError('TABLE_NOT_SUPPORTED', `The gateway keeps no sync results for table ${table}; it does for ${Object.keys(SYNCED_TABLES).join(', ')}.`);
      }
      const primaryKey = `${table}id`;
      await readAsRep(() => dataverse.asUser(userObjectId).retrieve(entitySet, id, { select: [primaryKey] }), {
        forbidden: 'You may not see this record in CRM, so the gateway shows you none of its sync results.',
        notFound: () => new PanelError('RECORD_NOT_FOUND', `There is no ${table} ${id} in CRM; it may have been deleted.`),
      });
      return true;
    },
    list: async (userObjectId, table, id) => {
      let filter = and(eq('ecc_regardingtable', table), eq('ecc_regardingid', id.toLowerCase()));
      if (table === SYNC_RESULT_TABLE) {
        const result = await readSyncResult(userObjectId, id);
        const [regardingTable, regardingId] = [text(result, 'ecc_regardingtable'), text(result, 'ecc_regardingid')];
        filter = regardingTable !== '' && regardingId !== '' ? and(eq('ecc_regardingtable', regardingTable), eq('ecc_regardingid', regardingId.toLowerCase())) : eq('ecc_syncresultid', guid(id));
      }
      const query = {
        select: COLUMNS,
        filter,
        orderBy: [{ column: 'ecc_startedon', descending: true }, { column: 'createdon', descending: true }],
      };
      const { rows } = await dataverse.asUser(userObjectId).retrieveMultiple<Row>(SYNC_RESULTS, query, { maxRows: RESULTS_SHOWN }).collect();
      return { results: rows.flatMap((row) => resultOf(row) ?? []) };
    },
  };
}
