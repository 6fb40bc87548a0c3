/**
 * What the gateway does when Dataverse says an account changed (the solution's webhook steps):
 * the access checks it remembers (api.accessCacheSeconds) hold, per user, the right to read the
 * account and, for the panels, its SAP link as it was read. When the link, the owner (and with it
 * who may read the account) or the account itself goes, they are forgotten for every user, so
 * the next panel reads the account again: a rep sees the new SAP customer's data, or is refused,
 * at once instead of after the cache time.
 *
 * The panels' SAP data is cached per SAP customer and sales area, not per account: it stays valid
 * when an account is linked to another customer, so it is kept.
 */

import { ACCOUNT_LINK_COLUMNS } from '../../panels/accountLink.js';
import type { RemoteExecutionContext } from './remoteExecutionContext.js';

const ACCOUNT = 'account';

/** Columns whose change makes what the access checks remember of an account stale. */
export const ACCOUNT_ACCESS_COLUMNS: readonly string[] = [
  ACCOUNT_LINK_COLUMNS.customerNumber,
  ACCOUNT_LINK_COLUMNS.salesOrganization,
  ACCOUNT_LINK_COLUMNS.distributionChannel,
  ACCOUNT_LINK_COLUMNS.division,
  ACCOUNT_LINK_COLUMNS.companyCode,
  ACCOUNT_LINK_COLUMNS.creditControlArea,
  'ownerid',
];

/** The events the gateway handles: a webhook step of the solution must name one of these (and an Update step its columns). */
export const HANDLED_EVENTS: readonly { message: string; table: string; filteringAttributes?: readonly string[] }[] = [
  { message: 'Update', table: ACCOUNT, filteringAttributes: ACCOUNT_ACCESS_COLUMNS },
  { message: 'Delete', table: ACCOUNT },
];

/** Something that remembers what it read of records (RecordAccess). */
export interface RecordMemory {
  forget(table: string, id: string): number;
}

export interface EventOutcome {
  /** What the gateway did, for the answer and the log. */
  action: 'forgot-account';
  /** Entries forgotten across the caches. */
  forgotten: number;
}

/** Handles one event; undefined when the gateway does not handle the event's message and table. */
export function createAccountChangeHandler(memories: readonly RecordMemory[]): (context: RemoteExecutionContext) => EventOutcome | undefined {
  return (context) => {
    const handled = HANDLED_EVENTS.some((event) => event.message === context.MessageName && event.table === context.PrimaryEntityName);
    if (!handled) return undefined;
    const forgotten = memories.reduce((sum, memory) => sum + memory.forget(context.PrimaryEntityName, context.PrimaryEntityId), 0);
    return { action: 'forgot-account', forgotten };
  };
}
