/**
 * The form preview's HTTP face, mounted at / on the gateway's origin in sandbox mode:
 *
 *   GET  /                                    the signed-in persona's accounts and quotes (or the persona choice)
 *   GET  /accounts/{id}, /quotes/{id}         account and quote forms hosting the built controls, laid out
 *                                             from the main form Dataverse holds (the solution's form XML)
 *   GET  /sandbox/preview/sign-in             the persona choice
 *   POST /sandbox/preview/session             sign in as a persona (form: persona, returnTo)
 *   POST /sandbox/preview/sign-out            sign out
 *   POST /sandbox/preview/language            switch language (form: language 1033|1031, returnTo)
 *   GET  /sandbox/preview/token?resource=gateway|dataverse
 *                                             the signed-in persona's access token: { accessToken, expiresOn }
 *   GET  /sandbox/preview/preview.css, /host/…, /platform/…, /controls/{Name}/…
 *                                             stylesheet, browser host, platform libraries, control bundles
 *
 * Only what is named is served: control files the control's manifest lists, platform libraries
 * the controls declare, the host's compiled scripts; no path from a request reaches the disk.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { MetadataRegistry } from '../dataverse/metadata.js';
import { WEB_API_PATH } from '../dataverse/router.js';
import { SANDBOX_TENANT_ID } from '../identities.js';
import { IDP_MOUNT_PATH, SANDBOX_DATAVERSE_PATH, SANDBOX_GATEWAY_API_ID_URI } from '../idp/index.js';
import { chromeStrings, hostMessages } from './chromeStrings.js';
import { createControlCatalog, ControlManifestError } from './controlCatalog.js';
import { createFormSource, PreviewFormUnavailable } from './formSource.js';
import { FormXmlError } from './formXmlLayout.js';
import { HOME_VIEWS } from './homeViews.js';
import { html, type Html } from './html.js';
import { formPageModel, homePageModel, userModel, type PageModelSources } from './pageModels.js';
import { formBody, formUnavailableBody, homeBody, notFoundBody, page, signInBody, type PageAssets } from './pages.js';
import { defaultPreviewPaths, type PreviewPaths } from './paths.js';
import { createPersonaTokens, PreviewTokenError, type PersonaTokens, type PreviewResource } from './personaTokens.js';
import { createPlatformLibraries } from './platformLibraries.js';
import { asLanguageId, findPersona, languageCookie, localPath, personaCookie, readSession, type PreviewSession } from './session.js';
import type { PageModel } from './shared/pageModel.js';

export const PREVIEW_PATH = '/sandbox/preview';

export interface FormPreviewOptions {
  /** The simulated Dataverse's table metadata: entity sets and columns of the forms. Its forms are read over its Web API on the attached origin. */
  registry: MetadataRegistry;
  /** Where the built controls, the platform libraries, the browser host and the stylesheet are; this repository's by default. */
  paths?: Partial<PreviewPaths>;
  /** For the token requests to the identity provider and the form requests to Dataverse (tests). */
  fetch?: typeof fetch;
}

export interface FormPreview {
  /** Mount at / on the gateway's origin, in sandbox mode only. */
  router: Router;
  /** Tells the preview the origin it is served on, once the server listens: tokens are issued for this origin's Dataverse. */
  attach(origin: string): void;
  /** The URLs to print for the user. */
  endpoints(origin: string): { label: string; url: string; note?: string }[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The tables whose main forms the preview opens, from the solution (systemform). */
const FORM_TABLES = ['account', 'quote'] as const;
const RESOURCES: readonly PreviewResource[] = ['gateway', 'dataverse'];

/** Said by every token answer: the endpoint is the sandbox's, never a production gateway's. */
const SANDBOX_NOTICE = 'ecc365 sandbox form preview: tokens of sandbox personas; a gateway on real systems has no such endpoint';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // pcf-scripts' development bundles evaluate their modules (webpack's eval devtool).
  "script-src 'self' 'unsafe-eval'",
  // Fluent UI writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // Fluent UI loads Segoe UI and its icon font from Microsoft's CDN, as in Dynamics 365.
  "font-src 'self' data: https://res.cdn.office.net https://res-1.cdn.office.net https://static2.sharepointonline.com https://spoppe-b.azureedge.net",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function sendPage(res: Response, status: number, markup: string): void {
  res
    .status(status)
    .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Referrer-Policy': 'same-origin' })
    .send(markup);
}

function sendError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ 'Cache-Control': 'no-store', ...headers }).json({ error: { code, message } });
}

