/**
 * The form preview as a new user meets it after `npm start`: the gateway on the sandbox, Debian's
 * Chromium driven by playwright-core. A rep signs in, finds their account on the home page (read
 * through the Web API as them), opens its form, and on the SAP tab the real built control bundles
 * render through the preview's ComponentFramework context: the bound SAP customer number, strings
 * from the control's .resx, and the orders the gateway's API gives that rep, with amounts and dates
 * formatted for the user's language. Switching to German switches strings and formats. The quote
 * form shows the quote's lines and SAP pricing. Screenshots go to test-results/form-preview/.
 *
 * Needs the built controls and the compiled browser host: `npm test` runs `npm run build` first.
 */

import { existsSync, mkdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../gateway/src/cli/gateway.js';
import { configSchema } from '../gateway/src/config/schema.js';
import { createLogger } from '../gateway/src/log/logger.js';
import { seededCrm, type SeededAccount, type SeededQuote } from '../gateway/src/sandbox/crmSeed/index.js';
import { SANDBOX_PERSONAS } from '../gateway/src/sandbox/identities.js';
import { createControlCatalog } from '../gateway/src/sandbox/preview/controlCatalog.js';
import { defaultPreviewPaths } from '../gateway/src/sandbox/preview/paths.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../test-results/form-preview/', import.meta.url));
const paths = defaultPreviewPaths();
const silent = createLogger({ level: 'error', stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const anna = SANDBOX_PERSONAS.find((persona) => persona.key === 'anna')!;

interface OrdersAnswer {
  orders: { documentNumber: string; documentDate: string; netValue: number; currency: string }[];
}

let gateway: RunningGateway;
let browser: Browser;
let account: SeededAccount;
let quote: SeededQuote;
const pageErrors: string[] = [];

beforeAll(async () => {
  for (const [what, file] of [
    ['the built SapOrders control', `${paths.controlsOutDir}/SapOrders/bundle.js`],
    ["the form preview's compiled browser host", `${paths.hostScriptsDir}/browser/host.js`],
    ['Chromium', CHROMIUM],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${what} is missing (${file}): run npm run build (npm test does), and install chromium (.ci/run does).`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  gateway = await startGateway(configSchema.parse({ server: { port: 0 }, sandbox: { customers: 40, today: '2026-11-27' } }), silent);
  const crm = seededCrm(gateway.sandbox!.dataverse);
  account = crm.accountOf('anna');
  quote = crm.quoteOf('anna', 'draft');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** The control's strings as its built .resx files give them for a language. */
function controlStrings(folder: string, languageId: 1033 | 1031): Record<string, string> {
  const catalog = createControlCatalog(paths.controlsOutDir);
  return catalog.strings(catalog.control(folder), languageId);
}

/** The text before a placeholder: "As of {0}" → "As of ". */
const prefixOf = (template: string): string => template.slice(0, template.indexOf('{0}'));
const fill = (template: string, value: string): string => template.replace('{0}', value);

async function signIn(page: Page, fullName: string): Promise<void> {
  await page.goto(`${gateway.origin}/`);
  await page.getByRole('button', { name: new RegExp(fullName) }).click();
  await page.waitForURL(`${gateway.origin}/`);
}

describe('the form preview', () => {
  it('serves the preview at / on the gateway started on the sandbox', async () => {
    const response = await fetch(`${gateway.origin}/`);
    expect(response.status, 'startGateway mounts the form preview router at / in sandbox mode').toBe(200);
    expect(await response.text()).toContain(anna.fullName);
  });

  it("signs a rep in, lists their accounts, and renders the account's SAP controls with SAP's values, in English and in German", { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signIn(page, anna.fullName);

    const accounts = page.locator('[data-view="accounts"]');
    await expect.poll(() => accounts.getByRole('link', { name: account.name }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}home.png`, fullPage: true, animations: 'disabled' });

    await accounts.getByRole('link', { name: account.name }).click();
    await page.waitForURL(`${gateway.origin}/accounts/${account.id}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(account.name);
    await page.getByRole('tab', { name: 'SAP' }).click();

    // What the gateway's API gives this rep for the account, asked with the rep's own token.
    const token = (await (await page.request.get(`${gateway.origin}/sandbox/preview/token?resource=gateway`)).json()) as { accessToken: string };
    const answer = (await (await fetch(`${gateway.origin}/api/v1/accounts/${account.id}/sap/orders`, { headers: { Authorization: `Bearer ${token.accessToken}` } })).json()) as OrdersAnswer;
    expect(answer.orders.length).toBeGreaterThan(0);
    const [order] = answer.orders;

    const english = controlStrings('SapOrders', 1033);
    const orders = page.locator('#control-SapOrders');
    await expect.poll(() => orders.textContent(), { timeout: 20_000 }).toContain(order!.documentNumber);
    const shown = (await orders.textContent())!;
    expect(shown).toContain(english.title);
    expect(shown).toContain(fill(english.customer!, account.customerNumber));
    expect(shown).toMatch(new RegExp(`${prefixOf(english.asOf!)}\\d{1,2}/\\d{1,2}/\\d{4}`));
    expect(shown).toContain(`€${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(order!.netValue)}`);
    // The other panels show what the simulated ECC holds for this customer, read from its tables.
    const { db } = gateway.sandbox!.ecc;
    const kunnr = account.customerNumber;
    const external = (number: unknown): string => String(number).replace(/^0+/, '');
    const newest = (rows: Record<string, unknown>[], dateField: string): string =>
      external(rows.sort((a, b) => `${String(b[dateField])}${String(b.VBELN)}`.localeCompare(`${String(a[dateField])}${String(a.VBELN)}`))[0]!.VBELN);
    const newestDelivery = newest(db.table('LIKP').select({ KUNAG: kunnr }), 'LFDAT');
    const newestInvoice = newest(db.table('VBRK').select({ KUNAG: kunnr }), 'FKDAT');
    const payer = db.table('KNVP').select({ KUNNR: kunnr }, (row) => row.PARVW === 'RG')[0]!.KUNN2!;
    const [knkk] = db.table('KNKK').select({ KUNNR: payer });
    const creditLimit = `€${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(Number(knkk!.KLIMK))}`;
    await expect.poll(() => page.locator('#control-SapDeliveries').textContent(), { timeout: 20_000 }).toContain(newestDelivery);
    await expect.poll(() => page.locator('#control-SapInvoices').textContent(), { timeout: 20_000 }).toContain(newestInvoice);
    await expect.poll(() => page.locator('#control-SapCredit').textContent(), { timeout: 20_000 }).toContain(creditLimit);
    // Fluent's icons (refresh, search, sort): their fonts come from the preview, not from Microsoft's CDN, which a machine without internet cannot reach.
    const iconFontLoaded = () =>
      page.evaluate<boolean>(`document.fonts.ready.then((fonts) => [...fonts].some((font) => font.family.replaceAll('"', '').startsWith('FabricMDL2Icons') && font.status === 'loaded'))`);
    await expect.poll(iconFontLoaded, { timeout: 10_000 }).toBe(true);
    const newestOrder = newest(db.table('VBAK').select({ KUNNR: kunnr }, (row) => row.VBTYP === 'C'), 'AUDAT');
    expect(shown).toContain(newestOrder);
    // The document types by SAP's name for them in the user's language (TVAKT).
    const typeName = (spras: string): string => String(db.table('TVAKT').get({ SPRAS: spras, AUART: 'TA' })!.BEZEI);
    expect(shown).toContain(typeName('E'));
    await page.screenshot({ path: `${SCREENSHOTS}account-sap-en.png`, fullPage: true, animations: 'disabled' });

    // A change on the form reaches the control bound to the column (updateView), before it is saved.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByLabel('SAP customer number').fill('0000009999');
    await page.getByLabel('SAP customer number').press('Tab');
    await expect.poll(() => page.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    await page.getByRole('tab', { name: 'SAP' }).click();
    await expect.poll(() => orders.textContent()).toContain(fill(english.customer!, '0000009999'));

    await page.getByLabel('Language').selectOption('1031');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(`${gateway.origin}/accounts/${account.id}`);
    await page.getByRole('tab', { name: 'SAP' }).click();
    const german = controlStrings('SapOrders', 1031);
    const ordersDe = page.locator('#control-SapOrders');
    await expect.poll(() => ordersDe.textContent(), { timeout: 20_000 }).toContain(order!.documentNumber);
    const shownDe = (await ordersDe.textContent())!;
    expect(shownDe).toContain(german.title);
    expect(shownDe).toContain(fill(german.customer!, account.customerNumber));
    expect(shownDe).toMatch(new RegExp(`${prefixOf(german.asOf!)}\\d{2}\\.\\d{2}\\.\\d{4}`));
    expect(shownDe).toContain(`${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2 }).format(order!.netValue)} €`);
    expect(shownDe).toContain(typeName('D'));
    // SAP's payment terms text in German where SAP has one (T052U), as the control asks in the user's language.
    const creditDe = page.locator('#control-SapCredit');
    await expect.poll(async () => /\(([0-9A-Z]{4})\)/.exec((await creditDe.textContent()) ?? '')?.[1], { timeout: 20_000 }).toBeDefined();
    const termsKey = /\(([0-9A-Z]{4})\)/.exec((await creditDe.textContent())!)![1]!;
    const termsText = (db.table('T052U').get({ SPRAS: 'D', ZTERM: termsKey, ZTAGG: '00' }) ?? db.table('T052U').get({ SPRAS: 'E', ZTERM: termsKey, ZTAGG: '00' }))!.TEXT1;
    expect(await creditDe.textContent()).toContain(`${String(termsText)} (${termsKey})`);
    await page.screenshot({ path: `${SCREENSHOTS}account-sap-de.png`, fullPage: true, animations: 'disabled' });
    await page.context().close();
  });

  it("shows a quote's lines from Dataverse and SAP's prices for them", { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signIn(page, anna.fullName);
    await page.goto(`${gateway.origin}/quotes/${quote.id}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(quote.name);
    const lines = page.locator('[data-subgrid="quote-lines"] tr');
    await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(quote.lineIds.length);
    // SAP's price for the quote as the gateway's API gives it to this rep.
    const token = (await (await page.request.get(`${gateway.origin}/sandbox/preview/token?resource=gateway`)).json()) as { accessToken: string };
    const price = (await (
      await fetch(`${gateway.origin}/api/v1/quotes/${quote.id}/sap/price`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ apply: false }),
      })
    ).json()) as { netValue: number; currency: string };
    const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency }).formatToParts(0).find((part) => part.type === 'currency')!.value;
    const pricing = page.locator('#control-SapPricing');
    await expect.poll(() => pricing.textContent(), { timeout: 20_000 }).toContain(controlStrings('SapPricing', 1033).title);
    await expect.poll(() => pricing.textContent(), { timeout: 20_000 }).toContain(`${symbol}${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(price.netValue)}`);
    await page.screenshot({ path: `${SCREENSHOTS}quote.png`, fullPage: true, animations: 'disabled' });
    await page.context().close();
  });

  it("sends an approved quote to SAP from the form: SAP's number shows, Dataverse holds it, a second press makes no second document", { timeout: 120_000 }, async () => {
    const approved = seededCrm(gateway.sandbox!.dataverse).quoteOf('anna', 'approved');
    const salesDocuments = gateway.sandbox!.ecc.db.table('VBAK');
    const page = await newPage();
    await signIn(page, anna.fullName);
    await page.goto(`${gateway.origin}/quotes/${approved.id}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(approved.name);
    await page.getByRole('tab', { name: 'SAP' }).click();
    const send = page.locator('#control-SendQuoteToSap');
    const documentField = page.getByLabel('SAP document number');
    const before = salesDocuments.size;

    await send.getByRole('button', { name: 'Send to SAP as order' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => documentField.inputValue(), { timeout: 20_000 }).not.toBe('');
    const documentNumber = await documentField.inputValue();
    expect(await send.textContent()).toContain(documentNumber);
    expect(salesDocuments.size).toBe(before + 1);
    expect(gateway.sandbox!.dataverse.store.table('quote').get(approved.id)?.ecc_sapdocumentnumber).toBe(documentNumber);
    // The sync status on the same form reads again when the SAP document number arrives: the send's result shows at once.
    const syncStatus = page.locator('#control-SyncStatus');
    await expect.poll(() => syncStatus.textContent(), { timeout: 20_000 }).toContain(documentNumber);
    expect(await syncStatus.textContent()).toContain(controlStrings('SyncStatus', 1033).statusSucceeded);
    await page.screenshot({ path: `${SCREENSHOTS}quote-sent.png`, fullPage: true, animations: 'disabled' });

    await send.getByRole('button', { name: 'Send to SAP as order' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => send.textContent(), { timeout: 20_000 }).toContain(documentNumber);
    expect(salesDocuments.size).toBe(before + 1);

    // Read again, the form holds what Dataverse holds: nothing left unsaved.
    await page.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.locator('[data-dirty-flag]').isHidden()).toBe(true);
    expect(await documentField.inputValue()).toBe(documentNumber);
    await page.context().close();
  });

  it('opens an account the rep may not read without its data, and the gateway refuses its SAP data too', { timeout: 120_000 }, async () => {
    const erin = SANDBOX_PERSONAS.find((persona) => persona.key === 'erin')!;
    const hidden = seededCrm(gateway.sandbox!.dataverse).accountNotReadableBy('erin');
    const page = await newPage();
    await signIn(page, erin.fullName);
    await expect.poll(() => page.locator('[data-view="accounts"]').textContent(), { timeout: 15_000 }).not.toContain('Loading…');
    expect(await page.locator('[data-view="accounts"]').textContent()).not.toContain(hidden.name);
    const panelAnswers: { url: string; status: number }[] = [];
    page.on('response', (response) => {
      if (/\/api\/v1\/accounts\/[^/]+\/sap\//.test(response.url())) panelAnswers.push({ url: response.url(), status: response.status() });
    });
    const rfcCallsBefore = [...gateway.sandbox!.ecc.callCounts.values()].reduce((sum, n) => sum + n, 0);
    await page.goto(`${gateway.origin}/accounts/${hidden.id}`);
    await expect.poll(() => page.locator('#form-notifications').textContent(), { timeout: 15_000 }).toContain('Dataverse does not let you read this record');
    expect(await page.locator('body').textContent()).not.toContain(hidden.name);
    await page.getByRole('tab', { name: 'SAP' }).click();
    for (const control of ['SapOrders', 'SapDeliveries', 'SapInvoices', 'SapCredit', 'SyncStatus']) {
      await expect.poll(() => page.locator(`#control-${control}`).textContent(), { timeout: 20_000 }).toContain(controlStrings(control, 1033).notAuthorized);
    }
    // Every account panel asked the gateway, which refused with 403 and never called SAP.
    expect(panelAnswers.map((answer) => answer.status).sort()).toEqual([403, 403, 403, 403]);
    expect([...gateway.sandbox!.ecc.callCounts.values()].reduce((sum, n) => sum + n, 0)).toBe(rfcCallsBefore);
    await page.screenshot({ path: `${SCREENSHOTS}account-not-readable.png`, fullPage: true, animations: 'disabled' });
    await page.context().close();
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
