/**
 * Every built control renders in Microsoft's PCF test harness (pcf-start), in headless Chromium.
 * The harness has no gateway and no Dataverse: its Web API refuses every query, so a control on a
 * saved record must end in its "not configured" state, saying the environment variables could
 * not be read. pcf-start always listens on port 8181, so the controls run one after another.
 * The harness loads React from unpkg.com; the page gets it from node_modules instead (no network
 * here). A screenshot per control goes to test-results/pcf-harness/.
 *
 * Also here: the MSAL redirect bridge page the build writes runs in a real browser.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const controlsOut = path.join(repoRoot, 'controls', 'out', 'controls');
const bridgeDir = path.join(repoRoot, 'controls', 'out', 'webresources', 'ecc_', 'controls');
const screenshots = path.join(repoRoot, 'test-results', 'pcf-harness');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HARNESS_URL = 'http://127.0.0.1:8181/';
/** A saved account's id, as a form passes it in context.mode.contextInfo (the harness passes none). */
const RECORD_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

const controls = existsSync(controlsOut) ? readdirSync(controlsOut).filter((name) => existsSync(path.join(controlsOut, name, 'ControlManifest.xml'))).sort() : [];
const missing = [!existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (apt-get install chromium)`, controls.length === 0 && `no built controls in ${controlsOut} (npm run build)`].filter(Boolean);
if (missing.length > 0 && process.env.CI) throw new Error(`The PCF harness test cannot run: ${missing.join('; ')}`);

/** What a control's record is in the harness: the table of the form it belongs on. */
const FORM_TABLE: Record<string, string> = { SapPricing: 'quote', SendQuoteToSap: 'quote' };

/** A control that calls the gateway only when the user acts: the act that makes it call. */
const ACTS: Record<string, (page: Page, strings: Record<string, string>) => Promise<void>> = {
  SendQuoteToSap: async (page, strings) => {
    await page.getByRole('button', { name: strings.sendAsOrder }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: strings.confirmSend, exact: true }).click();
  },
};

function englishStrings(control: string): Record<string, string> {
  const xml = readFileSync(path.join(controlsOut, control, 'strings', `${control}.1033.resx`), 'utf8');
  return Object.fromEntries([...xml.matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([^<]*)<\/value>/g)].map((match) => [match[1]!, match[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]));
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** pcf-start serving one built control; stopped (and its port free) before the next starts. */
async function startHarness(control: string): Promise<{ stop: () => Promise<void>; output: () => string }> {
  if (await reachable(HARNESS_URL)) throw new Error('Port 8181 is in use: another pcf-start is running');
  let output = '';
  const harness: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'pcf-start', 'bin', 'pcf-start.js'), '--codePath', path.join(controlsOut, control)], {
    cwd: path.join(repoRoot, 'controls'),
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  harness.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  harness.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => harness.once('exit', () => resolve()));
  const stop = async () => {
    harness.kill('SIGTERM');
    await exited;
    await waitUntil(async () => !(await reachable(HARNESS_URL)), 'pcf-start to release port 8181');
  };
  try {
    await waitUntil(() => reachable(HARNESS_URL), `pcf-start to serve ${control}`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { stop, output: () => output };
}

/** The harness page, with React and Fluent's icon fonts from node_modules for the CDNs, and the form's record given to the control. */
async function openHarness(browser: Browser, table: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('https://unpkg.com/**', (route) => {
    const file = route.request().url().includes('react-dom') ? 'react-dom/umd/react-dom.development.js' : 'react/umd/react.development.js';
    return route.fulfill({ contentType: 'application/javascript', body: readFileSync(path.join(repoRoot, 'node_modules', file), 'utf8') });
  });
  // Fluent's platform build loads its icon fonts from Microsoft's CDN: the same files, from node_modules.
  await page.route(/^https:\/\/res(-1)?\.cdn\.office\.net\/.*\/fabric-icons[-0-9a-f]*\.woff$/, (route) =>
    route.fulfill({ contentType: 'font/woff', body: readFileSync(path.join(repoRoot, 'node_modules/@fluentui/font-icons-mdl2/fonts', path.basename(new URL(route.request().url()).pathname))) }),
  );
  // Runs in the page before the bundle registers the control: a subclass that finds the record in
  // context.mode.contextInfo, as on a saved form. Everything else is the harness's own context.
  const record = { entityTypeName: table, entityId: RECORD_ID };
  await page.route('**/bundle.js', async (route) => {
    const bundle = await (await route.fetch()).text();
    const giveRecord = `(function () {
      var framework = window.ComponentFramework, register = framework.registerControl, record = ${JSON.stringify(record)};
      function onSavedForm(context) { Object.defineProperty(context.mode, 'contextInfo', { value: record, configurable: true }); }
      framework.registerControl = function (name, Control) {
        class OnSavedForm extends Control {
          init(context, notify, state, container) { onSavedForm(context); return super.init(context, notify, state, container); }
          updateView(context) { onSavedForm(context); return super.updateView(context); }
        }
        return register.call(framework, name, OnSavedForm);
      };
    })();\n`;
    return route.fulfill({ contentType: 'application/javascript', body: giveRecord + bundle });
  });
  return { page, errors };
}

describe.skipIf(missing.length > 0)(`controls in Microsoft's PCF test harness${missing.length > 0 ? ` (skipped: ${missing.join('; ')})` : ''}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(controls)('%s renders and, with no gateway set up, says so', async (control) => {
    const strings = englishStrings(control);
    const harness = await startHarness(control);
    const { page, errors } = await openHarness(browser, FORM_TABLE[control] ?? 'account');
    try {
      await page.goto(HARNESS_URL);
      const panel = page.getByRole('region', { name: strings.title });
      await panel.waitFor({ timeout: 20_000 });
      await ACTS[control]?.(page, strings);
      await panel.getByText(strings.notConfigured!).waitFor({ timeout: 20_000 });
      // The harness's Web API refuses queries; the control names what it could not read.
      await panel.getByText(/environment variables could not be read from Dataverse/).waitFor();
      await page.screenshot({ path: path.join(screenshots, `${control}.png`), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('the MSAL redirect bridge page runs MSAL and reports an answer without a sign-in payload', async () => {
    const page = await browser.newPage();
    const origin = 'https://contoso.crm4.dynamics.com';
    await page.route(`${origin}/WebResources/ecc_/controls/*`, (route) => {
      const file = path.join(bridgeDir, path.basename(new URL(route.request().url()).pathname));
      return route.fulfill({ contentType: file.endsWith('.html') ? 'text/html' : 'application/javascript', body: readFileSync(file, 'utf8') });
    });
    try {
      await page.goto(`${origin}/WebResources/ecc_/controls/msal-redirect.html`);
      await page.getByText(/^Signing in failed: /).waitFor({ timeout: 10_000 });
    } finally {
      await page.close();
    }
  });
});
