/**
 * The panels benchmark: N reps open account forms against the gateway, SAP answering each RFC
 * call after 100 ms. Each rep opens three account forms it may read (the form's four panels
 * requested in parallel, as the controls do) through the reverse proxy in front of the gateway,
 * reading each form a while before opening the next; two workloads say when the reps arrive and
 * how long they read (WORKLOADS). Every N starts a fresh gateway (its own process, cold caches)
 * and runs its forms twice: just started, then again on the running gateway once the panel
 * caches and access checks expired.
 *
 * Measured per round: panel latency as the rep sees it, requests per second, RFC calls per
 * panel view and per (panel, customer), and the gateway's own overhead: the request's `total` in
 * its Server-Timing header minus the access check (`crm`) and the panel (`sap` or `cache`); the
 * latency beyond `total` is spent before the gateway (network, a busy machine), and each
 * process's CPU time and event loop delay, and the simulated systems' own answer times, say where
 * a busy machine's time went. To tell
 * whether the cache and the coalescing of identical requests hold SAP to one read per panel and
 * customer, the distinct (panel, customer) pairs of the first round are then read once each on
 * another fresh gateway: the RFC calls of that replay are what one read of each costs.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { IDP_MOUNT_PATH, SANDBOX_GATEWAY_API_ID_URI } from '../sandbox/idp/index.js';
import { SANDBOX_APPLICATIONS, SANDBOX_PERSONAS, SANDBOX_TENANT_ID } from '../sandbox/identities.js';
import { createPersonaTokens } from '../sandbox/preview/personaTokens.js';
import { Random } from '../sandbox/random.js';
import { ms, summarize } from './measure.js';
import type { AnswerTimes, ChildMessage, ParentMessage, ReadableAccount, SimulatedSystem } from './panelsProcesses.js';

const PANELS = ['orders', 'deliveries', 'invoices', 'credit'] as const;
type Panel = (typeof PANELS)[number];
/** The personas who own or may read accounts; erin reads none. */
const REPS = ['anna', 'ben', 'carla', 'dave', 'olivia'] as const;
const FORMS_PER_REP = 3;

/** How the reps work: when they arrive, and how long each reads a form before opening the next. */
export interface Workload {
  name: string;
  /** What it stands for, in the report. */
  description: string;
  arrivalMs: number;
  readingMs: [number, number];
  /** The gateway's panel cache and access check windows: each round of forms fits in one. */
  cacheSeconds: number;
}

export const WORKLOADS: Workload[] = [
  {
    name: 'a working day',
    description: 'reps at work arrive over 10 s and read each form 5–15 s (brisk: a rep who reads a form for a minute puts a sixth of this load on the gateway); the gateway caches as configured by default (60 s)',
    arrivalMs: 10_000,
    readingMs: [5_000, 15_000],
    cacheSeconds: 60,
  },
  {
    name: 'everyone at once',
    description: 'a stress test: all reps arrive within 2 s and open their forms one to three seconds apart (panel caches and access checks kept 20 s, so the wait between rounds is short)',
    arrivalMs: 2_000,
    readingMs: [1_000, 3_000],
    cacheSeconds: 20,
  },
];

export interface PanelsBenchOptions {
  today: string;
  customers: number;
  sapLatencyMs: number;
  /** The gateway reads with the ecc365 SAP add-on (one RFC call per panel), else with SAP's standard interfaces. */
  sapAddOn: boolean;
}

interface PanelAnswer {
  panel: Panel;
  customerNumber: string;
  accountId: string;
  persona: string;
  status: number;
  latencyMs: number;
  /** Server-Timing: the access check, and the panel from SAP or from the cache. */
  crmMs: number;
  panelMs: number;
  /** Server-Timing: the whole request since it reached the gateway. */
  totalMs: number;
  fromCache: boolean;
  /** The error's code, when the answer is not 200. */
  errorCode: string | undefined;
}

