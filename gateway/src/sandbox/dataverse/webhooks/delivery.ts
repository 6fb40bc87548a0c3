/**
 * Posting a RemoteExecutionContext to a webhook as Dataverse does (Microsoft's use-webhooks.md and
 * register-web-hook.md): POST with the JSON body and the x-ms-dynamics-* headers; the endpoint's
 * key as the query parameter `code` (WebhookKey), as headers (HttpHeader) or as query parameters
 * (HttpQueryString), the latter two from authvalue `<settings><setting name="…" value="…"/></settings>`.
 * A 2xx answer is success (its body is ignored); anything else, no answer within the timeout
 * (Dataverse: 60 s) or no connection is a failure. The retry policy is Dataverse's: one more
 * attempt, only after 502, 503 or 504. A body over 256 KB is sent without ParentContext,
 * InputParameters and the images, with x-ms-dynamics-msg-size-exceeded.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { parseXml, XmlRejected } from '../../../xml/parse.js';
import { toDataContractJson } from './dataContract.js';
import { AUTH_TYPES, type WebhookEndpoint } from './registrations.js';

export const WEBHOOK_RETRY_POLICY = {
  /** Answers after which Dataverse tries once more: they point at a network problem another attempt may not meet. */
  retryStatuses: [502, 503, 504] as readonly number[],
  attempts: 2,
};

export const MAX_BODY_BYTES = 256 * 1024;
const SIZE_EXCEEDED_REMOVES = ['ParentContext', 'InputParameters', 'PreEntityImages', 'PostEntityImages'];

export interface WebhookPost {
  endpoint: WebhookEndpoint;
  context: Record<string, unknown>;
  /** x-ms-dynamics-organization: the environment's domain. */
  organization: string;
  table: string;
  message: string;
  correlationId: string;
}

export interface DeliveryAttempt {
  /** The HTTP status of the answer; undefined when none came. */
  status: number | undefined;
  /** Why the attempt failed, for the system job's message; undefined on success. */
  error: string | undefined;
}

export interface DeliveryResult {
  succeeded: boolean;
  attempts: DeliveryAttempt[];
  /** The body as sent, kept with the system job. */
  body: string;
}

export interface DeliverySettings {
  timeoutMs: number;
  retryDelayMs: number;
}

export async function deliverWebhook(post: WebhookPost, settings: DeliverySettings): Promise<DeliveryResult> {
  const { body, sizeExceeded } = webhookBody(post.context);
  const attempts: DeliveryAttempt[] = [];
  let target: { url: string; headers: Record<string, string> };
  try {
    target = authenticated(post.endpoint);
  } catch (error) {
    attempts.push({ status: undefined, error: (error as Error).message });
    return { succeeded: false, attempts, body };
  }
  const headers = {
    ...target.headers,
    'Content-Type': 'application/json',
    'x-ms-dynamics-organization': post.organization,
    'x-ms-dynamics-entity-name': post.table,
    'x-ms-dynamics-request-name': post.message,
    'x-ms-correlation-request-id': post.correlationId,
    ...(sizeExceeded ? { 'x-ms-dynamics-msg-size-exceeded': 'true' } : {}),
  };
  for (;;) {
    const attempt = await postOnce(target.url, headers, body, settings.timeoutMs, post.endpoint);
    attempts.push(attempt);
    if (attempt.error === undefined) return { succeeded: true, attempts, body };
    const retryable = attempt.status !== undefined && WEBHOOK_RETRY_POLICY.retryStatuses.includes(attempt.status);
    if (!retryable || attempts.length >= WEBHOOK_RETRY_POLICY.attempts) return { succeeded: false, attempts, body };
    await sleep(settings.retryDelayMs);
  }
}

/** The JSON to post; over 256 KB, without the parts Dataverse then leaves out. */
export function webhookBody(context: Record<string, unknown>): { body: string; sizeExceeded: boolean } {
  const body = toDataContractJson(context);
  if (Buffer.byteLength(body) <= MAX_BODY_BYTES) return { body, sizeExceeded: false };
  const trimmed = { ...context, ...Object.fromEntries(SIZE_EXCEEDED_REMOVES.map((key) => [key, null])) };
  return { body: toDataContractJson(trimmed), sizeExceeded: true };
}

async function postOnce(url: string, headers: Record<string, string>, body: string, timeoutMs: number, endpoint: WebhookEndpoint): Promise<DeliveryAttempt> {
  const where = describe(endpoint.url);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { status: response.status, error: undefined };
    return { status: response.status, error: `The webhook at ${where} answered ${response.status} ${response.statusText}.` };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return { status: undefined, error: `The webhook at ${where} did not answer within ${timeoutMs} ms.` };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: undefined, error: `The webhook at ${where} could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}.` };
  }
}

/** The endpoint's URL without its query, which may hold a key. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

/** The URL and headers with the endpoint's authentication added. */
function authenticated(endpoint: WebhookEndpoint): { url: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    throw new Error(`The service endpoint '${endpoint.name}' has no valid URL: '${endpoint.url}'.`);
  }
  const headers: Record<string, string> = {};
  switch (endpoint.authType) {
    case AUTH_TYPES.webhookKey:
      url.searchParams.set('code', endpoint.authValue ?? '');
      break;
    case AUTH_TYPES.httpHeader:
      for (const [name, value] of settingsOf(endpoint)) headers[name] = value;
      break;
    case AUTH_TYPES.httpQueryString:
      for (const [name, value] of settingsOf(endpoint)) url.searchParams.append(name, value);
      break;
  }
  return { url: url.toString(), headers };
}

/** The name/value pairs of an authvalue <settings> document. */
function settingsOf(endpoint: WebhookEndpoint): [string, string][] {
  const refuse = (reason: string) =>
    new Error(`The authvalue of service endpoint '${endpoint.name}' must be <settings><setting name="…" value="…"/></settings>: ${reason}.`);
  let root;
  try {
    root = parseXml(endpoint.authValue ?? '');
  } catch (error) {
    if (error instanceof XmlRejected) throw refuse(error.message);
    throw error;
  }
  if (root.name !== 'settings') throw refuse(`its root element is <${root.name}>`);
  return root.children
    .filter((child) => child.name === 'setting')
    .map((setting) => {
      const { name, value } = setting.attributes;
      if (!name) throw refuse('a <setting> has no name');
      return [name, value ?? ''];
    });
}
