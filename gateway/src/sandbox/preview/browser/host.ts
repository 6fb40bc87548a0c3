/**
 * The form preview's browser host: reads the page model the server wrote into the page, builds
 * the ComponentFramework context's shared parts for the signed-in persona (their formats and
 * language, webAPI with their Dataverse token) and starts the page: the home page's views or a
 * form with its controls.
 */

import { PAGE_MODEL_ELEMENT_ID, type PageModel } from '../shared/pageModel.js';
import { createSharedContext } from './context.js';
import { cultureFor } from './cultures.js';
import { createFormatting } from './formatting.js';
import { startFormPage } from './formPage.js';
import { startHomePage } from './homePage.js';
import { createNavigation } from './navigation.js';
import { installComponentFramework } from './platform.js';
import { createAccessTokens } from './tokens.js';
import { createWebApi } from './webApi.js';

/** Tables with a form in the preview, for context.navigation.openForm. */
const FORM_PATHS = { account: '/accounts/', quote: '/quotes/' };

function pageModel(): PageModel {
  const element = document.getElementById(PAGE_MODEL_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`The page has no #${PAGE_MODEL_ELEMENT_ID}: the form preview's server writes it into every page.`);
  return JSON.parse(element.textContent) as PageModel;
}

const model = pageModel();
const culture = cultureFor(model.user.languageId);
const shared = createSharedContext({
  user: model.user,
  culture,
  formatting: createFormatting(culture),
  webAPI: createWebApi({
    serviceRoot: model.webApi.serviceRoot,
    origin: location.origin,
    tables: model.tables,
    tokens: createAccessTokens(model.webApi.tokenUrl, (input, init) => fetch(input, init)),
    fetch: (input, init) => fetch(input, init),
  }),
  navigation: createNavigation({ ok: model.messages.dialogOk, cancel: model.messages.dialogCancel, error: model.messages.dialogError }, FORM_PATHS),
});

installComponentFramework();
if (model.page === 'home') startHomePage(model, shared);
else startFormPage(model, shared);
