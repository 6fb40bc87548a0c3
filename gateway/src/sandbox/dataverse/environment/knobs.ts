/**
 * What makes the simulated Dataverse behave like a loaded online environment, changeable while
 * the sandbox runs (the knobs endpoint) and set at start from the configuration
 * (sandbox.dataverse.*): latency per request, the service protection limits (on by default at
 * Dataverse's documented values) and the webhook delivery timeout and retry delay.
 */

import { z } from 'zod';
import type { ServiceProtectionSettings } from '../limits/serviceProtection.js';

export const dataverseKnobsSchema = z.object({
  /** Fixed time each Web API request spends in Dataverse, in milliseconds (counts as execution time). */
  latencyMs: z.number().int().min(0).default(0),
  /** Up to this many milliseconds more, drawn at random per request. */
  latencyJitterMs: z.number().int().min(0).default(0),
  /** Service protection limits on; off, no request is ever refused with 429. */
  serviceProtection: z.boolean().default(true),
  /** Requests per user within the sliding window (Dataverse: 6000). */
  requestsPerWindow: z.number().int().min(1).default(6000),
  /** Combined execution time per user within the sliding window, in milliseconds (Dataverse: 1,200,000). */
  executionTimeMsPerWindow: z.number().int().min(1).default(1_200_000),
  /** The sliding window, in seconds (Dataverse: 300). */
  windowSeconds: z.number().int().min(1).default(300),
  /** Requests of one user in progress at once (Dataverse: 52). */
  concurrentRequests: z.number().int().min(1).default(52),
  /** Count each request inside a $batch toward requestsPerWindow; Dataverse counts a batch once. */
  countBatchedRequests: z.boolean().default(false),
  /** How long a webhook POST may take before it fails (Dataverse: 60 seconds). */
  webhookTimeoutMs: z.number().int().min(1).default(60_000),
  /** Wait before the one retry of a webhook POST answered 502, 503 or 504. */
  webhookRetryDelayMs: z.number().int().min(0).default(1_000),
});

export type DataverseKnobs = z.infer<typeof dataverseKnobsSchema>;

export const serviceProtectionSettings = (knobs: DataverseKnobs): ServiceProtectionSettings => ({
  enabled: knobs.serviceProtection,
  requestsPerWindow: knobs.requestsPerWindow,
  executionTimeMsPerWindow: knobs.executionTimeMsPerWindow,
  windowSeconds: knobs.windowSeconds,
  concurrentRequests: knobs.concurrentRequests,
  countBatchedRequests: knobs.countBatchedRequests,
});

// Values from environment variables arrive as strings: numbers and flags accept both forms.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.union([z.boolean(), z.stringbool()]);

/**
 * The configuration's sandbox.dataverse section: the knobs' start values (what is left out keeps
 * the default above) and the state file.
 */
export const dataverseSandboxConfigSchema = z
  .object({
    /** Keep the simulated Dataverse's data (rows, imported metadata, shares, change tracking) in this file across restarts. */
    stateFile: z.string().min(1),
    latencyMs: integer(0, 60_000),
    latencyJitterMs: integer(0, 60_000),
    serviceProtection: flag,
    requestsPerWindow: integer(1, 10_000_000),
    executionTimeMsPerWindow: integer(1, 1_000_000_000),
    windowSeconds: integer(1, 86_400),
    concurrentRequests: integer(1, 10_000),
    countBatchedRequests: flag,
    webhookTimeoutMs: integer(1, 600_000),
    webhookRetryDelayMs: integer(0, 600_000),
  })
  .partial()
  .strict();

export type DataverseSandboxConfig = z.infer<typeof dataverseSandboxConfigSchema>;
