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
 * the last `usage`: where a saturated machine's time went. argv: the role, then its configuration
 * as JSON. Each stops on `close`.
 */

import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  | { kind: 'usage'; cpuMs: number; loopDelayP99Ms: number; loopDelayMaxMs: number };

export type ParentMessage = { kind: 'calls' } | { kind: 'usage' } | { kind: 'close' };

const send = (message: ChildMessage): boolean => process.send!(message);
const silent = createLogger({ level: 'error', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const [role, configJson] = process.argv.slice(2);
const config = configSchema.parse(JSON.parse(configJson ?? '{}'));

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.on('message', (message: ParentMessage) => {
  if (message.kind !== 'usage') return;
  const { user, system } = process.cpuUsage();
  send({ kind: 'usage', cpuMs: (user + system) / 1000, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 });
  loopDelay.reset();
});

if (role === 'sandbox') {
  const running = await startSandboxServer({ ...config.sandbox, host: '127.0.0.1', port: 0 }, silent);
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
