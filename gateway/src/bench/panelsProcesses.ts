/**
 * The two servers of the panels benchmark, each in a process of its own (forked by panels.ts),
 * so that neither the simulated systems' work nor the load generator's counts as the gateway's:
 *
 *   sandbox  `ecc365 sandbox`: the simulated ECC, Dataverse and identity provider. It tells its
 *            parent where they listen and which seeded accounts each rep persona may read, and
 *            answers `calls` with the simulated ECC's RFC calls so far.
 *   gateway  `ecc365 start` configured for real systems: SAP over SOAP-RFC and a Dataverse
 *            environment with Entra sign-in, both the sandbox's.
 *
 * Both answer `usage` with the CPU time they have used and the p99 and longest delay of their event loop since
 * the last `usage`: where a saturated machine's time went; the sandbox adds how long its SOAP-RFC
 * and Dataverse requests took from arrival to answer, as those systems would log them. argv: the
 * role, then its configuration as JSON. Each stops on `close`.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { startGateway } from '../cli/gateway.js';
import { startSandboxServer } from '../cli/sandboxServer.js';
import { configSchema } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import { personaOf } from '../sandbox/crmSeed/owners.js';
import { seededCrm } from '../sandbox/crmSeed/seededCrm.js';
import { SANDBOX_PERSONAS } from '../sandbox/identities.js';

export interface ReadableAccount {
  id: string;
  customerNumber: string;
}

export interface SandboxAddresses {
  origin: string;
  soapRfcUrl: string;
  authority: string;
  caCertificatePem: string;
}

export type ChildMessage =
  | { kind: 'ready'; origin: string; sandbox?: SandboxAddresses; readable?: Record<string, ReadableAccount[]> }
  | { kind: 'calls'; total: number }
  | { kind: 'usage'; cpuMs: number; loopDelayP99Ms: number; loopDelayMaxMs: number; answers?: Record<SimulatedSystem, AnswerTimes> };

/** The simulated systems whose answer times the sandbox reports. */
export type SimulatedSystem = 'sap' | 'dataverse';

/** Milliseconds from a request's arrival to the end of its answer. */
export interface AnswerTimes {
  count: number;
  p50Ms: number;
  p99Ms: number;
}

export type ParentMessage = { kind: 'calls' } | { kind: 'usage' } | { kind: 'close' };

const send = (message: ChildMessage): boolean => process.send!(message);
const silent = createLogger({ level: 'error', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const [role, configJson] = process.argv.slice(2);
const config = configSchema.parse(JSON.parse(configJson ?? '{}'));

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
/** Answer times in microseconds, filled by the sandbox only. */
const answerTimes: Record<SimulatedSystem, RecordableHistogram> = { sap: createHistogram(), dataverse: createHistogram() };
const answered = (histogram: RecordableHistogram): AnswerTimes => ({ count: histogram.count, p50Ms: histogram.percentile(50) / 1000, p99Ms: histogram.percentile(99) / 1000 });
process.on('message', (message: ParentMessage) => {
  if (message.kind !== 'usage') return;
  const { user, system } = process.cpuUsage();
  send({
    kind: 'usage',
    cpuMs: (user + system) / 1000,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    ...(role === 'sandbox' ? { answers: { sap: answered(answerTimes.sap), dataverse: answered(answerTimes.dataverse) } } : {}),
  });
  loopDelay.reset();
  for (const histogram of Object.values(answerTimes)) histogram.reset();
});

/** Which simulated system a sandbox request is for, by its path. */
function systemOf(url: string): SimulatedSystem | undefined {
  if (url.includes('/soap/rfc')) return 'sap';
  if (url.startsWith('/sandbox/dataverse/api/data/')) return 'dataverse';
  return undefined;
}

if (role === 'sandbox') {
  const running = await startSandboxServer({ ...config.sandbox, host: '127.0.0.1', port: 0 }, silent);
  // Ahead of Express, which rewrites request.url as it routes.
  running.server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const system = systemOf(request.url ?? '');
    if (system === undefined) return;
    const arrived = performance.now();
    response.once('finish', () => answerTimes[system].record(Math.max(1, Math.round((performance.now() - arrived) * 1000))));
  });
  const { dataverse, ecc, idp } = running.sandbox;
  const accountModel = dataverse.model('account');
  const readable: Record<string, ReadableAccount[]> = {};
  for (const { key } of SANDBOX_PERSONAS) {
    const principal = dataverse.security.bySystemUserId(personaOf(key).systemUserId)!;
    readable[key] = seededCrm(dataverse)
      .accounts.filter((account) => account.active && dataverse.security.hasAccess(principal, accountModel, dataverse.store.table('account').get(account.id)!, 'ReadAccess'))
      .map(({ id, customerNumber }) => ({ id, customerNumber }));
  }
  const soap = new URL(running.endpoints.find((endpoint) => endpoint.label === 'SAP ECC SOAP-RFC')!.url);
  send({
    kind: 'ready',
    origin: running.origin,
    sandbox: { origin: running.origin, soapRfcUrl: `${soap.origin}${soap.pathname}`, authority: idp.authority, caCertificatePem: idp.caCertificatePem },
    readable,
  });
  process.on('message', (message: ParentMessage) => {
    if (message.kind === 'calls') send({ kind: 'calls', total: [...ecc.callCounts.values()].reduce((sum, count) => sum + count, 0) });
    if (message.kind === 'close') void running.close().then(() => process.disconnect());
  });
} else if (role === 'gateway') {
  const gateway = await startGateway(config, silent);
  send({ kind: 'ready', origin: gateway.origin });
  process.on('message', (message: ParentMessage) => {
    if (message.kind === 'close') void gateway.close().then(() => process.disconnect());
  });
} else {
  throw new Error(`unknown role ${role}: sandbox or gateway`);
}
