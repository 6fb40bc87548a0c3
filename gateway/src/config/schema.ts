/**
 * The gateway's configuration: one typed schema, validated at start. Every key has a default
 * that runs the product on the sandbox, and a description here. Secrets (passwords) come from
 * the environment in production (see load.ts for the variable names) and are never logged.
 */

import { z } from 'zod';
// The sandbox's settings are validated here with the sandbox's own schemas, so one schema checks every key.
import { dataverseSandboxConfigSchema } from '../sandbox/dataverse/environment/knobs.js';
import { eccSandboxConfigSchema } from '../sandbox/ecc/knobs.js';

// Values from environment variables arrive as strings: numbers and flags accept both forms.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.union([z.boolean(), z.stringbool()]);
const port = integer(0, 65_535);
const timeoutMs = integer(100, 600_000);

/**
 * SAP has the ecc365 add-on (function group /ECC365/PANELS, docs/sap-addon.md): each account
 * panel is then one RFC call. Off by default: without the add-on the gateway reads with SAP's
 * standard interfaces.
 */
const addOn = flag.default(false);

/** The embedded simulated ECC, also reached by the gateway when sap.transport is "sandbox". */
const sapSandboxSchema = z.object({
  transport: z.literal('sandbox'),
  addOn,
  /** RFC user of the simulated ECC. */
  user: z.string().min(1).default('ECC365'),
  password: z.string().min(1).default('sandbox'),
  /** Default timeout of an RFC call. */
  timeoutMs: timeoutMs.default(30_000),
});

/** SOAP-RFC over HTTP(S) to the ICF service /sap/bc/soap/rfc: no SAP SDK needed. */
const sapSoapRfcSchema = z.object({
  transport: z.literal('soap-rfc'),
  addOn,
  /** e.g. https://ecc.example.com:44300/sap/bc/soap/rfc */
  url: z.url({ protocol: /^https?$/ }),
  /** The WSDL service; derived from url (…/sap/bc/soap/wsdl11) when absent. */
  wsdlUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** SAP client (Mandant), three digits. */
  client: z.string().regex(/^\d{3}$/, 'must be three digits, e.g. "100"'),
  user: z.string().min(1),
  password: z.string().min(1),
  /** Logon language (SAP one-letter or ISO code). */
  language: z.string().min(1).max(2).default('EN'),
  timeoutMs: timeoutMs.default(30_000),
  /**
   * Most concurrent HTTP requests to SAP; keep below the RFC user's work-process quota. An account
   * form's panels make up to 12 calls at once: with fewer, every form waits a second SAP round.
   */
  maxConnections: integer(1, 256).default(16),
  tls: z
    .object({
      /** PEM file with the CA that signed SAP's server certificate. */
      caFile: z.string().min(1).optional(),
      rejectUnauthorized: flag.default(true),
    })
    .default({ rejectUnauthorized: true }),
});

/** node-rfc with the SAP NW RFC SDK. */
const sapNodeRfcSchema = z.object({
  transport: z.literal('node-rfc'),
  addOn,
  /** node-rfc connection parameters: ashost, sysnr, client, user, passwd, lang; or dest; or mshost, msserv, group, sysid … */
  connection: z.record(z.string(), z.string()).refine((c) => ['dest', 'ashost', 'mshost', 'wshost'].some((key) => key in c), {
    message: 'needs a target: "dest" (sapnwrfc.ini), "ashost"+"sysnr", "mshost"+"group" or "wshost"+"wsport"',
  }),
  pool: z
    .object({
      low: integer(0, 128).default(2),
      /** As soap-rfc's maxConnections: at least an account form's 12 calls. */
      high: integer(1, 128).default(16),
    })
    .refine((p) => p.low <= p.high, { message: 'low must not exceed high' })
    .default({ low: 2, high: 16 }),
  timeoutMs: timeoutMs.default(30_000),
});

export const sapConfigSchema = z.discriminatedUnion('transport', [sapSandboxSchema, sapSoapRfcSchema, sapNodeRfcSchema]);

/** How the gateway calls Dataverse, whichever environment it is. */
const dataverseClientSettings = {
  /** Most time one attempt of a request may take. */
  timeoutMs: timeoutMs.default(30_000),
  /** Most time one exchange with the identity provider may take. */
  authorityTimeoutMs: timeoutMs.default(10_000),
  /** Most requests in flight (Dataverse allows 52 per user and web server); lowered on throttling. */
  maxConcurrency: integer(1, 52).default(16),
  /** Retries of one request, throttled or transient. */
  maxRetries: integer(0, 20).default(6),
  /** Longest wait before a retry; a longer Retry-After fails the request as throttled. */
  maxRetryWaitMs: integer(0, 600_000).default(60_000),
};

/** The simulated Dataverse of the embedded sandbox, with the sandbox identity provider. */
const dataverseSandboxSchema = z.object({ target: z.literal('sandbox'), ...dataverseClientSettings });

