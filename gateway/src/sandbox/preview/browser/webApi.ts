/**
 * context.webAPI over the simulated Dataverse's Web API, as the signed-in persona: what
 * Xrm.WebApi does in Dynamics 365. Tables are named by logical name and addressed by their
 * entity set; reads ask for every annotation (formatted values, lookup tables), as the runtime's
 * do; an update never creates a row (If-Match: *). A refused request rejects with the error
 * Dataverse gave (its message, HTTP status and error code); a refused token is renewed once.
 */

import type { TableModel } from '../shared/pageModel.js';
import type { AccessTokens } from './tokens.js';

/** A request Dataverse refused, with its message. */
export class WebApiError extends Error {
  override readonly name = 'WebApiError';
  /** Dataverse's error code as a number, as Xrm.WebApi gives it (0x80040220 → 2147746336). */
  readonly errorCode: number | undefined;

  constructor(
    message: string,
    readonly status: number,
    /** Dataverse's error code as it sent it, e.g. 0x80040220. */
    readonly code: string | undefined,
  ) {
    super(message);
    this.errorCode = code !== undefined && /^0x[0-9a-f]+$/i.test(code) ? parseInt(code.slice(2), 16) : undefined;
  }
}

export interface WebApiOptions {
  /** The Web API's service root on this origin, ending in a slash: /sandbox/dataverse/api/data/v9.2/. */
  serviceRoot: string;
  tables: Readonly<Record<string, TableModel>>;
  tokens: AccessTokens;
  fetch: typeof fetch;
  /** The page's origin, to resolve the service root and to accept nextLinks. */
  origin: string;
}

const READ_ANNOTATIONS = 'odata.include-annotations="*"';

/** A GUID as the Web API wants it in a URL: without braces, lower case. */
export const recordId = (id: string): string => id.trim().replace(/^\{|\}$/g, '').toLowerCase();

/** The query part of retrieveMultipleRecords' options: "?$select=…", "$select=…", or a nextLink. */
export function queryOf(options: string | undefined): string {
  const text = (options ?? '').trim();
  if (text === '') return '';
  return text.startsWith('?') ? text : `?${text}`;
}

export function createWebApi(options: WebApiOptions): ComponentFramework.WebApi {
  const serviceRoot = new URL(options.serviceRoot, options.origin);

  function entitySetOf(entityType: string): string {
    const table = options.tables[entityType];
    if (!table) throw new WebApiError(`The simulated Dataverse has no table '${entityType}' (context.webAPI takes a table's logical name, e.g. account).`, 404, undefined);
    return table.entitySetName;
  }

  async function send(method: string, url: URL, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'OData-MaxVersion': '4.0',
        'OData-Version': '4.0',
        Authorization: `Bearer ${await options.tokens.get()}`,
        ...init.headers,
      };
      if (init.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
      const response = await options.fetch(url, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
      if (response.status === 401 && attempt === 0) {
        options.tokens.invalidate();
        continue;
      }
      if (!response.ok) throw await errorOf(response);
      return response;
    }
  }

  async function errorOf(response: Response): Promise<WebApiError> {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
    const message = typeof body?.error?.message === 'string' ? body.error.message : `Dataverse answered ${response.status} ${response.statusText}`.trim();
    return new WebApiError(message, response.status, typeof body?.error?.code === 'string' ? body.error.code : undefined);
  }

  const recordUrl = (entityType: string, id: string, query = ''): URL => new URL(`${entitySetOf(entityType)}(${recordId(id)})${query}`, serviceRoot);

  function collectionUrl(entityType: string, query: string): URL {
    const text = query.replace(/^\?/, '');
    if (/^https?:/i.test(text)) {
      // A nextLink from an earlier page: only ever this Web API's own.
      const link = new URL(text);
      if (link.origin !== serviceRoot.origin || !link.pathname.startsWith(serviceRoot.pathname)) {
        throw new WebApiError(`The link ${link.href} is not this environment's Web API.`, 400, undefined);
      }
      return link;
    }
    return new URL(`${entitySetOf(entityType)}${query}`, serviceRoot);
  }

  const reference = (entityType: string, id: string): ComponentFramework.LookupValue => ({ id: recordId(id), entityType });

  return {
    async retrieveRecord(entityType, id, query) {
      const response = await send('GET', recordUrl(entityType, id, queryOf(query)), { headers: { Prefer: READ_ANNOTATIONS } });
      return (await response.json()) as ComponentFramework.WebApi.Entity;
    },
    async retrieveMultipleRecords(entityType, query, maxPageSize) {
      const prefer = maxPageSize !== undefined && maxPageSize > 0 ? `${READ_ANNOTATIONS},odata.maxpagesize=${Math.trunc(maxPageSize)}` : READ_ANNOTATIONS;
      const response = await send('GET', collectionUrl(entityType, queryOf(query)), { headers: { Prefer: prefer } });
      const body = (await response.json()) as { value?: ComponentFramework.WebApi.Entity[]; '@odata.nextLink'?: string };
      return { entities: body.value ?? [], nextLink: body['@odata.nextLink'] as string };
    },
    async createRecord(entityType, data) {
      const response = await send('POST', new URL(entitySetOf(entityType), serviceRoot), { body: data });
      const location = response.headers.get('OData-EntityId') ?? '';
      const id = /\(([0-9a-f-]{36})\)$/i.exec(location)?.[1];
      if (id === undefined) throw new WebApiError(`Dataverse created the ${entityType} row but named no id (OData-EntityId: ${location || 'missing'}).`, response.status, undefined);
      return reference(entityType, id);
    },
    async updateRecord(entityType, id, data) {
      await send('PATCH', recordUrl(entityType, id), { body: data, headers: { 'If-Match': '*' } });
      return reference(entityType, id);
    },
    async deleteRecord(entityType, id) {
      await send('DELETE', recordUrl(entityType, id));
      return reference(entityType, id);
    },
  };
}