interface BenchProcess {
  ready: Extract<ChildMessage, { kind: 'ready' }>;
  /** RFC calls the simulated ECC has run so far (the sandbox process only). */
  rfcCalls(): Promise<number>;
  usage(): Promise<Usage>;
  close(): Promise<void>;
}

/** A process's CPU time so far, its event loop's p99 and longest delay since the last look, and (the sandbox) its systems' answer times since then. */
interface Usage {
  cpuMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  answers?: Record<SimulatedSystem, AnswerTimes> | undefined;
}

function startProcess(role: 'sandbox' | 'gateway', config: Record<string, unknown>): Promise<BenchProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./panelsProcesses.js', import.meta.url)), [role, JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <K extends ChildMessage['kind']>(kind: K): Promise<Extract<ChildMessage, { kind: K }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage): void => {
        if (message.kind !== kind) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { kind: K }>);
      };
      const onExit = (code: number | null): void => reject(new Error(`the benchmark's ${role} exited (code ${code}) before it answered ${kind}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const command = (message: ParentMessage): boolean => child.send(message);
  return next('ready').then((ready) => ({
    ready,
    rfcCalls: async () => {
      const answer = next('calls');
      command({ kind: 'calls' });
      return (await answer).total;
    },
    usage: async () => {
      const answer = next('usage');
      command({ kind: 'usage' });
      const { cpuMs, loopDelayP99Ms, loopDelayMaxMs, answers } = await answer;
      return { cpuMs, loopDelayP99Ms, loopDelayMaxMs, answers };
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      command({ kind: 'close' });
      await exited;
    },
  }));
}

interface BenchSystems {
  /** The gateway's origin. */
  origin: string;
  /** The sandbox's origin. */
  sandboxOrigin: string;
  readable: Record<string, ReadableAccount[]>;
  rfcCalls(): Promise<number>;
  /** The gateway's and the sandbox's usage. */
  usage(): Promise<{ gateway: Usage; sandbox: Usage }>;
  close(): Promise<void>;
}

/** The sandbox, and the gateway configured for it as for real systems, each in its own process. */
async function startSystems(options: PanelsBenchOptions, cacheSeconds: number): Promise<BenchSystems> {
  const sandbox = await startProcess('sandbox', {
    // Enough work processes that SAP's latency, not its queue, is what the panels wait for (the saturation section measures the queue).
    sandbox: { customers: options.customers, today: options.today, ecc: { latencyMs: options.sapLatencyMs, workProcesses: 1_000, queueLength: 100_000, queueTimeoutMs: 600_000 } },
  });
  const systems = sandbox.ready.sandbox!;
  const caFile = join(mkdtempSync(join(tmpdir(), 'ecc365-bench-')), 'idp-ca.pem');
  writeFileSync(caFile, systems.caCertificatePem);
  const gateway = await startProcess('gateway', {
    server: { port: 0, shutdownTimeoutMs: 2_000 },
    log: { level: 'error' },
    sap: { transport: 'soap-rfc', addOn: options.sapAddOn, url: systems.soapRfcUrl, client: '100', user: 'ECC365', password: 'sandbox', maxConnections: 100 },
    dataverse: { target: 'environment', url: `${systems.origin}/sandbox/dataverse`, tenantId: SANDBOX_TENANT_ID, authority: systems.authority, authorityCaFile: caFile, clientId: SANDBOX_APPLICATIONS.gateway.clientId, clientSecret: SANDBOX_APPLICATIONS.gateway.clientSecret },
    // Five personas stand for all N reps, so the per-user limit would throttle the benchmark, not a rep.
    api: { rateLimit: { maxRequests: 100_000, windowSeconds: 60 }, accessCacheSeconds: cacheSeconds },
    panels: { cacheSeconds },
  });
  return {
    origin: gateway.ready.origin,
    sandboxOrigin: systems.origin,
    readable: sandbox.ready.readable!,
    rfcCalls: () => sandbox.rfcCalls(),
    usage: async () => ({ gateway: await gateway.usage(), sandbox: await sandbox.usage() }),
    close: async () => {
      await gateway.close();
      await sandbox.close();
      rmSync(dirname(caFile), { recursive: true, force: true });
    },
  };
}

function serverTiming(header: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header);
  return match ? Number(match[1]) : undefined;
}

/** Bearer tokens of the rep personas, from the sandbox identity provider as the controls get them. */
async function repTokens(systems: BenchSystems): Promise<Map<string, string>> {
  const tokens = createPersonaTokens({
    tokenEndpoint: () => `${systems.sandboxOrigin}${IDP_MOUNT_PATH}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`,
    resourceIds: () => ({ gateway: SANDBOX_GATEWAY_API_ID_URI, dataverse: `${systems.sandboxOrigin}/sandbox/dataverse` }),
  });
  const byKey = new Map<string, string>();
  for (const persona of SANDBOX_PERSONAS.filter(({ key }) => (REPS as readonly string[]).includes(key))) {
    byKey.set(persona.key, (await tokens.tokenFor(persona, 'gateway')).accessToken);
  }
  return byKey;
}

/**
 * The reverse proxy in front of the gateway as the gateway sees it (docs/admin-guide.md: TLS ends
 * there; reps' browsers cannot reach plain HTTP from a Dynamics 365 page): it forwards each rep's
 * request on a keep-alive connection, opens more when all are busy, and keeps up to 256 idle (as
 * nginx's `keepalive 256`, the setting docs/admin-guide.md recommends, does).
 */
class ReverseProxy {
  readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
  private readonly sockets = new WeakSet<object>();
  /** Connections it opened to the gateway. */
  opened = 0;

  get(url: string, token: string): Promise<{ status: number; serverTiming: string; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpGet(url, { agent: this.agent, headers: { Authorization: `Bearer ${token}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, serverTiming: [response.headers['server-timing'] ?? []].flat().join(', '), body }));
        response.on('error', reject);
      });
      request.on('socket', (socket) => {
        if (this.sockets.has(socket)) return;
        this.sockets.add(socket);
        this.opened += 1;
      });
      request.on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