/** Form posts and token requests come from the preview's own pages, never from another site. */
function fromThisOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') return site !== undefined || origin === undefined;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function createFormPreview(options: FormPreviewOptions): FormPreview {
  const paths: PreviewPaths = { ...defaultPreviewPaths(), ...options.paths };
  const catalog = createControlCatalog(paths.controlsOutDir);
  const platform = createPlatformLibraries(paths.controlsPackageDir);
  let origin: string | undefined;
  const tokens: PersonaTokens = createPersonaTokens({
    tokenEndpoint: () => `${attachedOrigin()}${IDP_MOUNT_PATH}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`,
    resourceIds: () => ({ gateway: SANDBOX_GATEWAY_API_ID_URI, dataverse: `${attachedOrigin()}${SANDBOX_DATAVERSE_PATH}` }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  function attachedOrigin(): string {
    if (origin === undefined) throw new PreviewTokenError('the form preview is not attached to the origin it is served on yet');
    return origin;
  }

  const forms = createFormSource({
    registry: options.registry,
    serviceRoot: () => `${attachedOrigin()}${SANDBOX_DATAVERSE_PATH}${WEB_API_PATH}/`,
    accessToken: async (persona) => (await tokens.tokenFor(persona, 'dataverse')).accessToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const assets: PageAssets = {
    stylesheet: `${PREVIEW_PATH}/preview.css`,
    hostScript: `${PREVIEW_PATH}/host/browser/host.js`,
    signInAction: `${PREVIEW_PATH}/session`,
    signOutAction: `${PREVIEW_PATH}/sign-out`,
    languageAction: `${PREVIEW_PATH}/language`,
  };
  const sources: PageModelSources = {
    registry: options.registry,
    catalog,
    platform,
    urls: {
      serviceRoot: `${SANDBOX_DATAVERSE_PATH}${WEB_API_PATH}/`,
      dataverseTokenUrl: `${PREVIEW_PATH}/token?resource=dataverse`,
      controlResource: (folder, resourcePath) => `${PREVIEW_PATH}/controls/${encodeURIComponent(folder)}/${resourcePath.split('/').map(encodeURIComponent).join('/')}`,
      platformScript: (key) => `${PREVIEW_PATH}/platform/${encodeURIComponent(key)}`,
      iconFonts: `${PREVIEW_PATH}/platform/icons/`,
    },
  };

  const hostBuilt = (): boolean => existsSync(path.join(paths.hostScriptsDir, 'browser', 'host.js'));

  function render(req: Request, res: Response, session: PreviewSession, title: string, body: Html, model?: PageModel, status = 200): void {
    const notice = model && !hostBuilt() ? html`<p class="page-notice" role="alert">The form preview's browser host is not built (${paths.hostScriptsDir}): run <code>npm run build</code>.</p>` : '';
    sendPage(res, status, page({ title, languageId: session.languageId, persona: session.persona, path: localPath(req.originalUrl), assets }, html`${notice}${body}`, model));
  }

  function signIn(req: Request, res: Response, session: PreviewSession): void {
    const returnTo = localPath(typeof req.query.returnTo === 'string' ? req.query.returnTo : req.originalUrl);
    render(req, res, session, chromeStrings(session.languageId).signInTitle, signInBody(session.languageId, returnTo, assets.signInAction));
  }

  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  router.get('/', (req, res) => {
    const session = readSession(req.get('cookie'));
    if (!session.persona) return signIn(req, res, session);
    const strings = chromeStrings(session.languageId);
    const model = homePageModel(sources, HOME_VIEWS, userModel(session.persona, session.languageId), hostMessages(strings));
    render(req, res, session, strings.home, homeBody(model), model);
  });

  // The form is read from Dataverse on every open, as an app reads it: a newly imported solution shows at once.
  const formRoute = (table: string) => async (req: Request, res: Response, next: NextFunction) => {
    const session = readSession(req.get('cookie'));
    const id = String(req.params.id);
    if (!GUID.test(id)) return render(req, res, session, chromeStrings(session.languageId).notFound, notFoundBody(session.languageId), undefined, 404);
    if (!session.persona) return signIn(req, res, session);
    const strings = chromeStrings(session.languageId);
    try {
      const layout = await forms.mainForm(session.persona, table);
      const model = formPageModel(sources, layout, id.toLowerCase(), userModel(session.persona, session.languageId), hostMessages(strings));
      render(req, res, session, layout.tableLabel[session.languageId], formBody(model, layout), model);
    } catch (error) {
      if (!(error instanceof PreviewFormUnavailable || error instanceof FormXmlError || error instanceof PreviewTokenError)) return next(error);
      render(req, res, session, strings.formUnavailable, formUnavailableBody(session.languageId, error.message), undefined, 502);
    }
  };
  for (const table of FORM_TABLES) {
    const entity = options.registry.entity(table);
    if (entity) router.get(`/${entity.entitySetName}/:id`, formRoute(table));
  }

  router.get(`${PREVIEW_PATH}/sign-in`, (req, res) => signIn(req, res, readSession(req.get('cookie'))));

  router.post(`${PREVIEW_PATH}/session`, form, (req: Request, res: Response) => {
    if (!fromThisOrigin(req)) return sendError(res, 403, 'PREVIEW_CROSS_SITE', 'Sign in from the form preview itself.');
    const body = req.body as Record<string, unknown>;
    const persona = findPersona(typeof body.persona === 'string' ? body.persona : undefined);
    if (!persona) return sendError(res, 400, 'PREVIEW_UNKNOWN_PERSONA', `Choose one of the sandbox personas (gateway/src/sandbox/identities.ts); "${String(body.persona)}" is none of them.`);
    res.set('Set-Cookie', personaCookie(persona)).redirect(303, localPath(body.returnTo));
  });

  router.post(`${PREVIEW_PATH}/sign-out`, form, (req: Request, res: Response) => {
    if (!fromThisOrigin(req)) return sendError(res, 403, 'PREVIEW_CROSS_SITE', 'Sign out from the form preview itself.');
    res.set('Set-Cookie', personaCookie(undefined)).redirect(303, '/');
  });

  router.post(`${PREVIEW_PATH}/language`, form, (req: Request, res: Response) => {
    if (!fromThisOrigin(req)) return sendError(res, 403, 'PREVIEW_CROSS_SITE', 'Switch the language from the form preview itself.');
    const body = req.body as Record<string, unknown>;
    const languageId = asLanguageId(typeof body.language === 'string' ? body.language : undefined);
    if (languageId === undefined) return sendError(res, 400, 'PREVIEW_UNKNOWN_LANGUAGE', 'The form preview speaks English (1033) and German (1031).');
    res.set('Set-Cookie', languageCookie(languageId)).redirect(303, localPath(body.returnTo));
  });

  router.get(`${PREVIEW_PATH}/token`, async (req, res, next) => {
    const headers = { 'X-Ecc365-Sandbox': SANDBOX_NOTICE, 'Cross-Origin-Resource-Policy': 'same-origin' };
    const resource = req.query.resource;
    if (!fromThisOrigin(req)) return sendError(res, 403, 'PREVIEW_CROSS_SITE', 'Only the form preview\'s own pages get tokens.', headers);
    if (typeof resource !== 'string' || !RESOURCES.includes(resource as PreviewResource)) {
      return sendError(res, 400, 'PREVIEW_UNKNOWN_RESOURCE', `Ask for resource=gateway (the gateway's API) or resource=dataverse (the simulated Dataverse). ${SANDBOX_NOTICE}.`, headers);
    }
    const { persona } = readSession(req.get('cookie'));
    if (!persona) return sendError(res, 401, 'PREVIEW_SIGN_IN_REQUIRED', `No persona is signed in to the form preview: choose one at ${PREVIEW_PATH}/sign-in. ${SANDBOX_NOTICE}.`, headers);
    try {
      const token = await tokens.tokenFor(persona, resource as PreviewResource);
      res.set({ ...headers, 'Cache-Control': 'no-store' }).json({ accessToken: token.accessToken, expiresOn: token.expiresOn.toISOString() });
    } catch (error) {
      if (error instanceof PreviewTokenError) return sendError(res, 502, 'PREVIEW_TOKEN_UNAVAILABLE', error.message, headers);
      next(error);
    }
  });

  router.get(`${PREVIEW_PATH}/preview.css`, (_req, res, next) => {
    res.sendFile(paths.stylesheetFile, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } }, (error) => error && next(error));
  });

  const hostNotFound = (req: Request, res: Response) => sendError(res, 404, 'PREVIEW_NOT_FOUND', `The browser host has no ${req.path}; npm run build compiles it.`);
  router.use(
    `${PREVIEW_PATH}/host`,
    (req: Request, res: Response, next: NextFunction) => (/\.js(\.map)?$/.test(req.path) ? next() : hostNotFound(req, res)),
    express.static(paths.hostScriptsDir, { index: false, dotfiles: 'deny', setHeaders: (res) => res.set('X-Content-Type-Options', 'nosniff') }),
    hostNotFound,
  );

  router.get(`${PREVIEW_PATH}/platform/:key`, (req, res, next) => {
    const script = platform.script(String(req.params.key));
    if (!script) return sendError(res, 404, 'PREVIEW_NOT_FOUND', `No control on the preview's forms declares a platform library served as ${String(req.params.key)}; open a form first.`);
    res.sendFile(script.file, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=3600' } }, (error) => error && next(error));
  });

  router.get(`${PREVIEW_PATH}/platform/icons/:name`, (req, res, next) => {
    const file = platform.iconFont(String(req.params.name));
    if (!file) return sendError(res, 404, 'PREVIEW_NOT_FOUND', `Fluent has no icon font ${String(req.params.name)}.`);
    // The names carry the font's hash: a file never changes under its name.
    res.sendFile(file, { headers: { 'Content-Type': 'font/woff', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400, immutable' } }, (error) => error && next(error));
  });

  router.get(`${PREVIEW_PATH}/controls/:folder/*resource`, (req, res, next) => {
    const resourcePath = ([] as string[]).concat(req.params.resource).join('/');
    let file: string | undefined;
    try {
      file = catalog.resourceFile(catalog.control(String(req.params.folder)), resourcePath);
    } catch (error) {
      if (error instanceof ControlManifestError) return sendError(res, 404, 'PREVIEW_CONTROL_NOT_BUILT', error.message);
      return next(error);
    }
    if (!file) return sendError(res, 404, 'PREVIEW_NOT_FOUND', `${String(req.params.folder)}'s manifest lists no resource ${resourcePath}.`);
    res.sendFile(file, { headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
  });

  return {
    router,
    attach: (served) => {
      origin = served;
    },
    endpoints: (served) => [{ label: 'Form preview', url: `${served}/`, note: 'sign in as a sales rep persona; account and quote forms host the built controls' }],
  };
}
