/**
 * The gateway's OpenAPI 3.1 document (GET /api/openapi.json), generated from the contract in
 * model/panelApi.ts: the zod schemas become JSON Schema 2020-12 (OpenAPI 3.1's dialect) with
 * z.toJSONSchema, the schemas with a meta id become components, and every route is listed with
 * its parameters, request body, answer and error answers. The controls' types are generated from
 * this document, so it is the one description of the API.
 */

import { Router } from 'express';
import { z } from 'zod';
import {
  accountParamsSchema,
  creditPanelSchema,
  deliveriesPanelSchema,
  errorSchema,
  invoicesPanelSchema,
  listQuerySchema,
  ordersPanelSchema,
  priceRequestSchema,
  quoteParamsSchema,
  quotePriceSchema,
  recordParamsSchema,
  submitRequestSchema,
  submitResultSchema,
  syncResultParamsSchema,
  syncResultsSchema,
} from '../model/panelApi.js';

type Json = Record<string, unknown>;

const COMPONENT_REF = '#/components/schemas/';

function idOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== 'string') throw new Error('openapi: an answer schema of the contract has no meta id');
  return id;
}

const ref = (schema: z.ZodType): Json => ({ $ref: `${COMPONENT_REF}${idOf(schema)}` });

/** A request schema (parameters, bodies) as JSON Schema of what the caller sends (defaults optional). */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Json;
  return json;
}

/** Path or query parameters from an object schema, one per property. */
function parameters(schema: z.ZodType, place: 'path' | 'query'): Json[] {
  const json = inputSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: place, required: place === 'path' || (json.required ?? []).includes(name), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
}

const json = (schema: Json): Json => ({ content: { 'application/json': { schema } } });

/** The error answers, shared by the routes: each with the contract's Error body and what it means here. */
const ERROR_RESPONSES: Record<string, { status: string; description: string; headers?: Json }> = {
  BadRequest: { status: '400', description: 'REQUEST_INVALID: a parameter or the body does not fit the contract; the message names it.' },
  Unauthorized: {
    status: '401',
    description: 'TOKEN_MISSING, TOKEN_EXPIRED, TOKEN_INVALID: no acceptable Microsoft Entra ID access token for the gateway API.',
    headers: { 'WWW-Authenticate': { description: 'Bearer challenge (RFC 6750)', schema: { type: 'string' } } },
  },
  Forbidden: { status: '403', description: "NOT_AUTHORIZED: CRM does not let the user read the record; USER_TOKEN_REQUIRED, SCOPE_MISSING: the token is not a user's token for this API." },
  NotFound: { status: '404', description: 'The record does not exist in CRM (ACCOUNT_NOT_FOUND, QUOTE_NOT_FOUND, RECORD_NOT_FOUND …), or SAP does not know it (SAP_NOT_FOUND).' },
  Conflict: { status: '409', description: "The record's state does not allow it: ACCOUNT_NOT_LINKED, QUOTE_NOT_APPROVED, QUOTE_NOT_EDITABLE, SUBMIT_IN_PROGRESS, SYNC_RESULT_NOT_RETRYABLE." },
  Unprocessable: { status: '422', description: 'SAP or CRM refused the data (SAP_REJECTED with sapMessages, MATERIAL_NOT_SELLABLE …).' },
  TooManyRequests: {
    status: '429',
    description: 'RATE_LIMITED: too many requests by this user; try again after Retry-After seconds.',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
  InternalError: { status: '500', description: 'INTERNAL_ERROR or a configuration problem of the gateway; the log has the details under the correlation id.' },
  BadGateway: { status: '502', description: 'SAP or Dataverse failed in a way a retry will not fix.' },
  Unavailable: {
    status: '503',
    description: 'SAP or Dataverse is unreachable, slow (SAP_TIMEOUT) or busy: retry after Retry-After seconds.',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const errors = (...names: (keyof typeof ERROR_RESPONSES)[]): Json =>
  Object.fromEntries(names.map((name) => [ERROR_RESPONSES[name]!.status, { $ref: `#/components/responses/${name}` }]));

const COMMON_ERRORS = ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'TooManyRequests', 'InternalError', 'BadGateway', 'Unavailable'] as const;

interface Operation {
  operationId: string;
  summary: string;
  tag: string;
  params: Json[];
  body?: z.ZodType;
  answer: z.ZodType;
  errors: (keyof typeof ERROR_RESPONSES)[];
}

function operation(op: Operation): Json {
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    parameters: op.params,
    ...(op.body ? { requestBody: { required: false, ...json(inputSchema(op.body)) } } : {}),
    responses: { '200': { description: 'OK', ...json(ref(op.answer)) }, ...errors(...op.errors) },
  };
}

/** `texts`: the panel shows SAP's names of things, in the language Accept-Language asks for. */
const ACCOUNT_PANELS: { path: string; id: string; summary: string; answer: z.ZodType; list: boolean; texts: boolean }[] = [
  { path: 'orders', id: 'getAccountOrders', summary: "The account's SAP sales orders with lines and overall, delivery and billing status", answer: ordersPanelSchema, list: true, texts: true },
  { path: 'deliveries', id: 'getAccountDeliveries', summary: "The account's SAP deliveries with shipment progress, carrier and tracking reference", answer: deliveriesPanelSchema, list: true, texts: false },
  { path: 'invoices', id: 'getAccountInvoices', summary: "The account's SAP invoices with payment status and open balance, and its open items", answer: invoicesPanelSchema, list: true, texts: false },
  { path: 'credit', id: 'getAccountCredit', summary: "The account's SAP credit situation: limit, exposure, available credit, payment terms, blocks", answer: creditPanelSchema, list: false, texts: true },
];

/** SAP's names in a panel (payment terms, document types) come in the first of these languages SAP has, else in panels.language. */
const ACCEPT_LANGUAGE: Json = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: "The user's languages, best first (e.g. de-DE, de;q=0.9): SAP's names of things come in the first SAP has, else in the gateway's panels.language.",
  schema: { type: 'string' },
};

