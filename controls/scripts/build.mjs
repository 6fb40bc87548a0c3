/**
 * The controls' build: `pcf-scripts build` of every control into out/controls/<Name>/, the
 * gateway's domain stamped into the built manifests (ECC365_GATEWAY_DOMAIN), and the MSAL
 * redirect bridge web resources into out/webresources/. Skipped when nothing that goes into the
 * bundles changed since the last build (--force builds anyway).
 *   node scripts/build.mjs [--production] [--force]
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, gatewayDomains, redirectBridgeFiles, sourceFiles, stampGatewayDomains } from './buildSteps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const outDir = path.join(root, 'out');
const controlsOut = path.join(outDir, 'controls');
const fingerprintFile = path.join(outDir, '.build-fingerprint');
const production = process.argv.includes('--production');
const domains = gatewayDomains(process.env.ECC365_GATEWAY_DOMAIN);

const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const settings = {
  mode: production ? 'production' : 'development',
  domains,
  tools: Object.fromEntries(['pcf-scripts', 'react', '@fluentui/react', '@azure/msal-browser', 'typescript'].map((name) => [name, versionOf(name)])),
};
const current = fingerprint(root, sourceFiles(root), settings);

if (!process.argv.includes('--force') && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === current) {
  process.stdout.write('controls: unchanged since the last build, skipped (--force to build anyway)\n');
  process.exit(0);
}

const pcfScripts = path.join(path.dirname(require.resolve('pcf-scripts/package.json')), 'bin', 'pcf-scripts.js');
const build = spawnSync(process.execPath, [pcfScripts, 'build', ...(production ? ['--buildMode', 'production'] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

for (const control of readdirSync(controlsOut)) {
  const manifest = path.join(controlsOut, control, 'ControlManifest.xml');
  if (existsSync(manifest)) writeFileSync(manifest, stampGatewayDomains(readFileSync(manifest, 'utf8'), domains));
}

const bridgeDir = path.join(outDir, 'webresources', 'ecc_', 'controls');
mkdirSync(bridgeDir, { recursive: true });
const msalBridge = readFileSync(path.join(path.dirname(require.resolve('@azure/msal-browser/package.json')), 'lib', 'redirect-bridge', 'msal-redirect-bridge.min.js'), 'utf8');
for (const [name, content] of Object.entries(redirectBridgeFiles(msalBridge))) writeFileSync(path.join(bridgeDir, name), content);

writeFileSync(fingerprintFile, current);
process.stdout.write(`controls: built into ${path.relative(process.cwd(), controlsOut)}${domains.length > 0 ? `, gateway domain ${domains.join(', ')}` : ''}\n`);
