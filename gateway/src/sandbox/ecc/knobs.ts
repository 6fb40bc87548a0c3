/**
 * What makes the simulated ECC behave like a loaded production system: latency per call, a
 * limited number of dialog work processes with a bounded wait queue, injected failures, and
 * an outage switch. All can be changed while the sandbox runs.
 */

import { z } from 'zod';

export const eccKnobsSchema = z.object({
  /** Fixed time each call spends in SAP, in milliseconds. */
  latencyMs: z.number().int().min(0).default(0),
  /** Up to this many milliseconds more, drawn at random per call. */
  latencyJitterMs: z.number().int().min(0).default(0),
  /** Dialog work processes available to RFC; calls beyond them wait in the dispatcher queue. */
  workProcesses: z.number().int().min(1).default(8),
  /** Calls that may wait for a work process; beyond it a call fails at once (resource shortage). */
  queueLength: z.number().int().min(0).default(100),
  /** How long a call may wait for a work process before it fails. */
  queueTimeoutMs: z.number().int().min(0).default(10_000),
  /** Share of calls (0..1) that fail with a communication error before they run. */
  failureRate: z.number().min(0).max(1).default(0),
  /** Share of calls (0..1) whose response is lost after they ran (the caller sees an error, SAP did the work). */
  lostResponseRate: z.number().min(0).max(1).default(0),
  /** SAP is unreachable: every call and logon fails. */
  down: z.boolean().default(false),
  /** Delay of the asynchronous update task after a COMMIT WORK without WAIT. */
  updateDelayMs: z.number().int().min(0).default(50),
  /** The ecc365 add-on (function group /ECC365/PANELS, docs/sap-addon.md) is imported; without it its function modules do not exist. */
  addOn: z.boolean().default(true),
});

/** The function group of the ecc365 add-on's function modules, which the knob addOn imports. */
export const ADD_ON_FUNCTION_GROUP = '/ECC365/PANELS';

export type EccKnobs = z.infer<typeof eccKnobsSchema>;

// Values from environment variables arrive as strings: numbers and flags accept both forms.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const share = z.coerce.number().min(0).max(1);
const flag = z.union([z.boolean(), z.stringbool()]);

/** The configuration's sandbox.ecc section: the knobs' start values; what is left out keeps the default above. */
export const eccSandboxConfigSchema = z
  .object({
    latencyMs: integer(0, 60_000),
    latencyJitterMs: integer(0, 60_000),
    workProcesses: integer(1, 1_000),
    queueLength: integer(0, 100_000),
    queueTimeoutMs: integer(0, 600_000),
    failureRate: share,
    lostResponseRate: share,
    down: flag,
    updateDelayMs: integer(0, 60_000),
    addOn: flag,
  })
  .partial()
  .strict();
