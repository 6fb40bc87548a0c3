import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentOverrides, loadConfig } from './load.js';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'ecc365-config-'));

describe('loadConfig', () => {
  it('runs on the sandbox with no file and no variables', () => {
    const { config, file } = loadConfig({ env: {}, cwd: emptyDir() });
    expect(file).toBeUndefined();
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 4365 });
    expect(config.sap.transport).toBe('sandbox');
    expect(config.sandbox.customers).toBe(300);
  });

  it('reads ecc365.config.json and lets the environment override it', () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'ecc365.config.json'), JSON.stringify({
      server: { port: 8080 },
      sap: { transport: 'soap-rfc', url: 'https://ecc.example.com:44300/sap/bc/soap/rfc', client: '100', user: 'RFC_ECC365', password: 'from-file' },
    }));
    const { config, file } = loadConfig({ env: { PORT: '9090', ECC365_SAP__PASSWORD: 's3cret', ECC365_SAP__MAX_CONNECTIONS: '4', ECC365_SAP__TLS: '{"rejectUnauthorized":false}' }, cwd: dir });
    expect(file).toBe(join(dir, 'ecc365.config.json'));
    expect(config.server.port).toBe(9090);
    expect(config.sap).toMatchObject({ transport: 'soap-rfc', client: '100', password: 's3cret', maxConnections: 4, tls: { rejectUnauthorized: false } });
  });

  it('keeps a numeric-looking string a string where the schema wants one (SAP client "100")', () => {
    const { config } = loadConfig({
      env: { ECC365_SAP__TRANSPORT: 'soap-rfc', ECC365_SAP__URL: 'http://127.0.0.1:1/sap/bc/soap/rfc', ECC365_SAP__CLIENT: '100', ECC365_SAP__USER: 'U', ECC365_SAP__PASSWORD: 'P' },
      cwd: emptyDir(),
    });
    expect(config.sap).toMatchObject({ client: '100' });
  });

  it('stops with the key, the problem and the variable behind a bad value', () => {
    expect(() => loadConfig({ env: { PORT: 'eighty' }, cwd: emptyDir() })).toThrow(/server\.port: .*\(from environment variable PORT\)/);
    expect(() => loadConfig({ env: { ECC365_SANDBOX__ECC__FAILURE_RATE: '2' }, cwd: emptyDir() })).toThrow(/sandbox\.ecc\.failureRate: .*ECC365_SANDBOX__ECC__FAILURE_RATE/);
  });

  it('names the file behind a bad value, and a missing or broken file', () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sap: { transport: 'soap-rfc', url: 'not a url', client: '1', user: 'u', password: 'p' } }));
    const attempt = () => loadConfig({ file: 'bad.json', env: {}, cwd: dir });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/sap\.url: .*in .*bad\.json/);
    expect(attempt).toThrow(/sap\.client: must be three digits/);
    writeFileSync(join(dir, 'broken.json'), '{ "server": ');
    expect(() => loadConfig({ file: 'broken.json', env: {}, cwd: dir })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ file: 'missing.json', env: {}, cwd: dir })).toThrow(/does not exist/);
    expect(() => loadConfig({ env: { ECC365_CONFIG: 'missing.json' }, cwd: dir })).toThrow(/does not exist/);
  });

  it('rejects unknown sandbox knobs instead of ignoring them', () => {
    expect(() => loadConfig({ env: { ECC365_SANDBOX__ECC__LATENCY: '100' }, cwd: emptyDir() })).toThrow(/sandbox\.ecc/);
  });
});

describe('environmentOverrides', () => {
  it('maps ECC365_A__B_C to a.bC and ignores unrelated variables', () => {
    const { values, sources } = environmentOverrides({ ECC365_SANDBOX__ECC__LATENCY_MS: '100', PATH: '/bin', ECC365_: 'x' });
    expect(values).toEqual({ sandbox: { ecc: { latencyMs: '100' } } });
    expect(sources.get('sandbox.ecc.latencyMs')).toBe('ECC365_SANDBOX__ECC__LATENCY_MS');
  });
});
