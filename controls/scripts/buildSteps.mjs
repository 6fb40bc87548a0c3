/**
 * The steps of the controls' build around `pcf-scripts build`: the fingerprint that lets an
 * unchanged build be skipped, the gateway's domain stamped into the built manifests, and the
 * MSAL redirect bridge page the controls' sign-in needs as web resources of the solution.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files of the controls' sources that make their bundles (tests and build output do not). */
export function sourceFiles(root) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder).sort()) {
      const file = path.join(folder, entry);
      const relative = path.relative(root, file);
      if (['node_modules', 'out', 'testing'].includes(entry) || /^\.|\.test\.tsx?$/.test(entry) || /(^|\/)generated\/ManifestTypes\.d\.ts$/.test(relative)) continue;
      if (statSync(file).isDirectory()) walk(file);
      else files.push(relative);
    }
  };
  walk(root);
  return files;
}

/** One hash over the sources, the versions of the tools and libraries, and the build's settings. */
export function fingerprint(root, files, settings) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(settings));
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/**
 * A built manifest with the gateway's domains as its external services: the manifest declares
 * the domains the control calls, and the domain is the installation's, known at build time.
 */
export function stampGatewayDomains(manifestXml, domains) {
  if (domains.length === 0) return manifestXml;
  const usage = /<external-service-usage enabled="true">[\s\S]*?<\/external-service-usage>/;
  if (!usage.test(manifestXml)) throw new Error('The manifest declares no enabled external-service-usage to stamp the gateway domain into.');
  const declared = domains.map((domain) => `      <domain>${domain}</domain>`).join('\n');
  return manifestXml.replace(usage, `<external-service-usage enabled="true">\n${declared}\n    </external-service-usage>`);
}

/** Domains from ECC365_GATEWAY_DOMAIN: host names, comma separated, without scheme or path. */
export function gatewayDomains(value) {
  const domains = (value ?? '').split(',').map((domain) => domain.trim()).filter((domain) => domain !== '');
  for (const domain of domains) {
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) throw new Error(`ECC365_GATEWAY_DOMAIN: "${domain}" is not a host name (e.g. sapgw.contoso.com, without https://).`);
  }
  return domains;
}

/**
 * The redirect bridge MSAL Browser 5 needs: the page Entra ID redirects the sign-in iframe or
 * popup to, which hands the answer back to the control's page. Two web resources of the solution
 * (ecc_/controls/msal-redirect.html and .js), on the Dynamics 365 origin; the script is MSAL's
 * own bridge build with the one call that runs it.
 */
export function redirectBridgeFiles(msalBridgeScript) {
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Signing in to the SAP gateway</title></head>',
    '<body>',
    '<p id="status">Signing in…</p>',
    '<script src="msal-redirect.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const script = `${msalBridgeScript.trimEnd()}
msalRedirectBridge.broadcastResponseToMainFrame().catch(function (error) {
  document.getElementById('status').textContent = 'Signing in failed: ' + error.message;
});
`;
  return { 'msal-redirect.html': html, 'msal-redirect.js': script };
}
