/**
 * The gateway's configuration: one typed schema, validated at start. Every key has a default
 * that runs the product on the sandbox, and a description here. Secrets (passwords) come from
 * the environment in production (see load.ts for the variable names) and are never logged.
 */

import { z } from 'zod';

// Values from environment variables arrive as strings: numbers and flags accept both forms.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const decimal = (min: number, max: number) => z.coerce.number().min(min).max(max);
const flag = z.union([z.boolean(), z.stringbool()]);
const port = integer(0, 65_535);
const timeoutMs = integer(100, 600_000);

/** The embedded simulated ECC, also reached by the gateway when sap.transport is "sandbox". */
const sapSandboxSchema = z.object({
  transport: z.literal('sandbox'),
  /** RFC user of the simulated ECC. */
  user: z.string().min(1).default('ECC365'),
  password: z.string().min(1).default('sandbox'),
  /** Default timeout of an RFC call. */
  timeoutMs: timeoutMs.default(30_000),
});

/** SOAP-RFC over HTTP(S) to the ICF service /sap/bc/soap/rfc: no SAP SDK needed. */
const sapSoapRfcSchema = z.object({
  transport: z.literal('soap-rfc'),
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
  /** Most concurrent HTTP requests to SAP; keep below the RFC user's work-process quota. */
  maxConnections: integer(1, 256).default(10),
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
  /** node-rfc connection parameters: ashost, sysnr, client, user, passwd, lang; or dest; or mshost, msserv, group, sysid … */
  connection: z.record(z.string(), z.string()).refine((c) => ['dest', 'ashost', 'mshost', 'wshost'].some((key) => key in c), {
    message: 'needs a target: "dest" (sapnwrfc.ini), "ashost"+"sysnr", "mshost"+"group" or "wshost"+"wsport"',
  }),
  pool: z
    .object({
      low: integer(0, 128).default(2),
      high: integer(1, 128).default(8),
    })
    .refine((p) => p.low <= p.high, { message: 'low must not exceed high' })
    .default({ low: 2, high: 8 }),
  timeoutMs: timeoutMs.default(30_000),
});

const sandboxEccSchema = z
  .object({
    /** Fixed time each RFC call spends in the simulated ECC, in milliseconds. */
    latencyMs: integer(0, 60_000),
    /** Up to this many milliseconds more per call, at random. */
    latencyJitterMs: integer(0, 60_000),
    /** Dialog work processes; calls beyond them wait in the dispatcher queue. */
    workProcesses: integer(1, 1_000),
    /** Calls that may wait for a work process before calls fail with a resource shortage. */
    queueLength: integer(0, 100_000),
    queueTimeoutMs: integer(0, 600_000),
    /** Share of calls (0..1) that fail with a communication error. */
    failureRate: decimal(0, 1),
    /** Share of calls (0..1) that run but whose answer is lost. */
    lostResponseRate: decimal(0, 1),
    /** Simulate an outage: every call fails. */
    down: flag,
    /** Delay of the update task after a commit without WAIT. */
    updateDelayMs: integer(0, 60_000),
  })
  .partial()
  .strict();

export const sapConfigSchema = z.discriminatedUnion('transport', [sapSandboxSchema, sapSoapRfcSchema, sapNodeRfcSchema]);

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
    })
    .default({ host: '127.0.0.1', port: 4365, bodyLimit: '1mb', shutdownTimeoutMs: 30_000 }),
  log: z
    .object({
      level: z.enum(['error', 'warn', 'info', 'http', 'debug']).default('info'),
    })
    .default({ level: 'info' }),
  sap: sapConfigSchema.default({ transport: 'sandbox', user: 'ECC365', password: 'sandbox', timeoutMs: 30_000 }),
  sandbox: z
    .object({
      /** Sold-to customers in the seed data. */
      customers: integer(1, 1_000_000).default(300),
      /** Seed of the data set: the same seed and date give the same data. */
      seed: integer(0, Number.MAX_SAFE_INTEGER).default(4365),
      /** Keep the simulated ECC's data in this file so it survives a restart. */
      stateFile: z.string().min(1).optional(),
      /** A fixed date (YYYY-MM-DD) for reproducible data; today otherwise. */
      today: z.iso.date().optional(),
      /** Latency, work processes and fault injection of the simulated ECC; the sandbox's defaults apply to what is left out. */
      ecc: sandboxEccSchema.default({}),
    })
    .default({ customers: 300, seed: 4365, ecc: {} }),
});

export type Config = z.infer<typeof configSchema>;
export type SapConfig = z.infer<typeof sapConfigSchema>;