async function requestPanel(proxy: ReverseProxy, origin: string, token: string, panel: Panel, account: ReadableAccount, persona: string): Promise<PanelAnswer> {
  const started = performance.now();
  const response = await proxy.get(`${origin}/api/v1/accounts/${account.id}/sap/${panel}`, token);
  const { body } = response;
  const latencyMs = performance.now() - started;
  const timing = response.serverTiming;
  const fromSap = serverTiming(timing, 'sap');
  return {
    panel,
    customerNumber: account.customerNumber,
    accountId: account.id,
    persona,
    status: response.status,
    latencyMs,
    crmMs: serverTiming(timing, 'crm') ?? 0,
    panelMs: fromSap ?? serverTiming(timing, 'cache') ?? 0,
    totalMs: serverTiming(timing, 'total') ?? latencyMs,
    fromCache: fromSap === undefined,
    errorCode: response.status === 200 ? undefined : `${response.status} ${(JSON.parse(body) as { error?: { code?: string } }).error?.code ?? ''}`,
  };
}

/** SAP answered the pair's read: a panel, or "no such customer or credit account" (404), which the gateway keeps as long. */
const isSapAnswer = (answer: PanelAnswer): boolean => answer.status === 200 || answer.status === 404;

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * A gateway that has been running: signing keys, its own Dataverse token, SOAP-RFC connections and
 * WSDLs are at hand. One form is opened on an account the measured reps then leave alone, so no
 * panel they ask for is cached yet.
 */
async function warmUp(systems: BenchSystems, tokens: Map<string, string>, proxy: ReverseProxy): Promise<ReadableAccount> {
  const account = systems.readable.olivia![0]!;
  await Promise.all(PANELS.map((panel) => requestPanel(proxy, systems.origin, tokens.get('olivia')!, panel, account, 'olivia')));
  return account;
}

/** One rep's work: when it arrives, the accounts whose forms it opens, and how long it thinks between them. */
interface RepPlan {
  persona: string;
  arrivalMs: number;
  accounts: ReadableAccount[];
  thinksMs: number[];
}

