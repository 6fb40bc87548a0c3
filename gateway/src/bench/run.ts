/**
 * ecc365 benchmarks (npm run bench): numbers, never pass/fail. Each section prints what it
 * measured; run with `node --expose-gc` for stable heap figures.
 *
 *   seed       how long the sandbox takes to generate its data set, and the heap it needs
 *   transports latency and throughput of BAPI wrappers over the in-process and SOAP-RFC
 *              transports with no SAP latency: what the gateway's SAP layer itself costs
 *   saturation a loaded ECC: 100 ms per call and 8 work processes, many concurrent callers
 *   panels     N reps opening account forms through the gateway, SAP at 100 ms per call: on a
 *              working day, and all at once; with SAP's standard interfaces, and with the
 *              ecc365 SAP add-on
 *
 * Name sections to run only those: npm run bench -- panels
 */

import { Database } from '../sandbox/ecc/database.js';
import { createSimulatedEcc } from '../sandbox/ecc/index.js';
import { seedDatabase } from '../sandbox/ecc/seed/index.js';
import { serveSoapRfc } from '../sandbox/ecc/soap/standalone.js';
import { getCustomer } from '../sap/operations/getCustomer.js';
import { simulatePrices } from '../sap/operations/simulatePrices.js';
import type { RfcClient } from '../sap/rfc.js';
import { createInProcessRfcClient } from '../sap/transports/inProcess.js';
import { createSoapRfcClient } from '../sap/transports/soapRfc.js';
import { heapMb, ms, runLoad, summarize } from './measure.js';
import { panelsSection, WORKLOADS } from './panels.js';

const TODAY = '2026-11-27';
const USER = { user: 'ECC365', password: 'sandbox' };
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

async function seedSection(sizes: number[]): Promise<void> {
  out('## seed: generating the sandbox data set');
  out('| customers | time | heap after | rows |');
  out('|---:|---:|---:|---:|');
  for (const customers of sizes) {
    const before = heapMb();
    const db = new Database();
    const started = performance.now();
    seedDatabase(db, { customers }, TODAY);
    const elapsed = performance.now() - started;
    const rows = Object.values(db.dump()).reduce((sum, table) => sum + table.length, 0);
    out(`| ${customers} | ${(elapsed / 1000).toFixed(1)} s | ${heapMb() - before} MB | ${rows} |`);
  }
  out();
}

async function transportSection(): Promise<void> {
  out('## transports: BAPI wrappers with no SAP latency (the SAP layer\'s own cost)');
  const { ecc, seeded } = createSimulatedEcc({ today: TODAY, seed: { customers: 300 }, knobs: { workProcesses: 64 } });
  const soap = await serveSoapRfc(ecc);
  const clients: [string, RfcClient][] = [
    ['in-process', createInProcessRfcClient(ecc, { ...USER, timeoutMs: 30_000 })],
    ['soap-rfc', createSoapRfcClient({ url: soap.rfcUrl, client: ecc.client, ...USER, maxConnections: 16, timeoutMs: 30_000 })],
  ];
  const customers = seeded!.customers.filter((c) => !c.blockedForOrders);
  const material = seeded!.materials.find((m) => m.sellableIn.some(([org]) => org === '1000'))!;
  const germanCustomer = customers.find((c) => c.salesOrg.salesOrg === '1000')!;
  const [salesOrg, channel, division] = germanCustomer.salesAreas[0]!;
  out('| transport | operation | concurrency | ops/s | p50 | p95 | p99 |');
  out('|---|---|---:|---:|---:|---:|---:|');
  for (const [name, client] of clients) {
    await getCustomer(client, customers[0]!.customerNumber); // warm-up: connections, WSDL cache
    for (const concurrency of [1, 16]) {
      const read = await runLoad(2_000, concurrency, (i) => getCustomer(client, customers[i % customers.length]!.customerNumber));
      const r = summarize(read.latencies);
      out(`| ${name} | getCustomer | ${concurrency} | ${read.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`);
      const price = await runLoad(500, concurrency, () =>
        simulatePrices(client, { category: 'order', salesOrganization: salesOrg, distributionChannel: channel, division, soldTo: germanCustomer.customerNumber, items: [{ materialNumber: material.materialNumber, quantity: 3 }] }),
      );
      const p = summarize(price.latencies);
      out(`| ${name} | simulatePrices | ${concurrency} | ${price.perSecond.toFixed(0)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} |`);
    }
    await client.close();
  }
  await soap.stop();
  out();
}

async function saturationSection(): Promise<void> {
  out('## saturation: SAP at 100 ms per call with 8 work processes');
  const { ecc, seeded } = createSimulatedEcc({ today: TODAY, seed: { customers: 300 }, knobs: { latencyMs: 100, workProcesses: 8, queueLength: 1_000, queueTimeoutMs: 60_000 } });
  const client = createInProcessRfcClient(ecc, { ...USER, timeoutMs: 60_000 });
  const customers = seeded!.customers;
  out('| callers | calls/s | p50 | p99 | most work processes busy |');
  out('|---:|---:|---:|---:|---:|');
  for (const callers of [8, 32, 128]) {
    ecc.workProcesses.peakBusy = 0;
    const load = await runLoad(callers * 4, callers, (i) => getCustomer(client, customers[i % customers.length]!.customerNumber));
    const s = summarize(load.latencies);
    out(`| ${callers} | ${load.perSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ecc.workProcesses.peakBusy} |`);
  }
  await client.close();
  out();
}

const sections = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => sections.size === 0 || sections.has(name);
out(`# ecc365 benchmarks — ${new Date().toISOString()}, Node ${process.version}`);
out();
if (wanted('seed')) await seedSection([300, 10_000, 100_000]);
if (wanted('transports')) await transportSection();
if (wanted('saturation')) await saturationSection();
if (wanted('panels')) {
  for (const workload of WORKLOADS) {
    for (const sapAddOn of [false, true]) await panelsSection({ today: TODAY, customers: 300, sapLatencyMs: 100, sapAddOn }, workload, [50, 200, 500], out);
  }
}
