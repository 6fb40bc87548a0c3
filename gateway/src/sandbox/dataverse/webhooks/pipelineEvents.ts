/**
 * The events a committed write raises in Dataverse's event pipeline, for which steps are run:
 *
 * - Create and Delete: one event each.
 * - Update: one event for the columns the request set, and another for statecode/statuscode when
 *   the request set them too: "plug-ins registered for the Update message ... execute once for all
 *   non-state/status fields, and then once for the state/status fields" (Microsoft's "Behavior of
 *   specialized update operations").
 * - A state change (an Update that set statecode) also raises SetState and SetStateDynamicEntity,
 *   the messages state changes were made with before Update could; steps registered on them still
 *   run ([U]: the docs deprecate the messages without saying so).
 *
 * An event's Target holds the columns the request set, the primary key, and what the platform
 * changed with them (modifiedon, modifiedby, modifiedonbehalfby; composed columns such as
 * fullname), as in Microsoft's sample of an Update webhook; a Create's Target holds every column
 * of the new row, the platform's defaults included.
 */

import type { CommittedWrite } from '../hooks.js';
import type { TableModel } from '../tableModel.js';
import type { Row, StoredValue } from '../values.js';
import type { WebhookMessage } from './sdkMessages.js';

export interface PipelineEvent {
  message: WebhookMessage;
  write: CommittedWrite;
  /** The Target's columns (Create, Update), in the order they are sent. */
  targetAttributes: string[];
  /** The columns of the request itself (the Target of the main operation, ParentContext). */
  requestAttributes: string[];
}

const STATE_COLUMNS = new Set(['statecode', 'statuscode']);
const MODIFICATION_COLUMNS = ['modifiedon', 'modifiedby', 'modifiedonbehalfby'];
/** Columns never part of a Target: the row version is the platform's bookkeeping. */
const NOT_IN_TARGET = new Set(['versionnumber']);

export function pipelineEvents(write: CommittedWrite, model: TableModel): PipelineEvent[] {
  if (write.message === 'Delete') return [{ message: 'Delete', write, targetAttributes: [], requestAttributes: [] }];
  if (write.message === 'Create') {
    const requestAttributes = unique([...write.changedAttributes, model.primaryId]);
    const targetAttributes = unique([...requestAttributes, ...Object.keys(write.postImage ?? {})]).filter((name) => !NOT_IN_TARGET.has(name));
    return [{ message: 'Create', write, targetAttributes, requestAttributes }];
  }

  const requested = write.changedAttributes.filter((name) => !NOT_IN_TARGET.has(name));
  const platform = MODIFICATION_COLUMNS.filter((name) => model.has(name));
  const computed = changedColumns(write.preImage ?? {}, write.postImage ?? {}).filter(
    (name) => !requested.includes(name) && !STATE_COLUMNS.has(name) && !platform.includes(name) && !NOT_IN_TARGET.has(name),
  );
  const stateRequested = requested.some((name) => name === 'statecode');
  const statusRequested = stateRequested || requested.includes('statuscode');
  const otherRequested = requested.filter((name) => !STATE_COLUMNS.has(name));

  const events: PipelineEvent[] = [];
  if (otherRequested.length > 0 || !statusRequested) {
    events.push({
      message: 'Update',
      write,
      targetAttributes: unique([...otherRequested, model.primaryId, ...computed, ...platform]),
      requestAttributes: unique([...otherRequested, model.primaryId]),
    });
  }
  if (statusRequested) {
    const state = ['statecode', 'statuscode'].filter((name) => model.has(name));
    const stateEvent = { write, targetAttributes: unique([...state, model.primaryId, ...platform]), requestAttributes: unique([...state, model.primaryId]) };
    events.push({ message: 'Update', ...stateEvent });
    if (stateRequested) events.push({ message: 'SetState', ...stateEvent }, { message: 'SetStateDynamicEntity', ...stateEvent });
  }
  return events;
}

function changedColumns(before: Row, after: Row): string[] {
  const names = unique([...Object.keys(before), ...Object.keys(after)]);
  return names.filter((name) => !sameValue(before[name], after[name]));
}

function sameValue(a: StoredValue | undefined, b: StoredValue | undefined): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.id === b.id && a.logicalName === b.logicalName;
  return a === b;
}

const unique = (names: string[]): string[] => [...new Set(names)];
