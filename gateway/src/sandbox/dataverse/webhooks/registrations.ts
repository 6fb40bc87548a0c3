/**
 * The webhook registrations stored as rows (Microsoft's register-web-hook.md): service endpoints
 * with contract 8 (Webhook), their URL and authentication, and the enabled processing steps whose
 * event handler is such an endpoint, with the step's message (sdkmessage), table
 * (sdkmessagefilter.primaryobjecttypecode; a step without a filter runs for every table), stage,
 * mode, rank, filtering attributes and images (sdkmessageprocessingstepimage). Read afresh for each
 * event, so a registration counts from the moment it is written.
 */

import type { SimulatedDataverse } from '../simulatedDataverse.js';
import { isEntityReference, type Row } from '../values.js';
import type { WebhookMessage } from './sdkMessages.js';

/** serviceendpoint.contract of a webhook. */
export const WEBHOOK_CONTRACT = 8;

/** serviceendpoint.authtype values a webhook uses. */
export const AUTH_TYPES = { webhookKey: 4, httpHeader: 5, httpQueryString: 6 } as const;

/** sdkmessageprocessingstep.stage and .mode values. */
export const STAGES = { preValidation: 10, preOperation: 20, postOperation: 40 } as const;
export const MODES = { synchronous: 0, asynchronous: 1 } as const;

/** sdkmessageprocessingstepimage.imagetype values. */
const IMAGE_TYPES = { pre: 0, post: 1, both: 2 } as const;

export interface WebhookEndpoint {
  id: string;
  name: string;
  url: string;
  authType: number | undefined;
  authValue: string | undefined;
}

export interface StepImage {
  /** entityalias: the image's key in PreEntityImages / PostEntityImages. */
  alias: string;
  pre: boolean;
  post: boolean;
  /** The columns asked for; undefined means all. */
  attributes: string[] | undefined;
}

export interface WebhookStep {
  id: string;
  name: string;
  message: WebhookMessage;
  stage: number;
  mode: number;
  rank: number;
  /** Update steps run only when the Target holds one of these; undefined means any column. */
  filteringAttributes: string[] | undefined;
  asyncAutoDelete: boolean;
  /** The user the step runs as, when the step names one (impersonatinguserid). */
  impersonatingUserId: string | undefined;
  endpoint: WebhookEndpoint;
  images: StepImage[];
}

/** A comma-separated column list (filteringattributes, image attributes); undefined when empty. */
export function columnList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  return names.length === 0 ? undefined : names;
}

/** The enabled webhook steps for a message on a table, in the order Dataverse runs them: by stage, then rank. */
export function webhookStepsFor(dataverse: SimulatedDataverse, message: WebhookMessage, table: string): WebhookStep[] {
  const steps: WebhookStep[] = [];
  for (const [id, row] of dataverse.store.table('sdkmessageprocessingstep').rows) {
    if (row.statecode !== 0 || !isEntityReference(row.sdkmessageid) || !isEntityReference(row.eventhandler)) continue;
    if (row.eventhandler.logicalName !== 'serviceendpoint') continue;
    if (dataverse.store.table('sdkmessage').get(row.sdkmessageid.id)?.name !== message) continue;
    if (isEntityReference(row.sdkmessagefilterid)) {
      if (dataverse.store.table('sdkmessagefilter').get(row.sdkmessagefilterid.id)?.primaryobjecttypecode !== table) continue;
    }
    const endpoint = endpointOf(dataverse, row.eventhandler.id);
    if (!endpoint) continue;
    steps.push({
      id,
      name: typeof row.name === 'string' ? row.name : id,
      message,
      stage: typeof row.stage === 'number' ? row.stage : STAGES.postOperation,
      mode: typeof row.mode === 'number' ? row.mode : MODES.synchronous,
      rank: typeof row.rank === 'number' ? row.rank : 1,
      filteringAttributes: columnList(row.filteringattributes),
      asyncAutoDelete: row.asyncautodelete === true,
      impersonatingUserId: isEntityReference(row.impersonatinguserid) ? row.impersonatinguserid.id : undefined,
      endpoint,
      images: imagesOf(dataverse, id),
    });
  }
  return steps.sort((a, b) => a.stage - b.stage || a.rank - b.rank);
}

function endpointOf(dataverse: SimulatedDataverse, id: string): WebhookEndpoint | undefined {
  const row = dataverse.store.table('serviceendpoint').get(id);
  if (!row || row.contract !== WEBHOOK_CONTRACT || typeof row.url !== 'string') return undefined;
  return {
    id,
    name: typeof row.name === 'string' ? row.name : id,
    url: row.url,
    authType: typeof row.authtype === 'number' ? row.authtype : undefined,
    authValue: typeof row.authvalue === 'string' ? row.authvalue : undefined,
  };
}

function imagesOf(dataverse: SimulatedDataverse, stepId: string): StepImage[] {
  const images: StepImage[] = [];
  for (const row of dataverse.store.table('sdkmessageprocessingstepimage').rows.values()) {
    if (!isEntityReference(row.sdkmessageprocessingstepid) || row.sdkmessageprocessingstepid.id !== stepId) continue;
    images.push(imageOf(row));
  }
  return images;
}

function imageOf(row: Row): StepImage {
  const type = row.imagetype;
  return {
    alias: typeof row.entityalias === 'string' ? row.entityalias : '',
    pre: type === IMAGE_TYPES.pre || type === IMAGE_TYPES.both,
    post: type === IMAGE_TYPES.post || type === IMAGE_TYPES.both,
    attributes: columnList(row.attributes),
  };
}
