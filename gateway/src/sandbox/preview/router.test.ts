import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packSolution, SOLUTION_SOURCE_DIR } from '@ecc365/solution';
import express from 'express';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataverseRouter, createSimulatedDataverse, type SimulatedDataverse } from '../dataverse/index.js';
import { importSolution } from '../dataverse/solution/importSolution.js';
import { SANDBOX_PERSONAS } from '../identities.js';
import { createSandboxTokenVerifier, IDP_MOUNT_PATH, SANDBOX_DATAVERSE_PATH, startSandboxIdentityProvider, type SandboxIdentityProvider, type SandboxTokenVerifier } from '../idp/index.js';
import { createFormPreview } from './router.js';
import { PAGE_MODEL_ELEMENT_ID, type FormPageModel, type HomePageModel, type PageModel } from './shared/pageModel.js';
import { writeBuiltControls } from './testing/builtControls.js';

const anna = SANDBOX_PERSONAS.find((persona) => persona.key === 'anna')!;
const ACCOUNT_ID = '3f2b8c1d-6a4e-4f9b-8d2c-1e5a7b9c0d13';
const signedIn = (key = 'anna', language?: number) => ({ Cookie: `ecc365_preview_persona=${key}${language ? `; ecc365_preview_language=${language}` : ''}` });

let idp: SandboxIdentityProvider;
let server: Server;
let origin: string;
let verifier: SandboxTokenVerifier | undefined;
let dataverse: SimulatedDataverse;
const built = writeBuiltControls([{ constructorName: 'SapOrders' }]);
const hostDir = mkdtempSync(path.join(tmpdir(), 'ecc365-host-'));

