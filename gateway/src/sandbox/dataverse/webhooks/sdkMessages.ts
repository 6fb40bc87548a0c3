/**
 * The SDK messages a webhook step can be registered on, and their filters (a message for one
 * table), as the platform provides them: clients look them up by name before registering a step
 * (GET sdkmessages?$filter=name eq 'Update', GET sdkmessagefilters?$filter=primaryobjecttypecode
 * eq 'account' and sdkmessageid/name eq 'Update'). Create, Update and Delete exist for every
 * table that takes custom steps, SetState and SetStateDynamicEntity for those with a state.
 * Ids are made here (Dataverse's own are fixed per message, but clients never rely on them).
 */

import { SANDBOX_APPLICATION_USER } from '../../identities.js';
import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { isEntityReference, newId } from '../values.js';
import { writePlatformRow } from './platformRows.js';

export const WEBHOOK_MESSAGES = ['Create', 'Update', 'Delete', 'SetState', 'SetStateDynamicEntity'] as const;
export type WebhookMessage = (typeof WEBHOOK_MESSAGES)[number];

const STATE_MESSAGES: readonly WebhookMessage[] = ['SetState', 'SetStateDynamicEntity'];

/** Tables of the platform's own plumbing, which take no custom steps. */
const NO_CUSTOM_STEPS = new Set([
  'sdkmessage', 'sdkmessagefilter', 'sdkmessageprocessingstep', 'sdkmessageprocessingstepimage', 'serviceendpoint', 'asyncoperation', 'principalobjectaccess',
]);

const author = { userId: SANDBOX_APPLICATION_USER.systemUserId, businessUnitId: SANDBOX_APPLICATION_USER.businessUnitId };

/**
 * Writes the messages and filters that are missing: at start, and again after a solution import
 * brought new tables.
 */
export function ensureSdkMessages(dataverse: SimulatedDataverse): void {
  const messageIds = new Map<string, string>();
  for (const [id, row] of dataverse.store.table('sdkmessage').rows) if (typeof row.name === 'string') messageIds.set(row.name, id);
  for (const name of WEBHOOK_MESSAGES) {
    if (messageIds.has(name)) continue;
    const id = newId();
    writePlatformRow(dataverse, 'sdkmessage', id, { name, categoryname: name, availability: 0, isactive: true, isprivate: false, isreadonly: false }, author);
    messageIds.set(name, id);
  }

  const existing = new Set<string>();
  for (const row of dataverse.store.table('sdkmessagefilter').rows.values()) {
    if (isEntityReference(row.sdkmessageid) && typeof row.primaryobjecttypecode === 'string') existing.add(`${row.sdkmessageid.id}|${row.primaryobjecttypecode}`);
  }
  for (const model of dataverse.models.all()) {
    if (NO_CUSTOM_STEPS.has(model.logicalName)) continue;
    for (const message of WEBHOOK_MESSAGES) {
      if (STATE_MESSAGES.includes(message) && !model.has('statecode')) continue;
      const messageId = messageIds.get(message)!;
      if (existing.has(`${messageId}|${model.logicalName}`)) continue;
      writePlatformRow(dataverse, 'sdkmessagefilter', newId(), {
        sdkmessageid: { id: messageId, logicalName: 'sdkmessage' },
        primaryobjecttypecode: model.logicalName,
        secondaryobjecttypecode: 'none',
        iscustomprocessingstepallowed: true,
        isvisible: true,
        availability: 0,
      }, author);
    }
  }
}
