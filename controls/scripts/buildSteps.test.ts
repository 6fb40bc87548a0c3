import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, gatewayDomains, redirectBridgeFiles, sourceFiles, stampGatewayDomains } from './buildSteps.mjs';

const BUILT_MANIFEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest>
  <control namespace="Ecc365" constructor="SapOrders" version="1.0.0" display-name-key="SapOrders_Name" control-type="virtual" api-version="1.3.18">
    <external-service-usage enabled="true">
      <domain>127.0.0.1</domain>
    </external-service-usage>
    <property name="customerNumber" of-type="SingleLine.Text" usage="bound" required="true"/>
  </control>
</manifest>`;

describe('controls build steps', () => {
  it("stamps the installation's gateway domains into a built manifest", () => {
    const stamped = stampGatewayDomains(BUILT_MANIFEST, ['sapgw.contoso.com', 'sapgw-dr.contoso.com:8443']);
    const usage = new DOMParser().parseFromString(stamped, 'application/xml').getElementsByTagName('external-service-usage')[0]!;
    expect(Array.from(usage.getElementsByTagName('domain')).map((domain) => domain.textContent)).toEqual(['sapgw.contoso.com', 'sapgw-dr.contoso.com:8443']);
    expect(stamped).toContain('<property name="customerNumber"');
    expect(stampGatewayDomains(BUILT_MANIFEST, [])).toBe(BUILT_MANIFEST);
  });

  it('refuses a manifest without an external service declaration, and a domain with a scheme', () => {
    expect(() => stampGatewayDomains('<manifest><control/></manifest>', ['sapgw.contoso.com'])).toThrow(/no enabled external-service-usage/);
    expect(gatewayDomains(' sapgw.contoso.com , 127.0.0.1:4365 ')).toEqual(['sapgw.contoso.com', '127.0.0.1:4365']);
    expect(gatewayDomains(undefined)).toEqual([]);
    expect(() => gatewayDomains('https://sapgw.contoso.com')).toThrow(/not a host name/);
  });

  it("makes the redirect bridge page from MSAL's bridge script", () => {
    const files = redirectBridgeFiles('/*! msal bridge */ var msalRedirectBridge = {};\n');
    expect(files['msal-redirect.html']).toContain('<script src="msal-redirect.js"></script>');
    expect(files['msal-redirect.js']).toMatch(/^\/\*! msal bridge \*\/ var msalRedirectBridge = \{\};\nmsalRedirectBridge\.broadcastResponseToMainFrame\(\)/);
  });

  it('fingerprints the sources that make the bundles, not tests or output', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'controls-'));
    for (const folder of ['SapOrders/strings', 'SapOrders/generated', 'shared/testing', 'out/controls']) mkdirSync(path.join(root, folder), { recursive: true });
    const write = (file: string, content: string) => writeFileSync(path.join(root, file), content);
    write('SapOrders/index.ts', 'export class SapOrders {}');
    write('SapOrders/strings/SapOrders.1033.resx', '<root/>');
    write('SapOrders/OrdersView.test.tsx', 'test');
    write('SapOrders/generated/ManifestTypes.d.ts', 'generated');
    write('shared/testing/mockContext.ts', 'test support');
    write('out/controls/bundle.js', 'built');

    const files = sourceFiles(root);
    expect(files).toEqual(['SapOrders/index.ts', 'SapOrders/strings/SapOrders.1033.resx']);
    const before = fingerprint(root, files, { mode: 'development' });
    expect(fingerprint(root, files, { mode: 'production' })).not.toBe(before);
    write('SapOrders/OrdersView.test.tsx', 'changed test');
    expect(fingerprint(root, sourceFiles(root), { mode: 'development' })).toBe(before);
    write('SapOrders/index.ts', 'export class SapOrders { changed = true }');
    expect(fingerprint(root, sourceFiles(root), { mode: 'development' })).not.toBe(before);
  });
});
