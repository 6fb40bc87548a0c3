// The ecc365 command as a user runs it (after `npm run build`, which `npm test` does first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEcc365 } from './testing/ecc365Command.js';

const BUILT = fileURLToPath(new URL('../gateway/dist/cli/main.js', import.meta.url));

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error('gateway/dist is missing: run `npm run build` first (npm test does).');
});


describe('ecc365 start', () => {
  it('serves the gateway on the port it prints, and stops cleanly on SIGTERM', async () => {
    const gateway = runEcc365(['start'], { PORT: '0', ECC365_SANDBOX__CUSTOMERS: '20' });
    const [, origin] = await gateway.output(/Gateway:\s+(http:\/\/127\.0\.0\.1:\d+)/);
    expect(gateway.stdout()).toMatch(/SAP ECC SOAP-RFC:\s+http:\/\/127\.0\.0\.1:\d+\/sandbox\/sap\/bc\/soap\/rfc\?sap-client=100/);
    const health = await fetch(`${origin}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('says what to install when node-rfc cannot load the SAP NW RFC SDK', async () => {
    const gateway = runEcc365(['start'], { PORT: '0', ECC365_SAP__TRANSPORT: 'node-rfc', ECC365_SAP__CONNECTION: '{"ashost":"ecc.example.com","sysnr":"00","client":"100","user":"RFC","passwd":"x"}' });
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr()).toContain('[SAP_RFC_SDK_MISSING]');
    expect(gateway.stderr()).toContain('SAP NW RFC SDK');
    expect(gateway.stderr()).not.toContain('"x"');
  });

  it('refuses to start on an invalid setting, naming the key and the variable', async () => {
    const gateway = runEcc365(['start'], { PORT: '0', ECC365_SAP__TRANSPORT: 'soap-rfc', ECC365_SAP__URL: 'ftp://x' });
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr()).toMatch(/sap\.url: .*ECC365_SAP__URL/);
    expect(gateway.stderr()).toMatch(/sap\.client/);
  });
});

describe('ecc365 sandbox', () => {
  it('serves the simulated ECC alone', async () => {
    const sandbox = runEcc365(['sandbox', '--port', '0', '--customers', '10']);
    const [, endpoint] = await sandbox.output(/SAP ECC WSDL:\s+(\S+)/);
    const wsdl = await fetch(endpoint!);
    expect(wsdl.status).toBe(401);
    const authorized = await fetch(endpoint!, { headers: { Authorization: `Basic ${Buffer.from('ECC365:sandbox').toString('base64')}` } });
    expect(await authorized.text()).toContain('BAPI_CUSTOMER_GETDETAIL2');
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
  });
});

describe('ecc365 --help', () => {
  it('names the commands and the quick start', async () => {
    const help = runEcc365(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toMatch(/start \[options\]\s+Start the gateway/);
    expect(help.stdout()).toMatch(/sandbox \[options\]\s+Run only the simulated systems/);
    expect(help.stdout()).toContain('npm install && npm start');
  });
});
