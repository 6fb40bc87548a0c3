/**
 * For webhook tests: an HTTP server standing in for the webhook's receiver (it records each POST
 * and answers with the statuses a test queues, 200 otherwise), and registration of a webhook
 * through the Web API the way clients do it (service endpoint, SDK message and filter looked up
 * by name, step, images).
 */

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvironmentTestServer } from './environmentServer.js';

export interface ReceivedPost {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The body as sent. */
  text: string;
  body: Record<string, unknown>;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>/hooks/dataverse */
  url: string;
  received: ReceivedPost[];
  /** The statuses of the next answers, in order; 'no answer' keeps the request open until the receiver closes. */
  answerWith(...statuses: (number | 'no answer')[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  const statuses: (number | 'no answer')[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? '', url: new URL(request.url ?? '/', 'http://receiver'), headers: request.headers, text, body: JSON.parse(text) as Record<string, unknown> });
      const status = statuses.shift() ?? 200;
      if (status === 'no answer') return;
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dataverse`,
    received,
    answerWith: (...next) => statuses.push(...next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface WebhookRegistration {
  name: string;
  url: string;
  /** 4 WebhookKey, 5 HttpHeader, 6 HttpQueryString. */
  authType: number;
  authValue: string;
  message: 'Create' | 'Update' | 'Delete' | 'SetState' | 'SetStateDynamicEntity';
  table: string;
  /** 0 synchronous, 1 asynchronous. */
  mode: number;
  filteringAttributes?: string;
  asyncAutoDelete?: boolean;
  /** imagetype 0 pre, 1 post, 2 both. */
  images?: { type: number; alias: string; attributes?: string }[];
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { value?: Record<string, unknown>[] };
}

/** A Web API call as the application user. */
export async function callWebApi(server: EnvironmentTestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.serviceRoot}${path}`, {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${await server.token('application')}`, 'Content-Type': 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}

/** The id in an OData-EntityId header of a 204 answer to a create. */
export function createdId(answer: Answer): string {
  if (answer.status !== 204) throw new Error(`the create failed with ${answer.status}: ${JSON.stringify(answer.body)}`);
  return /\(([0-9a-f-]{36})\)$/.exec(answer.headers.get('odata-entityid') ?? '')![1]!;
}

/** Registers a webhook as clients do; returns the ids of the service endpoint and the step. */
export async function registerWebhook(server: EnvironmentTestServer, registration: WebhookRegistration): Promise<{ endpointId: string; stepId: string }> {
  const endpointId = createdId(
    await callWebApi(server, 'POST', 'serviceendpoints', {
      name: registration.name, url: registration.url, contract: 8, authtype: registration.authType, authvalue: registration.authValue,
    }),
  );
  const message = await callWebApi(server, 'GET', `sdkmessages?$select=sdkmessageid&$filter=name eq '${registration.message}'`);
  const filter = await callWebApi(
    server,
    'GET',
    `sdkmessagefilters?$select=sdkmessagefilterid&$filter=primaryobjecttypecode eq '${registration.table}' and sdkmessageid/name eq '${registration.message}'`,
  );
  const messageId = message.body.value?.[0]?.sdkmessageid as string | undefined;
  const filterId = filter.body.value?.[0]?.sdkmessagefilterid as string | undefined;
  if (!messageId || !filterId) throw new Error(`no SDK message filter for ${registration.message} of ${registration.table}`);
  const stepId = createdId(
    await callWebApi(server, 'POST', 'sdkmessageprocessingsteps', {
      name: `${registration.name}: ${registration.message} of ${registration.table}`,
      stage: 40,
      rank: 1,
      mode: registration.mode,
      supporteddeployment: 0,
      asyncautodelete: registration.asyncAutoDelete ?? false,
      ...(registration.filteringAttributes !== undefined ? { filteringattributes: registration.filteringAttributes } : {}),
      'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpointId})`,
      'sdkmessageid@odata.bind': `/sdkmessages(${messageId})`,
      'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filterId})`,
    }),
  );
  for (const image of registration.images ?? []) {
    createdId(
      await callWebApi(server, 'POST', 'sdkmessageprocessingstepimages', {
        'sdkmessageprocessingstepid@odata.bind': `/sdkmessageprocessingsteps(${stepId})`,
        imagetype: image.type,
        name: image.alias,
        entityalias: image.alias,
        messagepropertyname: registration.message.startsWith('SetState') ? 'EntityMoniker' : 'Target',
        ...(image.attributes !== undefined ? { attributes: image.attributes } : {}),
      }),
    );
  }
  return { endpointId, stepId };
}
