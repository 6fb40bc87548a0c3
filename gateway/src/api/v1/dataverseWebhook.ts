/**
 * POST /webhooks/dataverse: where the solution's service endpoint (a Dataverse webhook) posts the
 * events of its steps. Dataverse authenticates with the endpoint's WebhookKey, sent as the query
 * parameter `code` (Microsoft's register-web-hook.md); it is compared in constant time with the
 * configured key (webhooks.key) before the body is read, so a caller without it changes nothing
 * and learns nothing (401). The body is the RemoteExecutionContext, checked with zod; an event the
 * gateway does not handle is refused (422), so a step registered by mistake shows up as failed in
 * Dataverse's System Jobs rather than passing silently. Any 2xx is success to Dataverse.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../model/errors.js';
import type { EventOutcome } from './accountChanges.js';
import { remoteExecutionContextSchema, targetColumns, type RemoteExecutionContext } from './remoteExecutionContext.js';
import { parsed } from './validation.js';

export interface DataverseWebhookOptions {
  /** The service endpoint's key; undefined when the gateway has none configured, and then every post is refused. */
  key: string | undefined;
  handle: (context: RemoteExecutionContext) => EventOutcome | undefined;
}

export const DATAVERSE_WEBHOOK_PATH = '/webhooks/dataverse';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Whether the offered key is the configured one; digests first, so the comparison takes as long whatever the lengths. */
function keyMatches(offered: unknown, expected: string): boolean {
  return typeof offered === 'string' && timingSafeEqual(digest(offered), digest(expected));
}

export function dataverseWebhookRouter(options: DataverseWebhookOptions): Router {
  const router = Router();
  router.post(DATAVERSE_WEBHOOK_PATH, (request: Request, response: Response) => {
    if (options.key === undefined) {
      throw new AppError('WEBHOOKS_NOT_CONFIGURED', 'This gateway has no Dataverse webhook key: set webhooks.key (ECC365_WEBHOOKS__KEY) to the key of the ecc365 service endpoint.', { category: 'config' });
    }
    if (!keyMatches(request.query.code, options.key)) {
      throw new AppError('WEBHOOK_KEY_INVALID', "The webhook key (query parameter 'code') is missing or wrong: set the service endpoint's key to the gateway's webhooks.key.", { category: 'validation' });
    }
    const context = parsed(remoteExecutionContextSchema, request.body, 'body');
    const outcome = options.handle(context);
    if (!outcome) {
      throw new AppError(
        'WEBHOOK_EVENT_NOT_HANDLED',
        `The gateway does not handle ${context.MessageName} of ${context.PrimaryEntityName}: remove the step that posts it, or register it on the event the ecc365 solution ships.`,
        { category: 'business', details: { message: context.MessageName, table: context.PrimaryEntityName } },
      );
    }
    response.json({ ...outcome, message: context.MessageName, table: context.PrimaryEntityName, id: context.PrimaryEntityId, columns: targetColumns(context) ?? [] });
  });
  return router;
}