function planReps(systems: BenchSystems, workload: Workload, reps: number, spare: ReadableAccount): RepPlan[] {
  const random = new Random(reps);
  return Array.from({ length: reps }, (_unused, index) => {
    const persona = REPS[index % REPS.length]!;
    const readable = systems.readable[persona]!.filter((account) => account.customerNumber !== spare.customerNumber);
    return {
      persona,
      arrivalMs: random.int(0, workload.arrivalMs),
      thinksMs: Array.from({ length: FORMS_PER_REP - 1 }, () => random.int(...workload.readingMs)),
      accounts: Array.from({ length: FORMS_PER_REP }, () => readable[random.int(0, readable.length - 1)]!),
    };
  });
}

/** The reps open their forms, each form's four panels at once: the answers and the wall time. */
async function openForms(systems: BenchSystems, tokens: Map<string, string>, plans: RepPlan[], proxy: ReverseProxy): Promise<{ answers: PanelAnswer[]; seconds: number }> {
  const answers: PanelAnswer[] = [];
  const started = performance.now();
  await Promise.all(
    plans.map(async ({ persona, arrivalMs, accounts, thinksMs }) => {
      await sleep(arrivalMs);
      for (const [form, account] of accounts.entries()) {
        answers.push(...(await Promise.all(PANELS.map((panel) => requestPanel(proxy, systems.origin, tokens.get(persona)!, panel, account, persona)))));
        if (form < thinksMs.length) await sleep(thinksMs[form]!);
      }
    }),
  );
  return { answers, seconds: (performance.now() - started) / 1000 };
}

/** Reads each distinct (panel, customer) pair of a run once on fresh systems: the RFC calls one read of each costs, per panel. */
async function oneReadEach(options: PanelsBenchOptions, answers: PanelAnswer[]): Promise<Map<Panel, { pairs: number; calls: number }>> {
  const systems = await startSystems(options, 60);
  const tokens = await repTokens(systems);
  const proxy = new ReverseProxy();
  await warmUp(systems, tokens, proxy);
  const costs = new Map<Panel, { pairs: number; calls: number }>();
  for (const panel of PANELS) {
    const pairs = new Map<string, PanelAnswer>();
    for (const answer of answers) if (answer.panel === panel && isSapAnswer(answer)) pairs.set(answer.customerNumber, answer);
    const before = await systems.rfcCalls();
    await Promise.all([...pairs.values()].map((pair) => requestPanel(proxy, systems.origin, tokens.get(pair.persona)!, panel, { id: pair.accountId, customerNumber: pair.customerNumber }, pair.persona)));
    costs.set(panel, { pairs: pairs.size, calls: (await systems.rfcCalls()) - before });
  }
  proxy.close();
  await systems.close();
  return costs;
}

/** One measured round of forms: what the reps saw, and what it cost SAP and the machine. */
interface Round {
  answers: PanelAnswer[];
  seconds: number;
  connections: number;
  calls: number;
  /** CPU seconds of the gateway, the sandbox and the load generator, and the event loops' delays. */
  machine: string;
}