beforeAll(async () => {
  mkdirSync(path.join(hostDir, 'browser'));
  writeFileSync(path.join(hostDir, 'browser', 'host.js'), 'export {};\n');
  writeFileSync(path.join(hostDir, 'browser', 'notes.txt'), 'not a script');
  dataverse = createSimulatedDataverse();
  importSolution(dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
  idp = await startSandboxIdentityProvider();
  const preview = createFormPreview({ registry: dataverse.registry, paths: { controlsOutDir: built.outDir, hostScriptsDir: hostDir } });
  // The forms come from the simulated Dataverse's Web API on the same origin, as in the sandbox.
  const app = express();
  app.use(IDP_MOUNT_PATH, idp.router);
  app.use(SANDBOX_DATAVERSE_PATH, createDataverseRouter(dataverse, { authenticate: async (authorization) => verifier!.authenticate(authorization) }));
  app.use(preview.router);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND' } }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  verifier = createSandboxTokenVerifier(idp, { audience: `${origin}${SANDBOX_DATAVERSE_PATH}` });
  preview.attach(origin);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await idp.close();
  built.remove();
  rmSync(hostDir, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${origin}${pathname}`, { headers, redirect: 'manual' });
const post = (pathname: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${origin}${pathname}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString(), redirect: 'manual' });

function modelOf(markup: string): PageModel {
  const match = new RegExp(`<script type="application/json" id="${PAGE_MODEL_ELEMENT_ID}">(.*?)</script>`, 's').exec(markup);
  if (!match) throw new Error('the page has no page model');
  return JSON.parse(match[1]!) as PageModel;
}

describe('signing in as a persona', () => {
  it('offers every persona at / to a visitor who is not signed in, without a page model', async () => {
    const response = await get('/');
    const markup = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const persona of SANDBOX_PERSONAS) expect(markup).toContain(persona.fullName);
    expect(markup).not.toContain(PAGE_MODEL_ELEMENT_ID);
  });

  it('signs in with a cookie and returns to the page that asked, on this origin only', async () => {
    const response = await post('/sandbox/preview/session', { persona: 'carla', returnTo: `/accounts/${ACCOUNT_ID}` });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/accounts/${ACCOUNT_ID}`);
    expect(response.headers.get('set-cookie')).toBe('ecc365_preview_persona=carla; Path=/; HttpOnly; SameSite=Lax');
    const elsewhere = await post('/sandbox/preview/session', { persona: 'carla', returnTo: '//evil.example.com/' });
    expect(elsewhere.headers.get('location')).toBe('/');
  });

  it('refuses an unknown persona and a sign-in posted from another site', async () => {
    const unknown = await post('/sandbox/preview/session', { persona: 'mallory' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('PREVIEW_UNKNOWN_PERSONA');
    expect((await post('/sandbox/preview/session', { persona: 'anna' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/sandbox/preview/session', { persona: 'anna' }, { Origin: 'http://evil.example.com' })).status).toBe(403);
  });

  it('switches language and signs out', async () => {
    const language = await post('/sandbox/preview/language', { language: '1031', returnTo: '/' }, signedIn());
    expect(language.status).toBe(303);
    expect(language.headers.get('set-cookie')).toMatch(/^ecc365_preview_language=1031;/);
    expect((await post('/sandbox/preview/language', { language: '1036' })).status).toBe(400);
    const signOut = await post('/sandbox/preview/sign-out', {}, signedIn());
    expect(signOut.headers.get('set-cookie')).toMatch(/^ecc365_preview_persona=; .*Max-Age=0/);
  });
});

describe('the token endpoint', () => {
  it("answers the signed-in persona's token for the gateway's API and for this origin's Dataverse, saying it is the sandbox's", async () => {
    const response = await get('/sandbox/preview/token?resource=dataverse', signedIn());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-ecc365-sandbox')).toMatch(/sandbox/);
    const body = (await response.json()) as { accessToken: string; expiresOn: string };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresOn']);
    expect(decodeJwt(body.accessToken)).toMatchObject({ aud: `${origin}/sandbox/dataverse`, oid: anna.objectId });
    expect(Date.parse(body.expiresOn)).toBeGreaterThan(Date.now());
    const gateway = (await (await get('/sandbox/preview/token?resource=gateway', signedIn('ben'))).json()) as { accessToken: string };
    expect(decodeJwt(gateway.accessToken)).toMatchObject({ aud: 'ecc365-gateway', oid: SANDBOX_PERSONAS.find((p) => p.key === 'ben')!.objectId });
  });

  it('needs a signed-in persona and a known resource, and serves no other site', async () => {
    const anonymous = await get('/sandbox/preview/token?resource=gateway');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-ecc365-sandbox')).toMatch(/sandbox/);
    expect(((await anonymous.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'PREVIEW_SIGN_IN_REQUIRED', message: expect.stringMatching(/sandbox/) });
    expect((await get('/sandbox/preview/token?resource=graph', signedIn())).status).toBe(400);
    expect((await get('/sandbox/preview/token', signedIn())).status).toBe(400);
    expect((await get('/sandbox/preview/token?resource=gateway', { ...signedIn(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});

describe('pages', () => {
  it("gives the home page the persona's views, in the persona's language", async () => {
    const markup = await (await get('/', signedIn('anna', 1031))).text();
    expect(markup).toContain('<html lang="de">');
    const model = modelOf(markup) as HomePageModel;
    expect(model.page).toBe('home');
    expect(model.user).toMatchObject({ personaKey: 'anna', systemUserId: anna.systemUserId, fullName: anna.fullName, languageId: 1031 });
    expect(model.views.map((view) => [view.id, view.title, view.table])).toEqual([
      ['accounts', 'Aktive Firmen', 'account'],
      ['quotes', 'Angebote', 'quote'],
    ]);
    expect(model.views[0]!.columns.map(({ column, isPrimary }) => [column.logicalName, column.label, isPrimary])[0]).toEqual(['name', 'Firmenname', true]);
    expect(model.tables.account).toEqual({ logicalName: 'account', entitySetName: 'accounts', primaryIdAttribute: 'accountid', primaryNameAttribute: 'name' });
    expect(model.webApi).toEqual({ serviceRoot: '/sandbox/dataverse/api/data/v9.2/', tokenUrl: '/sandbox/preview/token?resource=dataverse' });
  });

  it('gives the account form its columns and the built controls with their bindings, strings and platform libraries', async () => {
    const response = await get(`/accounts/${ACCOUNT_ID.toUpperCase()}`, signedIn('anna', 1031));
    const markup = await response.text();
    const model = modelOf(markup) as FormPageModel;
    expect(model).toMatchObject({ page: 'form', table: 'account', recordId: ACCOUNT_ID });
    expect(model.columns.ecc_customernumber).toMatchObject({ type: 'String', label: 'SAP-Kundennummer', editable: true, maxLength: 10 });
    const [orders] = model.controls;
    expect(model.controls).toHaveLength(1);
    expect(orders).toMatchObject({
      slotId: 'control-SapOrders',
      controlName: 'Ecc365.SapOrders',
      controlType: 'virtual',
      bundleUrl: '/sandbox/preview/controls/SapOrders/bundle.js',
      properties: [{ name: 'customerNumber', ofType: 'SingleLine.Text', usage: 'bound', required: true, column: 'ecc_customernumber' }],
      strings: { SapOrders_Name: 'Deutscher Name', refresh: 'Aktualisieren', onlyEnglish: 'Only in English' },
    });
    expect(orders!.platformLibraries.map((library) => library.alias)).toEqual(['Reactv16', 'FluentUIReactv81211']);
    expect(markup).toContain('id="control-SapOrders"');
    expect(model.problems.map((problem) => problem.slotId)).toEqual(['control-SapCredit', 'control-SapDeliveries', 'control-SapInvoices', 'control-SyncStatus']);
    expect(model.problems[0]!.problem).toMatch(/SapCredit is not built.*npm run build/);
    expect(markup).toMatch(/role="note"[^>]*>.*SapCredit is not built/s);
  });

  it('says the form is unavailable, and why, when Dataverse holds no main form of the table, and shows it again once the solution is imported', async () => {
    const model = dataverse.model('systemform');
    const forms = [...dataverse.store.table('systemform').rows.values()].filter((row) => row.objecttypecode === 'quote');
    expect(forms).toHaveLength(1);
    dataverse.delete(dataverse.systemContext(), model, { kind: 'id', id: forms[0]!.formid as string });
    const response = await get(`/quotes/${ACCOUNT_ID}`, signedIn());
    const markup = await response.text();
    expect(response.status).toBe(502);
    expect(markup).toContain('Form unavailable');
    expect(markup).toContain('Dataverse has no active main form of quote: import the ecc365 solution');
    expect(markup).not.toContain(PAGE_MODEL_ELEMENT_ID);
    importSolution(dataverse, packSolution(SOLUTION_SOURCE_DIR, { managed: true }));
    expect((await get(`/quotes/${ACCOUNT_ID}`, signedIn())).status).toBe(200);
  });

  it('sends a visitor who is not signed in to the persona choice, and answers 404 for an id that is no GUID', async () => {
    const markup = await (await get(`/quotes/${ACCOUNT_ID}`)).text();
    expect(markup).toContain(`name="returnTo" value="/quotes/${ACCOUNT_ID}"`);
    expect((await get('/accounts/not-an-id', signedIn())).status).toBe(404);
  });
});

describe('what the pages load', () => {
  async function formModel(): Promise<FormPageModel> {
    return modelOf(await (await get(`/accounts/${ACCOUNT_ID}`, signedIn())).text()) as FormPageModel;
  }

  it('serves the control bundle, its strings and the platform libraries it declares, with their content types', async () => {
    const [orders] = (await formModel()).controls;
    const bundle = await get(orders!.bundleUrl);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await bundle.text()).toContain("registerControl('Ecc365.SapOrders'");
    expect((await get('/sandbox/preview/controls/SapOrders/strings/SapOrders.1031.resx')).status).toBe(200);
    for (const script of orders!.platformLibraries.flatMap((library) => library.scripts)) {
      const response = await get(script);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    const stylesheet = await get('/sandbox/preview/preview.css');
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves nothing a manifest does not list, and no path outside the served folders', async () => {
    writeFileSync(path.join(built.outDir, 'SapOrders', 'private.txt'), 'secret');
    for (const pathname of [
      '/sandbox/preview/controls/SapOrders/private.txt',
      '/sandbox/preview/controls/SapOrders/..%2F..%2Fpackage.json',
      '/sandbox/preview/controls/%2e%2e/SapOrders/bundle.js',
      '/sandbox/preview/controls/SapCredit/bundle.js',
      '/sandbox/preview/platform/..%2Fpackage.json',
      '/sandbox/preview/platform/lodash.js',
      '/sandbox/preview/host/browser/notes.txt',
      '/sandbox/preview/host/..%2F..%2Fpackage.json',
      '/sandbox/preview/host/browser/%2e%2e%2f%2e%2e%2fetc%2fpasswd.js',
    ]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(await response.text(), pathname).not.toContain('secret');
    }
  });

  it("serves the browser host's scripts", async () => {
    const host = await get('/sandbox/preview/host/browser/host.js');
    expect(host.status).toBe(200);
    expect(host.headers.get('content-type')).toMatch(/javascript/);
  });
});