/** Components reachable from `start` through $refs, so the document holds only the contract's schemas. */
function reachable(all: Record<string, Json>, start: unknown): Record<string, Json> {
  const found = new Map<string, Json>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
        const id = value.slice(COMPONENT_REF.length);
        if (!found.has(id) && all[id]) {
          found.set(id, all[id]);
          visit(all[id]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(start);
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)));
}

export function openApiDocument(): Json {
  const paths: Json = {};
  for (const panel of ACCOUNT_PANELS) {
    paths[`/api/v1/accounts/{accountid}/sap/${panel.path}`] = {
      get: operation({
        operationId: panel.id,
        summary: panel.summary,
        tag: 'Account panels',
        params: [...parameters(accountParamsSchema, 'path'), ...(panel.list ? parameters(listQuerySchema, 'query') : []), ...(panel.texts ? [ACCEPT_LANGUAGE] : [])],
        answer: panel.answer,
        errors: [...COMMON_ERRORS, 'Conflict'],
      }),
    };
  }
  paths['/api/v1/quotes/{quoteid}/sap/price'] = {
    post: operation({
      operationId: 'priceQuote',
      summary: "SAP's price for every line of the quote; with apply, written onto the quote lines",
      tag: 'Quote to SAP',
      params: parameters(quoteParamsSchema, 'path'),
      body: priceRequestSchema,
      answer: quotePriceSchema,
      errors: [...COMMON_ERRORS, 'Conflict', 'Unprocessable'],
    }),
  };
  paths['/api/v1/quotes/{quoteid}/sap/submit'] = {
    post: operation({
      operationId: 'submitQuote',
      summary: 'Sends the approved quote to SAP as a quotation or a sales order, once (a second press answers the same SAP document)',
      tag: 'Quote to SAP',
      params: parameters(quoteParamsSchema, 'path'),
      body: submitRequestSchema,
      answer: submitResultSchema,
      errors: [...COMMON_ERRORS, 'Conflict', 'Unprocessable'],
    }),
  };
  paths['/api/v1/records/{table}/{id}/sync-results'] = {
    get: operation({
      operationId: 'getRecordSyncResults',
      summary: "The record's latest sync results the user may read in CRM (for a sync result: those of the record it synced)",
      tag: 'Sync results',
      params: parameters(recordParamsSchema, 'path'),
      answer: syncResultsSchema,
      errors: [...COMMON_ERRORS],
    }),
  };
  paths['/api/v1/sync-results/{id}/retry'] = {
    post: operation({
      operationId: 'retrySyncResult',
      summary: 'Runs a failed quote submission again (integration admins: users CRM lets change sync results)',
      tag: 'Sync results',
      params: parameters(syncResultParamsSchema, 'path'),
      answer: submitResultSchema,
      errors: [...COMMON_ERRORS, 'Conflict', 'Unprocessable'],
    }),
  };
  paths['/api/openapi.json'] = {
    get: { operationId: 'getOpenApiDocument', summary: 'This document', tags: ['Meta'], security: [], responses: { '200': { description: 'The OpenAPI 3.1 document', ...json({ type: 'object' }) } } },
  };

  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'throw', uri: (id) => `${COMPONENT_REF}${id}` }) as { schemas: Record<string, Json> };
  const components = Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { description, headers }]) => [name, { description, ...(headers ? { headers } : {}), ...json(ref(errorSchema)) }]),
  );

  return {
    openapi: '3.1.1',
    info: {
      title: 'ecc365 gateway API',
      version: '1.0.0',
      description:
        "Live SAP ECC data on Dynamics 365 forms and quote-to-SAP. Every call carries a Microsoft Entra ID access token of the signed-in user for the gateway's app registration; the gateway reads the CRM record as that user before it reads SAP. Amounts are numbers in the currency beside them; dates are ISO (YYYY-MM-DD).",
    },
    tags: [
      { name: 'Account panels', description: 'SAP data on the account form' },
      { name: 'Quote to SAP', description: 'Pricing and sending quotes to SAP from the quote form' },
      { name: 'Sync results', description: 'What the gateway did to a record, on any form' },
      { name: 'Meta', description: 'About the API' },
    ],
    paths,
    components: {
      schemas: reachable(components, [paths, responses]),
      responses,
      securitySchemes: {
        entraId: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A Microsoft Entra ID access token of the signed-in user for the gateway's app registration (scope api://<client id>/user_impersonation).",
        },
      },
    },
    security: [{ entraId: [] }],
  };
}

/** GET /openapi.json, mounted under /api; the document is built once. */
export function openApiRouter(): Router {
  const document = JSON.stringify(openApiDocument());
  const router = Router();
  router.get('/openapi.json', (_request, response) => {
    response.type('application/json').send(document);
  });
  return router;
}