async function measureRound(systems: BenchSystems, tokens: Map<string, string>, plans: RepPlan[], proxy: ReverseProxy): Promise<Round> {
  const callsBefore = await systems.rfcCalls();
  const usageBefore = await systems.usage();
  const connectionsBefore = proxy.opened;
  const loadBefore = process.cpuUsage();
  const loadDelay = monitorEventLoopDelay({ resolution: 10 });
  loadDelay.enable();
  const { answers, seconds } = await openForms(systems, tokens, plans, proxy);
  loadDelay.disable();
  const load = process.cpuUsage(loadBefore);
  const usageAfter = await systems.usage();
  const cpuSeconds = (side: 'gateway' | 'sandbox'): string => ((usageAfter[side].cpuMs - usageBefore[side].cpuMs) / 1000).toFixed(1);
  const answerTimes = (system: SimulatedSystem): string => {
    const times = usageAfter.sandbox.answers?.[system];
    return times === undefined ? '–' : `${ms(times.p50Ms)} / ${ms(times.p99Ms)}`;
  };
  return {
    answers,
    seconds,
    connections: proxy.opened - connectionsBefore,
    calls: (await systems.rfcCalls()) - callsBefore,
    machine:
      `${seconds.toFixed(1)} | ${cpuSeconds('gateway')} | ${cpuSeconds('sandbox')} | ${((load.user + load.system) / 1e6).toFixed(1)} | ` +
      `${ms(usageAfter.gateway.loopDelayP99Ms)} / ${ms(usageAfter.gateway.loopDelayMaxMs)} | ${ms(usageAfter.sandbox.loopDelayP99Ms)} / ${ms(usageAfter.sandbox.loopDelayMaxMs)} | ${ms(loadDelay.percentile(99) / 1e6)} / ${ms(loadDelay.max / 1e6)} | ` +
      `${answerTimes('sap')} | ${answerTimes('dataverse')}`,
  };
}

function roundRow(round: Round): string {
  const { answers, seconds, calls } = round;
  const answered = answers.filter((answer) => answer.status === 200);
  const all = summarize(answered.map((answer) => answer.latencyMs));
  const fromSap = summarize(answered.filter((answer) => !answer.fromCache).map((answer) => answer.latencyMs));
  const fromCache = summarize(answered.filter((answer) => answer.fromCache).map((answer) => answer.latencyMs));
  const overhead = summarize(answered.map((answer) => answer.totalMs - answer.crmMs - answer.panelMs));
  const outside = summarize(answered.map((answer) => answer.latencyMs - answer.totalMs));
  const access = summarize(answered.map((answer) => answer.crmMs));
  const pairs = new Set(answers.filter(isSapAnswer).map((answer) => `${answer.panel}|${answer.customerNumber}`)).size;
  return (
    `${answers.length} | ${answers.length - answered.length} | ${(answers.length / seconds).toFixed(0)} | ${ms(all.p50)} | ${ms(all.p95)} | ${ms(all.p99)} | ` +
    `${ms(fromSap.p99)} (${fromSap.count}) | ${ms(fromCache.p99)} (${fromCache.count}) | ${ms(overhead.p50)} | ${ms(overhead.p99)} | ${ms(outside.p99)} | ${ms(access.p99)} | ` +
    `${round.connections} | ${calls} | ${(calls / answers.length).toFixed(2)} | ${(calls / pairs).toFixed(2)}`
  );
}

function errorCounts(answers: PanelAnswer[]): string | undefined {
  const counts = new Map<string, number>();
  for (const answer of answers) if (answer.errorCode !== undefined) counts.set(`${answer.panel} ${answer.errorCode}`, (counts.get(`${answer.panel} ${answer.errorCode}`) ?? 0) + 1);
  return counts.size > 0 ? [...counts].map(([what, count]) => `${what} ×${count}`).join(', ') : undefined;
}