/** A Dataverse environment, reached as the gateway's application user (client credentials). */
const dataverseEnvironmentSchema = z
  .object({
    target: z.literal('environment'),
    /** e.g. https://contoso.crm4.dynamics.com (http only for a sandbox on this machine). */
    url: z.url({ protocol: /^https?$/ }).refine((url) => url.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url), {
      message: 'must be https (http only for a sandbox on 127.0.0.1)',
    }),
    /** Directory (tenant) ID. */
    tenantId: z.string().min(1),
    /** Defaults to https://login.microsoftonline.com/<tenantId>. */
    authority: z.url({ protocol: /^https$/ }).optional(),
    /** PEM of a private CA that signed the authority's certificate (the sandbox identity provider's). */
    authorityCaFile: z.string().min(1).optional(),
    /** Application (client) ID of the gateway's app registration. */
    clientId: z.string().min(1),
    /** From the environment: ECC365_DATAVERSE__CLIENT_SECRET. Or a certificate: */
    clientSecret: z.string().min(1).optional(),
    certificateFile: z.string().min(1).optional(),
    privateKeyFile: z.string().min(1).optional(),
    ...dataverseClientSettings,
  })
  .refine((c) => (c.clientSecret !== undefined) !== (c.certificateFile !== undefined && c.privateKeyFile !== undefined), {
    message: 'set either clientSecret, or certificateFile and privateKeyFile',
  });

export const dataverseConfigSchema = z.discriminatedUnion('target', [dataverseSandboxSchema, dataverseEnvironmentSchema]);

/** A list given as JSON or, from an environment variable, as comma-separated text. */
const list = <T extends z.ZodType>(item: T, min = 0) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '') : value), z.array(item).min(min));

/** An origin as browsers send it: scheme, host and port, no path. */
const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => /^[a-z]+:\/\/[^/?#]+\/?$/i.test(value), { message: 'must be an origin: scheme://host[:port], no path' })
  .transform((value) => new URL(value).origin);

/**
 * The panel API (/api/v1): who may call it and how often. Tokens are Microsoft Entra ID access
 * tokens for the gateway's own app registration; what is left out is derived from the
 * dataverse section (the same tenant and app registration), or from the sandbox identity
 * provider when Dataverse is the sandbox's.
 */
const apiSchema = z.object({
  /** Directory (tenant) ID; default: dataverse.tenantId. */
  tenantId: z.string().min(1).optional(),
  /** Default: dataverse.authority, or https://login.microsoftonline.com/<tenantId>. */
  authority: z.url({ protocol: /^https$/ }).optional(),
  /** The identity provider's signing keys; default: <authority>/discovery/v2.0/keys. */
  jwksUrl: z.url({ protocol: /^https$/ }).optional(),
  /** PEM of a private CA that signed the JWKS host's certificate; default: dataverse.authorityCaFile. */
  jwksCaFile: z.string().min(1).optional(),
  /** Accepted token issuers; default: <authority>/v2.0 and https://sts.windows.net/<tenantId>/ (v1.0 tokens). */
  issuers: list(z.url()).optional(),
  /** Application (client) ID of the gateway's app registration; default: dataverse.clientId. */
  clientId: z.string().min(1).optional(),
  /** Accepted token audiences; default: api://<clientId> and <clientId>. */
  audiences: list(z.string().min(1)).optional(),
  /** A user's token must carry one of these delegated scopes (scp). */
  scopes: list(z.string().min(1), 1).default(['user_impersonation']),
  /** Clock difference tolerated on exp and nbf. */
  clockSkewSeconds: integer(0, 600).default(60),
  /** Browser origins (the CRM's, e.g. https://contoso.crm4.dynamics.com) allowed to call the API; the gateway's own origin is allowed on the sandbox. */
  corsOrigins: list(origin).default([]),
  rateLimit: z
    .object({
      /** Requests one user may make per window; beyond it 429 with Retry-After. */
      maxRequests: integer(1, 100_000).default(300),
      windowSeconds: integer(1, 3_600).default(60),
    })
    .default({ maxRequests: 300, windowSeconds: 60 }),
  /** How long a user's right to read a record (checked by reading it as the user) is remembered. */
  accessCacheSeconds: integer(0, 3_600).default(60),
});

/** The live SAP panels on the account form. */
const panelsSchema = z.object({
  /** How long a panel's SAP data is served from the cache (per SAP customer, panel and query). */
  cacheSeconds: integer(0, 3_600).default(60),
  /** Most time the SAP reads of one panel may take. */
  timeoutMs: timeoutMs.default(15_000),
  /** How long customizing (payment terms texts) and carrier names are kept. */
  customizingCacheSeconds: integer(0, 86_400).default(3_600),
  /** Company code for accounts whose ecc_companycode is empty. */
  companyCode: z.string().regex(/^[A-Za-z0-9]{1,4}$/, 'up to four letters or digits').optional(),
  /** Credit control area for accounts whose ecc_creditcontrolarea is empty. */
  creditControlArea: z.string().regex(/^[A-Za-z0-9]{1,4}$/, 'up to four letters or digits').optional(),
  /** SAP language key (one character, e.g. E, D) of the texts the panels show (payment terms). */
  language: z.string().regex(/^[A-Z0-9]$/, "SAP's one-character language key, e.g. E or D").default('E'),
});

/** Quote to SAP (docs/quote-to-sap.md): when a quote counts as approved, and when an unfinished submission counts as abandoned. */
const quotesSchema = z
  .object({
    /**
     * A quote column that must say approved before the quote may go to SAP, besides the quote being
     * active: a custom approval column, or statuscode with an "Approved" status reason.
     */
    approvalColumn: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'a column logical name, e.g. statuscode or new_approvalstatus').optional(),
    /** The approval column's value that means approved: an option value, true, or a text (compared as text). */
    approvedValue: z.union([z.number(), z.boolean(), z.string().min(1)]).optional(),
    /**
     * How long a submission may stay unfinished (the gateway stopped between SAP and CRM) before a
     * new press or retry takes it over; keep it well above the SAP timeout.
     */
    abandonedAfterSeconds: integer(30, 86_400).default(300),
  })
  .refine((quotes) => (quotes.approvalColumn === undefined) === (quotes.approvedValue === undefined), { message: 'set approvalColumn and approvedValue together' });

/** Dataverse webhooks (the ecc365 solution's service endpoint posts to /api/v1/webhooks/dataverse). */
const webhooksSchema = z.object({
  /**
   * The service endpoint's key (its WebhookKey, which Dataverse sends as ?code=…); from the
   * environment: ECC365_WEBHOOKS__KEY. Without it every post is refused. Default on the sandbox:
   * "sandbox", the key the sandbox gives the endpoint.
   */
  key: z.string().min(1).optional(),
});

export const configSchema = z.object({
  server: z
    .object({
      /** Interface to listen on; 127.0.0.1 keeps the gateway off the network. */
      host: z.string().min(1).default('127.0.0.1'),
      /** 0 picks a free port. */
      port: port.default(4365),
      /** The largest request body accepted. */
      bodyLimit: z.string().regex(/^\d+(b|kb|mb)$/i, 'like "1mb" or "512kb"').default('1mb'),
      /** How long SIGTERM waits for requests in flight before closing connections. */
      shutdownTimeoutMs: integer(0, 600_000).default(30_000),
      /**
       * How long an idle keep-alive connection stays open. Longer than the reverse proxy's idle
       * timeout for its connections to the gateway (nginx keeps them 60 s by default), so the proxy
       * never sends a request on a connection the gateway is closing; Node's own 5 s would also make
       * every rep who reads a panel for more than 5 s pay for a new connection.
       */
      keepAliveTimeoutMs: integer(1_000, 600_000).default(65_000),
    })
    .default({ host: '127.0.0.1', port: 4365, bodyLimit: '1mb', shutdownTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000 }),
  log: z
    .object({
      level: z.enum(['error', 'warn', 'info', 'http', 'debug']).default('info'),
    })
    .default({ level: 'info' }),
  sap: sapConfigSchema.default({ transport: 'sandbox', addOn: false, user: 'ECC365', password: 'sandbox', timeoutMs: 30_000 }),
  dataverse: dataverseConfigSchema.default(dataverseSandboxSchema.parse({ target: 'sandbox' })),
  api: apiSchema.default(apiSchema.parse({})),
  panels: panelsSchema.default(panelsSchema.parse({})),
  quotes: quotesSchema.default(quotesSchema.parse({})),
  webhooks: webhooksSchema.default({}),
  sandbox: z
    .object({
      /** Sold-to customers in the seed data. */
      customers: integer(1, 1_000_000).default(300),
      /** Seed of the data set: the same seed and date give the same data. */
      seed: integer(0, Number.MAX_SAFE_INTEGER).default(4365),
      /** Keep the simulated ECC's data in this file so it survives a restart. */
      stateFile: z.string().min(1).optional(),
      /** Latency, service protection limits and webhook delivery of the simulated Dataverse, and its state file. */
      dataverse: dataverseSandboxConfigSchema.default({}),
      /** A fixed date (YYYY-MM-DD) for reproducible data; today otherwise. */
      today: z.iso.date().optional(),
      /** Port of the sandbox identity provider's HTTPS listener (MSAL needs HTTPS); 0 picks a free one. */
      idpHttpsPort: port.default(0),
      /** Latency, work processes and fault injection of the simulated ECC; the sandbox's defaults apply to what is left out. */
      ecc: eccSandboxConfigSchema.default({}),
    })
    .default({ customers: 300, seed: 4365, idpHttpsPort: 0, ecc: {}, dataverse: {} }),
});

export type Config = z.infer<typeof configSchema>;
export type SapConfig = z.infer<typeof sapConfigSchema>;
export type DataverseConfig = z.infer<typeof dataverseConfigSchema>;
export type ApiConfig = z.infer<typeof apiSchema>;
export type PanelsConfig = z.infer<typeof panelsSchema>;
export type QuotesConfig = z.infer<typeof quotesSchema>;
export type WebhooksConfig = z.infer<typeof webhooksSchema>;