export async function panelsSection(options: PanelsBenchOptions, workload: Workload, repCounts: number[], out: (line?: string) => void): Promise<void> {
  const reads = options.sapAddOn ? 'with the ecc365 SAP add-on' : "with SAP's standard interfaces";
  out(`## panels, ${workload.name}, ${reads}: N reps opening account forms, SAP at ${options.sapLatencyMs} ms per RFC call`);
  out(
    `Each rep arrives within ${workload.arrivalMs / 1000} s and opens ${FORMS_PER_REP} account forms it may read (four panels at once), ${workload.readingMs[0] / 1000}–${workload.readingMs[1] / 1000} s apart: ${workload.description}; ${options.customers} customers. ` +
      'The gateway runs in its own process on SOAP-RFC (at most 100 SAP calls at once, sap.maxConnections) and a Dataverse environment (the sandbox\'s, in a third process), behind a reverse proxy (keep-alive connections to the gateway, up to 256 idle). ' +
      'For each N the reps open their forms twice: first on a freshly started gateway (cold caches), then, once the panel caches and the access checks have expired, the same forms again on the gateway that has been running: ' +
      'every panel is read from SAP and every access checked again' +
      (options.sapAddOn
        ? ' (with the add-on each panel is one RFC call either way).'
        : ', but the gateway knows which documents each panel showed last time and which other payers a customer\'s invoices had (kept for panels.customizingCacheSeconds), and reads their status and open items alongside the lists.'),
  );
  out();
  out('| reps | gateway | panel requests | not 200 | req/s | p50 | p95 | p99 | p99 from SAP | p99 from cache | overhead p50 | overhead p99 | before the gateway p99 | access check p99 | connections opened | RFC calls | RFC calls per panel view | RFC calls per panel and customer |');
  out('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const costsPerRead: string[] = [];
  const errorsSeen: string[] = [];
  const machine: string[] = [];
  for (const reps of repCounts) {
    const systems = await startSystems(options, workload.cacheSeconds);
    const tokens = await repTokens(systems);
    const proxy = new ReverseProxy();
    const spare = await warmUp(systems, tokens, proxy);
    const plans = planReps(systems, workload, reps, spare);
    const rounds: [string, Round][] = [];
    rounds.push(['just started', await measureRound(systems, tokens, plans, proxy)]);
    await sleep((workload.cacheSeconds + 1) * 1000);
    rounds.push(['running', await measureRound(systems, tokens, plans, proxy)]);
    proxy.close();
    await systems.close();

    for (const [gateway, round] of rounds) {
      out(`| ${reps} | ${gateway} | ${roundRow(round)} |`);
      machine.push(`| ${reps} | ${gateway} | ${round.machine} |`);
      const errors = errorCounts(round.answers);
      if (errors !== undefined) errorsSeen.push(`N=${reps}, ${gateway}: ${errors}`);
    }
    const [, first] = rounds[0]!;
    const oneRead = await oneReadEach(options, first.answers);
    const callsForOneReadEach = [...oneRead.values()].reduce((sum, cost) => sum + cost.calls, 0);
    costsPerRead.push(
      `N=${reps}: ${[...oneRead].map(([panel, cost]) => `${panel} ${(cost.calls / cost.pairs).toFixed(1)} calls × ${cost.pairs} customers`).join(', ')}; SAP reads per panel and customer on the just started gateway: ${(first.calls / callsForOneReadEach).toFixed(2)}`,
    );
  }
  out();
  out(
    "Latency is what the rep waits for an answer from the proxy. From the Server-Timing header: overhead is the gateway's own time, the request's total there minus the access check " +
      '(a Dataverse read as the rep, remembered briefly) and the panel (SAP\'s reads, or the cache); before the gateway is the latency beyond the total: the network, and on a busy machine the wait until the gateway\'s process got to the request. ' +
      'Each round lies within one panel cache window, so RFC calls per panel and customer = the round\'s RFC calls ÷ its distinct (panel, customer) pairs.',
  );
  out('One read of each (panel, customer) pair on a fresh gateway costs (and the cache and coalescing hold SAP to this many reads per pair):');
  for (const line of costsPerRead) out(`- ${line}`);
  out();
  out(
    `Where the machine's time went (${availableParallelism()} cores shared by the three processes), during the reps' forms; the simulated systems' answer times run from a request's arrival to the end of its answer, ` +
      `as those systems would log them (SAP's include the ${options.sapLatencyMs} ms of latency; beyond it, the simulators' own work and their wait for the shared cores):`,
  );
  out();
  out('| reps | gateway | wall s | CPU s gateway | CPU s sandbox | CPU s load generator | event loop delay p99 / max gateway | sandbox | load generator | simulated SAP answers p50 / p99 | simulated Dataverse answers p50 / p99 |');
  out('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const line of machine) out(line);
  if (errorsSeen.length > 0) {
    out();
    out('Answers other than 200 (panel, status, code):');
    for (const line of errorsSeen) out(`- ${line}`);
  }
  out();
}
